"""The front door: requests for support and other contacts, checks, Hub decisions, advice."""

from .advice import AdviceConsultation
from .checks import HomeVisit, MultiAgencyCheck
from .decisions import AssessmentKind, HubDecision, NextStep
from .requests import RequestChild, RequestForSupport

__all__ = [
    "AdviceConsultation",
    "AssessmentKind",
    "HomeVisit",
    "HubDecision",
    "MultiAgencyCheck",
    "NextStep",
    "RequestChild",
    "RequestForSupport",
]
