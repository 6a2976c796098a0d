"""One function writes every audit event, inside the caller's transaction.

Call it in the same ``transaction.atomic()`` block as the read or write it records, so that a
read that is shown to someone is never missing from the trail.
"""

from typing import Any

from django.http import HttpRequest

from .models import AuditEvent

Action = AuditEvent.Action


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR")) or None


def record(
    *,
    user,
    action: str,
    request: HttpRequest | None = None,
    person=None,
    obj: Any = None,
    reason: str = "",
    detail: dict | None = None,
    channel: str | None = None,
) -> AuditEvent:
    """Write one audit event: who, when, what, from where, and why (for break-glass)."""
    if channel is None:
        channel = "api" if request is not None and request.path.startswith("/api/") else "page"
        channel = channel if request is not None else "command"
    return AuditEvent.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        person=person,
        object_type=obj._meta.label if obj is not None else (person and "people.Person") or "",
        object_id=str(obj.pk) if obj is not None else (str(person.pk) if person else ""),
        channel=channel,
        path=request.get_full_path()[:300] if request is not None else "",
        ip_address=client_ip(request),
        reason=reason,
        detail=detail or {},
    )


def record_refusal(request: HttpRequest, reason: str) -> AuditEvent | None:
    """A refusal that is not about opening one record (``access.open_person`` records those):
    a page or API operation the user's role does not use, or an object that is not theirs.
    Nothing is read before it, so it needs no transaction of its own."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    match = getattr(request, "resolver_match", None)
    return record(user=user, action=Action.DENY, request=request,
                  detail={"refused": reason, "view": match.view_name if match else ""})
