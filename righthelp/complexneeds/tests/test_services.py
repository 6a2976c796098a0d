"""Complex needs writes: ages 0 to 25, the transition deadlines at 14 and 18 from birth,
SEND details, the EHC plan's timescales, and the transition plan meeting the deadlines."""

from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from righthelp.complexneeds import services
from righthelp.complexneeds.models import (
    TRANSITION_ADULT_RULE,
    TRANSITION_START_RULE,
    ComplexNeedsRecord,
    issue_due,
    next_review_due,
)
from righthelp.core.models import AuditEvent, Deadline
from righthelp.people.models import Involvement, Person
from righthelp.people.selectors import with_status
from righthelp.people.services import EditConflict
from righthelp.staff.selectors import team_deadlines

from .factories import cn_worker, young_person

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


def open_record(actor, person, **changes):
    args = {"sen_provision": "E", "primary_need": "ASD", "needs_summary": "Needs routine.",
            "childs_words": "I like trains."}
    return services.record_open(actor=actor, person=person, **(args | changes))


def _local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def test_deadlines_for_a_child_who_turns_14_and_18_on_given_dates(world):
    maya = young_person(date(2013, 3, 30))  # 14 on 30 March 2027, 18 on 30 March 2031
    record = open_record(cn_worker(), maya)
    deadlines = {d.rule: d for d in Deadline.objects.filter(person=maya)}
    assert set(deadlines) == {TRANSITION_START_RULE, TRANSITION_ADULT_RULE}
    start, adult = deadlines[TRANSITION_START_RULE], deadlines[TRANSITION_ADULT_RULE]
    assert timezone.localtime(start.started_at) == timezone.make_aware(datetime(2013, 3, 30))
    assert _local_day(start.due_at) == date(2027, 3, 30)
    assert _local_day(adult.due_at) == date(2031, 3, 30)
    # British Summer Time starts on 30 March 2031: the deadline is still the end of that day.
    assert timezone.localtime(adult.due_at).hour == 23
    assert start.team == record.team and start.met_at is None
    assert Involvement.objects.filter(person=maya, kind="complex_needs",
                                      end__isnull=True).exists()
    assert AuditEvent.objects.filter(object_type="complexneeds.ComplexNeedsRecord").exists()


def test_a_leap_day_birthday(world):
    leap = young_person(date(2012, 2, 29))
    open_record(cn_worker(), leap)
    due = {d.rule: _local_day(d.due_at) for d in Deadline.objects.filter(person=leap)}
    assert due == {TRANSITION_START_RULE: date(2026, 2, 28),
                   TRANSITION_ADULT_RULE: date(2030, 2, 28)}


def test_no_transition_deadlines_for_an_adult_up_to_25(world):
    adult = young_person(date(2004, 1, 1))  # 22
    open_record(cn_worker(), adult)
    assert not Deadline.objects.filter(person=adult).exists()


@pytest.mark.parametrize(("years", "days", "allowed"), [
    (0, 0, True),  # born today: 0
    (26, -1, True),  # 25, and 26 tomorrow
    (26, 0, False),  # 26 today
    (36, 0, False),
])
def test_ages_0_to_25(world, years, days, allowed):
    today = timezone.localdate()
    person = young_person(today - relativedelta(years=years) - timedelta(days=days))
    if allowed:
        assert open_record(cn_worker(), person).pk
    else:
        with pytest.raises(ValidationError) as error:
            open_record(cn_worker(), person)
        assert error.value.messages == [services.AGE_OUTSIDE_SERVICE.format(
            age=person.age_on(timezone.localdate()))]
        assert not ComplexNeedsRecord.objects.exists()


def test_date_of_birth_needed(world):
    nobody = Person.objects.create(given_names="No", family_name="Date")
    with pytest.raises(ValidationError) as error:
        open_record(cn_worker(), nobody)
    assert error.value.messages == [services.DATE_OF_BIRTH_NEEDED]


def test_only_the_team(world):
    with pytest.raises(PermissionDenied) as refused:
        open_record(world.users["social_worker"], world.child)
    assert str(refused.value) == services.ONLY_TEAM


def test_send_needs_a_primary_need_and_one_open_record(world):
    worker = cn_worker()
    with pytest.raises(ValidationError) as error:
        open_record(worker, world.child, primary_need="", needs_summary=" ")
    assert error.value.message_dict == {"primary_need": [services.PRIMARY_NEED_NEEDED],
                                        "needs_summary": [services.NEEDS_SUMMARY_NEEDED]}
    open_record(worker, world.child, sen_provision="N", primary_need="")
    with pytest.raises(ValidationError):
        open_record(worker, world.child)


def test_update_with_version(world):
    worker = cn_worker()
    record = open_record(worker, world.child)
    updated = services.record_update(actor=worker, record=record, version=record.version,
                                     sen_provision="K", primary_need="SLCN",
                                     secondary_need="ASD", needs_summary="Speech therapy.")
    assert (updated.primary_need, updated.version) == ("SLCN", 2)
    with pytest.raises(EditConflict):
        services.record_update(actor=worker, record=record, version=1, sen_provision="K",
                               primary_need="MLD", needs_summary="Stale.")


def test_ehc_timescales():
    assert issue_due(date(2026, 1, 5)) == date(2026, 5, 25)  # 20 weeks
    assert next_review_due(date(2026, 5, 20), None) == date(2027, 5, 20)
    assert next_review_due(date(2025, 5, 20), date(2026, 6, 1)) == date(2027, 6, 1)
    assert next_review_due(None, None) is None


def test_ehc_plan_dates(world):
    worker = cn_worker()
    record = open_record(worker, world.child)
    plan = services.ehc_plan_save(actor=worker, record=record, version=None,
                                  requested_on=date(2025, 1, 6),
                                  assessment_started_on=date(2025, 2, 1),
                                  issued_on=date(2025, 6, 20))
    assert plan.issue_due == date(2025, 5, 26) and plan.issued_on_time is False
    assert plan.next_annual_review_due == date(2026, 6, 20)
    record.refresh_from_db()
    plan = services.ehc_plan_save(actor=worker, record=record, version=plan.version,
                                  requested_on=date(2025, 1, 6), issued_on=date(2025, 6, 20),
                                  last_annual_review_on=date(2026, 6, 10))
    assert plan.next_annual_review_due == date(2027, 6, 10) and plan.version == 2
    with pytest.raises(EditConflict):
        services.ehc_plan_save(actor=worker, record=record, version=None,
                               requested_on=date(2025, 1, 6))


def test_ehc_plan_refuses_dates_out_of_order(world):
    worker = cn_worker()
    record = open_record(worker, world.child)
    with pytest.raises(ValidationError) as error:
        services.ehc_plan_save(actor=worker, record=record, version=None,
                               requested_on=date(2025, 1, 6),
                               assessment_started_on=date(2024, 12, 1),
                               last_annual_review_on=date(2025, 3, 1),
                               issued_on=timezone.localdate() + timedelta(days=1))
    assert error.value.message_dict == {
        "assessment_started_on": [services.DATES_OUT_OF_ORDER],
        "issued_on": [services.IN_FUTURE],
        "last_annual_review_on": [services.REVIEW_BEFORE_ISSUE]}


def _plan_args(**changes):
    args = {"adult_services": "Adult social care, learning disability team",
            "education_employment": "College, supported internship",
            "housing": "At home, then supported living", "health": "Move to adult GP review",
            "young_persons_words": "I want to live with my friends.",
            "review_on": date(2027, 5, 1)}
    return args | changes


def test_transition_plan_meets_the_deadlines(world):
    worker = cn_worker()
    maya = young_person(date(2011, 5, 1))  # 15: planning should have started at 14
    record = open_record(worker, maya)
    start = Deadline.objects.get(person=maya, rule=TRANSITION_START_RULE)
    assert start.due_at < timezone.now()  # overdue already, shown as such
    plan = services.transition_plan_save(actor=worker, record=record, version=None,
                                         **_plan_args())
    start.refresh_from_db()
    assert start.met_at is not None
    assert Deadline.objects.get(person=maya, rule=TRANSITION_ADULT_RULE).met_at is None
    with pytest.raises(ValidationError) as error:
        services.transition_plan_save(actor=worker, record=record, version=plan.version,
                                      **_plan_args(young_persons_words="",
                                                   handed_over_on=TODAY + timedelta(days=9)))
    assert set(error.value.message_dict) == {"young_persons_words", "handed_over_on"}


def test_handover_meets_the_adulthood_deadline_on_its_date(world):
    worker = cn_worker()
    born = date(2008, 12, 1)  # 17: 18 on 1 December 2026
    record = open_record(worker, young_person(born))
    plan = services.transition_plan_save(actor=worker, record=record, version=None,
                                         **_plan_args())
    with mock.patch("django.utils.timezone.now",
                    return_value=timezone.make_aware(datetime(2026, 12, 10, 9))):
        services.transition_plan_save(actor=worker, record=record, version=plan.version,
                                      **_plan_args(handed_over_on=date(2026, 11, 30)))
    adult = Deadline.objects.get(person=record.person, rule=TRANSITION_ADULT_RULE)
    assert _local_day(adult.met_at) == date(2026, 11, 30) and adult.met_at <= adult.due_at


def test_transition_plan_from_14(world):
    worker = cn_worker()
    record = open_record(worker, young_person(date(2013, 1, 1)))  # 13
    with pytest.raises(ValidationError) as error:
        services.transition_plan_save(actor=worker, record=record, version=None,
                                      **_plan_args())
    assert error.value.messages == [services.TRANSITION_TOO_YOUNG.format(age=13)]


def test_close(world):
    worker = cn_worker()
    record = open_record(worker, world.child)
    with pytest.raises(ValidationError):
        services.record_close(actor=worker, record=record, reason="")
    closed = services.record_close(actor=worker, record=record, reason="Moved away.")
    assert closed.closed_on == timezone.localdate()
    assert not Involvement.objects.filter(person=world.child, kind="complex_needs",
                                          end__isnull=True).exists()
    open_record(worker, world.child)  # a new record can open after closing


def test_closing_stops_the_transition_deadlines_and_a_new_record_restarts_them(world):
    worker = cn_worker()
    today = timezone.localdate()
    # Fourteen already (the planning deadline is overdue), not yet 18.
    maya = young_person(date(today.year - 15, today.month, 1))
    record = open_record(worker, maya)
    assert len(team_deadlines(worker)) == 2
    closed = services.record_close(actor=worker, record=record,
                                   reason="Moved to another council.")
    assert not Deadline.objects.filter(person=maya, met_at__isnull=True,
                                       stopped_at__isnull=True).exists()
    assert not Deadline.objects.filter(person=maya, met_at__isnull=False).exists()  # none met
    assert not team_deadlines(worker)  # off the team's worklist
    # Planning was overdue: missed, then stopped; the subject is as it was.
    missed = Deadline.objects.get(person=maya, rule=TRANSITION_START_RULE)
    assert missed.subject == services.SUBJECTS[TRANSITION_START_RULE]
    assert missed.stopped_reason == services.TRANSITION_STOPPED
    assert with_status([missed])[0].status == "stopped_overdue"
    # The adulthood deadline was not owed yet: stopped, kept, and audited.
    not_owed = Deadline.objects.get(person=maya, rule=TRANSITION_ADULT_RULE)
    assert not_owed.stopped_at is not None and with_status([not_owed])[0].status == "stopped"
    event = AuditEvent.objects.get(object_type="core.Deadline", object_id=str(not_owed.pk),
                                   detail__stopped_reason=services.TRANSITION_STOPPED)
    assert event.user == worker and event.detail["complex_needs_record"] == record.pk
    closing = AuditEvent.objects.get(object_type="complexneeds.ComplexNeedsRecord",
                                     object_id=str(closed.pk), detail__has_key="closed")
    assert closing.detail["deadlines"] == {TRANSITION_START_RULE: "stopped_overdue",
                                           TRANSITION_ADULT_RULE: "stopped"}
    # A new record starts both again (planning is owed, and overdue); the stopped ones stay.
    open_record(worker, maya)
    for rule in (TRANSITION_START_RULE, TRANSITION_ADULT_RULE):
        assert Deadline.objects.filter(person=maya, rule=rule, met_at__isnull=True,
                                       stopped_at__isnull=True).count() == 1
        assert Deadline.objects.filter(person=maya, rule=rule,
                                       stopped_at__isnull=False).count() == 1
