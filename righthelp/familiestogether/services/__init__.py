"""Writes for Families Together: each one function, keyword arguments, one transaction, its
own audit event."""

from .crisis import (  # noqa: F401
    CONTACT_BEFORE_RAISED,
    CRISIS_ONLY_FOR_CRISIS_WORK,
    OUTCOME_NEEDS_WORK_DONE,
    crisis_open,
    crisis_update,
)
from .meetings import (  # noqa: F401
    ATTENDED_NOT_INVITED,
    INVITE_SOMEONE,
    MEETING_ONLY_FOR_MEETINGS,
    NOT_IN_NETWORK,
    PLAN_NEEDS_ITEMS,
    PLAN_NOT_AWAITING,
    PRIVATE_TIME_LENGTH,
    REASON_FOR_RESPONSE,
    RESPONSE_ONLY_ALLOCATED,
    family_plan_record,
    family_plan_respond,
    meeting_record,
)
from .referrals import (  # noqa: F401
    CONSULTATION_DATE_REQUIRED,
    CONSULTATION_NOT_WITH_COORDINATOR,
    CONSULTATION_REQUIRED,
    DISCUSSED_REQUIRED,
    FUTURE_DATE,
    ILLEGAL_MOVE,
    ONLY_ALLOCATED_SOCIAL_WORKER,
    ONLY_TEAM,
    ONLY_TEAM_OR_REFERRER,
    PRACTITIONER_NOT_IN_TEAM,
    REASON_REQUIRED,
    REFERRAL_REASON_REQUIRED,
    referral_accept,
    referral_close,
    referral_consultation,
    referral_create,
    referral_decline,
    referral_withdraw,
)
