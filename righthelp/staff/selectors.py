"""Reads for a worker's day: caseload, deadlines, team membership."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from righthelp.core.access import not_withheld
from righthelp.core.models import Council, Deadline
from righthelp.people.selectors import DeadlineView, with_status

from .models import Allocation, TeamMembership, User


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
    for deadline in Deadline.objects.filter(person_id__in=person_ids, met_at__isnull=True).order_by(
        "-due_at"
    ):
        next_due[deadline.person_id] = deadline  # the earliest wins, as it comes last
    views = dict(zip(next_due, with_status(next_due.values(), council), strict=True))
    return [CaseloadRow(a, views.get(a.person_id)) for a in allocations]


def my_deadlines(user: User, include_met: bool = False) -> list[DeadlineView]:
    deadlines = Deadline.objects.filter(owner=user).filter(not_withheld(user))
    if not include_met:
        deadlines = deadlines.filter(met_at__isnull=True)
    return with_status(deadlines.select_related("person", "team").order_by("due_at")[:500])


def team_deadlines(user: User) -> list[DeadlineView]:
    """Open deadlines of the teams the user manages (or belongs to)."""
    team_ids = current_memberships(user).values("team_id")
    deadlines = Deadline.objects.filter(team_id__in=team_ids, met_at__isnull=True).filter(
        not_withheld(user))
    return with_status(
        deadlines.select_related("person", "team", "owner").order_by("due_at")[:500]
    )


def team_caseloads(user: User) -> list[dict]:
    """Children allocated to each member of the teams the user manages: "make time for me"."""
    from django.db.models import Count

    today = timezone.localdate()
    members = TeamMembership.objects.filter(team_id__in=managed_team_ids(user)).filter(
        Q(end__isnull=True) | Q(end__gte=today)
    )
    return list(
        User.objects.filter(memberships__in=members)
        .annotate(
            children=Count(
                "allocations",
                filter=Q(allocations__end__isnull=True, allocations__person__isnull=False),
                distinct=True,
            )
        )
        .order_by("-children", "last_name")
        .values("id", "first_name", "last_name", "role", "children")
    )
