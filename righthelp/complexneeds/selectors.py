"""Reads for complex needs. The Supporting Children with Complex Needs team sees its records;
anyone else sees a child's record only when need-to-know lets them open the child."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from righthelp.core import access, audit
from righthelp.core.access import not_withheld
from righthelp.core.models import Council, Deadline
from righthelp.people.selectors import DeadlineView, with_status
from righthelp.staff.models import Team, TeamMembership, User

from .models import TEAM_CODE, TRANSITION_RULES, ComplexNeedsRecord


def team() -> Team:
    return Team.objects.get(code=TEAM_CODE)


def is_team_member(user: User) -> bool:
    today = timezone.localdate()
    return TeamMembership.objects.filter(
        user=user, team__code=TEAM_CODE, start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today)).exists()


def transition_deadlines(person) -> list[DeadlineView]:
    return with_status(Deadline.objects.filter(person=person, rule__in=TRANSITION_RULES)
                       .order_by("due_at"))


def current_record(person) -> ComplexNeedsRecord | None:
    """The child's open record, else their latest closed one, with its plans."""
    records = ComplexNeedsRecord.objects.filter(person=person).select_related(
        "team", "opened_by", "closed_by", "ehc_plan", "transition_plan")
    return records.filter(closed_on__isnull=True).first() or records.order_by(
        "-closed_on", "-pk").first()


@dataclass
class TeamRow:
    record: ComplexNeedsRecord
    age: int | None
    next_deadline: DeadlineView | None


def team_list(user: User, *, due_only: bool = False, request=None) -> list[TeamRow]:
    """The team's open records, each with its next open transition deadline; soonest first
    (records with no open transition deadline last). ``due_only``: only overdue or due soon.
    Only the team's members see the team's list. It names children, so it is audited like a
    search, in the same transaction as the read."""
    if not is_team_member(user):
        return []
    with transaction.atomic():
        rows = _team_rows(user, due_only)
        audit.record(user=user, action=audit.Action.SEARCH, request=request,
                     detail={"list": "complex needs records", "due_only": due_only,
                             "results": len(rows)})
    return rows


def _team_rows(user: User, due_only: bool) -> list[TeamRow]:
    records = list(ComplexNeedsRecord.objects.filter(
        closed_on__isnull=True, team__code=TEAM_CODE).filter(not_withheld(user))
        .select_related("person", "ehc_plan"))
    person_ids = [r.person_id for r in records]
    next_due: dict[int, Deadline] = {}
    for deadline in Deadline.objects.filter(person_id__in=person_ids, rule__in=TRANSITION_RULES,
                                            met_at__isnull=True, stopped_at__isnull=True
                                            ).order_by("-due_at"):
        next_due[deadline.person_id] = deadline  # the earliest comes last and wins
    views = dict(zip(next_due, with_status(next_due.values(), Council.objects.current()),
                     strict=True))
    today = timezone.localdate()
    rows = [TeamRow(r, r.person.age_on(today), views.get(r.person_id)) for r in records]
    if due_only:
        rows = [row for row in rows if row.next_deadline
                and row.next_deadline.status in ("overdue", "due_soon")]
    far = timezone.now().replace(year=9999)
    return sorted(rows, key=lambda row: (row.next_deadline.deadline.due_at
                                         if row.next_deadline else far))


def record_for(user: User, pk: int, request=None) -> ComplexNeedsRecord:
    """One record, read only if the user may open the child's record (audited there)."""
    record = ComplexNeedsRecord.objects.select_related(
        "person", "team", "ehc_plan", "transition_plan").filter(pk=pk).first()
    if record is None:
        raise Http404("No complex needs record with that number.")
    access.open_person(user, record.person_id, request)
    return record


def current_record_by_pk(pk: int) -> ComplexNeedsRecord | None:
    """A record as saved just now, with its plans (after a write the caller was allowed)."""
    return ComplexNeedsRecord.objects.select_related(
        "person", "ehc_plan", "transition_plan").filter(pk=pk).first()
