"""Staff work over JSON: who is allocated to a child, allocating, deadlines, and caseloads
(each team's and worker's children against the council's target, and reallocating work).

Thin endpoints over the same selectors and services as the pages; a child's allocations are
read only after ``access.open_person`` (audited) lets the caller open the child's record.
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Schema, Status
from ninja.errors import AuthorizationError

from righthelp.core import access, audit, clocks
from righthelp.core.api_auth import Message, PolicyRouter, choice_of, described
from righthelp.core.url_policy import allows
from righthelp.people.services import EditConflict

from . import selectors, services
from .models import Allocation, AllocationTransfer, Role, Team, User

router = PolicyRouter(tags=["staff"])

TEAM_NOT_MANAGED = "Choose a team you manage."
WORKER_NOT_IN_TEAM = "Choose a worker in a team you manage, or leave it empty for the team."
TEAM_DEADLINES_REFUSED = "Your role sees its own deadlines only: use scope=mine."
AllocationKind = choice_of(Allocation.Kind)


class AllocationIn(Schema):
    person_id: int = Field(description="The child's record number (you must be able to open it).")
    team_id: int = Field(description="A team you manage.")
    worker_id: int | None = Field(None, description="A worker in a team you manage; leave it "
                                  "empty to allocate to the team.")
    kind: AllocationKind = Field(description=described(Allocation.Kind))
    start: date | None = Field(None, description="ISO 8601; today if not given.")
    reason: str = ""


class AllocationOut(Schema):
    id: int
    person_id: int | None
    family_id: int | None = Field(description="Set when the whole family is allocated.")
    kind: AllocationKind
    worker_id: int | None
    worker_name: str
    team_id: int | None
    team_name: str
    start: date
    end: date | None
    reason: str

    @staticmethod
    def resolve_worker_name(obj) -> str:
        return str(obj.worker) if obj.worker_id else ""

    @staticmethod
    def resolve_team_name(obj) -> str:
        return obj.team.name if obj.team_id else ""


class DeadlineOut(Schema):
    id: int
    person_id: int
    person_name: str
    rule: str = Field(description="The code of the timescale that set this deadline.")
    rule_name: str
    subject: str = Field(description="What must be done, in plain words.")
    due_at: datetime
    status: choice_of(clocks.Status) = Field(description=described(clocks.Status))
    status_label: str
    owner_name: str
    team_name: str


@router.get("/people/{person_id}/allocations", url_name="allocation-list",
            response=list[AllocationOut],
            summary="Who is allocated to a child (directly, or through the family)")
def allocation_list(request, person_id: int, current: bool = Query(
        True, description="Only allocations open today; false for the history too.")):
    person = access.open_person(request.auth, person_id, request)
    allocations = Allocation.objects.filter(Q(person=person) | Q(family__members=person))
    if current:
        allocations = allocations.filter(Q(end__isnull=True) | Q(end__gte=timezone.localdate()))
    return allocations.select_related("worker", "team").distinct().order_by("-start", "pk")


@router.post("/allocations", url_name="allocation-create", response={201: AllocationOut},
             summary="Allocate a worker (or your team) to a child")
def allocation_create(request, payload: AllocationIn):
    user = request.auth
    person = access.open_person(user, payload.person_id, request)
    teams = Team.objects.filter(id__in=selectors.managed_team_ids(user))
    team = teams.filter(pk=payload.team_id).first()
    worker = None
    if payload.worker_id is not None:
        worker = User.objects.filter(pk=payload.worker_id, is_active=True,
                                     memberships__team__in=teams).distinct().first()
    errors = {}
    if team is None:
        errors["team_id"] = TEAM_NOT_MANAGED
    if payload.worker_id is not None and worker is None:
        errors["worker_id"] = WORKER_NOT_IN_TEAM
    if errors:
        raise ValidationError(errors)
    allocation = services.allocation_create(
        actor=user, person=person, worker=worker, team=team, kind=payload.kind,
        start=payload.start, reason=payload.reason, request=request,
    )
    return Status(201, allocation)


def _owner_name(deadline, user: User) -> str:
    if deadline.owner_id == user.pk:
        return str(user)  # my deadlines: no need to fetch the owner again
    return str(deadline.owner) if deadline.owner_id else ""


@router.get("/deadlines", url_name="deadline-list", response=list[DeadlineOut],
            summary="Open deadlines: yours, or your team's")
def deadline_list(request, scope: Literal["mine", "team"] = Query(
        "mine", description="mine: deadlines you own; team: your teams' open deadlines.")):
    user = request.auth
    if scope == "team":
        if not allows("team-deadlines", user):
            raise AuthorizationError(message=TEAM_DEADLINES_REFUSED)
        views = selectors.team_deadlines(user)
    else:
        views = selectors.my_deadlines(user)
    return [
        {"id": d.pk, "person_id": d.person_id, "person_name": d.person.full_name,
         "rule": d.rule, "rule_name": d.rule_name, "subject": d.subject, "due_at": d.due_at,
         "status": view.status, "status_label": view.status_label,
         "owner_name": _owner_name(d, user),
         "team_name": d.team.name if d.team_id else ""}
        for view in views
        for d in (view.deadline,)
    ]


# Caseloads: each team's and worker's children against the council's target, and reallocation.

class WorkerLoadOut(Schema):
    worker_id: int
    name: str
    role: choice_of(Role) = Field(description=described(Role))
    manages_team: bool = Field(description="Managers are listed but not in the team's average.")
    children: int = Field(description="Distinct children on the caseload today, allocated "
                          "directly or through their family.")
    over_target: bool = Field(description="More children than the council's target.")


class TeamCaseloadOut(Schema):
    team_id: int
    team_code: str
    team_name: str
    target: float | None = Field(description="The council's target average caseload "
                                 "(setting 'average-caseload'); null if it set none.")
    total: int = Field(description="The children on all the members' caseloads, added up.")
    caseworkers: int = Field(description="Members holding cases (not the team's managers).")
    average: float | None = Field(description="Children per caseworker, to one decimal place.")
    over_target: bool
    held_by_team: int = Field(description="Children allocated to the team with no worker yet.")
    workers: list[WorkerLoadOut]


class TransferOut(Schema):
    on: date
    from_worker_name: str
    to_worker_name: str
    transferred_by_name: str
    reason: str


class CaseloadAllocationOut(Schema):
    id: int
    version: int = Field(description="Send this back to reallocate (409 if it moved since).")
    person_id: int | None
    person_name: str | None = Field(description="Null for a restricted record you hold no "
                                    "grant for, or for work allocated to a family.")
    family_id: int | None
    family_name: str
    children_ids: list[int] = Field(description="The children this work puts on the caseload.")
    kind: AllocationKind
    team_id: int | None
    team_name: str
    start: date
    end: date | None
    allocated_by_name: str
    reason: str
    transferred_in: TransferOut | None = Field(description="How the work came to this worker, "
                                               "if it was moved from someone else.")
    transferred_out: TransferOut | None = Field(description="Where the work went, if moved on.")
    can_reallocate: bool


class WorkerCaseloadOut(Schema):
    worker_id: int
    name: str
    role: choice_of(Role)
    team_names: list[str]
    children: int
    target: float | None
    over_target: bool
    current: list[CaseloadAllocationOut] = Field(description="On the caseload today.")
    history: list[CaseloadAllocationOut] = Field(description="Ended allocations, newest first.")


class ReallocationIn(Schema):
    to_worker_id: int = Field(description="A current member of the team holding the work.")
    reason: str = Field("", description="Why the work is moving (required).")
    version: int = Field(description="The allocation's version you read (409 if stale).")


def _number(value) -> float | None:
    return float(value) if value is not None else None


def _transfer(transfer) -> dict | None:
    if transfer is None:
        return None
    old, new = transfer.from_allocation, transfer.to_allocation
    return {"on": transfer.on, "reason": transfer.reason,
            "from_worker_name": str(old.worker or old.team or ""),
            "to_worker_name": str(new.worker or new.team or ""),
            "transferred_by_name": str(transfer.transferred_by)}


def _related(allocation, name):
    try:
        return getattr(allocation, name)
    except AllocationTransfer.DoesNotExist:
        return None


def _entry(entry: selectors.CaseloadEntry) -> dict:
    a = entry.allocation
    return {
        "id": a.pk, "version": a.version, "person_id": a.person_id if entry.shown else None,
        "person_name": a.person.full_name if a.person_id and entry.shown else None,
        "family_id": a.family_id, "family_name": a.family.name if a.family_id else "",
        "children_ids": [p.pk for p in entry.children] if entry.shown else [],
        "kind": a.kind, "team_id": a.team_id, "team_name": a.team.name if a.team_id else "",
        "start": a.start, "end": a.end,
        "allocated_by_name": str(a.allocated_by) if a.allocated_by_id else "",
        "reason": a.reason, "transferred_in": _transfer(_related(a, "transferred_in")),
        "transferred_out": _transfer(_related(a, "transferred_out")),
        "can_reallocate": entry.can_reallocate,
    }


def _not_found(request, error: PermissionDenied):
    """Another team's worker or work: refused as if it were not there, and the refusal audited."""
    if isinstance(error, access.AccessDenied):
        raise error  # a record the caller may not open: open_person audited it, 403 as usual
    audit.record_refusal(request, str(error))
    raise Http404(str(error)) from error


@router.get("/caseloads", url_name="caseload-list", response=list[TeamCaseloadOut],
            summary="Caseloads of the teams you manage (every team for an analyst)")
def caseload_list(request):
    return [
        {"team_id": t.team.pk, "team_code": t.team.code, "team_name": t.team.name,
         "target": _number(t.target), "total": t.total, "caseworkers": t.caseworkers,
         "average": _number(t.average), "over_target": t.over_target,
         "held_by_team": t.held_by_team,
         "workers": [{"worker_id": w.worker.pk, "name": str(w.worker), "role": w.worker.role,
                      "manages_team": w.manages_team, "children": w.children,
                      "over_target": w.over_target} for w in t.workers]}
        for t in selectors.caseloads_for(request.auth)
    ]


@router.get("/caseloads/workers/{worker_id}", url_name="caseload-worker",
            response=WorkerCaseloadOut,
            summary="A worker's caseload now, with their allocations and transfers over time")
def caseload_worker(request, worker_id: int):
    try:
        worker = selectors.caseload_worker(request.auth, worker_id)
    except PermissionDenied as error:
        _not_found(request, error)
    load = selectors.worker_caseload(request.auth, worker, request)
    return {"worker_id": worker.pk, "name": str(worker), "role": worker.role,
            "team_names": [t.name for t in load.teams], "children": load.children,
            "target": _number(load.target), "over_target": load.over_target,
            "current": [_entry(e) for e in load.current],
            "history": [_entry(e) for e in load.history]}


@router.post("/caseloads/allocations/{allocation_id}/reallocation",
             url_name="caseload-reallocate", response={201: AllocationOut, 409: Message},
             summary="Move a child's work to another worker in the team (team managers)")
def caseload_reallocate(request, allocation_id: int, payload: ReallocationIn):
    user = request.auth
    try:
        allocation = selectors.allocation_to_reallocate(user, allocation_id, request)
    except PermissionDenied as error:
        _not_found(request, error)
    to_worker = User.objects.filter(pk=payload.to_worker_id).first()
    if to_worker is None:
        raise ValidationError({"to_worker_id": services.TRANSFER_WORKER_NOT_IN_TEAM})
    try:
        new = services.allocation_transfer(
            allocation=allocation, to_worker=to_worker, reason=payload.reason,
            version=payload.version, actor=user, request=request)
    except EditConflict:
        raise
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError({"to_worker_id" if name == "to_worker" else name: messages
                               for name, messages in error.message_dict.items()}) from error
    return Status(201, new)
