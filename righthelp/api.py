"""The versioned JSON API at /api/v1/: its routers, and errors in one shape for every caller.

Errors are JSON: ``{"detail": "..."}``, or for bad input ``{"detail": [{"field": ...,
"message": ...}]}`` (422) whether pydantic or a service found the fault.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.errors import ValidationError as NinjaValidationError

from righthelp.complexneeds.api import router as complexneeds_router
from righthelp.core import audit
from righthelp.core.access import AccessDenied
from righthelp.core.api_auth import (
    NOT_SIGNED_IN,
    django_field_errors,
    ninja_field_errors,
    policy_auth,
)
from righthelp.directory.api import router as directory_router
from righthelp.earlyhelp.api import router as earlyhelp_router
from righthelp.familiestogether.api import router as familiestogether_router
from righthelp.frontdoor.api import router as frontdoor_router
from righthelp.people.api import router as people_router
from righthelp.people.services import EditConflict
from righthelp.returns.api import router as returns_router
from righthelp.socialwork.api import router as socialwork_router
from righthelp.staff.api import router as staff_router

api = NinjaAPI(
    title="righthelp",
    version="1",
    urls_namespace="api-1",
    description=(
        "The children's services case-management API for the council and its partner agencies. "
        "Authenticate with an API token (`Authorization: Bearer <key>`, issued on the API tokens "
        "page) or a signed-in session. Your role decides which operations you may use; need to "
        "know decides which children's records you may open, and every view, refusal and change "
        "is audited. Dates are ISO 8601."
    ),
    auth=policy_auth(),  # every operation also binds its own url_name (see PolicyRouter)
)
api.add_router("", people_router)
api.add_router("", staff_router)
api.add_router("/front-door/", frontdoor_router)
api.add_router("/early-help/", earlyhelp_router)
api.add_router("/directory/", directory_router)
api.add_router("/social-work/", socialwork_router)
api.add_router("/families-together/", familiestogether_router)
api.add_router("/complex-needs/", complexneeds_router)
api.add_router("/returns/", returns_router)


@api.exception_handler(NinjaValidationError)
def bad_input(request, exc: NinjaValidationError):
    return api.create_response(request, {"detail": ninja_field_errors(exc.errors)}, status=422)


@api.exception_handler(DjangoValidationError)
def refused_by_service(request, exc: DjangoValidationError):
    return api.create_response(request, {"detail": django_field_errors(exc)}, status=422)


@api.exception_handler(EditConflict)
def edit_conflict(request, exc: EditConflict):
    return api.create_response(request, {"detail": exc.messages[0]}, status=409)


@api.exception_handler(PermissionDenied)
def no_need_to_know(request, exc: PermissionDenied):
    if not isinstance(exc, AccessDenied):  # open_person recorded its own refusal
        audit.record_refusal(request, str(exc))
    return api.create_response(request, {"detail": str(exc)}, status=403)


@api.exception_handler(AuthorizationError)
def refused_by_policy(request, exc: AuthorizationError):
    audit.record_refusal(request, str(exc))
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(AuthenticationError)
def not_signed_in(request, exc: AuthenticationError):
    response = api.create_response(request, {"detail": NOT_SIGNED_IN}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="righthelp"'
    return response
