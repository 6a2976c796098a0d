"""The named groups of roles that URL policies are written in (core and every app's policy.py)."""

from righthelp.staff.models import Role

POLICY_REFUSAL = "Your role does not use this page."
PUBLIC = "public"  # no sign-in needed (the sign-in page itself, the API schema)

ALL_ROLES = frozenset(Role)
RECORD_ROLES = ALL_ROLES - {Role.ANALYST, Role.ADMINISTRATOR}
PRACTITIONERS = RECORD_ROLES - {Role.PARTNER_LEAD_PROFESSIONAL}
MANAGERS = frozenset({Role.TEAM_MANAGER, Role.HUB_MANAGER})
HUB = frozenset({Role.HUB_WORKER, Role.HUB_MANAGER})
# Out-of-hours contacts are taken by Emergency Duty Team social workers; the view checks the
# team as well as the role.
CONTACT_TAKERS = HUB | {Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER, Role.TEAM_MANAGER}
FIGURES = frozenset({Role.HUB_MANAGER, Role.TEAM_MANAGER, Role.ANALYST})
ADMINISTRATORS = frozenset({Role.ADMINISTRATOR})
