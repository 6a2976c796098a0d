"""Child in need plan reviews, the chair's midway review, escalation (refused unless harm
escalated), and reassessment."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from righthelp.core.models import Deadline
from righthelp.socialwork.models import Escalation, PlanReview, Reassessment
from righthelp.socialwork.rules.plans import (
    ESCALATION_NEEDS_HARM_ESCALATED,
    ESCALATION_SAME_IN_WORDS,
)
from righthelp.socialwork.services import reviews as services
from righthelp.socialwork.services.plans import child_in_need_plan_start
from righthelp.socialwork.services.reviews import (
    MIDWAY_DECISIONS,
    MIDWAY_ONLY_CHAIRS,
    NEED_CHILDS_WORDS,
    NEED_THREATS,
)

from .plans_support import enquiry_needing_conference, open_episode
from .test_conferences import due, icpc

pytestmark = pytest.mark.django_db


def cin_plan(world, start=date(2025, 10, 31)):
    return child_in_need_plan_start(episode=open_episode(world),
                                    actor=world.users["social_worker"], start=start)


def cin_review(world, plan, held_on, decision="continue", **extra):
    return services.cin_review_record(
        plan=plan, actor=world.users["social_worker"], held_on=held_on,
        progress="School every day.", childs_words="I like my new bed.", decision=decision,
        reasons="Going well.", **extra)


def test_cin_review_meets_the_clock_and_starts_the_next_on_the_councils_cadence(world):
    plan = cin_plan(world)
    first = plan.review_deadline
    review = cin_review(world, plan, date(2026, 1, 30))
    first.refresh_from_db()
    plan.refresh_from_db()
    assert first.met_at is not None and review.kind == "cin_review"
    assert plan.review_deadline.rule == "child-in-need-plan-review"
    assert due(plan.review_deadline) == date(2026, 4, 30)


def test_cin_review_ending_the_plan_celebrates_and_closes(world):
    plan = cin_plan(world)
    cin_review(world, plan, date(2026, 1, 30), decision="end")
    plan.refresh_from_db()
    assert plan.status == "ended" and plan.end_reason == "outcomes_met"
    plan.episode.refresh_from_db()
    assert plan.episode.closure_reason == "RC7"


def test_cin_review_stepping_down_opens_early_help(world):
    from righthelp.earlyhelp.models import EarlyHelpEpisode

    plan = cin_plan(world)
    cin_review(world, plan, date(2026, 1, 30), decision="step_down")
    plan.refresh_from_db()
    plan.episode.refresh_from_db()
    assert plan.end_reason == "to_early_help" and plan.episode.closure_reason == "RC9"
    assert EarlyHelpEpisode.objects.filter(members=world.child).exists()


def test_escalating_a_cin_plan_without_harm_escalating_is_refused_with_a_clear_message(world):
    plan = cin_plan(world)
    worker = world.users["social_worker"]
    for text, message in (("", ESCALATION_NEEDS_HARM_ESCALATED),
                          ("Risk stayed the same since the last visit.",
                           ESCALATION_SAME_IN_WORDS)):
        with pytest.raises(ValidationError) as error:
            services.escalation_record(plan=plan, actor=worker, what_changed=text)
        assert error.value.message_dict == {"what_changed": [message]}
        with pytest.raises(ValidationError) as error:
            cin_review(world, plan, date(2026, 1, 30), decision="escalate", what_changed=text)
        assert error.value.message_dict == {"what_changed": [message]}
    assert not Escalation.objects.exists() and not PlanReview.objects.exists()


def test_a_permitted_escalation_is_recorded_and_a_strategy_discussion_is_due(world):
    plan = cin_plan(world)
    escalation = services.escalation_record(
        plan=plan, actor=world.users["social_worker"],
        what_changed="Jonathan came to school with a bruised face and says dad hit him.")
    assert escalation.cin_plan == plan and escalation.decided_by == world.users["social_worker"]
    assert Deadline.objects.filter(person=world.child, rule="strategy-discussion",
                                   met_at__isnull=True).exists()
    plan.refresh_from_db()
    assert plan.status == "open"  # the plan stays until a conference decides


def test_midway_review_is_the_chairs_and_cannot_end_the_plan(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    plan = icpc(world, enquiry_needing_conference(world, episode, date(2025, 11, 14)),
                date(2025, 11, 30)).cp_plan
    kwargs = {"plan": plan, "held_on": date(2026, 1, 15), "progress": "Actions under way.",
              "childs_words": "Dad is kinder.", "reasons": "On track."}
    with pytest.raises(PermissionDenied) as error:
        services.midway_review_record(actor=world.users["social_worker"], decision="continue",
                                      **kwargs)
    assert str(error.value) == MIDWAY_ONLY_CHAIRS
    with pytest.raises(ValidationError) as error:
        services.midway_review_record(actor=world.users["cp_chair"], decision="end", **kwargs)
    assert error.value.message_dict == {"decision": [MIDWAY_DECISIONS]}
    review = services.midway_review_record(actor=world.users["cp_chair"], decision="continue",
                                           **kwargs)
    assert review.kind == "midway" and review.cp_plan == plan
    plan.refresh_from_db()
    assert plan.review_deadline.met_at is None  # only the conference meets that clock


def test_reassessment_needs_the_childs_words(world):
    episode = open_episode(world)
    kwargs = {"episode": episode, "actor": world.users["social_worker"],
              "held_on": date(2025, 12, 1), "protective_factors": "Nan nearby",
              "assets": "Mum's job", "threats": ""}
    with pytest.raises(ValidationError) as error:
        services.reassessment_record(childs_words="", **kwargs)
    assert error.value.message_dict == {"threats": [NEED_THREATS],
                                        "childs_words": [NEED_CHILDS_WORDS]}
    kwargs["threats"] = "Dad's drinking"
    saved = services.reassessment_record(childs_words="I feel safe with Nan.", **kwargs)
    assert Reassessment.objects.get() == saved
