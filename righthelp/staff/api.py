"""Staff work over JSON: who is allocated to a child, allocating, and deadlines.

Thin endpoints over the same selectors and services as the pages; a child's allocations are
read only after ``access.open_person`` (audited) lets the caller open the child's record.
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from ninja import Field, Query, Schema, Status
from ninja.errors import AuthorizationError

from righthelp.core import access, clocks
from righthelp.core.api_auth import PolicyRouter, choice_of, described
from righthelp.core.url_policy import allows

from . import selectors, services
from .models import Allocation, Team, User

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
