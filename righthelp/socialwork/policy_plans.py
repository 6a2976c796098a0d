"""Which roles may use each page and API operation of the plans side of social work.

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
