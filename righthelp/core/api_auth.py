"""The JSON API's front door: who is calling (token or session), may their role use this, and
the shapes every operation's errors take.

Authentication accepts an API token (``Authorization: Bearer <key>``, issued on the API tokens
page, only its hash stored) or a signed-in browser session (CSRF-checked on writes). After
authenticating, the same written URL policy as the pages (``url_policy.POLICY``) decides whether
the caller's role may use the operation; need-to-know (``access.py``) then decides which records.

Several operations share one path (GET and POST /people/), and Django resolves a path to the
first URL name registered for it, so ``request.resolver_match.view_name`` cannot tell them
apart. ``PolicyRouter`` therefore binds each operation's auth to that operation's own
``url_name``: the name in POLICY is the one enforced, and an operation without a name is a
configuration error rather than an open door.
"""

from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.constants import NOT_SET
from ninja.errors import AuthorizationError, ConfigError
from ninja.security import HttpBearer, SessionAuth

from righthelp.staff.models import ApiToken, Role

from .url_policy import POLICY_REFUSAL, allows

NOT_SIGNED_IN = (
    "Send an API token as 'Authorization: Bearer <key>' (issue one on the API tokens page), "
    "or sign in. The token may be wrong, revoked, or belong to a deactivated account."
)


def user_for_token(key: str):
    """The active user an unrevoked token belongs to, noting when it was last used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def enforce_policy(request: HttpRequest, user, url_name: str | None):
    """Return the user if the policy lets their role use this operation; else refuse (403)."""
    match = request.resolver_match
    if url_name and match is not None and match.namespace:
        view_name = f"{match.namespace}:{url_name}"
    else:
        view_name = match.view_name if match is not None else ""
    if not allows(view_name, user):
        role = Role(user.role).label if user.role in Role.values else user.role
        raise AuthorizationError(
            message=f"{POLICY_REFUSAL} The API operation '{view_name}' is not open to the "
            f"role '{role}'."
        )
    return user


class ApiTokenAuth(HttpBearer):
    """Bearer token, then the URL policy for ``url_name`` (or the resolved view name)."""

    def __init__(self, url_name: str | None = None):
        self.url_name = url_name
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user  # so history rows and audit events name the caller
        return enforce_policy(request, user, self.url_name)


class SessionPolicyAuth(SessionAuth):
    """A signed-in browser session (CSRF-checked when writing), then the URL policy."""

    def __init__(self, url_name: str | None = None):
        self.url_name = url_name
        super().__init__(csrf=True)

    def __call__(self, request: HttpRequest):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None  # no session: say "not signed in" (401), not "CSRF failed"
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None):
        user = super().authenticate(request, key)
        return enforce_policy(request, user, self.url_name) if user else None


def policy_auth(url_name: str | None = None) -> list:
    return [ApiTokenAuth(url_name), SessionPolicyAuth(url_name)]


class Message(Schema):
    detail: str = Field(description="What went wrong, in plain words.")


class FieldError(Schema):
    field: str | None = Field(
        description="The field at fault (dotted for nested fields); null if it is the whole "
        "request."
    )
    message: str = Field(description="What is wrong with it and how to put it right.")


class FieldErrors(Schema):
    detail: list[FieldError]


# The highest page number a list accepts: far beyond any list, and small enough that the
# offset it makes stays within what the database can take.
MAX_PAGE = 100_000

COMMON_RESPONSES = {401: Message, 403: Message, 404: Message, 422: FieldErrors}


class PolicyRouter(Router):
    """A router whose every operation names its POLICY entry (``url_name``) and enforces it."""

    def add_api_operation(self, path: str, methods: list[str], view_func, *,
                          url_name: str | None = None, auth: Any = NOT_SET,
                          response: Any = NOT_SET, **kwargs) -> None:
        if not url_name:
            raise ConfigError(f"API operation {path} needs a url_name listed in POLICY.")
        if auth is NOT_SET:
            auth = policy_auth(url_name)
        if response is not NOT_SET:
            response = {**COMMON_RESPONSES, **(response if isinstance(response, dict)
                                                else {200: response})}
        super().add_api_operation(path, methods, view_func, url_name=url_name, auth=auth,
                                  response=response, **kwargs)


def choice_of(choices) -> Any:
    """A Literal of a Django choices class's values, so OpenAPI lists them inline."""
    return Literal[tuple(choices.values)]


def described(choices) -> str:
    return "; ".join(f"{value} = {label}" for value, label in choices.choices)


def _field_name(loc) -> str | None:
    parts = list(loc or [])
    source = parts.pop(0) if parts else None
    if source == "body" and len(parts) > 1:
        parts.pop(0)  # the view's parameter name, not part of the JSON the caller sent
    return ".".join(str(p) for p in parts) or source


def _message(error: dict) -> str:
    if error.get("type") == "missing":
        return "This field is required."
    message = str(error.get("msg", "This value is not valid."))
    return message.removeprefix("Value error, ")


def ninja_field_errors(errors: list[dict]) -> list[dict]:
    """Pydantic's errors as ``[{"field": ..., "message": ...}]``."""
    return [{"field": _field_name(e.get("loc")), "message": _message(e)} for e in errors]


def django_field_errors(error: DjangoValidationError, rename: dict | None = None) -> list[dict]:
    """A service's ValidationError in the same shape; ``__all__`` becomes field null."""
    rename = rename or {}
    if not hasattr(error, "error_dict"):
        return [{"field": None, "message": m} for m in error.messages]
    return [
        {"field": None if name == "__all__" else rename.get(name, name), "message": message}
        for name, messages in error.message_dict.items()
        for message in messages
    ]
