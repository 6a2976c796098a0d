"""Reads for a worker's day: caseload, deadlines, team membership; and the caseloads of the
teams a manager runs against the council's target."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from righthelp.core import access, audit
from righthelp.core.access import not_withheld
from righthelp.core.models import Council, Deadline, RestrictedAccessGrant, Target
from righthelp.people.models import FamilyMember, Person
from righthelp.people.selectors import DeadlineView, with_status

from .models import Allocation, Role, Team, TeamMembership, User


def current_memberships(user: User) -> QuerySet[TeamMembership]:
    today = timezone.localdate()
    return (
        TeamMembership.objects.filter(user=user, start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("team")
    )


def managed_team_ids(user: User) -> QuerySet:
    return current_memberships(user).filter(is_manager=True).values("team_id")


@dataclass
class CaseloadRow:
    allocation: Allocation
    next_deadline: DeadlineView | None


def caseload(user: User) -> list[CaseloadRow]:
    """The children allocated to a worker now, each with its next open deadline."""
    today = timezone.localdate()
    allocations = list(
        Allocation.objects.filter(worker=user, person__isnull=False, start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .filter(not_withheld(user))
        .select_related("person", "team")
        .order_by("person__family_name", "person__given_names")
    )
    person_ids = [a.person_id for a in allocations]
    council = Council.objects.current()
    next_due: dict[int, Deadline] = {}
    for deadline in Deadline.objects.filter(person_id__in=person_ids, met_at__isnull=True,
                                            stopped_at__isnull=True).order_by(
        "-due_at"
    ):
        next_due[deadline.person_id] = deadline  # the earliest wins, as it comes last
    views = dict(zip(next_due, with_status(next_due.values(), council), strict=True))
    return [CaseloadRow(a, views.get(a.person_id)) for a in allocations]


def my_deadlines(user: User, include_met: bool = False) -> list[DeadlineView]:
    deadlines = Deadline.objects.filter(owner=user).filter(not_withheld(user))
    if not include_met:
        deadlines = deadlines.filter(met_at__isnull=True, stopped_at__isnull=True)
    return with_status(deadlines.select_related("person", "team").order_by("due_at")[:500])


def team_deadlines(user: User) -> list[DeadlineView]:
    """Open deadlines of the teams the user manages (or belongs to)."""
    team_ids = current_memberships(user).values("team_id")
    deadlines = Deadline.objects.filter(team_id__in=team_ids, met_at__isnull=True,
                                        stopped_at__isnull=True).filter(
        not_withheld(user))
    return with_status(
        deadlines.select_related("person", "team", "owner").order_by("due_at")[:500]
    )


def team_caseloads(user: User) -> list[dict]:
    """The home page's short list: each member of the teams the user manages, with the number
    of children on their caseload (counted as on the caseloads page), most first."""
    seen: dict[int, dict] = {}
    for team in caseloads_for(user):
        for load in team.workers:
            seen[load.worker.pk] = {
                "id": load.worker.pk, "first_name": load.worker.first_name,
                "last_name": load.worker.last_name, "role": load.worker.role,
                "children": load.children}
    return sorted(seen.values(), key=lambda w: (-w["children"], w["last_name"]))


# Caseloads: each worker's children against the council's target ("make time for me").

CASELOAD_TARGET = "average-caseload"
CASELOAD_NOT_YOURS = (
    "This worker is not in a team you manage, so their caseload is not shown to you."
)
ALLOCATION_NOT_YOURS = (
    "This work is not held by a team you manage, so you cannot reallocate it."
)
NO_SUCH_WORKER = "No worker with that number."
NO_SUCH_ALLOCATION = "No allocation with that number."
HISTORY_LIMIT = 200


def caseload_target() -> Decimal | None:
    """The council's target average caseload (its setting ``average-caseload``), if it set one."""
    target = Target.objects.filter(council__active=True, code=CASELOAD_TARGET).first()
    return target.value if target else None


def _on_caseload(today) -> Q:
    """Allocations that are on a caseload today: started, and not ended (an allocation that
    ends today, such as one transferred today, has left the old worker's caseload)."""
    return Q(start__lte=today) & (Q(end__isnull=True) | Q(end__gt=today))


def _current_members(team_ids, today) -> QuerySet[TeamMembership]:
    return TeamMembership.objects.filter(
        team_id__in=team_ids, start__lte=today, user__is_active=True
    ).filter(Q(end__isnull=True) | Q(end__gte=today))


def _children_of(rows: list[tuple]) -> dict[int, set[int]]:
    """From (family_id, person_id) allocation rows, each family's children (not its adults):
    work allocated to a family puts each of its children on the caseload."""
    family_ids = {family_id for family_id, _person_id in rows if family_id}
    children: dict[int, set[int]] = {}
    if family_ids:
        members = FamilyMember.objects.filter(family_id__in=family_ids).exclude(
            person__kind=Person.Kind.ADULT).values_list("family_id", "person_id")
        for family_id, person_id in members:
            children.setdefault(family_id, set()).add(person_id)
    return children


def _count_children(rows) -> dict:
    """(key, family_id, person_id) rows to the number of distinct children under each key."""
    rows = list(rows)
    family_children = _children_of([(family, person) for _key, family, person in rows])
    children: dict = {}
    for key, family_id, person_id in rows:
        found = children.setdefault(key, set())
        if person_id:
            found.add(person_id)
        else:
            found |= family_children.get(family_id, set())
    return {key: len(ids) for key, ids in children.items()}


@dataclass
class WorkerLoad:
    worker: User
    children: int
    manages_team: bool
    target: Decimal | None

    @property
    def over_target(self) -> bool:
        return self.target is not None and self.children > self.target


@dataclass
class TeamLoad:
    team: Team
    workers: list[WorkerLoad]
    held_by_team: int  # children allocated to the team with no worker named yet
    target: Decimal | None
    managed: bool  # the viewer manages this team (may open workers' caseloads, reallocate)

    @property
    def total(self) -> int:
        return sum(w.children for w in self.workers)

    @property
    def caseworkers(self) -> int:
        """Members who hold cases: the team's managers are not counted in its average."""
        return sum(not w.manages_team for w in self.workers)

    @property
    def average(self) -> Decimal | None:
        if not self.caseworkers:
            return None
        held = sum(w.children for w in self.workers if not w.manages_team)
        return (Decimal(held) / self.caseworkers).quantize(Decimal("0.1"))

    @property
    def over_target(self) -> bool:
        return self.target is not None and self.average is not None and self.average > self.target


def caseload_team_ids(user: User) -> QuerySet:
    """The teams whose caseloads the user sees: those they manage; every team for an analyst
    (figures only: workers' names and numbers, never children's)."""
    if user.role == Role.ANALYST:
        return Team.objects.filter(council__active=True).values("id")
    return managed_team_ids(user)


def caseloads_for(user: User) -> list[TeamLoad]:
    """Each team the user sees, with each current member's caseload (the distinct children
    allocated to them today, directly or through their family) against the council's target.
    Five queries however many teams and workers."""
    today = timezone.localdate()
    target = caseload_target()
    managed = set(managed_team_ids(user).values_list("team_id", flat=True))
    teams = {t.pk: t for t in Team.objects.filter(id__in=caseload_team_ids(user))}
    memberships = list(_current_members(list(teams), today).select_related("user")
                       .order_by("user__last_name", "user__first_name"))
    worker_ids = {m.user_id for m in memberships}
    rows = (Allocation.objects.filter(_on_caseload(today))
            .filter(Q(worker_id__in=worker_ids) | Q(team_id__in=list(teams), worker__isnull=True))
            .values_list("worker_id", "team_id", "family_id", "person_id"))
    rows = list(rows)
    by_worker = _count_children((w, f, p) for w, _t, f, p in rows if w)
    by_team = _count_children((t, f, p) for w, t, f, p in rows if not w)
    loads: dict[int, TeamLoad] = {}
    for m in memberships:
        load = loads.setdefault(m.team_id, TeamLoad(
            teams[m.team_id], [], by_team.get(m.team_id, 0), target, m.team_id in managed))
        load.workers.append(WorkerLoad(m.user, by_worker.get(m.user_id, 0), m.is_manager, target))
    for load in loads.values():
        load.workers.sort(key=lambda w: -w.children)  # stable: by name within a count
    return sorted(loads.values(), key=lambda load: load.team.name)


def worker_children_counts(worker_ids) -> dict[int, int]:
    """The number of children on each worker's caseload today (as the caseloads page counts)."""
    rows = (Allocation.objects.filter(_on_caseload(timezone.localdate()),
                                      worker_id__in=worker_ids)
            .values_list("worker_id", "family_id", "person_id"))
    return _count_children(rows)


def caseload_worker(viewer: User, worker_id: int) -> User:
    """A worker whose caseload the viewer may open: a current member of a team they manage.
    Anyone else's is refused (PermissionDenied, audited by the caller's refusal handling)."""
    worker = User.objects.filter(pk=worker_id).first()
    if worker is None:
        raise Http404(NO_SUCH_WORKER)
    today = timezone.localdate()
    if not _current_members(managed_team_ids(viewer), today).filter(user=worker).exists():
        raise PermissionDenied(CASELOAD_NOT_YOURS)
    return worker


@dataclass
class CaseloadEntry:
    allocation: Allocation
    children: list[Person]  # the children the viewer may see named (a family's, or the child)
    withheld: int  # restricted records the viewer holds no grant for: counted, never named
    can_reallocate: bool

    @property
    def shown(self) -> bool:
        return bool(self.allocation.family_id) or not self.withheld


@dataclass
class WorkerCaseload:
    worker: User
    teams: list[Team]
    current: list[CaseloadEntry]
    history: list[CaseloadEntry]
    children: int
    target: Decimal | None

    @property
    def over_target(self) -> bool:
        return self.target is not None and self.children > self.target


def worker_caseload(viewer: User, worker: User,
                    request: HttpRequest | None = None) -> WorkerCaseload:
    """A worker's children today, with when each was allocated, and their allocations over
    time with the transfers in and out (who moved the work, when and why). Restricted
    records the viewer holds no grant for are counted but not named. The read is audited."""
    today = timezone.localdate()
    managed = set(managed_team_ids(viewer).values_list("team_id", flat=True))
    mine = (
        Allocation.objects.filter(worker=worker)
        .select_related("person", "family", "team", "allocated_by",
                        "transferred_in__from_allocation__worker",
                        "transferred_in__transferred_by",
                        "transferred_out__to_allocation__worker",
                        "transferred_out__transferred_by")
        .prefetch_related(Prefetch("family__memberships",
                                   queryset=FamilyMember.objects.select_related("person")))
        .order_by("-start", "-pk")
    )
    # All of today's caseload, and the most recent of the rest (a long career has many).
    on_caseload = _on_caseload(today)
    allocations = [*mine.filter(on_caseload), *mine.exclude(on_caseload)[:HISTORY_LIMIT]]
    granted = set(RestrictedAccessGrant.objects.filter(user=viewer, revoked_at__isnull=True)
                  .values_list("person_id", flat=True))

    def may_name(person: Person) -> bool:  # as access.not_withheld decides for the viewer
        return person.merged_into_id is None and (not person.restricted or person.pk in granted)

    current, history = [], []
    for allocation in allocations:
        now = allocation.start <= today and (allocation.end is None or allocation.end > today)
        children = [allocation.person] if allocation.person_id else [
            m.person for m in allocation.family.memberships.all()
            if m.person.kind != Person.Kind.ADULT]
        named = [child for child in children if may_name(child)]
        entry = CaseloadEntry(allocation, named, len(children) - len(named),
                              can_reallocate=now and allocation.team_id in managed)
        (current if now else history).append(entry)
    current.sort(key=lambda e: (e.allocation.person.family_name if e.allocation.person_id
                                else e.allocation.family.name) if e.shown else "")
    teams = [m.team for m in current_memberships(worker)]
    children = worker_children_counts([worker.pk]).get(worker.pk, 0)
    named = sorted({p.pk for e in current + history if e.shown for p in e.children})
    with transaction.atomic():
        audit.record(user=viewer, action=audit.Action.VIEW, request=request, obj=worker,
                     detail={"caseload_of": worker.pk, "children_shown": named})
    return WorkerCaseload(worker, teams, current, history, children, caseload_target())


def allocation_to_reallocate(viewer: User, pk: int,
                             request: HttpRequest | None = None) -> Allocation:
    """An allocation held by a team the viewer manages, with its child's record opened (the
    read, or a refusal, is audited). Another team's work is refused (PermissionDenied)."""
    allocation = (Allocation.objects.select_related("person", "family", "worker", "team")
                  .filter(pk=pk).first())
    if allocation is None:
        raise Http404(NO_SUCH_ALLOCATION)
    if allocation.team_id is None or not managed_team_ids(viewer).filter(
            team_id=allocation.team_id).exists():
        raise PermissionDenied(ALLOCATION_NOT_YOURS)
    if allocation.person_id:
        access.open_person(viewer, allocation.person_id, request)
    else:
        with transaction.atomic():
            audit.record(user=viewer, action=audit.Action.VIEW, request=request, obj=allocation,
                         detail={"family": allocation.family_id})
    return allocation


def reallocation_workers(allocation: Allocation) -> QuerySet[User]:
    """Who the work can move to: the holding team's current members, bar the worker holding it."""
    members = _current_members([allocation.team_id], timezone.localdate()).values("user_id")
    return (User.objects.filter(pk__in=members).exclude(pk=allocation.worker_id)
            .order_by("last_name", "first_name"))
