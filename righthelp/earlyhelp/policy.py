"""Which roles may use each page and API operation of this app.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``. The roles only open the door: which episodes
each person sees is ``earlyhelp/access.py`` (the lead, the invited, the locality's link worker
and early help team, the Early Help Hub).
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

# Who works in early help episodes: lead professionals (partners and the council's early help
# practitioners), link workers, team managers, and social workers invited alongside a lead
# after a step up.
EARLY_HELP = frozenset({
    Role.PARTNER_LEAD_PROFESSIONAL, Role.EARLY_HELP_PRACTITIONER, Role.LINK_WORKER,
    Role.TEAM_MANAGER, Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER,
})
# Who opens early help directly, without a request to the Hub.
OPENERS = frozenset({Role.PARTNER_LEAD_PROFESSIONAL, Role.EARLY_HELP_PRACTITIONER})
# The Early Help Hub's members are early help practitioners (and its manager); the service
# checks the team.
LEAD_AGREERS = frozenset({Role.EARLY_HELP_PRACTITIONER, Role.TEAM_MANAGER})
LINK_WORKERS = frozenset({Role.LINK_WORKER, Role.TEAM_MANAGER})

POLICY: dict[str, frozenset | str] = {
    # Pages.
    "early-help-home": EARLY_HELP,
    "early-help-open": OPENERS,
    "early-help-episode": EARLY_HELP,
    "early-help-member-add": EARLY_HELP,
    "early-help-invite": EARLY_HELP,
    "early-help-agree-lead": LEAD_AGREERS,
    "early-help-assessment": EARLY_HELP,
    "early-help-plan": EARLY_HELP,
    "early-help-action-add": EARLY_HELP,
    "early-help-action-edit": EARLY_HELP,
    "early-help-plan-agree": EARLY_HELP,
    "early-help-plan-share": EARLY_HELP,
    "early-help-plan-print": EARLY_HELP,
    "early-help-meeting": EARLY_HELP,
    "early-help-review": EARLY_HELP,
    "early-help-step-up": EARLY_HELP,
    "early-help-consent": EARLY_HELP,
    "early-help-close": EARLY_HELP,
    "early-help-link-worker": LINK_WORKERS,
    # The JSON API: the same roles as the pages it mirrors.
    "api-1:early-help-episodes": EARLY_HELP,
    "api-1:early-help-episode-open": OPENERS,
    "api-1:early-help-episode": EARLY_HELP,
    "api-1:early-help-invite": EARLY_HELP,
    "api-1:early-help-agree-lead": LEAD_AGREERS,
    "api-1:early-help-assessment-save": EARLY_HELP,
    "api-1:early-help-assessment-complete": EARLY_HELP,
    "api-1:early-help-plan-save": EARLY_HELP,
    "api-1:early-help-action-add": EARLY_HELP,
    "api-1:early-help-action-update": EARLY_HELP,
    "api-1:early-help-plan-agree": EARLY_HELP,
    "api-1:early-help-plan-share": EARLY_HELP,
    "api-1:early-help-meeting-add": EARLY_HELP,
    "api-1:early-help-review-add": EARLY_HELP,
    "api-1:early-help-step-up": EARLY_HELP,
    "api-1:early-help-consent-withdraw": EARLY_HELP,
    "api-1:early-help-close": EARLY_HELP,
    "api-1:early-help-link-worker": LINK_WORKERS,
}

# --- Figures for managers: Hub managers, team managers and analysts -------------------------
POLICY.update({
    "early-help-figures": FIGURES,
    "api-1:early-help-figures": FIGURES,
})
