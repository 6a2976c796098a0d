"""Which roles may use each page and API operation of the plans side of social work.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``.

Social workers, senior social workers and team managers hold the plans. Child Protection
chairs chair conferences, co-produce child protection plans with the family, and review them
between conferences (the midway review; the chairs' drift page). Independent Reviewing
Officers read plans and conferences (a child on a plan may come into care) but write nothing
here. Need to know still decides which children's records each page shows.
"""

from righthelp.core.policy_roles import (  # noqa: F401
    ADMINISTRATORS,
    ALL_ROLES,
    FIGURES,
    HUB,
    MANAGERS,
    PRACTITIONERS,
    PUBLIC,
    RECORD_ROLES,
)
from righthelp.staff.models import Role

SOCIAL_WORK = frozenset({Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER, Role.TEAM_MANAGER})
CHAIRS = frozenset({Role.CP_CHAIR})
READERS = SOCIAL_WORK | CHAIRS | {Role.IRO}
PAGES: dict[str, frozenset | str] = {
    "sw-episode-plans": READERS,
    "sw-cin-plan": READERS,
    "sw-cin-plan-edit": SOCIAL_WORK,
    "sw-cin-plan-action-new": SOCIAL_WORK,
    "sw-cin-plan-end": SOCIAL_WORK,
    "sw-cin-plan-review-new": SOCIAL_WORK,
    "sw-cin-plan-escalate": SOCIAL_WORK,
    "sw-cp-plan": READERS,
    "sw-cp-plan-edit": SOCIAL_WORK | CHAIRS,
    "sw-cp-plan-action-new": SOCIAL_WORK | CHAIRS,
    "sw-cp-plan-midway-new": CHAIRS,
    "sw-plan-action-edit": SOCIAL_WORK | CHAIRS,
    "sw-conference-new": SOCIAL_WORK | CHAIRS,
    "sw-conference": READERS,
    "sw-visit-new": SOCIAL_WORK,
    "sw-reassessment-new": SOCIAL_WORK,
    "sw-contingency-new": SOCIAL_WORK,
    "sw-contingency": READERS,
    "sw-chairs": CHAIRS | {Role.TEAM_MANAGER},
}
API: dict[str, frozenset | str] = {
    "sw-cin-plan-detail": READERS,
    "sw-cin-plan-update": SOCIAL_WORK,
    "sw-cin-plan-action-create": SOCIAL_WORK,
    "sw-cin-plan-end": SOCIAL_WORK,
    "sw-cin-plan-review-create": SOCIAL_WORK,
    "sw-cin-plan-escalate": SOCIAL_WORK,
    "sw-cp-plan-detail": READERS,
    "sw-cp-plan-update": SOCIAL_WORK | CHAIRS,
    "sw-cp-plan-action-create": SOCIAL_WORK | CHAIRS,
    "sw-cp-plan-midway-create": CHAIRS,
    "sw-plan-action-update": SOCIAL_WORK | CHAIRS,
    "sw-conference-create": SOCIAL_WORK | CHAIRS,
    "sw-conference-detail": READERS,
    "sw-visit-create": SOCIAL_WORK,
    "sw-reassessment-create": SOCIAL_WORK,
    "sw-contingency-create": SOCIAL_WORK,
    "sw-contingency-detail": READERS,
    "sw-chair-drift": CHAIRS | {Role.TEAM_MANAGER},
}
POLICY: dict[str, frozenset | str] = {**PAGES, **{f"api-1:{k}": v for k, v in API.items()}}
