"""A child on a child in need plan moves to child protection only when harm has escalated and
that escalation is recorded: the strategy discussion (page, API, service) and the Initial
Child Protection Conference refuse otherwise, with a clear message."""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from righthelp.core.models import Deadline
from righthelp.socialwork.models import (
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    Escalation,
    Section47Enquiry,
    StrategyDiscussion,
)
from righthelp.socialwork.rules.plans import (
    CP_NEEDS_RECORDED_ESCALATION,
    child_protection_from_cin_verdict,
)
from righthelp.socialwork.services import section47
from righthelp.socialwork.services.plans import child_in_need_plan_start
from righthelp.socialwork.services.reviews import cin_review_record, escalation_record
from righthelp.staff.models import ApiToken

from .plans_support import enquiry_needing_conference, open_episode
from .test_conferences import icpc
from .test_section47 import ATTENDEES, discuss

pytestmark = pytest.mark.django_db
HARM = "Jonathan came to school with a bruised face and says dad hit him last night."


@pytest.mark.parametrize(("on_cin_plan", "escalated", "hub", "allowed"), [
    (False, False, False, True),   # not on a plan: the usual child protection route
    (True, False, False, False),   # on a plan, nothing recorded: refused
    (True, True, False, True),     # the escalation recorded on the plan
    (True, False, True, True),     # the Hub decided on a new request: harm current
])
def test_child_protection_from_a_cin_plan_rule(on_cin_plan, escalated, hub, allowed):
    verdict = child_protection_from_cin_verdict(on_cin_plan=on_cin_plan,
                                                escalation_recorded=escalated,
                                                hub_found_harm=hub)
    assert verdict.allowed is allowed
    assert verdict.message == ("" if allowed else CP_NEEDS_RECORDED_ESCALATION)


def on_cin_plan(world):
    """The world's child in Assessment and Support, on a child in need plan from today."""
    from .assessments_support import referred

    episode = referred(world)
    plan = child_in_need_plan_start(episode=episode, actor=world.users["team_manager"],
                                    start=timezone.localdate())
    return episode, plan


def test_a_section_47_for_a_child_on_a_cin_plan_needs_the_escalation_recorded(world):
    episode, plan = on_cin_plan(world)
    with pytest.raises(ValidationError) as error:
        discuss(world, episode, held_at=timezone.now())
    assert error.value.message_dict == {"decision": [CP_NEEDS_RECORDED_ESCALATION]}
    assert not StrategyDiscussion.objects.exists() and not Section47Enquiry.objects.exists()
    # Deciding against a Section 47 needs no escalation: the plan goes on.
    discuss(world, episode, held_at=timezone.now(), decision="no_section_47")
    assert not Section47Enquiry.objects.exists()

    escalation = escalation_record(plan=plan, actor=world.users["social_worker"],
                                   what_changed=HARM)
    discussion = discuss(world, episode, held_at=timezone.now())
    escalation.refresh_from_db()
    assert escalation.strategy_discussion == discussion  # answered by this discussion
    assert discussion.section47.icpc_target is not None
    plan.refresh_from_db()
    assert plan.status == "open"  # until the conference decides


def test_an_escalation_is_answered_once(world):
    """A later Section 47 needs harm to escalate again, not the escalation already answered."""
    episode, plan = on_cin_plan(world)
    escalation_record(plan=plan, actor=world.users["social_worker"], what_changed=HARM)
    enquiry = discuss(world, episode, held_at=timezone.now()).section47
    section47.section47_save(enquiry=enquiry, actor=world.users["social_worker"],
                             version=enquiry.version,
                             changes={"findings": "Accidental: a fall at football.",
                                      "childs_words": "I fell over."})
    section47.section47_complete(enquiry=enquiry, actor=world.users["team_manager"],
                                 outcome="no_conference", reasons="Not substantiated.")
    with pytest.raises(ValidationError) as error:
        discuss(world, episode, held_at=timezone.now())
    assert error.value.message_dict == {"decision": [CP_NEEDS_RECORDED_ESCALATION]}


def test_a_review_that_escalates_is_a_recorded_escalation(world):
    episode, plan = on_cin_plan(world)
    cin_review_record(plan=plan, actor=world.users["social_worker"],
                      held_on=timezone.localdate(), progress="Worse.",
                      childs_words="Dad hit me.", decision="escalate",
                      reasons="Harm has escalated.", what_changed=HARM)
    assert discuss(world, episode, held_at=timezone.now()).section47 is not None


def test_a_new_request_the_hub_decides_is_significant_harm_is_the_record(world):
    from .assessments_support import referred

    episode, plan = on_cin_plan(world)
    again = referred(world, harm_current=True)  # a new request: harm suspected and current
    assert again == episode
    discussion = discuss(world, episode, held_at=timezone.now())
    escalation = Escalation.objects.get(cin_plan=plan)
    assert escalation.strategy_discussion == discussion
    assert escalation.what_changed.startswith("A new request: the Hub decided")


def test_the_strategy_discussion_page_shows_the_refusal(client, world):
    episode, _ = on_cin_plan(world)
    client.force_login(world.users["social_worker"])
    held = timezone.localtime().replace(second=0, microsecond=0) - timedelta(minutes=5)
    response = client.post(reverse("sw-strategy-new", args=[episode.pk]), {
        "held_at": held.strftime("%Y-%m-%d %H:%M"),
        "attendees": "Sam, Social care, SW\nPC Jones, Police", "worries": "Bruising.",
        "childs_words": "Dad hit me.", "decision": "section_47",
        "reasons": "Harm suspected and current."})
    body = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert CP_NEEDS_RECORDED_ESCALATION in body
    assert not StrategyDiscussion.objects.exists()


def test_the_api_refuses_with_422_naming_the_decision(client, world):
    episode, _ = on_cin_plan(world)
    _, key = ApiToken.issue(world.users["social_worker"], "tests")
    response = client.post(
        f"/api/v1/social-work/episodes/{episode.pk}/strategy-discussions",
        data=json.dumps({"held_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
                         "attendees": ATTENDEES, "worries": "Bruising.",
                         "childs_words": "Dad hit me.", "decision": "section_47",
                         "reasons": "Harm suspected."}),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "decision",
                                          "message": CP_NEEDS_RECORDED_ESCALATION}]


def test_the_icpc_will_not_end_a_cin_plan_for_cp_without_the_escalation(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    cin = child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                                   start=date(2025, 11, 3))
    enquiry = enquiry_needing_conference(world, episode, date(2025, 11, 14))
    with pytest.raises(ValidationError) as error:
        icpc(world, enquiry, date(2025, 11, 28))
    assert error.value.message_dict == {"decision": [CP_NEEDS_RECORDED_ESCALATION]}
    cin.refresh_from_db()
    assert cin.status == "open" and not ChildProtectionPlan.objects.exists()
    assert not ChildProtectionConference.objects.exists()
    assert enquiry.deadline.met_at is None
    # A conference deciding no plan keeps the child on the child in need plan.
    icpc(world, enquiry, date(2025, 11, 28), decision="no_plan", category="", step_to="cin")
    assert ChildInNeedPlan.objects.get(episode=episode, status="open") == cin


def test_an_enquiry_begun_before_the_cin_plan_needs_no_escalation(world):
    """The child protection route was under way before the plan started: the conference's
    plan replaces it without an escalation."""
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    enquiry = enquiry_needing_conference(world, episode, date(2025, 11, 4))
    cin = child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                                   start=date(2025, 11, 10))
    plan = icpc(world, enquiry, date(2025, 11, 24)).cp_plan
    cin.refresh_from_db()
    assert cin.end_reason == "to_cp" and plan.is_open
    assert Deadline.objects.get(rule="initial-child-protection-conference").met_at is not None
