"""The person index over the JSON API: tokens, need to know, search, add, edit, network."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from righthelp.core.access import BREAK_GLASS_REASON_NEEDED, DENIED_MESSAGE
from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
from righthelp.people.api import NAME_NEEDED, NOT_LINKABLE
from righthelp.people.identifiers import NHS_NUMBER_INVALID
from righthelp.people.models import Person, Relationship
from righthelp.people.services import EDIT_CONFLICT
from righthelp.staff.models import ApiToken

pytestmark = pytest.mark.django_db
API = "/api/v1"


def call(client, method, path, user=None, body=None, **params):
    headers = bearer(user) if user is not None else {}
    send = getattr(client, method)
    if body is not None:
        return send(API + path, body, content_type="application/json", **headers)
    return send(API + path, params, **headers)


def fields_of(response) -> list:
    return [error["field"] for error in response.json()["detail"]]


def test_schema_and_docs_are_public_and_list_every_operation(client):
    schema = client.get(f"{API}/openapi.json")
    assert schema.status_code == 200
    every = {
        (method.upper(), path) for path, ops in schema.json()["paths"].items() for method in ops
    }
    own = ("/api/v1/people", "/api/v1/search", "/api/v1/allocations", "/api/v1/deadlines")
    operations = {(m, p) for m, p in every if p.startswith(own)}
    assert operations == {
        ("GET", "/api/v1/people/"), ("POST", "/api/v1/people/"),
        ("GET", "/api/v1/people/{person_id}"), ("PATCH", "/api/v1/people/{person_id}"),
        ("GET", "/api/v1/search"),
        ("GET", "/api/v1/people/{person_id}/network"),
        ("POST", "/api/v1/people/{person_id}/network"),
        ("GET", "/api/v1/people/{person_id}/allocations"), ("POST", "/api/v1/allocations"),
        ("GET", "/api/v1/deadlines"), ("POST", "/api/v1/people/{person_id}/break-glass"),
    }
    ninja_own = {"api-1:openapi-json", "api-1:openapi-view", "api-1:api-root"}  # no schema path
    api_names = [n for n in POLICY if n.startswith("api-1:") and n not in ninja_own]
    assert len(api_names) == len(every)  # every operation, and only those, has a policy name
    person = schema.json()["components"]["schemas"]["PersonIn"]["properties"]
    assert "check digit" in person["nhs_number"]["description"]
    assert client.get(f"{API}/docs").status_code == 200


def test_no_token_wrong_token_or_revoked_token_is_401(client, world):
    url = f"{API}/people/{world.child.pk}"
    assert client.get(url).status_code == 401
    assert client.get(url, HTTP_AUTHORIZATION="Bearer not-a-key").status_code == 401
    token, key = ApiToken.issue(world.users["social_worker"], "revoked")
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_social_worker_reads_allocated_child_and_it_is_audited(client, world):
    worker = world.users["social_worker"]
    response = call(client, "get", f"/people/{world.child.pk}", worker)
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Jonathan Smith" and body["version"] == 1
    assert body["network"][0]["in_childs_words"] == "My mum makes me laugh."
    event = AuditEvent.objects.get(user=worker, person=world.child, action="view")
    assert event.channel == "api"
    assert ApiToken.objects.get(user=worker).last_used_at is not None


def test_worker_without_need_to_know_is_refused_and_the_refusal_audited(client, world):
    worker = world.users["awaken_worker"]
    response = call(client, "get", f"/people/{world.child.pk}", worker)
    assert response.status_code == 403
    assert response.json() == {"detail": DENIED_MESSAGE}
    assert AuditEvent.objects.filter(user=worker, person=world.child, action="deny").exists()
    assert call(client, "get", f"/people/{world.child.pk}/network", worker).status_code == 403


def test_break_glass_needs_a_reason_then_opens_the_record(client, world):
    worker = world.users["fostering_worker"]
    url = f"/people/{world.child.pk}/break-glass"
    short = call(client, "post", url, worker, {"reason": "urgent"})
    assert short.status_code == 422
    assert short.json()["detail"] == [{"field": "reason", "message": BREAK_GLASS_REASON_NEEDED}]
    granted = call(client, "post", url, worker,
                   {"reason": "Police called out of hours about his safety tonight."})
    assert granted.status_code == 201
    assert AuditEvent.objects.filter(user=worker, person=world.child, action="break_glass",
                                     reason__startswith="Police").exists()
    assert call(client, "get", f"/people/{world.child.pk}", worker).status_code == 200


def test_analyst_is_refused_by_policy_before_any_record_is_touched(client, world):
    analyst = world.users["analyst"]
    response = call(client, "get", f"/people/{world.child.pk}", analyst)
    assert response.status_code == 403
    assert POLICY_REFUSAL in response.json()["detail"]
    assert not AuditEvent.objects.filter(user=analyst, person__isnull=False).exists()
    # The refusal itself is recorded (every refusal is), with no record read or named.
    assert AuditEvent.objects.get(user=analyst).action == "deny"


def test_operations_sharing_a_path_each_enforce_their_own_policy(client, world):
    """GET /people/ is open to a partner; POST /people/ (same path) is not."""
    partner = world.users["partner_lead_professional"]
    assert call(client, "get", "/people/", partner).status_code == 200
    refused = call(client, "post", "/people/", partner, {"family_name": "New"})
    assert refused.status_code == 403 and "person-create" in refused.json()["detail"]
    patch = call(client, "patch", f"/people/{world.child.pk}", partner, {"version": 1})
    assert patch.status_code == 403 and "person-update" in patch.json()["detail"]
    assert Person.objects.filter(family_name="New").count() == 0


def test_signed_in_session_works_and_writes_need_the_csrf_token(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.users["social_worker"])
    assert browser.get(f"{API}/people/{world.child.pk}").status_code == 200
    response = browser.post(f"{API}/people/{world.child.pk}/network",
                            {"name": "Mr Jones", "kind": "teacher"},
                            content_type="application/json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    assert not Relationship.objects.filter(name="Mr Jones").exists()


def test_person_list_is_the_callers_visible_people_paged(client, world):
    response = call(client, "get", "/people/", world.users["social_worker"], page_size=1)
    assert response.status_code == 200
    assert response.json()["has_next"] is True
    everyone = call(client, "get", "/people/", world.users["social_worker"]).json()
    names = {item["name"] for item in everyone["items"]}
    assert names == {"Jonathan Smith", "Sarah Smith"}  # the child and his mother, not Amira


def test_search_tolerates_nickname_typo_and_uk_date(client, world):
    hub = world.users["hub_worker"]
    response = call(client, "get", "/search", hub, q="Jon Smyth, 3/4/2015")
    assert response.status_code == 200
    best = response.json()["results"][0]
    assert best["id"] == world.child.pk and best["date_of_birth"] == "2015-04-03"
    assert best["can_open"] is True and best["postcode"] == "FY1 5AB"
    assert AuditEvent.objects.filter(user=hub, action="search").exists()


def test_search_explains_bad_input(client, world):
    hub = world.users["hub_worker"]
    assert fields_of(call(client, "get", "/search", hub)) == ["q"]
    bad_date = call(client, "get", "/search", hub, q="Smith", date_of_birth="3rd April")
    assert bad_date.status_code == 422 and fields_of(bad_date) == ["date_of_birth"]


def test_create_offers_duplicates_then_adds_when_confirmed(client, world):
    worker = world.users["social_worker"]
    body = {"given_names": "Jonathon", "family_name": "Smith", "date_of_birth": "2015-04-03"}
    first = call(client, "post", "/people/", worker, body)
    assert first.status_code == 409
    candidate = first.json()["candidates"][0]
    assert candidate["id"] == world.child.pk and candidate["score"] > 0.78
    assert set(candidate) == {"id", "name", "date_of_birth", "score", "can_open"}
    assert Person.objects.filter(given_names="Jonathon").count() == 0
    confirmed = call(client, "post", "/people/", worker, {**body, "confirm_not_duplicate": True})
    assert confirmed.status_code == 201
    person = Person.objects.get(given_names="Jonathon")
    assert confirmed.json()["id"] == person.pk
    assert AuditEvent.objects.filter(person=person, action="create", channel="api").exists()


def test_create_names_each_bad_field(client, world):
    worker = world.users["social_worker"]
    response = call(client, "post", "/people/", worker, {"kind": "alien", "sex": "X"})
    assert response.status_code == 422
    assert set(fields_of(response)) == {"kind", "sex"}
    no_name = call(client, "post", "/people/", worker, {"nhs_number": "943 476 5919"})
    assert no_name.json()["detail"] == [{"field": "family_name", "message": NAME_NEEDED}]


def test_patch_with_a_stale_version_is_refused_and_nothing_changes(client, world):
    worker = world.users["social_worker"]
    url = f"/people/{world.child.pk}"
    saved = call(client, "patch", url, worker, {"version": 1, "known_as": "Jonny"})
    assert saved.status_code == 200 and saved.json()["version"] == 2
    stale = call(client, "patch", url, worker, {"version": 1, "known_as": "Jon"})
    assert stale.status_code == 409
    assert stale.json() == {"detail": EDIT_CONFLICT}
    child = Person.objects.get(pk=world.child.pk)
    assert (child.known_as, child.version) == ("Jonny", 2)


def test_patch_with_a_bad_nhs_number_names_the_field(client, world):
    worker = world.users["social_worker"]
    response = call(client, "patch", f"/people/{world.child.pk}", worker,
                    {"version": 1, "nhs_number": "1234567890", "known_as": "Jonny"})
    assert response.status_code == 422
    assert {"field": "nhs_number", "message": NHS_NUMBER_INVALID} in response.json()["detail"]
    child = Person.objects.get(pk=world.child.pk)
    assert (child.nhs_number, child.known_as, child.version) == ("9434765919", "", 1)
    assert fields_of(call(client, "patch", f"/people/{world.child.pk}", worker, {})) == [
        "version"]


def test_network_add_and_list(client, world):
    worker = world.users["social_worker"]
    url = f"/people/{world.child.pk}/network"
    added = call(client, "post", url, worker, {
        "name": "Mrs Patel", "organisation": "Revoe Primary", "kind": "teacher",
        "important_to_child": True, "in_childs_words": "She helps me read."})
    assert added.status_code == 201 and added.json()["category"] == "professional"
    listed = call(client, "get", url, worker).json()
    assert {r["name"] for r in listed} == {"Sarah Smith", "Mrs Patel"}
    missing = call(client, "post", url, worker, {"kind": "friend"})
    assert missing.status_code == 422 and fields_of(missing) == ["name"]
    hidden = call(client, "post", url, worker,
                  {"kind": "sibling", "related_person_id": world.unallocated_child.pk})
    assert hidden.json()["detail"] == [{"field": "related_person_id", "message": NOT_LINKABLE}]


def test_person_detail_query_count_does_not_grow_with_the_network(client, world):
    worker = world.users["social_worker"]
    headers = bearer(worker)
    url = f"{API}/people/{world.child.pk}"
    with CaptureQueriesContext(connection) as one:
        assert client.get(url, **headers).status_code == 200
    for n in range(9):
        friend = Person.objects.create(kind="adult", given_names=f"Friend{n}", family_name="X")
        Relationship.objects.create(child=world.child, related_person=friend, kind="friend")
    with CaptureQueriesContext(connection) as ten:
        response = client.get(url, **headers)
    assert len(response.json()["network"]) == 10
    assert len(ten) == len(one)
