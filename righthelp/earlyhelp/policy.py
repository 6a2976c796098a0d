"""Which roles may use each page and API operation of this app.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``.
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
from righthelp.staff.models import Role  # noqa: F401

POLICY: dict[str, frozenset | str] = {}

# --- Figures for managers: Hub managers, team managers and analysts -------------------------
POLICY.update({
    "early-help-figures": FIGURES,
    "api-1:early-help-figures": FIGURES,
})
