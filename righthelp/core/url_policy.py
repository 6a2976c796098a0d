"""One written policy: which roles may use each URL of the app.

Every URL name (with its namespace) must have an entry; a URL without one is refused to
everyone, and a test fails until the policy names it. The policy says which *pages* a role
may use; need-to-know (``access.py``) then decides which *records* each page shows.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

from righthelp.complexneeds.policy import POLICY as COMPLEX_NEEDS
from righthelp.directory.policy import POLICY as DIRECTORY
from righthelp.earlyhelp.policy import POLICY as EARLY_HELP
from righthelp.familiestogether.policy import POLICY as FAMILIES_TOGETHER
from righthelp.returns.policy import POLICY as RETURNS
from righthelp.socialwork.policy import POLICY as SOCIAL_WORK
from righthelp.staff.models import Role

from .policy_roles import (  # noqa: F401  (re-exported: apps import the groups from here too)
    ADMINISTRATORS,
    ALL_ROLES,
    CONTACT_TAKERS,
    FIGURES,
    HUB,
    MANAGERS,
    POLICY_REFUSAL,
    PRACTITIONERS,
    PUBLIC,
    RECORD_ROLES,
)

APP_POLICIES = (EARLY_HELP, DIRECTORY, SOCIAL_WORK, FAMILIES_TOGETHER, COMPLEX_NEEDS, RETURNS)

POLICY: dict[str, frozenset | str] = {
    "sign-in": PUBLIC,
    "sign-out": ALL_ROLES,
    "home": ALL_ROLES,
    "search": RECORD_ROLES,
    "person-add": PRACTITIONERS,
    "person-record": RECORD_ROLES,
    "person-edit": PRACTITIONERS,
    "person-address-add": PRACTITIONERS,
    "person-network-add": PRACTITIONERS,
    "person-audit": MANAGERS,
    "person-merge": MANAGERS,
    "break-glass": PRACTITIONERS,
    "break-glass-review": MANAGERS,
    "allocation-add": MANAGERS,
    "allocation-end": MANAGERS,
    # Caseloads: managers see the teams they manage (reallocating there), analysts every team
    # as figures; a worker's own page names children, so it is for managers only.
    "caseloads": FIGURES,
    "caseload-worker": MANAGERS,
    "caseload-reallocate": MANAGERS,
    "my-deadlines": RECORD_ROLES,
    "team-deadlines": MANAGERS | {Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER},
    "api-tokens": ALL_ROLES,
    "figures": FIGURES,
    # The front door. Referrers see only their own requests and the checks sent to them.
    "request-list": RECORD_ROLES,
    "request-new": RECORD_ROLES,
    "request-edit": RECORD_ROLES,
    "request-outcome": RECORD_ROLES,
    "check-list": RECORD_ROLES,
    "check-answer": RECORD_ROLES,
    "contact-new": CONTACT_TAKERS,
    "hub-queue": HUB,
    "hub-request": HUB,
    "hub-request-take": HUB,
    "hub-child-link": HUB,
    "hub-check-new": HUB,
    "hub-visit-new": HUB,
    "hub-visit-outcome": HUB,
    "hub-decision-new": HUB,
    "hub-decision-authorise": HUB - {Role.HUB_WORKER},
    "hub-information-answer": HUB,
    "advice-list": HUB,
    "advice-new": HUB,
    "hub-figures": FIGURES,
    # The JSON API: the same roles as the pages it mirrors.
    "api-1:openapi-json": PUBLIC,
    "api-1:openapi-view": PUBLIC,
    "api-1:api-root": PUBLIC,  # django-ninja's own root URL: a 404 that points to the docs
    "api-1:person-list": RECORD_ROLES,
    "api-1:person-create": PRACTITIONERS,
    "api-1:person-detail": RECORD_ROLES,
    "api-1:person-update": PRACTITIONERS,
    "api-1:person-search": RECORD_ROLES,
    "api-1:network-list": RECORD_ROLES,
    "api-1:network-add": PRACTITIONERS,
    "api-1:allocation-list": RECORD_ROLES,
    "api-1:allocation-create": MANAGERS,
    "api-1:deadline-list": RECORD_ROLES,
    "api-1:caseload-list": FIGURES,
    "api-1:caseload-worker": MANAGERS,
    "api-1:caseload-reallocate": MANAGERS,
    "api-1:break-glass": PRACTITIONERS,
    "api-1:request-list": RECORD_ROLES,
    "api-1:request-create": RECORD_ROLES,
    "api-1:request-detail": RECORD_ROLES,
    "api-1:request-update": RECORD_ROLES,
    "api-1:request-submit": RECORD_ROLES,
    "api-1:check-list": RECORD_ROLES,
    "api-1:check-answer": RECORD_ROLES,
    "api-1:contact-create": CONTACT_TAKERS,
    "api-1:hub-queue": HUB,
    "api-1:hub-request": HUB,
    "api-1:child-link": HUB,
    "api-1:check-create": HUB,
    "api-1:visit-create": HUB,
    "api-1:visit-outcome": HUB,
    "api-1:decision-propose": HUB,
    "api-1:decision-authorise": HUB - {Role.HUB_WORKER},
    "api-1:decision-return": HUB - {Role.HUB_WORKER},
    "api-1:information-answer": HUB,
    "api-1:advice-list": HUB,
    "api-1:advice-create": HUB,
    "api-1:hub-figures": FIGURES,
    # Django's admin: settings only, for administrators (it checks is_staff too).
    "admin:*": ADMINISTRATORS,
}

# Each service app writes its own entries in its policy.py (pages and ``api-1:`` operations).
for _app in APP_POLICIES:
    _clash = set(POLICY) & set(_app)
    assert not _clash, f"URL names defined twice in the policy: {sorted(_clash)}"
    POLICY.update(_app)


def policy_for(view_name: str) -> frozenset | str | None:
    if view_name in POLICY:
        return POLICY[view_name]
    namespace = view_name.split(":")[0] + ":*" if ":" in view_name else None
    return POLICY.get(namespace) if namespace else None


def allows(view_name: str, user) -> bool:
    rule = policy_for(view_name)
    if rule is None:
        return False
    if rule == PUBLIC:
        return True
    return bool(user.is_authenticated and user.is_active and user.role in rule)


class UrlPolicyMiddleware:
    """Applies the policy before any view runs (fail closed for unknown URLs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or request.path.startswith(settings.STATIC_URL):
            return None
        name = match.view_name
        rule = policy_for(name)
        if rule == PUBLIC:
            return None
        api = request.path.startswith("/api/")
        if not api and not request.user.is_authenticated and rule is not None:
            return redirect_to_login(request.get_full_path())
        if api and rule is not None:
            return None  # the API authenticates tokens itself, then calls allows()
        if not allows(name, request.user):
            raise PermissionDenied(POLICY_REFUSAL)
        return None


def api_allows(view_name: str, user) -> bool:
    """For the API, after token authentication."""
    return allows(view_name, user)


def forbidden_json(message: str) -> JsonResponse:
    return JsonResponse({"detail": message}, status=403)
