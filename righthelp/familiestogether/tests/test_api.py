"""Families Together over JSON: the journey, field errors, refusals, and every role against
every operation."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
from righthelp.familiestogether import services
from righthelp.familiestogether.policy import OPERATIONS
from righthelp.people.models import Relationship
from righthelp.staff.models import Role

from .factories import coordinator, referral

pytestmark = pytest.mark.django_db
API = "/api/v1/families-together"


def call(client, method, path, user, body=None):
    kwargs = {} if method == "get" else {"data": body or {}, "content_type": "application/json"}
    return getattr(client, method)(API + path, **kwargs, **bearer(user))


def test_journey_over_the_api(client, world):
    worker, lead = world.users["social_worker"], coordinator()
    made = call(client, "post", "/referrals", worker, {
        "person_id": world.child.pk, "kind": "meeting", "reason": "Family want a meeting."})
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    early = call(client, "post", f"/referrals/{pk}/accept", lead, {})
    assert early.status_code == 422
    assert early.json()["detail"][0]["message"] == services.CONSULTATION_REQUIRED
    bad = call(client, "post", f"/referrals/{pk}/consultation", worker, {
        "coordinator_id": world.users["team_manager"].pk, "on": "2026-11-20", "discussed": "x"})
    assert [e["field"] for e in bad.json()["detail"]] == ["coordinator_id"]
    assert call(client, "post", f"/referrals/{pk}/consultation", worker, {
        "coordinator_id": lead.pk, "on": "2026-11-20", "discussed": "Invites."}
    ).status_code == 200
    accepted = call(client, "post", f"/referrals/{pk}/accept", lead,
                    {"practitioner_id": lead.pk})
    assert accepted.json()["status"] == "accepted"
    mum = Relationship.objects.get(child=world.child, kind="mother")
    meeting = call(client, "post", f"/referrals/{pk}/meetings", lead, {
        "held_on": "2026-11-21", "invited_ids": [mum.pk], "attended_ids": [mum.pk],
        "private_family_time": True, "private_family_time_minutes": 30})
    assert meeting.status_code == 201, meeting.content
    plan = call(client, "post", f"/meetings/{meeting.json()['id']}/plans", lead, {
        "agreed_by": "Sarah", "items": [{"in_familys_words": "We eat together.", "who": "All"}]})
    assert plan.status_code == 201
    response = call(client, "post", f"/plans/{plan.json()['id']}/response", worker,
                    {"accept": True, "reason": "Good plan."})
    assert response.json()["response"] == "accepted"
    detail = call(client, "get", f"/referrals/{pk}", worker).json()
    assert detail["meetings"][0]["plans"][0]["items"][0]["in_familys_words"] == (
        "We eat together.")
    assert detail["meetings"][0]["invited_ids"] == [mum.pk]
    listed = call(client, "get", "/referrals?open_only=true", lead).json()
    assert [r["id"] for r in listed] == [pk]


def test_meeting_invitees_must_be_the_childs_network(client, world):
    lead = coordinator()
    made = referral(world, consulted_with=lead, accept_by=lead)
    other = Relationship.objects.create(child=world.unallocated_child, name="X", kind="other")
    bad = call(client, "post", f"/referrals/{made.pk}/meetings", lead, {
        "held_on": "2026-11-21", "invited_ids": [other.pk], "private_family_time": True})
    assert bad.status_code == 422
    assert [e["field"] for e in bad.json()["detail"]] == ["invited_ids"]


def test_crisis_over_the_api(client, world):
    lead = coordinator()
    made = referral(world, kind="crisis", consulted_with=lead, accept_by=lead)
    raised = timezone.now() - timedelta(hours=3)
    crisis = call(client, "post", f"/referrals/{made.pk}/crises", lead, {
        "raised_at": raised.isoformat(), "what_happened": "Mum cannot cope."}).json()
    assert crisis["first_contact_at"] is None
    body = {"version": crisis["version"],
            "first_contact_at": (raised + timedelta(hours=1)).isoformat(),
            "work_done": "Visited.", "outcome": "stayed_home", "outcome_on": "2026-11-23"}
    done = call(client, "put", f"/crises/{crisis['id']}", lead, body)
    assert done.status_code == 200 and done.json()["first_contact_on_time"] is True
    assert call(client, "put", f"/crises/{crisis['id']}", lead, body).status_code == 409


def test_refusals(client, world):
    made = referral(world)
    refused = call(client, "post", "/referrals", world.users["senior_social_worker"], {
        "person_id": world.child.pk, "kind": "crisis", "reason": "x"})
    assert refused.status_code == 403  # cannot open the child's record
    assert call(client, "get", f"/referrals/{made.pk}",
                world.users["senior_social_worker"]).status_code == 404
    decline = call(client, "post", f"/referrals/{made.pk}/decline",
                   world.users["team_manager"], {"reason": "No"})
    assert decline.status_code == 403 and decline.json()["detail"] == services.ONLY_TEAM


# Each operation with its method and how many ids its path takes.
METHODS = {
    "ft-referral-list": ("get", 0), "ft-referral-create": ("post", 0),
    "ft-referral-detail": ("get", 1), "ft-consultation": ("post", 1),
    "ft-accept": ("post", 1), "ft-decline": ("post", 1), "ft-withdraw": ("post", 1),
    "ft-close": ("post", 1), "ft-meeting-create": ("post", 1), "ft-plan-create": ("post", 1),
    "ft-plan-respond": ("post", 1), "ft-crisis-create": ("post", 1),
    "ft-crisis-update": ("put", 1),
}


def test_every_role_against_every_operation(client, world):
    assert set(METHODS) == set(OPERATIONS)
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, ids) in METHODS.items():
            url = reverse(f"api-1:{name}", args=[1] * ids)
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = (response.status_code == 403
                       and POLICY_REFUSAL in response.json()["detail"])
            if refused == (role in POLICY[f"api-1:{name}"]):
                failures.append(f"{role.value} {method} {name}: {response.status_code}")
    assert failures == []


def test_referral_with_its_consultation_over_the_api(client, world):
    worker, lead = world.users["social_worker"], coordinator()
    body = {"person_id": world.child.pk, "kind": "meeting", "reason": "Family meeting.",
            "consulted_on": "2026-11-20", "discussed": "Invites."}
    missing = call(client, "post", "/referrals", worker, body)
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["detail"]] == ["coordinator_id"]
    made = call(client, "post", "/referrals", worker, body | {"coordinator_id": lead.pk})
    assert made.status_code == 201, made.content
    accepted = call(client, "post", f"/referrals/{made.json()['id']}/accept", lead, {})
    assert accepted.json()["status"] == "accepted"
