"""Early help: episodes with a family, the Early Help Assessment, the family's plan, team around
the family meetings, reviews, and stepping up to the Hub or down from social care."""

from .assessment import AssessmentStatus, EarlyHelpAssessment
from .episodes import (
    ClosureReason,
    EarlyHelpEpisode,
    EpisodeInvitation,
    EpisodeMember,
    EpisodeStatus,
    OpenedVia,
)
from .meetings import ActionProgress, EarlyHelpReview, TeamAroundFamilyMeeting
from .plans import ActionOutcome, ActionOwner, ActionStatus, CouncilService, FamilyPlan, PlanAction
from .steps import RiskChange, StepDown, StepUp

__all__ = [
    "ActionOutcome",
    "ActionOwner",
    "ActionProgress",
    "ActionStatus",
    "AssessmentStatus",
    "ClosureReason",
    "CouncilService",
    "EarlyHelpAssessment",
    "EarlyHelpEpisode",
    "EarlyHelpReview",
    "EpisodeInvitation",
    "EpisodeMember",
    "EpisodeStatus",
    "FamilyPlan",
    "OpenedVia",
    "PlanAction",
    "RiskChange",
    "StepDown",
    "StepUp",
    "TeamAroundFamilyMeeting",
]
