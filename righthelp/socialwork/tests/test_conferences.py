"""Child protection conferences: the ICPC meets its clock and starts the plan; review
conferences 3 months after the ICPC, then at most 6 months apart (exact dates, across bank
holidays and month ends); ending the plan steps the child down."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from righthelp.core import clocks
from righthelp.core.models import Deadline
from righthelp.people.models import Involvement
from righthelp.socialwork.models import (
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
)
from righthelp.socialwork.services import conferences as services
from righthelp.socialwork.services.conferences import (
    CHAIR_MUST_BE_CP_CHAIR,
    ICPC_ALREADY_HELD,
    NEED_ATTENDEES,
    NEED_CATEGORY,
    NEED_CHILDS_WORDS,
    NEED_STEP_TO,
    NO_CONFERENCE_NEEDED,
    WRONG_DECISION_INITIAL,
)
from righthelp.socialwork.services.plans import child_in_need_plan_start
from righthelp.socialwork.services.reviews import escalation_record
from righthelp.staff.models import Allocation

from .plans_support import ATTENDEES, enquiry_needing_conference, open_episode

pytestmark = pytest.mark.django_db


def icpc(world, enquiry, held_on, decision="plan", category="NEG", **extra):
    return services.initial_conference_record(
        section47=enquiry, actor=world.users["social_worker"], held_on=held_on,
        chair=world.users["cp_chair"], attendees=ATTENDEES,
        childs_words="I want my mum to stop shouting.", decision=decision, category=category,
        reasons="Neglect is substantiated.", **extra)


def review(world, plan, held_on, decision="continue", category="NEG", step_to=""):
    return services.review_conference_record(
        cp_plan=plan, actor=world.users["cp_chair"], held_on=held_on,
        chair=world.users["cp_chair"], attendees=ATTENDEES, childs_words="Home is calmer.",
        decision=decision, category=category if decision == "continue" else "",
        step_to=step_to, reasons="Progress reviewed.")


def due(deadline: Deadline) -> date:
    return clocks._local(deadline.due_at).date()


def test_icpc_across_christmas_is_due_15_working_days_after_the_strategy_discussion(world):
    episode = open_episode(world, referral_date=date(2025, 12, 1))
    enquiry = enquiry_needing_conference(world, episode, date(2025, 12, 19))
    # Skipping 25 and 26 December and 1 January (bank holidays) and the weekends.
    assert due(enquiry.deadline) == date(2026, 1, 14)
    icpc(world, enquiry, date(2026, 1, 14))
    enquiry.deadline.refresh_from_db()
    assert clocks.status(enquiry.deadline.due_at, enquiry.deadline.met_at,
                         enquiry.deadline.due_at) == clocks.Status.MET_ON_TIME


def test_icpc_deciding_a_plan_starts_the_plan_and_its_first_review_3_months_on(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    cin = child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                                   start=date(2025, 11, 3))
    escalation_record(plan=cin, actor=world.users["social_worker"],
                      what_changed="He came to school with bruises and says dad hit him.")
    enquiry = enquiry_needing_conference(world, episode, date(2025, 11, 14))
    conference = icpc(world, enquiry, date(2025, 11, 30))
    plan = conference.cp_plan
    assert plan.initial_category == plan.latest_category == "NEG"
    assert plan.chair == world.users["cp_chair"] and plan.start == date(2025, 11, 30)
    # 30 November + 3 months is the end of February.
    assert plan.review_deadline.rule == "first-child-protection-review"
    assert due(plan.review_deadline) == date(2026, 2, 28)
    assert plan.visit_deadline.rule == "child-protection-visit"
    assert due(plan.visit_deadline) == date(2025, 12, 12)  # 10 working days
    cin.refresh_from_db()
    assert cin.status == "ended" and cin.end_reason == "to_cp"
    assert conference.family_attended and conference.attendees[0]["family"]
    # The chair follows the plan: allocated, so the chair can open the record.
    assert Allocation.objects.filter(person=world.child, worker=world.users["cp_chair"],
                                     kind="cp_chair", end__isnull=True).exists()
    assert Involvement.objects.filter(person=world.child, kind="child_protection",
                                      end__isnull=True).exists()
    assert not Involvement.objects.filter(person=world.child, kind="section_47",
                                          end__isnull=True).exists()
    with pytest.raises(ValidationError) as error:
        icpc(world, enquiry, date(2025, 12, 1))
    assert error.value.messages == [ICPC_ALREADY_HELD]


def test_review_conferences_at_most_6_months_apart_and_the_latest_category_can_change(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    plan = icpc(world, enquiry_needing_conference(world, episode, date(2025, 11, 14)),
                date(2025, 11, 30)).cp_plan
    first = review(world, plan, date(2026, 2, 27), category="EMO")
    plan.refresh_from_db()
    assert plan.latest_category == "EMO" and plan.initial_category == "NEG"
    old = Deadline.objects.get(rule="first-child-protection-review")
    assert old.met_at is not None and clocks.status(
        old.due_at, old.met_at, old.due_at) == clocks.Status.MET_ON_TIME
    assert plan.review_deadline.rule == "child-protection-review"
    assert due(plan.review_deadline) == date(2026, 8, 27)
    assert first.kind == "review" and first.cp_plan == plan
    review(world, plan, date(2026, 8, 27))
    plan.refresh_from_db()
    assert due(plan.review_deadline) == date(2027, 2, 27)


def test_review_deadlines_at_month_ends_and_in_a_leap_year(council):
    """The council's timescales, exactly: 3 then 6 months, the last day of a short month."""
    from righthelp.core.council_settings import timescale

    first, later = timescale("first-child-protection-review"), timescale(
        "child-protection-review")
    cases = [
        (first, date(2025, 11, 30), date(2026, 2, 28)),
        (first, date(2027, 11, 30), date(2028, 2, 29)),  # leap year
        (first, date(2026, 5, 31), date(2026, 8, 31)),  # August bank holiday: months ignore it
        (later, date(2026, 8, 31), date(2027, 2, 28)),
        (later, date(2026, 2, 28), date(2026, 8, 28)),
    ]
    for rule, held, expected in cases:
        assert clocks._local(rule.due_at(clocks.end_of_day(held))).date() == expected, held


def test_review_ends_the_plan_and_steps_down_to_a_child_in_need_plan(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    plan = icpc(world, enquiry_needing_conference(world, episode, date(2025, 11, 14)),
                date(2025, 11, 30)).cp_plan
    review(world, plan, date(2026, 2, 20), decision="end", step_to="cin")
    plan.refresh_from_db()
    assert plan.status == "ended" and plan.end_reason == "to_cin"
    assert plan.end == date(2026, 2, 20)
    cin = ChildInNeedPlan.objects.get(episode=episode, status="open")
    assert cin.start == date(2026, 2, 20) and due(cin.review_deadline) == date(2026, 5, 20)
    assert not Allocation.objects.filter(person=world.child, kind="cp_chair",
                                         end__isnull=True).exists()
    # The child in need plan's review, visit and reassessment clocks; the child protection
    # plan's have stopped.
    assert set(Deadline.objects.filter(person=world.child, met_at__isnull=True,
                                       stopped_at__isnull=True).values_list("rule", flat=True)
               ) == {"child-in-need-plan-review", "child-in-need-visit",
                     "protective-factors-reassessment"}


def test_review_ends_the_plan_and_closes_the_episode(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    plan = icpc(world, enquiry_needing_conference(world, episode, date(2025, 11, 14)),
                date(2025, 11, 30)).cp_plan
    review(world, plan, date(2026, 2, 20), decision="end", step_to="universal")
    episode.refresh_from_db()
    assert episode.closure_date == date(2026, 2, 20) and episode.closure_reason == "RC7"
    assert not Deadline.objects.filter(person=world.child, met_at__isnull=True,
                                       stopped_at__isnull=True).exists()


def test_icpc_without_a_plan_steps_the_child_to_child_in_need(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    enquiry = enquiry_needing_conference(world, episode, date(2025, 11, 14))
    with pytest.raises(ValidationError) as error:
        icpc(world, enquiry, date(2025, 11, 28), decision="no_plan", category="")
    assert error.value.message_dict == {"step_to": [NEED_STEP_TO]}
    conference = icpc(world, enquiry, date(2025, 11, 28), decision="no_plan", category="",
                      step_to="cin")
    assert conference.cp_plan is None and not ChildProtectionPlan.objects.exists()
    assert ChildInNeedPlan.objects.get(episode=episode).start == date(2025, 11, 28)


def test_conference_refusals_name_the_field(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    enquiry = enquiry_needing_conference(world, episode, date(2025, 11, 14))
    with pytest.raises(ValidationError) as error:
        services.initial_conference_record(
            section47=enquiry, actor=world.users["social_worker"], held_on=date(2025, 11, 28),
            chair=world.users["social_worker"], attendees=[], childs_words=" ",
            decision="continue", reasons="x")
    assert error.value.message_dict == {
        "chair": [CHAIR_MUST_BE_CP_CHAIR], "attendees": [NEED_ATTENDEES],
        "childs_words": [NEED_CHILDS_WORDS], "decision": [WRONG_DECISION_INITIAL]}
    with pytest.raises(ValidationError) as error:
        icpc(world, enquiry, date(2025, 11, 28), category="")
    assert error.value.message_dict == {"category": [NEED_CATEGORY]}
    with pytest.raises(ValidationError) as error:
        icpc(world, enquiry, date(2025, 11, 13))  # before the strategy discussion
    assert "held_on" in error.value.message_dict
    enquiry.outcome = "no_conference"
    enquiry.save()
    with pytest.raises(ValidationError) as error:
        icpc(world, enquiry, date(2025, 11, 28))
    assert error.value.messages == [NO_CONFERENCE_NEEDED]
    assert not ChildProtectionConference.objects.exists()
