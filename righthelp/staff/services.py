"""Writes for staff work: allocating a worker to a child or a family, ending it, and moving
it from one worker to another (a transfer)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.people.services import EditConflict

from .models import Allocation, AllocationTransfer, Team, TeamMembership, User

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
        allocation.version += 1
        allocation.save()
        audit.record(
            user=actor, action=audit.Action.CHANGE, request=request, person=allocation.person,
            obj=allocation, detail={"ended": end.isoformat()},
        )
    return allocation


TRANSFER_ONLY_TEAM_MANAGER = (
    "Only the team manager of the team holding this work can reallocate it."
)
TRANSFER_REASON_REQUIRED = "Say why the work is moving to another worker."
TRANSFER_SAME_WORKER = "Choose a different worker: this worker already holds the work."
TRANSFER_WORKER_NOT_IN_TEAM = "Choose a worker who is a current member of the receiving team."
TRANSFER_BEFORE_START = "The transfer date must be on or after the allocation's start date."
TRANSFER_ALREADY_ENDED = "This allocation has already ended, so there is nothing to transfer."
TRANSFER_NO_TEAM = (
    "This allocation is not held by a team, so no team manager can reallocate it."
)
TRANSFER_CONFLICT = (
    "Someone else reallocated or ended this work after you opened this page, so it has not "
    "been moved. Check who holds it now, then reallocate it again if it still needs to move."
)


class AllocationConflict(EditConflict):
    """The allocation changed (was moved or ended) since the manager read it."""

    def __init__(self):
        ValidationError.__init__(self, TRANSFER_CONFLICT, code="edit_conflict")


def _is_current_member(user: User, team: Team, on: date, *, manager: bool = False) -> bool:
    memberships = TeamMembership.objects.filter(user=user, team=team, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gte=on)
    )
    if manager:
        memberships = memberships.filter(is_manager=True)
    return memberships.exists()


def allocation_transfer(
    *, allocation: Allocation, to_worker: User, to_team: Team | None = None, reason: str,
    actor: User, on: date | None = None, request: HttpRequest | None = None,
    version: int | None = None,
) -> Allocation:
    """Move a child's (or family's) work to another worker: the old allocation ends on ``on``
    (today if not given), the new one starts the same day, and an ``AllocationTransfer`` keeps
    who moved it, when and why. Only a current team manager of the team holding the work may do
    it; the receiving worker must be a current member of the receiving team (the same team
    unless ``to_team`` is given). With ``version`` (the allocation's version the caller read),
    a change made since then refuses the transfer (``AllocationConflict``). Returns the new
    allocation."""
    on = on or timezone.localdate()
    reason = (reason or "").strip()
    if allocation.team_id is None:
        raise PermissionDenied(TRANSFER_NO_TEAM)
    if not _is_current_member(actor, allocation.team, timezone.localdate(), manager=True):
        raise PermissionDenied(TRANSFER_ONLY_TEAM_MANAGER)
    to_team = to_team or allocation.team
    errors: dict[str, str] = {}
    if not reason:
        errors["reason"] = TRANSFER_REASON_REQUIRED
    if to_worker.pk == allocation.worker_id and to_team.pk == allocation.team_id:
        errors["to_worker"] = TRANSFER_SAME_WORKER
    elif not to_worker.is_active or not _is_current_member(to_worker, to_team, on):
        errors["to_worker"] = TRANSFER_WORKER_NOT_IN_TEAM
    if on < allocation.start:
        errors["on"] = TRANSFER_BEFORE_START
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        old = Allocation.objects.select_for_update().get(pk=allocation.pk)
        if version is not None and old.version != version:
            raise AllocationConflict()
        if old.end is not None and old.end <= on:
            raise ValidationError({"on": TRANSFER_ALREADY_ENDED})
        old.end = on
        old.version += 1
        old.save()
        new = Allocation(
            person_id=old.person_id, family_id=old.family_id, worker=to_worker, team=to_team,
            kind=old.kind, start=on, allocated_by=actor, reason=reason,
        )
        new.full_clean()
        new.save()
        transfer = AllocationTransfer.objects.create(
            from_allocation=old, to_allocation=new, on=on, reason=reason, transferred_by=actor,
        )
        audit.record(
            user=actor, action=audit.Action.CHANGE, request=request, person=old.person,
            obj=transfer, reason=reason,
            detail={"from": str(old.worker or old.team), "to": str(to_worker),
                    "from_team": old.team_id, "to_team": to_team.pk, "on": on.isoformat(),
                    "kind": old.kind},
        )
    allocation.end, allocation.version = old.end, old.version
    return new
