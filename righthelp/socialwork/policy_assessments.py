"""Which roles may use each page and API operation of the assessments side of social work.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``.

Social workers, senior social workers and team managers of Assessment and Support (and of
Strengthening and Supporting Families, once work is transferred) write assessments, strategy
discussions and Section 47 enquiries; only team managers authorise outcomes, transfer and
close. Child Protection chairs and Independent Reviewing Officers read them (an enquiry leads
to a conference; a child may come into care). Need to know still decides which children's
records each page shows, and the services check the team holding the work.
"""

from righthelp.staff.models import Role

SOCIAL_WORK = frozenset({Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER, Role.TEAM_MANAGER})
TEAM_MANAGER = frozenset({Role.TEAM_MANAGER})
READERS = SOCIAL_WORK | {Role.CP_CHAIR, Role.IRO}

PAGES: dict[str, frozenset | str] = {
    "sw-child": READERS,
    "sw-team-work": SOCIAL_WORK,
    "sw-assessment": READERS,
    "sw-assessment-send": SOCIAL_WORK,
    "sw-assessment-authorise": TEAM_MANAGER,
    "sw-strategy-new": SOCIAL_WORK,
    "sw-section47": READERS,
    "sw-section47-outcome": TEAM_MANAGER,
    "sw-transfer-new": TEAM_MANAGER,
    "sw-episode-close": TEAM_MANAGER,
}
API: dict[str, frozenset | str] = {
    "api-1:sw-child-work": READERS,
    "api-1:sw-team-open-work": SOCIAL_WORK,
    "api-1:sw-assessment-detail": READERS,
    "api-1:sw-assessment-save": SOCIAL_WORK,
    "api-1:sw-assessment-send": SOCIAL_WORK,
    "api-1:sw-assessment-authorise": TEAM_MANAGER,
    "api-1:sw-assessment-return": TEAM_MANAGER,
    "api-1:sw-strategy-discussion-create": SOCIAL_WORK,
    "api-1:sw-section47-detail": READERS,
    "api-1:sw-section47-save": SOCIAL_WORK,
    "api-1:sw-section47-outcome": TEAM_MANAGER,
    "api-1:sw-transfer-create": TEAM_MANAGER,
    "api-1:sw-episode-close": TEAM_MANAGER,
}
POLICY: dict[str, frozenset | str] = {**PAGES, **API}
