"""Writes for staff work: allocating a worker to a child or a family, and ending it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit

from .models import Allocation, Team, User

ALLOCATION_END_BEFORE_START = "The end date must be on or after the allocation's start date."
ALLOCATION_ALREADY_ENDED = (
    "This allocation has already ended. To work with the child again, allocate them again."
)


def allocation_create(
    *, actor: User, worker: User | None, team: Team | None, kind: str, person=None, family=None,
    start: date | None = None, reason: str = "", request: HttpRequest | None = None,
) -> Allocation:
    allocation = Allocation(
        person=person, family=family, worker=worker, team=team, kind=kind,
        start=start or timezone.localdate(), reason=reason, allocated_by=actor,
    )
    allocation.full_clean()
    with transaction.atomic():
        allocation.save()
        audit.record(
            user=actor, action=audit.Action.CHANGE, request=request, person=person,
            obj=allocation, detail={"allocated": str(worker or team), "kind": kind},
        )
    return allocation


def allocation_end(
    *, actor: User, allocation: Allocation, end: date | None = None, reason: str = "",
    request: HttpRequest | None = None,
) -> Allocation:
    end = end or timezone.localdate()
    if end < allocation.start:
        raise ValidationError({"end": ALLOCATION_END_BEFORE_START})
    with transaction.atomic():
        allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
        if allocation.end is not None:
            # Moving an end date later would quietly give access back: allocate again instead.
            raise ValidationError({"end": ALLOCATION_ALREADY_ENDED})
        allocation.end = end
        allocation.reason = "\n".join(r for r in (allocation.reason, reason) if r)
        allocation.save()
        audit.record(
            user=actor, action=audit.Action.CHANGE, request=request, person=allocation.person,
            obj=allocation, detail={"ended": end.isoformat()},
        )
    return allocation
