"""The assessments side of social work over the JSON API: the journey, 422, 409 and 403, and
every role against every operation."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core.access import DENIED_MESSAGE
from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
from righthelp.socialwork.policy_assessments import API as API_POLICY
from righthelp.socialwork.services import assessments as services
from righthelp.staff.models import Role

from .assessments_support import PRACTICE, families_worker, other_team_worker, referred

pytestmark = pytest.mark.django_db
SW = "/api/v1/social-work"


def call(client, method, path, user, body=None):
    kwargs = {} if method == "get" else {"data": json.dumps(body or {}),
                                         "content_type": "application/json"}
    return getattr(client, method)(SW + path, **kwargs, **bearer(user))


def fields(response) -> dict:
    return {e["field"]: e["message"] for e in response.json()["detail"]}


def test_the_assessment_journey_over_the_api(client, world):
    episode = referred(world)
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    work = call(client, "get", f"/children/{world.child.pk}", worker).json()
    assessment = work["episodes"][0]["assessments"][0]
    assert work["episodes"][0]["episode"]["referral_source"] == "2A"
    assert assessment["status"] == "in_progress" and assessment["deadline_status"] == "due"
    path = f"/assessments/{assessment['id']}"
    saved = call(client, "patch", path, worker, {"version": assessment["version"], **PRACTICE})
    assert saved.status_code == 200, saved.json()
    assert saved.json()["factors"] == ["4B", "3B"]
    stale = call(client, "patch", path, worker, {"version": assessment["version"],
                                                 "strengths": "Overwrite"})
    assert stale.status_code == 409
    sent = call(client, "post", f"{path}/send", worker, {"version": saved.json()["version"]})
    assert sent.status_code == 200 and sent.json()["status"] == "awaiting"
    refused = call(client, "post", f"{path}/authorise", worker,
                   {"outcome": "close", "reasons": "x", "primary_need": "N1"})
    assert refused.status_code == 403 and POLICY_REFUSAL in refused.json()["detail"]
    bad = call(client, "post", f"{path}/authorise", manager,
               {"outcome": "close", "reasons": " ", "primary_need": "N0"})
    assert bad.status_code == 422
    assert fields(bad) == {"reasons": services.NEED_REASONS,
                           "primary_need": services.NEED_PRIMARY_NEED}
    done = call(client, "post", f"{path}/authorise", manager,
                {"outcome": "close", "reasons": "Family manage with school support.",
                 "primary_need": "N9"})
    assert done.status_code == 200 and done.json()["status"] == "authorised"
    assert done.json()["deadline_status"] == "met_on_time"
    work = call(client, "get", f"/children/{world.child.pk}", worker).json()
    assert work["episodes"][0]["episode"]["closure_reason"] == "RC8"
    assert work["episodes"][0]["episode"]["id"] == episode.pk


def test_strategy_discussion_section_47_and_outcome_over_the_api(client, world):
    episode = referred(world, harm_current=True)
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    body = {"held_at": timezone.now().isoformat(), "attendees": [
        {"name": "Sam", "agency": "Social care"}, {"name": "PC Jones", "agency": "Police"}],
        "worries": "Bruising.", "childs_words": "Dad hit me.", "decision": "section_47",
        "reasons": "Harm suspected and current."}
    missing = call(client, "post", f"/episodes/{episode.pk}/strategy-discussions", worker,
                   {**body, "childs_words": "", "attendees": []})
    assert missing.status_code == 422 and set(fields(missing)) == {"childs_words", "attendees"}
    made = call(client, "post", f"/episodes/{episode.pk}/strategy-discussions", worker, body)
    assert made.status_code == 201, made.json()
    enquiry_id = made.json()["section47_id"]
    enquiry = call(client, "get", f"/section-47/{enquiry_id}", worker).json()
    assert enquiry["icpc_target"] == made.json()["icpc_target"]
    saved = call(client, "patch", f"/section-47/{enquiry_id}", worker,
                 {"version": enquiry["version"], "findings": "Injuries unexplained.",
                  "childs_words": "Dad hit me."})
    assert saved.status_code == 200
    outcome = call(client, "post", f"/section-47/{enquiry_id}/outcome", manager,
                   {"outcome": "conference", "reasons": "Harm substantiated."})
    assert outcome.status_code == 200 and outcome.json()["outcome"] == "conference"
    open_work = call(client, "get", "/open-work", worker).json()
    assert [row["kind"] for row in open_work] == ["assessment"]


def test_transfer_and_close_over_the_api(client, world):
    episode = referred(world)
    manager = world.users["team_manager"]
    receiving = families_worker()
    bad = call(client, "post", f"/episodes/{episode.pk}/transfer", manager,
               {"to_team": "nowhere", "to_worker": 999999, "reason": "x", "handover": "y"})
    assert bad.status_code == 422 and set(fields(bad)) == {"to_team", "to_worker"}
    moved = call(client, "post", f"/episodes/{episode.pk}/transfer", manager,
                 {"to_team": "strengthening-and-supporting-families", "to_worker": receiving.pk,
                  "reason": "Longer-term work.", "handover": "Gran is key."})
    assert moved.status_code == 201 and moved.json()["from_team"] == "assessment-and-support"
    # Now Strengthening and Supporting Families hold it: Assessment and Support's manager
    # may no longer close it.
    closed = call(client, "post", f"/episodes/{episode.pk}/close", manager,
                  {"reason": "RC8", "summary": "No further action."})
    assert closed.status_code == 403


def test_a_worker_from_another_team_is_refused_and_audited(client, world):
    referred(world)
    stranger = other_team_worker()
    response = call(client, "get", f"/children/{world.child.pk}", stranger)
    assert response.status_code == 403 and response.json()["detail"] == DENIED_MESSAGE
    assert AuditEvent.objects.filter(user=stranger, person=world.child, action="deny",
                                     channel="api").exists()


# Each operation with its own method and how many path arguments it takes.
OPERATIONS = {
    "sw-child-work": ("get", 1), "sw-team-open-work": ("get", 0),
    "sw-assessment-detail": ("get", 1), "sw-assessment-save": ("patch", 1),
    "sw-assessment-send": ("post", 1), "sw-assessment-authorise": ("post", 1),
    "sw-assessment-return": ("post", 1), "sw-strategy-discussion-create": ("post", 1),
    "sw-section47-detail": ("get", 1), "sw-section47-save": ("patch", 1),
    "sw-section47-outcome": ("post", 1), "sw-transfer-create": ("post", 1),
    "sw-episode-close": ("post", 1),
}


def test_every_role_against_every_operation(client, world):
    """A role the policy allows is never refused *by policy*; every other role is."""
    assert {f"api-1:{name}" for name in OPERATIONS} == set(API_POLICY)
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, args) in OPERATIONS.items():
            url = reverse(f"api-1:{name}", args=[world.child.pk] * args)
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = response.status_code == 403 and POLICY_REFUSAL in response.json()[
                "detail"]
            if refused == (role in POLICY[f"api-1:{name}"]):
                failures.append(f"{role.value} {method.upper()} {url}: {response.status_code}")
    assert failures == []
