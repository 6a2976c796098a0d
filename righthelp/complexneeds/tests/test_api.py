"""Complex needs over JSON: open, change, EHC and transition plans, field errors, conflicts,
and every role against every operation."""

from datetime import date

import pytest
from django.urls import reverse

from righthelp.complexneeds import services
from righthelp.complexneeds.policy import POLICY as CN_POLICY
from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
from righthelp.people.models import Involvement
from righthelp.staff.models import Role, Team

from .factories import cn_worker, young_person

pytestmark = pytest.mark.django_db
API = "/api/v1/complex-needs"


def call(client, method, path, user, body=None):
    kwargs = {} if method == "get" else {"data": body or {}, "content_type": "application/json"}
    return getattr(client, method)(API + path, **kwargs, **bearer(user))


def _routed(person):
    Involvement.objects.create(person=person, kind="complex_needs", start=date(2026, 11, 1),
                               team=Team.objects.get(code="complex-needs"))
    return person


def test_journey(client, world):
    worker = cn_worker()
    sam = _routed(young_person(date(2012, 2, 1), given="Sam"))
    bad = call(client, "post", "/records", worker, {"person_id": sam.pk, "sen_provision": "K",
                                                    "needs_summary": ""})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["detail"]} == {"primary_need", "needs_summary"}
    wrong = call(client, "post", "/records", worker, {"person_id": sam.pk, "sen_provision": "K",
                                                      "primary_need": "XYZ", "needs_summary": "x"})
    assert wrong.status_code == 422
    made = call(client, "post", "/records", worker, {
        "person_id": sam.pk, "sen_provision": "E", "primary_need": "SEMH",
        "needs_summary": "Anxiety at school."})
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    ehc = call(client, "put", f"/records/{pk}/ehc-plan", worker, {
        "requested_on": "2025-03-03", "issued_on": "2025-07-01"})
    assert ehc.json()["ehc_plan"]["next_annual_review_due"] == "2026-07-01"
    assert ehc.json()["ehc_plan"]["issue_due"] == "2025-07-21"
    plan = call(client, "put", f"/records/{pk}/transition-plan", worker, {
        "adult_services": "None yet", "education_employment": "Sixth form",
        "housing": "Home", "health": "CAMHS", "young_persons_words": "I want to be a vet.",
        "review_on": "2027-02-01"})
    assert plan.status_code == 200, plan.content
    stale = call(client, "put", f"/records/{pk}/transition-plan", worker, {
        "version": 7, "adult_services": "x", "education_employment": "x", "housing": "x",
        "health": "x", "young_persons_words": "x", "review_on": "2027-02-01"})
    assert stale.status_code == 409
    detail = call(client, "get", f"/children/{sam.pk}", worker).json()
    statuses = {d["rule"]: d["status"] for d in detail["transition_deadlines"]}
    assert statuses == {"transition-planning-start": "met_late",
                        "transition-to-adulthood": "due"}
    listed = call(client, "get", "/records", worker).json()
    assert listed[0]["next_deadline"]["rule"] == "transition-to-adulthood"
    closed = call(client, "post", f"/records/{pk}/close", worker, {"reason": "Moved to Leeds."})
    assert closed.json()["closed_on"] is not None


def test_refusals(client, world):
    refused = call(client, "post", "/records", world.users["social_worker"], {
        "person_id": world.child.pk, "sen_provision": "N", "needs_summary": "x"})
    assert refused.status_code == 403 and refused.json()["detail"] == services.ONLY_TEAM
    old = _routed(young_person(date(1990, 1, 1)))
    too_old = call(client, "post", "/records", cn_worker(), {
        "person_id": old.pk, "sen_provision": "N", "needs_summary": "x"})
    assert too_old.status_code == 422
    assert too_old.json()["detail"][0]["message"].startswith("This service is for children")


METHODS = {
    "cn-list": ("get", 0), "cn-record": ("get", 1), "cn-record-create": ("post", 0),
    "cn-record-update": ("put", 1), "cn-ehc-save": ("put", 1),
    "cn-transition-save": ("put", 1), "cn-record-close": ("post", 1),
}


def test_every_role_against_every_operation(client, world):
    assert {f"api-1:{n}" for n in METHODS} == {n for n in CN_POLICY if n.startswith("api-1:")}
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, ids) in METHODS.items():
            url = reverse(f"api-1:{name}", args=[world.child.pk] * ids)
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = (response.status_code == 403
                       and POLICY_REFUSAL in response.json()["detail"])
            if refused == (role in POLICY[f"api-1:{name}"]):
                failures.append(f"{role.value} {method} {name}: {response.status_code}")
    assert failures == []
