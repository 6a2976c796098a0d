"""Statutory social work (pathway.md section 5): Assessment and Support, Strengthening and
Supporting Families, and child protection conferences."""

from .assessments import Assessment, Section47Enquiry, StrategyDiscussion
from .conferences import ChildProtectionConference
from .episodes import ChildInNeedEpisode, Transfer
from .plans import (
    ChildInNeedPlan,
    ChildProtectionPlan,
    ContingencyOption,
    ContingencyPlan,
    Escalation,
    PlanAction,
    PlanReview,
    Reassessment,
    Visit,
)

__all__ = [
    "Assessment", "ChildInNeedEpisode", "ChildInNeedPlan", "ChildProtectionConference",
    "ChildProtectionPlan", "ContingencyOption", "ContingencyPlan", "Escalation", "PlanAction",
    "PlanReview", "Reassessment", "Section47Enquiry", "StrategyDiscussion", "Transfer", "Visit",
]
