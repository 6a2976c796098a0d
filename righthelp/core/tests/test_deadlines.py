"""Deadlines started from the council's timescales, their status when met, and stopping them
when their work closes: audited, off every worklist, never counted as met."""

import importlib
from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from righthelp.core import clocks
from righthelp.core.deadlines import (
    DEADLINE_NOT_OPEN,
    DEADLINE_STOPPED,
    STOP_REASON_NEEDED,
    deadline_meet,
    deadline_start,
    deadline_stop,
)
from righthelp.core.models import AuditEvent, Deadline, Timescale
from righthelp.people.selectors import person_record, with_status
from righthelp.staff.models import Team
from righthelp.staff.selectors import caseload, my_deadlines, team_deadlines

pytestmark = pytest.mark.django_db
LONDON = clocks.LONDON


def test_assessment_deadline_counts_working_days_over_christmas(world):
    start = datetime(2026, 12, 1, 11, 0, tzinfo=LONDON)
    deadline = deadline_start(person=world.child, rule_code="child-and-family-assessment",
                              started_at=start, subject="Complete the assessment",
                              owner=world.users["social_worker"])
    # 45 working days from 1 Dec 2026 skip 25, 28 Dec (Boxing Day substitute) and 1 Jan 2027.
    assert deadline.due_at.date().isoformat() == "2027-02-05"
    assert deadline.rule_name == "Child and Family Assessment: 45 working days"
    met = deadline_meet(deadline=deadline, met_at=datetime(2027, 2, 5, 16, 0, tzinfo=LONDON))
    assert clocks.status(met.due_at, met.met_at, met.met_at) == clocks.Status.MET_ON_TIME


def test_a_council_setting_changes_the_clock(world):
    Timescale.objects.filter(code="child-and-family-assessment").update(amount=40)
    start = datetime(2026, 12, 1, 11, 0, tzinfo=LONDON)
    deadline = deadline_start(person=world.child, rule_code="child-and-family-assessment",
                              started_at=start, subject="Complete the assessment")
    assert deadline.due_at.date().isoformat() == "2027-01-29"


def test_hours_rule_for_return_home_interview(world):
    back = datetime(2026, 10, 23, 20, 0, tzinfo=LONDON)  # Friday night before the clocks go back
    deadline = deadline_start(person=world.child, rule_code="return-home-interview",
                              started_at=back, subject="Offer a return home interview")
    assert deadline.due_at.astimezone(LONDON).isoformat() == "2026-10-26T19:00:00+00:00"


# --- Stopping a deadline: the work closed or is no longer needed ------------------------------


def _deadline(world, subject: str, due_in: timedelta, owner="social_worker"):
    now = timezone.now()
    return Deadline.objects.create(
        person=world.child, rule="child-and-family-assessment",
        rule_name="Child and Family Assessment: 45 working days", subject=subject,
        started_at=now - timedelta(days=30), due_at=now + due_in,
        owner=world.users[owner], team=Team.objects.get(code="assessment-and-support"))


def test_stopping_before_due_says_stopped_and_audits_it(world):
    deadline = _deadline(world, "Finish the assessment", timedelta(days=10))
    actor = world.users["team_manager"]
    [stopped] = deadline_stop(deadlines=deadline, actor=actor, reason=" The work closed. ",
                              detail={"episode": 7})
    stopped.refresh_from_db()
    assert stopped.met_at is None and stopped.stopped_at is not None and not stopped.is_open
    assert stopped.stopped_reason == "The work closed."
    assert with_status([stopped])[0].status_label == "Stopped"
    event = AuditEvent.objects.get(object_type="core.Deadline", object_id=str(deadline.pk),
                                   action="change")
    assert event.user == actor and event.person == world.child
    assert event.detail == {
        "episode": 7, "stopped_at": stopped.stopped_at.isoformat(),
        "stopped_reason": "The work closed.", "rule": "child-and-family-assessment",
        "subject": "Finish the assessment", "due_at": deadline.due_at.isoformat(),
        "status": "stopped"}


def test_stopping_after_due_says_missed_then_stopped(world):
    deadlines = [_deadline(world, "Finish the assessment", -timedelta(days=2)),
                 _deadline(world, "Visit", -timedelta(days=1))]
    at = timezone.now() - timedelta(hours=1)
    stopped = deadline_stop(deadlines=Deadline.objects.filter(pk__in=[d.pk for d in deadlines]),
                            actor=world.users["team_manager"], reason="The work closed.", at=at)
    assert [d.stopped_at for d in stopped] == [at, at]
    views = with_status(Deadline.objects.filter(pk__in=[d.pk for d in deadlines]))
    assert {v.status_label for v in views} == {"Missed, then stopped"}
    assert AuditEvent.objects.filter(object_type="core.Deadline",
                                     detail__status="stopped_overdue").count() == 2


def test_stopping_is_refused_without_a_reason_or_once_met_or_stopped(world):
    deadline = _deadline(world, "Finish the assessment", timedelta(days=10))
    met = deadline_meet(deadline=_deadline(world, "Visit", timedelta(days=3)))
    actor = world.users["team_manager"]
    with pytest.raises(ValidationError) as error:
        deadline_stop(deadlines=deadline, actor=actor, reason="  ")
    assert error.value.message_dict == {"reason": [STOP_REASON_NEEDED]}
    with pytest.raises(ValidationError) as error:  # one met: nothing is stopped
        deadline_stop(deadlines=[deadline, met], actor=actor, reason="Closed.")
    assert error.value.messages == [DEADLINE_NOT_OPEN]
    deadline.refresh_from_db()
    assert deadline.is_open
    deadline_stop(deadlines=deadline, actor=actor, reason="Closed.")
    with pytest.raises(ValidationError):
        deadline_stop(deadlines=deadline, actor=actor, reason="Closed again.")
    deadline.refresh_from_db()
    with pytest.raises(ValidationError) as error:  # a stopped deadline is never met
        deadline_meet(deadline=deadline)
    assert error.value.messages == [DEADLINE_STOPPED]
    assert deadline_stop(deadlines=[], actor=actor, reason="Closed.") == []


def test_the_database_refuses_met_and_stopped_together_or_stopped_without_why(world):
    deadline = _deadline(world, "Finish the assessment", timedelta(days=10))
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Deadline.objects.filter(pk=deadline.pk).update(met_at=now, stopped_at=now,
                                                       stopped_reason="Closed.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Deadline.objects.filter(pk=deadline.pk).update(stopped_at=now)


def test_stopped_deadlines_leave_every_worklist(client, world):
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    overdue = _deadline(world, "Overdue and stopped", -timedelta(days=2))
    not_due = _deadline(world, "Not due and stopped", timedelta(days=1))
    _deadline(world, "Still running", timedelta(days=20))
    deadline_stop(deadlines=[overdue, not_due], actor=manager, reason="The work closed.")
    assert [v.deadline.subject for v in my_deadlines(worker)] == ["Still running"]
    assert [v.deadline.subject for v in team_deadlines(manager)] == ["Still running"]
    assert [row.next_deadline.deadline.subject for row in caseload(worker)] == ["Still running"]
    assert [v.deadline.subject for v in person_record(world.child).deadlines] == [
        "Still running"]
    # Kept for the record: the full list of a worker's deadlines shows them, stopped.
    shown = {v.deadline.subject: v.status_label for v in my_deadlines(worker, include_met=True)}
    assert shown == {"Overdue and stopped": "Missed, then stopped",
                     "Not due and stopped": "Stopped", "Still running": "Due"}
    client.force_login(worker)
    home = client.get(reverse("home"))
    assert (home.context["overdue"], home.context["due_soon"]) == (0, 0)
    page = client.get(reverse("person-record", args=[world.child.pk])).content.decode()
    assert "Still running" in page and "and stopped" not in page


def test_the_migration_turns_closures_marked_met_into_stopped(world):
    from django.apps import apps

    migration = importlib.import_module(
        "righthelp.core.migrations.0006_deadline_stop_closure_workarounds")
    closed_at = timezone.now() - timedelta(days=1)
    review = _deadline(world, migration.REVIEW_NOT_HELD, -timedelta(days=3))
    transition = _deadline(world, "Start transition planning (14th birthday): not done "
                                  "before the record closed", -timedelta(days=3))
    done = _deadline(world, "Review the family's early help plan", -timedelta(days=3))
    Deadline.objects.filter(pk=review.pk).update(rule="early-help-review", met_at=closed_at)
    Deadline.objects.filter(pk=transition.pk).update(rule="transition-planning-start",
                                                     met_at=closed_at)
    Deadline.objects.filter(pk=done.pk).update(rule="early-help-review", met_at=closed_at)
    migration.stop_instead_of_met(apps, None)
    review, transition, done = (Deadline.objects.get(pk=d.pk)
                                for d in (review, transition, done))
    assert (review.subject, review.met_at, review.stopped_at) == (
        "Review the family's early help plan", None, closed_at)
    assert (transition.subject, transition.met_at, transition.stopped_at) == (
        "Start transition planning (14th birthday)", None, closed_at)
    assert review.stopped_reason and transition.stopped_reason
    assert done.met_at == closed_at and done.stopped_at is None  # a review held stays met
