"""Shared models: the council's settings, the audit trail, access grants and deadlines."""

from .access import BreakGlassGrant, RestrictedAccessGrant
from .audit import AuditEvent
from .council import Council, FamilyHub, Locality, PartnerAgency, Target, Timescale
from .deadlines import Deadline

__all__ = [
    "AuditEvent",
    "BreakGlassGrant",
    "Council",
    "Deadline",
    "FamilyHub",
    "Locality",
    "PartnerAgency",
    "RestrictedAccessGrant",
    "Target",
    "Timescale",
]
