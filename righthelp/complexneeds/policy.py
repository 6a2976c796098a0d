"""Which roles may use each page and API operation of Supporting Children with Complex Needs.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``. The team is social workers, senior social
workers and its team manager; the services check team membership. A child's complex needs
page is open to practitioners whose need-to-know lets them open the child.
"""

from righthelp.core.policy_roles import PRACTITIONERS
from righthelp.staff.models import Role

COMPLEX_NEEDS = frozenset({Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER, Role.TEAM_MANAGER})

POLICY: dict[str, frozenset | str] = {
    "cn-list": COMPLEX_NEEDS,
    "cn-record": PRACTITIONERS,
    "cn-record-new": COMPLEX_NEEDS,
    "cn-record-edit": COMPLEX_NEEDS,
    "cn-ehc": COMPLEX_NEEDS,
    "cn-transition": COMPLEX_NEEDS,
    "cn-record-close": COMPLEX_NEEDS,
    "api-1:cn-list": COMPLEX_NEEDS,
    "api-1:cn-record": PRACTITIONERS,
    "api-1:cn-record-create": COMPLEX_NEEDS,
    "api-1:cn-record-update": COMPLEX_NEEDS,
    "api-1:cn-ehc-save": COMPLEX_NEEDS,
    "api-1:cn-transition-save": COMPLEX_NEEDS,
    "api-1:cn-record-close": COMPLEX_NEEDS,
}
