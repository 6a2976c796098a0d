"""Review of need-to-know, audit and data safety across the person index, the API and the
refusal pages: every refusal is in the audit trail, every list and duplicate check of the
index is audited and withholds restricted records, and junk input is named per field."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core import access
from righthelp.core.api_auth import MAX_PAGE
from righthelp.core.models import AuditEvent, BreakGlassGrant, RestrictedAccessGrant
from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY_REFUSAL
from righthelp.frontdoor import services as frontdoor
from righthelp.people.models import Person
from righthelp.people.services import BIRTH_IN_FUTURE
from righthelp.people.views import NO_SUCH_PERSON

pytestmark = pytest.mark.django_db
API = "/api/v1"
PERSON_FORM = {"kind": "child", "sex": "U", "ethnicity": "NOBT", "disability": "unknown"}


def post_json(client, path, user, body, method="post"):
    return getattr(client, method)(API + path, body, content_type="application/json",
                                   **bearer(user))


def refusals(user) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(user=user, action="deny"))


def restricted_twin(world) -> Person:
    """A restricted record (an adopted child's, say) that matches the world's child."""
    return Person.objects.create(given_names="Jonathan", family_name="Smith",
                                 date_of_birth=date(2015, 4, 3), restricted=True,
                                 restriction_reason="Adoption")


# Every refusal is recorded ------------------------------------------------------------------

def test_a_page_the_role_does_not_use_is_refused_and_the_refusal_recorded(client, world):
    partner = world.users["partner_lead_professional"]
    client.force_login(partner)
    response = client.get(reverse("hub-queue"))
    assert response.status_code == 403
    assert "This refusal has been recorded." in response.content.decode()
    [event] = refusals(partner)
    assert event.detail["refused"] == POLICY_REFUSAL and event.detail["view"] == "hub-queue"
    assert event.path == reverse("hub-queue") and event.ip_address == "127.0.0.1"


def test_a_refusal_inside_a_page_is_recorded(client, world):
    """Not a policy refusal: a social worker outside the Emergency Duty Team records no
    contacts, which the view itself refuses."""
    worker = world.users["social_worker"]
    client.force_login(worker)
    assert client.get(reverse("contact-new")).status_code == 403
    assert [e.detail["view"] for e in refusals(worker)] == ["contact-new"]


def test_a_refused_record_is_recorded_once(client, world):
    worker = world.users["fostering_worker"]
    client.force_login(worker)
    assert client.get(reverse("person-record", args=[world.child.pk])).status_code == 403
    [event] = refusals(worker)
    assert event.person == world.child


def test_api_refusals_by_policy_and_by_object_are_recorded(client, world):
    analyst = world.users["analyst"]
    response = client.get(f"{API}/people/{world.child.pk}", **bearer(analyst))
    assert response.status_code == 403 and POLICY_REFUSAL in response.json()["detail"]
    [event] = refusals(analyst)
    assert event.channel == "api" and event.person is None
    # Another partner's request: refused by the object, not the policy, and recorded too.
    partner = world.users["partner_lead_professional"]
    draft = frontdoor.request_save_draft(actor=partner, data={"worries": "x"}, children=[])
    other = world.users["early_help_practitioner"]
    response = client.get(f"{API}/front-door/requests/{draft.pk}", **bearer(other))
    assert response.status_code == 403
    assert [e.detail["view"] for e in refusals(other)] == ["api-1:request-detail"]


# Lists and duplicate checks of the index ----------------------------------------------------

def test_person_list_is_audited_and_withholds_restricted_and_merged_records(client, world):
    hub = world.users["hub_worker"]
    hidden = restricted_twin(world)
    merged = Person.objects.create(given_names="Jon", family_name="Smith",
                                   merged_into=world.child)
    response = client.get(f"{API}/people/", {"page_size": 200}, **bearer(hub))
    assert response.status_code == 200
    ids = {p["id"] for p in response.json()["items"]}
    assert world.child.pk in ids and hidden.pk not in ids and merged.pk not in ids
    event = AuditEvent.objects.get(user=hub, action="search")
    assert event.detail["list"] == "people" and event.detail["results"] == len(ids)
    assert event.channel == "api"


def test_person_list_page_beyond_any_list_is_named_not_a_server_error(client, world):
    response = client.get(f"{API}/people/", {"page": 10**30},
                          **bearer(world.users["hub_worker"]))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "page"
    last = client.get(f"{API}/people/", {"page": MAX_PAGE}, **bearer(world.users["hub_worker"]))
    assert last.status_code == 200 and last.json()["items"] == []


def test_duplicate_check_on_the_add_page_never_offers_a_restricted_record(client, world):
    hidden = restricted_twin(world)
    hub = world.users["hub_worker"]
    client.force_login(hub)
    response = client.post(reverse("person-add"), {
        **PERSON_FORM, "given_names": "Jonathan", "family_name": "Smith",
        "date_of_birth": "03/04/2015"})
    assert response.status_code == 200
    offered = [p for p, _ in response.context["duplicates"]]
    assert offered == [world.child] and hidden not in offered
    assert f"record {hidden.pk}" not in response.content.decode()
    # The duplicate check is a search of the index: it is audited.
    assert AuditEvent.objects.filter(user=hub, action="search",
                                     detail__duplicate_check=True).exists()
    # Someone with a named grant is offered it.
    RestrictedAccessGrant.objects.create(person=hidden, user=hub, reason="Adoption work",
                                         granted_by=world.users["hub_manager"])
    response = client.post(reverse("person-add"), {
        **PERSON_FORM, "given_names": "Jonathan", "family_name": "Smith",
        "date_of_birth": "03/04/2015"})
    assert hidden in [p for p, _ in response.context["duplicates"]]


def test_duplicate_check_when_the_hub_adds_a_child_never_offers_a_restricted_record(
        client, world):
    hidden = restricted_twin(world)
    partner = world.users["partner_lead_professional"]
    rfs = frontdoor.request_save_draft(actor=partner, data={
        "worries": "Hungry.", "working_well": "Art.", "level_asked": "support",
        "consent_given": True}, children=[{"given_names": "Jonathan", "family_name": "Smith"}])
    rfs = frontdoor.request_submit(actor=partner, rfs=rfs, version=rfs.version)
    client.force_login(world.users["hub_worker"])
    response = client.post(reverse("hub-child-link", args=[rfs.children.get().pk]), {
        "action": "create", "kind": "child", "given_names": "Jonathan", "family_name": "Smith",
        "date_of_birth": "03/04/2015", "sex": "M"})
    offered = [p for p, _ in response.context["duplicates"]]
    assert world.child in offered and hidden not in offered


def test_duplicate_check_over_the_api_is_audited(client, world):
    hub = world.users["hub_worker"]
    response = post_json(client, "/people/", hub, {
        "given_names": "Jonathan", "family_name": "Smith", "date_of_birth": "2015-04-03"})
    assert response.status_code == 409
    assert [c["id"] for c in response.json()["candidates"]] == [world.child.pk]
    assert AuditEvent.objects.filter(user=hub, action="search", channel="api",
                                     detail__duplicate_check=True).exists()


# Junk input is named per field --------------------------------------------------------------

def test_an_unknown_record_number_is_named_on_the_network_and_merge_forms(client, world):
    client.force_login(world.users["team_manager"])
    response = client.post(reverse("person-network-add", args=[world.child.pk]),
                           {"related_person": str(10**30), "kind": "mother"})
    assert response.status_code == 200
    assert f"Person record number: {NO_SUCH_PERSON}" in response.content.decode()
    response = client.post(reverse("person-merge", args=[world.child.pk]),
                           {"duplicate": "999999", "reason": "Same child"})
    assert response.status_code == 200
    assert f"Record number of the duplicate: {NO_SUCH_PERSON}" in response.content.decode()


def test_a_date_of_birth_in_the_future_is_named_on_the_page_and_the_api(client, world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    worker = world.users["social_worker"]
    client.force_login(worker)
    response = client.post(reverse("person-add"), {
        **PERSON_FORM, "family_name": "Future", "date_of_birth": tomorrow.strftime("%d/%m/%Y"),
        "confirm": "new"})
    assert response.status_code == 200
    assert f"Date of birth: {BIRTH_IN_FUTURE}" in response.content.decode()
    created = post_json(client, "/people/", worker, {
        "family_name": "Future", "date_of_birth": tomorrow.isoformat(),
        "confirm_not_duplicate": True})
    assert created.status_code == 422
    assert created.json()["detail"] == [{"field": "date_of_birth", "message": BIRTH_IN_FUTURE}]
    changed = post_json(client, f"/people/{world.child.pk}", worker, {
        "version": world.child.version, "date_of_birth": tomorrow.isoformat()}, "patch")
    assert changed.status_code == 422
    assert not Person.objects.filter(family_name="Future").exists()
    world.child.refresh_from_db()
    assert world.child.date_of_birth == date(2015, 4, 3)


# Break-glass --------------------------------------------------------------------------------

def test_break_glass_over_the_api_expires_and_never_opens_a_restricted_record(client, world):
    worker = world.users["fostering_worker"]
    url = f"/people/{world.child.pk}"
    granted = post_json(client, f"{url}/break-glass", worker,
                        {"reason": "Police called about him tonight."})
    assert granted.status_code == 201
    assert client.get(API + url, **bearer(worker)).status_code == 200
    BreakGlassGrant.objects.filter(user=worker).update(expires_at=timezone.now())
    assert client.get(API + url, **bearer(worker)).status_code == 403
    assert world.child.pk not in {p["id"] for p in client.get(
        f"{API}/people/", **bearer(worker)).json()["items"]}
    hidden = restricted_twin(world)
    refused = post_json(client, f"/people/{hidden.pk}/break-glass", worker,
                        {"reason": "Police called about him tonight."})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["message"] == access.BREAK_GLASS_RESTRICTED
    assert client.get(f"{API}/people/{hidden.pk}", **bearer(worker)).status_code == 403
