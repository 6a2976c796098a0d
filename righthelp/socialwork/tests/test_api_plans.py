"""The plans side over JSON: every role against every operation, and the operations' work,
refusals (422 naming the field), and stale versions (409)."""

from datetime import date

import pytest
from django.urls import reverse

from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL, PUBLIC
from righthelp.socialwork.models import ChildProtectionConference, PlanAction
from righthelp.socialwork.policy_plans import API
from righthelp.socialwork.rules.plans import ESCALATION_SAME_IN_WORDS
from righthelp.socialwork.services.plans import child_in_need_plan_start
from righthelp.staff.models import Role

from .plans_support import enquiry_needing_conference, open_episode

pytestmark = pytest.mark.django_db
SW = "/api/v1/social-work"


# Each of the plans side's operations with its method and how many ids its path takes.
OPERATIONS = {
    "sw-cin-plan-detail": ("get", 1), "sw-cin-plan-update": ("patch", 1),
    "sw-cin-plan-action-create": ("post", 1), "sw-cin-plan-end": ("post", 1),
    "sw-cin-plan-review-create": ("post", 1), "sw-cin-plan-escalate": ("post", 1),
    "sw-cp-plan-detail": ("get", 1), "sw-cp-plan-update": ("patch", 1),
    "sw-cp-plan-action-create": ("post", 1), "sw-cp-plan-midway-create": ("post", 1),
    "sw-plan-action-update": ("patch", 1), "sw-conference-create": ("post", 1),
    "sw-conference-detail": ("get", 1), "sw-visit-create": ("post", 1),
    "sw-reassessment-create": ("post", 1), "sw-contingency-create": ("post", 1),
    "sw-contingency-detail": ("get", 1), "sw-chair-drift": ("get", 0),
}


def test_every_role_against_every_plans_operation(client, world):
    assert set(OPERATIONS) == set(API)
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, ids) in OPERATIONS.items():
            url = reverse(f"api-1:{name}", args=[world.child.pk] * ids)
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = response.status_code == 403 and POLICY_REFUSAL in response.json()["detail"]
            rule = POLICY[f"api-1:{name}"]
            if refused == (rule == PUBLIC or role in rule):
                failures.append(f"{role.value} {method.upper()} {url}: {response.status_code}")
    assert failures == []


def test_plan_actions_and_a_stale_version(client, world):
    plan = child_in_need_plan_start(episode=open_episode(world),
                                    actor=world.users["social_worker"], start=date(2025, 10, 1))
    headers = bearer(world.users["social_worker"])
    got = client.get(f"{SW}/cin-plans/{plan.pk}", **headers).json()
    assert got["review"]["rule"] == "child-in-need-plan-review" and got["version"] == 1
    saved = client.patch(f"{SW}/cin-plans/{plan.pk}", {"version": 1, "strengths": "Warm home."},
                         content_type="application/json", **headers)
    assert saved.status_code == 200 and saved.json()["strengths"] == "Warm home."
    stale = client.patch(f"{SW}/cin-plans/{plan.pk}", {"version": 1, "worries": "x"},
                         content_type="application/json", **headers)
    assert stale.status_code == 409
    bad = client.post(f"{SW}/cin-plans/{plan.pk}/actions", {"by_when": "2025-11-01"},
                      content_type="application/json", **headers)
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["detail"]} == {"who", "what", "how_we_will_know"}
    assert not PlanAction.objects.exists()


def test_escalation_without_harm_escalated_is_422_with_the_message(client, world):
    plan = child_in_need_plan_start(episode=open_episode(world),
                                    actor=world.users["social_worker"], start=date(2025, 10, 1))
    response = client.post(f"{SW}/cin-plans/{plan.pk}/escalations",
                           {"what_changed": "The risk has stayed the same."},
                           content_type="application/json", **bearer(world.users["social_worker"]))
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "what_changed",
                                          "message": ESCALATION_SAME_IN_WORDS}]


def test_conference_over_the_api_and_the_chairs_drift(client, world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    enquiry_needing_conference(world, episode, date(2025, 11, 14))
    body = {"held_on": "2025-11-28", "chair_id": world.users["social_worker"].pk,
            "attendees": [{"name": "Sarah Smith", "role": "mother", "family": True}],
            "childs_words": "I want it calm.", "decision": "plan", "category": "NEG",
            "reasons": "Neglect."}
    headers = bearer(world.users["social_worker"])
    wrong_chair = client.post(f"{SW}/episodes/{episode.pk}/conferences", body,
                              content_type="application/json", **headers)
    assert wrong_chair.status_code == 422
    assert wrong_chair.json()["detail"][0]["field"] == "chair_id"
    body["chair_id"] = world.users["cp_chair"].pk
    made = client.post(f"{SW}/episodes/{episode.pk}/conferences", body,
                       content_type="application/json", **headers)
    assert made.status_code == 201 and made.json()["cp_plan_id"]
    assert ChildProtectionConference.objects.get().family_attended
    drift = client.get(f"{SW}/chairs/drift", **bearer(world.users["cp_chair"])).json()
    # Held in November 2025: the first review (February 2026), visits and the reassessment
    # of protective factors (Strengthening and Supporting Families) are long overdue.
    assert drift[0]["chair_id"] == world.users["cp_chair"].pk
    assert drift[0]["plans"][0]["flags"] == ["review_overdue", "visit_missed",
                                             "reassessment_overdue"]
