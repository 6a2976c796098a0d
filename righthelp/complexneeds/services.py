"""Writes for complex needs: opening a child's record (0 to 25 only) with the transition
deadlines toward 18, the SEND details, the EHC plan's dates, and the transition plan."""

from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit, clocks
from righthelp.core.deadlines import deadline_meet, deadline_start, deadline_stop
from righthelp.core.models import Deadline
from righthelp.people.models import Involvement, Person
from righthelp.people.services import EditConflict
from righthelp.staff.models import User

from . import selectors
from .models import (
    OLDEST_AGE,
    TRANSITION_ADULT_RULE,
    TRANSITION_FROM_AGE,
    TRANSITION_RULES,
    TRANSITION_START_RULE,
    ComplexNeedsRecord,
    EducationHealthCarePlan,
    SenProvision,
    TransitionPlan,
    next_review_due,
)

ONLY_TEAM = "Only the Supporting Children with Complex Needs team can do this."
AGE_OUTSIDE_SERVICE = (
    "This service is for children and young people from birth to 25. This person is {age}."
)
DATE_OF_BIRTH_NEEDED = (
    "Record the child's date of birth first: the service is for ages 0 to 25, and transition "
    "deadlines count from birth."
)
PRIMARY_NEED_NEEDED = "Give the primary type of need for SEN support or an EHC plan."
NEEDS_SUMMARY_NEEDED = "Say what the child needs, in plain words."
RECORD_CLOSED = "This record is closed."
TRANSITION_TOO_YOUNG = (
    "Transition planning starts from 14. This young person is {age}."
)
YOUNG_PERSONS_WORDS_NEEDED = "Write what the young person says, in their own words."
HANDOVER_IN_FUTURE = "Record the handover once it has happened."
DATES_OUT_OF_ORDER = "This date cannot be before the request."
IN_FUTURE = "This date cannot be in the future."
REVIEW_BEFORE_ISSUE = "A plan is reviewed only after it is issued."
CLOSURE_REASON_NEEDED = "Say why the record is closing."
TRANSITION_STOPPED = "The complex needs record closed."

SUBJECTS = {
    TRANSITION_START_RULE: "Start transition planning (14th birthday)",
    TRANSITION_ADULT_RULE: "Transition to adult services (18th birthday)",
}


def _check_team(actor: User) -> None:
    if not selectors.is_team_member(actor):
        raise PermissionDenied(ONLY_TEAM)


def local_midnight(day: date) -> datetime:
    """The start of a day, local time: transition clocks start at the midnight of birth."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _send_errors(sen_provision: str, primary_need: str, needs_summary: str) -> dict:
    errors = {}
    if sen_provision != SenProvision.NONE and not primary_need:
        errors["primary_need"] = PRIMARY_NEED_NEEDED
    if not (needs_summary or "").strip():
        errors["needs_summary"] = NEEDS_SUMMARY_NEEDED
    return errors


def record_open(
    *, actor: User, person: Person, sen_provision: str, needs_summary: str,
    primary_need: str = "", secondary_need: str = "", childs_words: str = "",
    request: HttpRequest | None = None,
) -> ComplexNeedsRecord:
    """Open a child's record (0 to 25 only). For a young person under 18, the transition
    deadlines start from their birth on the council's timescales: planning by 14, adult
    services by 18."""
    _check_team(actor)
    today = timezone.localdate()
    if person.date_of_birth is None:
        raise ValidationError(DATE_OF_BIRTH_NEEDED)
    age = person.age_on(today)
    if age < 0 or age > OLDEST_AGE:
        raise ValidationError(AGE_OUTSIDE_SERVICE.format(age=age))
    errors = _send_errors(sen_provision, primary_need, needs_summary)
    if errors:
        raise ValidationError(errors)
    team = selectors.team()
    record = ComplexNeedsRecord(
        person=person, team=team, sen_provision=sen_provision, primary_need=primary_need,
        secondary_need=secondary_need, needs_summary=needs_summary.strip(),
        childs_words=(childs_words or "").strip(), opened_by=actor)
    record.full_clean()
    with transaction.atomic():
        record.save()
        if not Involvement.objects.filter(person=person, team=team, end__isnull=True).exists():
            Involvement.objects.create(person=person, kind=Involvement.Kind.COMPLEX_NEEDS,
                                       team=team, start=today,
                                       summary="Supporting Children with Complex Needs")
        started = []
        if age < 18:
            for rule in (TRANSITION_START_RULE, TRANSITION_ADULT_RULE):
                # Met, or still running, it stands; stopped by an earlier closure, it restarts.
                if not Deadline.objects.filter(person=person, rule=rule,
                                               stopped_at__isnull=True).exists():
                    deadline_start(person=person, rule_code=rule, subject=SUBJECTS[rule],
                                   started_at=local_midnight(person.date_of_birth), team=team,
                                   actor=actor)
                    started.append(rule)
        audit.record(user=actor, action=audit.Action.CREATE, request=request, person=person,
                     obj=record, detail={"sen_provision": sen_provision, "deadlines": started})
    return record


def _locked(model, pk: int, version: int):
    current = model.objects.select_for_update().get(pk=pk)
    if current.version != version:
        raise EditConflict()
    return current


def record_update(
    *, actor: User, record: ComplexNeedsRecord, version: int, sen_provision: str,
    needs_summary: str, primary_need: str = "", secondary_need: str = "",
    childs_words: str = "", request: HttpRequest | None = None,
) -> ComplexNeedsRecord:
    _check_team(actor)
    errors = _send_errors(sen_provision, primary_need, needs_summary)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked(ComplexNeedsRecord, record.pk, version)
        if current.closed_on is not None:
            raise ValidationError(RECORD_CLOSED)
        current.sen_provision, current.primary_need = sen_provision, primary_need
        current.secondary_need, current.needs_summary = secondary_need, needs_summary.strip()
        current.childs_words = (childs_words or "").strip()
        current.version += 1
        current.full_clean()
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=request,
                     person=current.person, obj=current,
                     detail={"sen_provision": sen_provision, "primary_need": primary_need})
    return current


def ehc_plan_save(
    *, actor: User, record: ComplexNeedsRecord, version: int | None, requested_on: date,
    assessment_started_on: date | None = None, issued_on: date | None = None,
    last_annual_review_on: date | None = None, request: HttpRequest | None = None,
) -> EducationHealthCarePlan:
    """The EHC plan's dates; the next annual review falls 12 months after the last review
    (or the issue). ``version`` is None to create the plan, else the version read."""
    _check_team(actor)
    today = timezone.localdate()
    errors = {}
    for field, value in (("requested_on", requested_on),
                         ("assessment_started_on", assessment_started_on),
                         ("issued_on", issued_on),
                         ("last_annual_review_on", last_annual_review_on)):
        if value is not None and value > today:
            errors[field] = IN_FUTURE
        elif value is not None and value < requested_on:
            errors[field] = DATES_OUT_OF_ORDER
    if last_annual_review_on and "last_annual_review_on" not in errors and (
            issued_on is None or last_annual_review_on < issued_on):
        errors["last_annual_review_on"] = REVIEW_BEFORE_ISSUE
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if version is None:
            if EducationHealthCarePlan.objects.filter(record=record).exists():
                raise EditConflict()
            plan = EducationHealthCarePlan(record=record, version=0)
        else:
            plan = _locked(EducationHealthCarePlan, record.ehc_plan.pk, version)
        plan.requested_on, plan.assessment_started_on = requested_on, assessment_started_on
        plan.issued_on, plan.last_annual_review_on = issued_on, last_annual_review_on
        plan.next_annual_review_due = next_review_due(issued_on, last_annual_review_on)
        plan.updated_by, plan.updated_at = actor, timezone.now()
        plan.version += 1
        plan.full_clean()
        plan.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=request,
                     person=record.person, obj=plan,
                     detail={"issued_on": str(issued_on or ""),
                             "next_review": str(plan.next_annual_review_due or "")})
    return plan


def transition_plan_save(
    *, actor: User, record: ComplexNeedsRecord, version: int | None, adult_services: str,
    education_employment: str, housing: str, health: str, young_persons_words: str,
    review_on: date, handed_over_on: date | None = None, request: HttpRequest | None = None,
) -> TransitionPlan:
    """The transition plan, from 14. The first plan meets the planning deadline; recording
    the handover to adult services meets the deadline toward 18."""
    _check_team(actor)
    person = record.person
    today = timezone.localdate()
    age = person.age_on(today)
    if age is None or age < TRANSITION_FROM_AGE:
        raise ValidationError(TRANSITION_TOO_YOUNG.format(age=age))
    errors = {}
    if not (young_persons_words or "").strip():
        errors["young_persons_words"] = YOUNG_PERSONS_WORDS_NEEDED
    if handed_over_on is not None and handed_over_on > today:
        errors["handed_over_on"] = HANDOVER_IN_FUTURE
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if version is None:
            if TransitionPlan.objects.filter(record=record).exists():
                raise EditConflict()
            plan = TransitionPlan(record=record, version=0)
        else:
            plan = _locked(TransitionPlan, record.transition_plan.pk, version)
        for name, value in (("adult_services", adult_services),
                            ("education_employment", education_employment),
                            ("housing", housing), ("health", health),
                            ("young_persons_words", young_persons_words)):
            setattr(plan, name, (value or "").strip())
        plan.review_on, plan.handed_over_on = review_on, handed_over_on
        plan.updated_by, plan.updated_at = actor, timezone.now()
        plan.version += 1
        plan.full_clean()
        plan.save()
        met = _meet(person, TRANSITION_START_RULE, timezone.now(), actor)
        if handed_over_on is not None:
            met += _meet(person, TRANSITION_ADULT_RULE, local_midnight(handed_over_on), actor)
        audit.record(user=actor, action=audit.Action.CHANGE, request=request, person=person,
                     obj=plan, detail={"deadlines_met": met})
    return plan


def _meet(person: Person, rule: str, at: datetime, actor: User) -> list[str]:
    met = []
    for deadline in Deadline.objects.filter(person=person, rule=rule, met_at__isnull=True,
                                            stopped_at__isnull=True):
        deadline_meet(deadline=deadline, met_at=at, actor=actor)
        met.append(rule)
    return met


def record_close(
    *, actor: User, record: ComplexNeedsRecord, reason: str,
    request: HttpRequest | None = None,
) -> ComplexNeedsRecord:
    """Close the record, saying why; the team's involvement ends with it."""
    _check_team(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": CLOSURE_REASON_NEEDED})
    today = timezone.localdate()
    with transaction.atomic():
        current = ComplexNeedsRecord.objects.select_for_update().get(pk=record.pk)
        if current.closed_on is not None:
            raise ValidationError(RECORD_CLOSED)
        current.closed_on, current.closed_by = today, actor
        current.closure_reason = reason.strip()
        current.version += 1
        current.save()
        stopped = _stop_transition_deadlines(current, actor, request)
        for involvement in Involvement.objects.filter(
                person=current.person, team=current.team, kind=Involvement.Kind.COMPLEX_NEEDS,
                end__isnull=True):
            involvement.end = today
            involvement.save()  # one by one, so the history keeps each
        audit.record(user=actor, action=audit.Action.CHANGE, request=request,
                     person=current.person, obj=current,
                     detail={"closed": today.isoformat(), "deadlines": stopped})
    return current


def _stop_transition_deadlines(record: ComplexNeedsRecord, actor: User,
                               request: HttpRequest | None) -> dict[str, str]:
    """The team's open transition deadlines stop when the record closes, as early help's do at
    closure (``core.deadlines``, audited): they leave the team's worklists and stay on the
    child's record, "Stopped" if not due yet, "Missed, then stopped" if already overdue. A
    later record starts them again (``record_open``). Returns each rule's status."""
    stopped = deadline_stop(
        deadlines=Deadline.objects.filter(person=record.person, rule__in=TRANSITION_RULES,
                                          team=record.team, met_at__isnull=True,
                                          stopped_at__isnull=True),
        actor=actor, reason=TRANSITION_STOPPED, request=request,
        detail={"complex_needs_record": record.pk})
    return {d.rule: clocks.status(d.due_at, None, d.stopped_at, stopped=d.stopped_at).value
            for d in stopped}
