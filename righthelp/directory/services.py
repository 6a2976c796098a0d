"""Every write to the directory: one function each, one transaction, its own audit event.

Anyone may suggest a service (it waits, unseen, until a council editor approves it); only an
editor (``rules.can_edit_directory``) may publish, change or withdraw one.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit
from righthelp.people.services import EditConflict

from . import rules
from .geo import normalise_postcode
from .models import ActivityType, Postcode, Service, ServiceStatus

NOT_AN_EDITOR = (
    "Only the council's directory editors can approve, change or withdraw services. Ask an "
    "administrator to give you the 'approve directory services' permission if you need it."
)
POSTCODE_NOT_REAL = "Enter a real postcode, like FY1 5AB"
AGES_OUT_OF_ORDER = "The oldest age must be the same as or more than the youngest age"
NEED_SUGGESTER_NAME = "Enter your name, so we know who suggested the service"
NEED_SUGGESTER_EMAIL = "Enter your email address, so we can ask you about the service"
NEED_WITHDRAW_REASON = "Enter why the service is being withdrawn"
CANNOT_PUBLISH = "This service is already published"
CANNOT_WITHDRAW = "This service has already been withdrawn"

SERVICE_FIELDS = ("name", "description", "who_for", "locality", "address", "postcode",
                  "opening_times", "cost_kind", "cost_details", "phone", "email", "website",
                  "age_min", "age_max")


def _apply(service: Service, data: dict) -> None:
    """Copy the service's own fields from ``data``, placing it by its postcode."""
    for name in SERVICE_FIELDS:
        if name in data:
            value = data[name]
            setattr(service, name, value if value is not None or name in
                    ("locality", "age_min", "age_max") else "")
    errors = {}
    if service.postcode:
        postcode = normalise_postcode(service.postcode)
        if postcode is None:
            errors["postcode"] = POSTCODE_NOT_REAL
        else:
            service.postcode = postcode
    if not rules.ages_in_order(service.age_min, service.age_max):
        errors["age_max"] = AGES_OUT_OF_ORDER
    try:
        service.full_clean(exclude=["suggested_by", "approved_by", "withdrawn_by"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages[0])
    if errors:
        raise ValidationError(errors)
    point = Postcode.objects.filter(postcode=service.postcode).first() if service.postcode \
        else None
    service.latitude = point.latitude if point else None
    service.longitude = point.longitude if point else None


def _require_editor(actor) -> None:
    if not rules.can_edit_directory(actor):
        raise PermissionDenied(NOT_AN_EDITOR)


def _lock(service: Service, version: int | None) -> Service:
    current = Service.objects.select_for_update().get(pk=service.pk)
    if version is not None and current.version != version:
        raise EditConflict()
    current.version += 1
    return current


def service_suggest(*, data: dict, activity_types: list[ActivityType] | None = None,
                    suggested_by_name: str = "", suggested_by_email: str = "", actor=None,
                    http_request=None) -> Service:
    """Anyone suggests a service; it is kept as a suggestion, not shown until approved."""
    signed_in = actor is not None and actor.is_authenticated
    service = Service(status=ServiceStatus.SUGGESTED, suggested_at=timezone.now(),
                      suggested_by=actor if signed_in else None,
                      suggested_by_name=suggested_by_name.strip(),
                      suggested_by_email=suggested_by_email.strip())
    errors = {}
    if not signed_in and not service.suggested_by_name:
        errors["suggested_by_name"] = NEED_SUGGESTER_NAME
    if not signed_in and not service.suggested_by_email:
        errors["suggested_by_email"] = NEED_SUGGESTER_EMAIL
    try:
        _apply(service, data)
    except ValidationError as error:
        errors = {**errors, **{k: v[0] for k, v in error.message_dict.items()}}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        service.save()
        service.activity_types.set(activity_types or [])
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=service,
                     detail={"directory": "suggested"})
    return service


def service_publish(*, service: Service, actor, version: int | None, data: dict | None = None,
                    activity_types: list[ActivityType] | None = None,
                    http_request=None) -> Service:
    """An editor approves a suggestion (or republishes a withdrawn service), with any edits."""
    _require_editor(actor)
    with transaction.atomic():
        current = _lock(service, version)
        if not rules.can_move(current.status, ServiceStatus.PUBLISHED):
            raise ValidationError(CANNOT_PUBLISH)
        if data is not None:
            _apply(current, data)
        current.status = ServiceStatus.PUBLISHED
        current.approved_by, current.approved_at = actor, timezone.now()
        current.withdrawn_by, current.withdrawn_at, current.withdrawn_reason = None, None, ""
        current.save()
        if activity_types is not None:
            current.activity_types.set(activity_types)
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=current,
                     detail={"directory": "published"})
    return current


def service_update(*, service: Service, actor, version: int | None, data: dict,
                   activity_types: list[ActivityType] | None = None,
                   http_request=None) -> Service:
    """An editor corrects a service's details; its status stays as it is."""
    _require_editor(actor)
    with transaction.atomic():
        current = _lock(service, version)
        _apply(current, data)
        current.save()
        if activity_types is not None:
            current.activity_types.set(activity_types)
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=current,
                     detail={"directory": "changed"})
    return current


def service_withdraw(*, service: Service, actor, version: int | None, reason: str,
                     http_request=None) -> Service:
    """An editor withdraws a service (or turns down a suggestion), saying why."""
    _require_editor(actor)
    if not reason.strip():
        raise ValidationError({"reason": NEED_WITHDRAW_REASON})
    with transaction.atomic():
        current = _lock(service, version)
        if not rules.can_move(current.status, ServiceStatus.WITHDRAWN):
            raise ValidationError(CANNOT_WITHDRAW)
        current.status = ServiceStatus.WITHDRAWN
        current.withdrawn_by, current.withdrawn_at = actor, timezone.now()
        current.withdrawn_reason = reason.strip()
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=current,
                     reason=reason.strip(), detail={"directory": "withdrawn"})
    return current
