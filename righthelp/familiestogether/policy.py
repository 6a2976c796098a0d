"""Which roles may use each page and API operation of Families Together.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``. The Families Together team (its coordinator and
workers) are social workers and senior social workers; referrals come from allocated social
workers; team managers see their teams' children's. The selectors then decide which records.
"""

from righthelp.staff.models import Role

FAMILIES_TOGETHER = frozenset({Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER, Role.TEAM_MANAGER})

PAGES = ("ft-referral-list", "ft-referral-new", "ft-referral", "ft-consultation", "ft-decision",
         "ft-referral-end", "ft-meeting-new", "ft-plan-new", "ft-plan-respond", "ft-crisis-new",
         "ft-crisis")
OPERATIONS = ("ft-referral-list", "ft-referral-create", "ft-referral-detail",
              "ft-consultation", "ft-accept", "ft-decline", "ft-withdraw", "ft-close",
              "ft-meeting-create", "ft-plan-create", "ft-plan-respond", "ft-crisis-create",
              "ft-crisis-update")

POLICY: dict[str, frozenset | str] = {
    **dict.fromkeys(PAGES, FAMILIES_TOGETHER),
    **{f"api-1:{name}": FAMILIES_TOGETHER for name in OPERATIONS},
}
