"""The early help API: every operation, its errors (422 per field, 409 stale), and access
(an episode the caller is not part of is 404, and the attempt audited)."""

import json

import pytest
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer, make_user
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
from righthelp.earlyhelp import rules
from righthelp.earlyhelp.access import NO_EPISODE
from righthelp.earlyhelp.models import EarlyHelpEpisode
from righthelp.earlyhelp.services.assessment import MISSING_PART
from righthelp.staff.models import Role

from .helpers import ACTIONS, ASSESSMENT, early_help_hub_worker, hub_decision, open_episode

pytestmark = pytest.mark.django_db
API = "/api/v1/early-help"


def call(client, method, path, user, body=None, **params):
    send = getattr(client, method)
    if method == "get":
        return send(API + path, params, **bearer(user))
    return send(API + path, json.dumps(body or {}, default=str),
                content_type="application/json", **bearer(user))


def fields_of(response) -> list:
    return [error["field"] for error in response.json()["detail"]]


# Each API operation with its own method and how many ids its path takes.
OPERATIONS = {
    "early-help-episodes": ("get", 0), "early-help-episode-open": ("post", 0),
    "early-help-episode": ("get", 1), "early-help-invite": ("post", 1),
    "early-help-agree-lead": ("post", 1), "early-help-assessment-save": ("put", 1),
    "early-help-assessment-complete": ("post", 1), "early-help-plan-save": ("put", 1),
    "early-help-action-add": ("post", 1), "early-help-action-update": ("patch", 2),
    "early-help-plan-agree": ("post", 1), "early-help-plan-share": ("post", 1),
    "early-help-meeting-add": ("post", 1), "early-help-review-add": ("post", 1),
    "early-help-step-up": ("post", 1), "early-help-consent-withdraw": ("post", 1),
    "early-help-close": ("post", 1), "early-help-link-worker": ("get", 0),
}


def test_every_role_against_every_operation(client, world):
    # (The managers' figures operation is tested with the figures, in test_figures.py.)
    assert {f"api-1:{n}" for n in OPERATIONS} == {
        n for n in POLICY if n.startswith("api-1:early-help-")} - {"api-1:early-help-figures"}
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, ids) in OPERATIONS.items():
            url = reverse(f"api-1:{name}", args=[999999] * ids)
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = response.status_code == 403 and POLICY_REFUSAL in response.json()["detail"]
            if refused == (role in POLICY[f"api-1:{name}"]):
                failures.append(f"{role.value} {method} {url}: {response.status_code}")
    assert failures == []


def test_partner_opens_assesses_plans_and_reviews(client, world):
    partner = world.users["partner_lead_professional"]
    opened = call(client, "post", "/episodes/", partner, {
        "level_of_need": 2, "why_help": "Late for school.", "consent_given": True,
        "consent_given_by": "Sarah Smith",
        "members": [{"person_id": world.child.pk, "is_child": True},
                    {"details": {"given_names": "Paul", "family_name": "Smith",
                                 "date_of_birth": "1988-03-02"}, "is_child": False,
                     "relationship": "father"}]})
    assert opened.status_code == 201, opened.content
    episode = opened.json()
    assert episode["lead_professional"]["id"] == partner.pk and episode["partner_led"]
    assert [m["name"] for m in episode["members"]] == ["Jonathan Smith", "Paul Smith"]
    base = f"/episodes/{episode['id']}"
    first = call(client, "put", f"{base}/assessment", partner, {"strengths": "Kind"})
    assert first.status_code == 200 and first.json()["sittings"] == 1
    incomplete = call(client, "post", f"{base}/assessment/complete", partner,
                      {"version": first.json()["version"]})
    assert incomplete.status_code == 422
    details = {e["field"]: e["message"] for e in incomplete.json()["detail"]}
    assert details["childs_words"] == MISSING_PART.format(label="the child's own words")
    stale = call(client, "put", f"{base}/assessment", partner, {**ASSESSMENT, "version": 99})
    assert stale.status_code == 409
    second = call(client, "put", f"{base}/assessment", partner,
                  {**ASSESSMENT, "version": first.json()["version"]})
    assert second.json()["sittings"] == 2
    done = call(client, "post", f"{base}/assessment/complete", partner,
                {"version": second.json()["version"]})
    assert done.json()["status"] == "completed"
    call(client, "put", f"{base}/plan", partner, {"what_we_want": "Calm mornings."})
    bad = call(client, "post", f"{base}/plan/actions", partner,
               {"who": "council_service", "what": "x", "by_when": "2020-01-01",
                "how_we_will_know": "y"})
    assert bad.status_code == 422 and set(fields_of(bad)) == {"council_service", "by_when"}
    for action in ACTIONS:
        assert call(client, "post", f"{base}/plan/actions", partner,
                    action).status_code == 201
    plan = call(client, "post", f"{base}/plan/agree", partner, {"agreed_with": "Sarah"}).json()
    assert len(plan["actions"]) == 3 and plan["agreed_at"]
    action = plan["actions"][0]
    moved = call(client, "patch", f"{base}/plan/actions/{action['id']}", partner,
                 {"version": action["version"], "status": "under_way"})
    assert moved.json()["status"] == "under_way"
    fresh = call(client, "get", base, partner).json()
    assert fresh["review_due_at"] and fresh["drift"] == []
    review = call(client, "post", f"{base}/reviews", partner, {
        "version": fresh["version"], "held_on": "2026-11-23", "childs_words": "Better.",
        "progress": [{"action": action["id"], "status": "done"}]})
    assert review.status_code == 201 and review.json()["next_review_due"]
    meeting = call(client, "post", f"{base}/meetings", partner, {
        "held_on": "2026-11-20", "agreed": "Keep going.",
        "family_attendees": [world.child.pk, world.mother.pk]})
    assert meeting.status_code == 422 and fields_of(meeting) == ["family_attendees"]
    shared = call(client, "post", f"{base}/plan/share", partner,
                  {"version": plan["version"]})
    assert shared.status_code == 200 and shared.json()["shared_at"]
    view = call(client, "get", "/link-worker", world.users["link_worker"]).json()
    assert view["total"] == 1 and view["leads"][0]["lead"]["id"] == partner.pk


def test_step_up_refused_without_escalation_and_stale_version_409(client, world):
    episode = open_episode(world)
    partner = episode.lead_professional
    same = call(client, "post", f"/episodes/{episode.pk}/step-up", partner, {
        "version": episode.version, "risk_change": "same", "what_changed": "No change.",
        "family_agreed": True})
    assert same.status_code == 422
    assert same.json()["detail"] == [{"field": "risk_change",
                                      "message": rules.STEP_UP_NOT_ESCALATION}]
    stale = call(client, "post", f"/episodes/{episode.pk}/close", partner,
                 {"version": episode.version + 5, "reason": "moved"})
    assert stale.status_code == 409


def test_step_up_keeps_the_lead_professional_on_the_childs_team(client, world):
    from righthelp.staff.models import Allocation

    episode = open_episode(world, child=world.unallocated_child)
    partner = episode.lead_professional
    stepped = call(client, "post", f"/episodes/{episode.pk}/step-up", partner, {
        "version": episode.version, "risk_change": "escalated", "family_agreed": True,
        "what_changed": "Last night the police were called to the home after a fight; Amira "
                        "was there and is frightened.", "childs_words": "I was scared."})
    assert stepped.status_code == 201 and stepped.json()["episode_status"] == "stepped_up"
    assert stepped.json()["request_id"]
    assert Allocation.objects.get(person=world.unallocated_child, worker=partner).end is None
    shown = call(client, "get", f"/episodes/{episode.pk}", partner)
    assert shown.status_code == 200 and shown.json()["lead_professional"]["id"] == partner.pk


def test_consent_withdrawn_closes_unless_significant_harm(client, world):
    episode = open_episode(world)
    partner = episode.lead_professional
    path = f"/episodes/{episode.pk}/consent-withdrawn"
    kept = call(client, "post", path, partner, {
        "version": episode.version, "withdrawn_by": "Sarah Smith",
        "significant_harm_reason": "Jonathan disclosed being hit; stepping up today."})
    assert kept.status_code == 200 and kept.json()["status"] == "open"
    closed = call(client, "post", path, partner, {"version": kept.json()["version"],
                                                  "withdrawn_by": "Sarah Smith"})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert closed.json()["closure_reason"] == "consent_withdrawn"


def test_an_episode_you_are_not_part_of_is_404_and_audited(client, world):
    episode = open_episode(world)
    stranger = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="other-school")
    for method, path in (("get", ""), ("put", "/assessment"), ("post", "/close")):
        response = call(client, method, f"/episodes/{episode.pk}{path}", stranger,
                        {"version": 1, "reason": "moved"})
        assert response.status_code == 404 and response.json()["detail"] == NO_EPISODE
    refusals = AuditEvent.objects.filter(user=stranger, action="deny",
                                         object_type="earlyhelp.EarlyHelpEpisode",
                                         object_id=str(episode.pk))
    assert refusals.count() == 3 and refusals.first().channel == "api"
    assert call(client, "get", "/episodes/", stranger).json()["items"] == []


def test_early_help_hub_agrees_the_lead(client, world):
    hub_decision(world, world.unallocated_child)
    episode = EarlyHelpEpisode.objects.get(status="agreeing_lead")
    partner = world.users["partner_lead_professional"]
    refused = call(client, "post", f"/episodes/{episode.pk}/lead",
                   world.users["early_help_practitioner"],
                   {"version": episode.version, "lead_professional": partner.pk})
    assert refused.status_code == 404  # not the Early Help Hub, nor the locality's team
    agreed = call(client, "post", f"/episodes/{episode.pk}/lead", early_help_hub_worker(),
                  {"version": episode.version, "lead_professional": partner.pk,
                   "level_of_need": 2})
    assert agreed.status_code == 200 and agreed.json()["status"] == "open"
