"""Early help writes. Each is one transaction that writes its own audit event."""

from .assessment import assessment_complete, assessment_save
from .common import Conflict, NewMember
from .episodes import (
    consent_withdraw,
    episode_agree_lead,
    episode_close,
    episode_open,
    episode_open_from_step_down,
    invitation_add,
    invitation_end,
    member_add,
    receive_from_hub,
)
from .meetings import meeting_record, review_record
from .plans import action_add, action_update, plan_agree, plan_save, plan_share
from .steps import step_up

__all__ = [
    "Conflict",
    "NewMember",
    "action_add",
    "action_update",
    "assessment_complete",
    "assessment_save",
    "consent_withdraw",
    "episode_agree_lead",
    "episode_close",
    "episode_open",
    "episode_open_from_step_down",
    "invitation_add",
    "invitation_end",
    "meeting_record",
    "member_add",
    "plan_agree",
    "plan_save",
    "plan_share",
    "receive_from_hub",
    "review_record",
    "step_up",
]
