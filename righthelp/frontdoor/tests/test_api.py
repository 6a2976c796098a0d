"""The front door over the JSON API: requests, checks, triage, decisions, advice, figures."""

from datetime import datetime
from unittest import mock

import pytest
from django.urls import reverse

from righthelp.core.access import RESTRICTED_MESSAGE
from righthelp.core.clocks import LONDON
from righthelp.core.models import AuditEvent, PartnerAgency
from righthelp.core.testing import bearer, make_user
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
from righthelp.frontdoor import api as frontdoor_api
from righthelp.frontdoor.models import (
    AdviceConsultation,
    HubDecision,
    MultiAgencyCheck,
    RequestForSupport,
)
from righthelp.frontdoor.services.common import REQUEST_CHANGED
from righthelp.frontdoor.services.decisions import (
    NEED_CHILDS_VOICE,
    NEED_DIFFERENT_REASON,
    OWN_DECISION,
)
from righthelp.frontdoor.services.intake import NEED_CONSENT, NEED_WORKING_WELL
from righthelp.people.models import Involvement, Person
from righthelp.staff.models import Role, Team

pytestmark = pytest.mark.django_db
API = "/api/v1"
FD = "/front-door"

CHILD = {"given_names": "Jonathan", "family_name": "Smith", "date_of_birth": "2015-04-03"}
REQUEST = {
    "worries": "Bruising on his arm, and he says he is scared to go home.",
    "working_well": "He loves football club; his gran is close.",
    "childs_words": "I don't want to go home tonight.",
    "level_asked": "safeguarding", "consent_given": False,
    "consent_dispensed_reason": "Asking the parents could put him at risk.",
    "referrer_contact": "01253 000000",
}
REASONING = "An injury he cannot explain and fear of going home: significant harm, current."
VOICE = "I don't want to go home tonight."


def call(client, method, path, user=None, body=None, **params):
    headers = bearer(user) if user is not None else {}
    send = getattr(client, method)
    if body is not None:
        return send(API + FD + path, body, content_type="application/json", **headers)
    return send(API + FD + path, params, **headers)


def fields_of(response) -> list:
    return [error["field"] for error in response.json()["detail"]]


def messages_of(response) -> dict:
    return {error["field"]: error["message"] for error in response.json()["detail"]}


def partner_of(agency_code: str, username: str):
    user = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username=username)
    user.agency = PartnerAgency.objects.get(code=agency_code)
    user.save()
    return user


def edt_worker():
    return make_user(Role.SOCIAL_WORKER, username="edt-worker",
                     team=Team.objects.get(code="emergency-duty-team"))


def sent_request(client, world, **extra) -> dict:
    """A partner's request, drafted and sent to the Hub through the API."""
    partner = world.users["partner_lead_professional"]
    draft = call(client, "post", "/requests/", partner,
                 {**REQUEST, **extra, "children": [CHILD]})
    assert draft.status_code == 201, draft.json()
    body = draft.json()
    sent = call(client, "post", f"/requests/{body['id']}/submit", partner,
                {"version": body["version"]})
    assert sent.status_code == 200, sent.json()
    return sent.json()


def linked_request(client, world, **extra) -> dict:
    rfs = sent_request(client, world, **extra)
    child_id = rfs["children"][0]["id"]
    linked = call(client, "post", f"/hub/requests/{rfs['id']}/children/{child_id}/link",
                  world.users["hub_worker"], {"person_id": world.child.pk})
    assert linked.status_code == 200, linked.json()
    return rfs


def proposed(client, world, rfs: dict, **extra):
    return call(client, "post", f"/hub/requests/{rfs['id']}/decisions",
                world.users["hub_worker"],
                {"facts": {"significant_harm": True, "harm_current": True}, "level_of_need": 4,
                 "reasoning": REASONING, "childs_voice": VOICE, **extra})


# --- The schema and the policy ---------------------------------------------------------------


def test_every_front_door_operation_is_in_the_schema_with_its_own_policy_name(client):
    schema = client.get(f"{API}/openapi.json").json()
    operations = {(method.upper(), path) for path, ops in schema["paths"].items()
                  for method in ops}
    front_door = {op for op in operations if op[1].startswith(f"{API}{FD}/")}
    assert len(front_door) == 21
    assert ("POST", f"{API}{FD}/hub/requests/{{request_id}}/decisions") in front_door
    ninja_own = {"api-1:openapi-json", "api-1:openapi-view", "api-1:api-root"}  # no schema path
    api_names = [n for n in POLICY if n.startswith("api-1:") and n not in ninja_own]
    assert len(api_names) == len(operations)  # every operation, and only those, has a name


# Each front-door operation with its method and how many numbers its path takes.
OPERATIONS = {
    "request-list": ("get", 0), "request-create": ("post", 0), "request-detail": ("get", 1),
    "request-update": ("patch", 1), "request-submit": ("post", 1), "check-list": ("get", 0),
    "check-answer": ("post", 1), "contact-create": ("post", 0), "hub-queue": ("get", 0),
    "hub-request": ("get", 1), "child-link": ("post", 2), "check-create": ("post", 1),
    "visit-create": ("post", 1), "visit-outcome": ("post", 1), "decision-propose": ("post", 1),
    "decision-authorise": ("post", 1), "decision-return": ("post", 1),
    "information-answer": ("post", 1), "advice-list": ("get", 0), "advice-create": ("post", 0),
    "hub-figures": ("get", 0),
}


def test_every_role_against_every_front_door_operation(client, world):
    """A role the policy allows is never refused *by policy*; every other role is."""
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, numbers) in OPERATIONS.items():
            url = reverse(f"api-1:{name}", args=[999999] * numbers)
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = (response.status_code == 403
                       and POLICY_REFUSAL in response.json()["detail"])
            if refused == (role in POLICY[f"api-1:{name}"]):
                failures.append(f"{role.value} {method.upper()} {url}: {response.status_code}")
    assert failures == []


def test_advice_schema_has_no_way_to_name_or_link_a_person(client):
    schemas = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    identifying = {"person", "person_id", "child", "child_id", "name", "given_names",
                   "family_name", "date_of_birth", "dob", "address", "postcode", "phone"}
    for name in ("AdviceIn", "AdviceOut"):
        assert not set(schemas[name]["properties"]) & identifying
    assert schemas["AdviceIn"]["additionalProperties"] is False


# --- The acceptance journey through the API ----------------------------------------------------


def test_partner_request_to_authorised_outcome_the_referrer_can_see(client, world):
    partner, hub = world.users["partner_lead_professional"], world.users["hub_worker"]
    manager = world.users["hub_manager"]
    officer = partner_of("lancashire-police", "pc-jones")

    # A partner drafts, finishes and sends a request.
    draft = call(client, "post", "/requests/", partner,
                 {"worries": "Bruising on his arm.", "children": [CHILD]})
    assert draft.status_code == 201 and draft.json()["status"] == "draft"
    rfs_id, version = draft.json()["id"], draft.json()["version"]
    updated = call(client, "patch", f"/requests/{rfs_id}", partner, {**REQUEST, "version": version})
    assert updated.status_code == 200 and updated.json()["children"][0]["given_names"] == "Jonathan"
    sent = call(client, "post", f"/requests/{rfs_id}/submit", partner,
                {"version": updated.json()["version"]})
    assert sent.status_code == 200 and sent.json()["status"] == "in_queue"
    assert sent.json()["decision_due_at"] is not None

    # The Hub sees it in the queue, links the child and asks the police.
    queue = call(client, "get", "/hub/queue", hub).json()
    assert [item["id"] for item in queue] == [rfs_id]
    assert queue[0]["children"] == ["Jonathan Smith"] and queue[0]["asked_by"]
    child_id = sent.json()["children"][0]["id"]
    linked = call(client, "post", f"/hub/requests/{rfs_id}/children/{child_id}/link", hub,
                  {"person_id": world.child.pk})
    assert linked.status_code == 200 and linked.json()["person_id"] == world.child.pk
    check = call(client, "post", f"/hub/requests/{rfs_id}/checks", hub,
                 {"agency": "lancashire-police", "asked_of_id": officer.pk,
                  "question": "Any call-outs to this address?"})
    assert check.status_code == 201 and check.json()["answer"] == ""

    # The second partner sees the check waiting for them, and answers it.
    waiting = call(client, "get", "/checks/", officer).json()
    assert [c["id"] for c in waiting] == [check.json()["id"]]
    assert waiting[0]["children"][0]["family_name"] == "Smith"
    assert call(client, "get", "/checks/", partner).json() == []
    answered = call(client, "post", f"/checks/{check.json()['id']}/answer", officer,
                    {"answer": "Two domestic call-outs in May."})
    assert answered.status_code == 200 and answered.json()["answered_at"]

    # The Hub's triage view shows the answer beside the request and the child's history.
    triage = call(client, "get", f"/hub/requests/{rfs_id}", hub).json()
    assert triage["checks"][0]["answer"] == "Two domestic call-outs in May."
    assert triage["checks"][0]["answered_by"] == str(officer)
    assert triage["known_history"][0]["person_id"] == world.child.pk
    assert triage["locality"] == "revoe"  # from the child's postcode, FY1
    assert AuditEvent.objects.filter(user=hub, person=world.child, action="view",
                                     channel="api").exists()

    # The worker decides, from the rules' proposal; the manager authorises.
    decision = proposed(client, world, triage, version=triage["version"])
    assert decision.status_code == 201, decision.json()
    body = decision.json()
    assert body["proposal"]["next_step"] == "assessment" and body["next_step"] == "assessment"
    assert body["assessment_kind"] == "section_47"
    assert "Section 47" in body["proposal"]["why"]
    assert body["facts"]["open_to_return_team_recently"] is False  # worked out from records
    mine = call(client, "get", f"/requests/{rfs_id}", partner).json()
    assert mine["status"] == "in_queue" and mine["outcome"] is None  # not yet authorised
    authorised = call(client, "post", f"/hub/decisions/{body['id']}/authorise", manager,
                      {"note": "Agreed."})
    assert authorised.status_code == 200 and authorised.json()["status"] == "authorised"
    assert Involvement.objects.filter(person=world.child, kind="section_47",
                                      team__code="assessment-and-support").exists()

    # The referrer sees the outcome, and not the Hub's reasoning.
    mine = call(client, "get", f"/requests/{rfs_id}", partner)
    assert mine.status_code == 200
    assert mine.json()["status"] == "decided"
    outcome = mine.json()["outcome"]
    assert set(outcome) == {"next_step", "next_step_label", "assessment_kind", "level_of_need",
                            "signposted_to", "decided_at"}
    assert (outcome["next_step"], outcome["level_of_need"]) == ("assessment", 4)
    assert REASONING not in mine.content.decode() and "Agreed." not in mine.content.decode()
    assert "Two domestic call-outs" not in mine.content.decode()
    listed = call(client, "get", "/requests/", partner).json()
    assert listed["items"][0]["outcome"]["next_step"] == "assessment"


# --- Refusals: by role, and by object ----------------------------------------------------------


def test_a_partner_cannot_read_or_change_another_partners_request(client, world):
    partner = world.users["partner_lead_professional"]
    other = partner_of("blackpool-schools", "other-school")
    draft = call(client, "post", "/requests/", partner, {"worries": "Not eating."}).json()
    url = f"/requests/{draft['id']}"
    refused = call(client, "get", url, other)
    assert refused.status_code == 403
    assert refused.json() == {"detail": frontdoor_api.NOT_YOUR_REQUEST}
    assert call(client, "patch", url, other,
                {"version": draft["version"], "worries": "X"}).status_code == 403
    assert call(client, "post", f"{url}/submit", other,
                {"version": draft["version"]}).status_code == 403
    assert call(client, "get", "/requests/", other).json()["items"] == []
    assert RequestForSupport.objects.get(pk=draft["id"]).worries == "Not eating."
    assert call(client, "get", "/requests/999999", partner).status_code == 404


def test_the_hub_does_not_see_drafts(client, world):
    partner, hub = world.users["partner_lead_professional"], world.users["hub_worker"]
    draft = call(client, "post", "/requests/", partner, {"worries": "Not eating."}).json()
    refused = call(client, "get", f"/requests/{draft['id']}", hub)
    assert refused.status_code == 403
    assert refused.json()["detail"] == frontdoor_api.NOT_SENT_YET
    assert call(client, "get", f"/hub/requests/{draft['id']}", hub).status_code == 404
    assert call(client, "get", "/hub/queue", hub).json() == []


def test_roles_are_refused_by_the_policy(client, world):
    partner, hub = world.users["partner_lead_professional"], world.users["hub_worker"]
    rfs = sent_request(client, world)
    refusals = [
        (partner, "get", "/hub/queue", None),
        (partner, "get", f"/hub/requests/{rfs['id']}", None),
        (partner, "post", "/advice/", {"worry": "w", "advice_given": "a",
                                       "request_advised": False}),
        (world.users["social_worker"], "get", f"/hub/requests/{rfs['id']}", None),
        (world.users["analyst"], "get", "/requests/", None),
        (hub, "post", "/hub/decisions/1/authorise", {}),
        (hub, "get", "/figures", None),
        (world.users["team_manager"], "post", "/hub/decisions/1/return", {"note": "No"}),
    ]
    for user, method, path, body in refusals:
        response = call(client, method, path, user, body)
        assert response.status_code == 403, (user.role, path)
        assert POLICY_REFUSAL in response.json()["detail"]
    assert call(client, "get", "/hub/queue").status_code == 401


def test_contacts_are_recorded_only_by_the_hub_or_the_emergency_duty_team(client, world):
    body = {**REQUEST, "source": "phone", "referrer_name": "A neighbour", "children": [CHILD]}
    refused = call(client, "post", "/contacts/", world.users["social_worker"], body)
    assert refused.status_code == 403
    assert refused.json()["detail"] == frontdoor_api.CONTACT_TAKERS_ONLY
    recorded = call(client, "post", "/contacts/", world.users["hub_worker"], body)
    assert recorded.status_code == 201
    assert recorded.json()["source"] == "phone" and not recorded.json()["out_of_hours"]
    assert RequestForSupport.objects.count() == 1


def test_contact_bad_input_is_explained_per_field_and_nothing_is_saved(client, world):
    hub = world.users["hub_worker"]
    response = call(client, "post", "/contacts/", hub,
                    {"kind": "gossip", "urgency": 9, "children": [CHILD]})
    assert response.status_code == 422
    assert set(fields_of(response)) == {"kind", "urgency"}
    missing = call(client, "post", "/contacts/", hub,
                   {"referrer_agency": "nobody", "children": [], "worries": "x"})
    assert messages_of(missing) == {"referrer_agency": frontdoor_api.UNKNOWN_AGENCY}
    no_source = call(client, "post", "/contacts/", hub, {"worries": "x", "children": [CHILD]})
    assert fields_of(no_source) == ["source"]
    assert not RequestForSupport.objects.exists()


# --- Drafts: conflicts and field messages --------------------------------------------------------


def test_draft_with_a_stale_version_is_refused_409_and_nothing_changes(client, world):
    partner = world.users["partner_lead_professional"]
    draft = call(client, "post", "/requests/", partner, {"worries": "A"}).json()
    url = f"/requests/{draft['id']}"
    saved = call(client, "patch", url, partner, {"version": draft["version"], "worries": "B"})
    assert saved.status_code == 200 and saved.json()["version"] == draft["version"] + 1
    stale = call(client, "patch", url, partner, {"version": draft["version"], "worries": "C"})
    assert stale.status_code == 409 and stale.json() == {"detail": REQUEST_CHANGED}
    stale_send = call(client, "post", f"{url}/submit", partner, {"version": draft["version"]})
    assert stale_send.status_code == 409
    rfs = RequestForSupport.objects.get(pk=draft["id"])
    assert (rfs.worries, rfs.status) == ("B", "draft")


def test_a_sent_request_cannot_be_changed_or_sent_again(client, world):
    partner = world.users["partner_lead_professional"]
    rfs = sent_request(client, world)
    url = f"/requests/{rfs['id']}"
    again = call(client, "post", f"{url}/submit", partner, {"version": rfs["version"]})
    assert again.status_code == 409 and again.json()["detail"] == frontdoor_api.ALREADY_SENT
    change = call(client, "patch", url, partner, {"version": rfs["version"], "worries": "X"})
    assert change.status_code == 409 and change.json()["detail"] == frontdoor_api.NOT_A_DRAFT


def test_an_unfinished_draft_names_each_missing_field_and_keeps_what_was_typed(client, world):
    partner = world.users["partner_lead_professional"]
    draft = call(client, "post", "/requests/", partner, {"worries": "Not eating."}).json()
    response = call(client, "post", f"/requests/{draft['id']}/submit", partner,
                    {"version": draft["version"]})
    assert response.status_code == 422
    messages = messages_of(response)
    assert set(messages) == {"children", "working_well", "level_asked", "consent_given"}
    assert messages["working_well"] == NEED_WORKING_WELL
    assert messages["consent_given"] == NEED_CONSENT
    kept = call(client, "get", f"/requests/{draft['id']}", partner).json()
    assert (kept["worries"], kept["status"], kept["version"]) == ("Not eating.", "draft",
                                                                  draft["version"])


def test_bad_draft_input_is_named_per_field(client, world):
    partner = world.users["partner_lead_professional"]
    response = call(client, "post", "/requests/", partner, {
        "level_asked": "urgent", "consent_given": "perhaps",
        "children": [{"given_names": "Amy", "date_of_birth": "2099-01-01"}]})
    assert response.status_code == 422
    messages = messages_of(response)
    assert set(messages) == {"level_asked", "consent_given", "children.0.date_of_birth"}
    assert messages["children.0.date_of_birth"] == frontdoor_api.BIRTH_IN_FUTURE
    assert not RequestForSupport.objects.exists()
    no_version = call(client, "patch", "/requests/1", partner, {"worries": "x"})
    assert no_version.status_code == 422 and fields_of(no_version) == ["version"]


# --- Checks, children, visits ------------------------------------------------------------------


def test_only_the_partner_asked_answers_a_check_and_only_once(client, world):
    rfs = linked_request(client, world)
    hub = world.users["hub_worker"]
    officer = partner_of("lancashire-police", "pc-jones")
    bad = call(client, "post", f"/hub/requests/{rfs['id']}/checks", hub,
               {"agency": "mi5", "asked_of_id": 999999, "question": ""})
    assert set(fields_of(bad)) == {"agency", "asked_of_id"}
    wrong_agency = call(client, "post", f"/hub/requests/{rfs['id']}/checks", hub,
                        {"agency": "blackpool-teaching-hospitals", "asked_of_id": officer.pk,
                         "question": "Known to health?"})
    assert fields_of(wrong_agency) == ["asked_of_id"]
    check = call(client, "post", f"/hub/requests/{rfs['id']}/checks", hub,
                 {"agency": "lancashire-police", "asked_of_id": officer.pk,
                  "question": "Any call-outs?"}).json()
    url = f"/checks/{check['id']}/answer"
    school = call(client, "post", url, world.users["partner_lead_professional"], {"answer": "No"})
    assert school.status_code == 403
    blank = call(client, "post", url, officer, {"answer": "  "})
    assert fields_of(blank) == ["answer"]
    assert call(client, "post", url, officer, {"answer": "None known."}).status_code == 200
    again = call(client, "post", url, officer, {"answer": "Actually, one."})
    assert again.status_code == 409
    assert MultiAgencyCheck.objects.get(pk=check["id"]).answer == "None known."
    assert call(client, "post", "/checks/999999/answer", officer,
                {"answer": "x"}).status_code == 404


def test_an_agency_check_can_be_answered_by_its_lead_professionals(client, world):
    rfs = linked_request(client, world)
    check = call(client, "post", f"/hub/requests/{rfs['id']}/checks", world.users["hub_worker"],
                 {"agency": "blackpool-schools", "question": "Attendance?"}).json()
    partner = world.users["partner_lead_professional"]  # works for Blackpool schools
    assert [c["id"] for c in call(client, "get", "/checks/", partner).json()] == [check["id"]]
    assert call(client, "post", f"/checks/{check['id']}/answer", partner,
                {"answer": "Attendance 80%."}).status_code == 200


def test_linking_a_new_child_offers_duplicates_first_then_adds_them(client, world):
    hub = world.users["hub_worker"]
    rfs = sent_request(client, world)
    child_id = rfs["children"][0]["id"]
    url = f"/hub/requests/{rfs['id']}/children/{child_id}/link"
    offered = call(client, "post", url, hub, {})
    assert offered.status_code == 409
    assert offered.json()["candidates"][0]["id"] == world.child.pk
    assert not Person.objects.filter(given_names="Jonathan").exclude(pk=world.child.pk).exists()
    added = call(client, "post", url, hub, {"confirm_not_duplicate": True})
    assert added.status_code == 201
    person = Person.objects.get(pk=added.json()["person_id"])
    assert person.pk != world.child.pk and person.full_name == "Jonathan Smith"
    again = call(client, "post", url, hub, {"person_id": world.child.pk})
    assert again.status_code == 409


def test_linking_a_new_child_from_given_details_with_the_address_from_the_request(client, world):
    hub = world.users["hub_worker"]
    partner = world.users["partner_lead_professional"]
    draft = call(client, "post", "/requests/", partner, {**REQUEST, "children": [
        {"given_names": "Zara", "family_name": "Quinn", "address": "4 Grange Road",
         "postcode": "FY4 1AA"}]}).json()
    rfs = call(client, "post", f"/requests/{draft['id']}/submit", partner,
               {"version": draft["version"]}).json()
    url = f"/hub/requests/{rfs['id']}/children/{rfs['children'][0]['id']}/link"
    no_name = call(client, "post", url, hub, {"person": {"kind": "child"}})
    assert fields_of(no_name) == ["family_name"]
    added = call(client, "post", url, hub, {"person": {"given_names": "Zara",
                                                       "family_name": "Quinn", "sex": "F"}})
    assert added.status_code == 201, added.json()
    person = Person.objects.get(pk=added.json()["person_id"])
    assert (person.sex, person.current_postcode) == ("F", "FY4 1AA")
    assert RequestForSupport.objects.get(pk=rfs["id"]).locality.code == "grange-park"


def test_linking_checks_the_person_number(client, world):
    hub = world.users["hub_worker"]
    rfs = sent_request(client, world)
    url = f"/hub/requests/{rfs['id']}/children/{rfs['children'][0]['id']}/link"
    unknown = call(client, "post", url, hub, {"person_id": 999999})
    assert messages_of(unknown) == {"person_id": frontdoor_api.NO_PERSON}
    Person.objects.filter(pk=world.unallocated_child.pk).update(restricted=True)
    restricted = call(client, "post", url, hub, {"person_id": world.unallocated_child.pk})
    assert fields_of(restricted) == ["person_id"]
    assert call(client, "post", f"/hub/requests/{rfs['id']}/children/999999/link", hub,
                {"person_id": world.child.pk}).status_code == 404


def test_known_history_is_withheld_for_a_restricted_child(client, world):
    rfs = linked_request(client, world)
    Person.objects.filter(pk=world.child.pk).update(restricted=True)
    triage = call(client, "get", f"/hub/requests/{rfs['id']}", world.users["hub_worker"]).json()
    history = triage["known_history"][0]
    assert history["withheld"] == RESTRICTED_MESSAGE and history["involvements"] == []
    assert AuditEvent.objects.filter(person=world.child, action="deny").exists()


def test_known_history_shows_earlier_requests(client, world):
    first = linked_request(client, world)
    second = linked_request(client, world)
    triage = call(client, "get", f"/hub/requests/{second['id']}",
                  world.users["hub_worker"]).json()
    earlier = triage["known_history"][0]["earlier_requests"]
    assert [r["id"] for r in earlier] == [first["id"]]


def test_a_visit_is_arranged_and_its_outcome_recorded_once(client, world):
    hub = world.users["hub_worker"]
    rfs = linked_request(client, world)
    bad = call(client, "post", f"/hub/requests/{rfs['id']}/visits", hub,
               {"arranged_for": "tomorrow", "visitor_id": world.users["analyst"].pk})
    assert fields_of(bad) == ["arranged_for"]
    not_visitor = call(client, "post", f"/hub/requests/{rfs['id']}/visits", hub,
                       {"arranged_for": "2026-12-01T10:00:00",
                        "visitor_id": world.users["analyst"].pk})
    assert messages_of(not_visitor) == {"visitor_id": frontdoor_api.NOT_A_VISITOR}
    visit = call(client, "post", f"/hub/requests/{rfs['id']}/visits", hub,
                 {"arranged_for": "2026-12-01T10:00:00",
                  "visitor_id": world.users["social_worker"].pk})
    assert visit.status_code == 201 and visit.json()["visitor"] == str(world.users["social_worker"])
    url = f"/hub/visits/{visit.json()['id']}/outcome"
    assert fields_of(call(client, "post", url, hub, {"outcome": ""})) == ["outcome"]
    done = call(client, "post", url, hub, {"outcome": "Seen alone; he is safe with his gran."})
    assert done.status_code == 200 and done.json()["outcome_recorded_at"]
    assert call(client, "post", url, hub, {"outcome": "Again"}).status_code == 409
    triage = call(client, "get", f"/hub/requests/{rfs['id']}", hub).json()
    assert triage["visits"][0]["outcome"].startswith("Seen alone")


# --- Decisions --------------------------------------------------------------------------------


def test_a_decision_names_each_missing_part_and_a_different_step_needs_a_reason(client, world):
    rfs = linked_request(client, world)
    response = proposed(client, world, rfs, childs_voice=" ", next_step="early_help")
    assert response.status_code == 422
    messages = messages_of(response)
    assert messages["childs_voice"] == NEED_CHILDS_VOICE
    assert messages["different_step_reason"] == NEED_DIFFERENT_REASON
    bad = proposed(client, world, rfs, level_of_need="high", next_step="somewhere")
    assert set(fields_of(bad)) == {"level_of_need", "next_step"}
    differs = proposed(client, world, rfs, next_step="specialist",
                       different_step_reason="Complex health needs need the specialist team.")
    assert differs.status_code == 201
    body = differs.json()
    assert (body["proposed_step"], body["next_step"]) == ("assessment", "specialist")
    assert body["proposal"]["next_step"] == "assessment"
    again = proposed(client, world, rfs)
    assert again.status_code == 409
    assert again.json()["detail"] == frontdoor_api.NOT_WAITING_FOR_DECISION


def test_a_decision_needs_each_child_linked_and_refuses_a_stale_version(client, world):
    rfs = sent_request(client, world)
    unlinked = proposed(client, world, rfs)
    assert fields_of(unlinked) == ["children"]
    rfs = linked_request(client, world)
    stale = proposed(client, world, rfs, version=rfs["version"] - 1)
    assert stale.status_code == 409 and stale.json()["detail"] == REQUEST_CHANGED
    assert not HubDecision.objects.exists()


def test_the_return_rule_is_worked_out_from_the_childs_records(client, world):
    team = Team.objects.get(code="strengthening-and-supporting-families")
    Involvement.objects.create(person=world.child, kind="child_in_need", team=team,
                               start=datetime(2026, 1, 5).date(),
                               end=datetime(2026, 9, 1).date())
    rfs = linked_request(client, world)
    with mock.patch("django.utils.timezone.now",
                    return_value=datetime(2026, 11, 23, 11, 0, tzinfo=LONDON)):
        decision = proposed(client, world, rfs)
    assert decision.status_code == 201
    assert decision.json()["next_step"] == "return_to_team"
    assert "Strengthening and Supporting Families" in decision.json()["proposal"]["why"]


def test_a_manager_authorises_or_returns_but_not_their_own_decision(client, world):
    manager = world.users["hub_manager"]
    rfs = linked_request(client, world)
    own = call(client, "post", f"/hub/requests/{rfs['id']}/decisions", manager,
               {"facts": {"family_struggling": True}, "level_of_need": 2,
                "reasoning": "Struggling with routines.", "childs_voice": "Mum is tired."})
    assert own.status_code == 201 and own.json()["next_step"] == "early_help"
    refused = call(client, "post", f"/hub/decisions/{own.json()['id']}/authorise", manager, {})
    assert refused.status_code == 403 and refused.json()["detail"] == OWN_DECISION
    other = make_user(Role.HUB_MANAGER, username="other-hub-manager")
    blank = call(client, "post", f"/hub/decisions/{own.json()['id']}/return", other,
                 {"note": ""})
    assert fields_of(blank) == ["note"]
    returned = call(client, "post", f"/hub/decisions/{own.json()['id']}/return", other,
                    {"note": "Check with school first."})
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    assert RequestForSupport.objects.get(pk=rfs["id"]).status == "in_queue"
    late = call(client, "post", f"/hub/decisions/{own.json()['id']}/authorise", other, {})
    assert late.status_code == 409
    assert call(client, "post", "/hub/decisions/999999/authorise", other, {}).status_code == 404
    triage = call(client, "get", f"/hub/requests/{rfs['id']}", manager).json()
    assert triage["decisions"][0]["manager_note"] == "Check with school first."


# --- Requests for information -------------------------------------------------------------------


def test_a_request_for_information_is_answered_once(client, world):
    hub = world.users["hub_worker"]
    contact = call(client, "post", "/contacts/", hub, {
        "kind": "information_request", "source": "email", "referrer_name": "Leeds City Council",
        "information_requested_by": "Leeds children's social care",
        "worries": "Is this child known to you?", "children": [CHILD]}).json()
    url = f"/hub/requests/{contact['id']}/answer"
    assert fields_of(call(client, "post", url, hub, {"answer": ""})) == ["answer"]
    answered = call(client, "post", url, hub, {"answer": "Known: open to assessment."})
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    assert call(client, "post", url, hub, {"answer": "Again"}).status_code == 409
    rfs = linked_request(client, world)
    wrong = call(client, "post", f"/hub/requests/{rfs['id']}/answer", hub, {"answer": "x"})
    assert wrong.status_code == 422 and fields_of(wrong) == [None]


# --- The advice line ----------------------------------------------------------------------------


def test_advice_with_identifying_text_is_warned_per_field_and_cannot_name_a_person(client, world):
    hub = world.users["hub_worker"]
    body = {"agency": "blackpool-schools", "locality": "revoe",
            "worry": "Teacher worried about Jonathan Smith, born 3/4/2015.",
            "advice_given": "Ring his mum on 01253 477477.", "request_advised": True}
    warned = call(client, "post", "/advice/", hub, body)
    assert warned.status_code == 422
    messages = messages_of(warned)
    assert set(messages) == {"worry", "advice_given"}
    assert "a name ('Jonathan')" in messages["worry"] and "a date" in messages["worry"]
    assert "a phone number" in messages["advice_given"]
    assert not AdviceConsultation.objects.exists()
    linked = call(client, "post", "/advice/", hub, {**body, "person_id": world.child.pk,
                                                   "name": "Jonathan Smith"})
    assert linked.status_code == 422 and {"person_id", "name"} <= set(fields_of(linked))
    confirmed = call(client, "post", "/advice/", hub, {**body, "confirmed_anonymous": True})
    assert confirmed.status_code == 201
    assert confirmed.json()["agency_kind"] == "school" and confirmed.json()["locality"] == "revoe"
    listed = call(client, "get", "/advice/", hub).json()["items"]
    assert [a["id"] for a in listed] == [confirmed.json()["id"]]
    assert not {"person", "person_id", "child"} & set(listed[0])


def test_advice_bad_input_is_named_per_field(client, world):
    hub = world.users["hub_worker"]
    response = call(client, "post", "/advice/", hub, {"agency_kind": "pirates"})
    assert set(fields_of(response)) == {"agency_kind", "worry", "advice_given",
                                        "request_advised"}
    unknown = call(client, "post", "/advice/", hub, {
        "agency": "nobody", "locality": "atlantis", "worry": "A boy with bruises.",
        "advice_given": "Make a request.", "request_advised": True})
    assert set(fields_of(unknown)) == {"agency", "locality"}
    blank = call(client, "post", "/advice/", hub, {"worry": "", "advice_given": "Make a request.",
                                                  "request_advised": True})
    assert fields_of(blank) == ["worry"]


# --- Out of hours -------------------------------------------------------------------------------


def test_edt_contact_friday_night_before_bank_holiday_is_due_tuesday_at_close(client, world):
    edt, hub = edt_worker(), world.users["hub_worker"]
    friday_night = datetime(2026, 5, 1, 23, 0, tzinfo=LONDON)  # Monday 4 May: bank holiday
    body = {**REQUEST, "referrer_name": "Police control room", "children": [CHILD],
            "edt_actions": "Police attended; he stayed with his gran overnight.",
            "received_at": friday_night.isoformat()}
    with mock.patch("django.utils.timezone.now",
                    return_value=datetime(2026, 5, 1, 23, 20, tzinfo=LONDON)):
        hub_tries = call(client, "post", "/contacts/", hub, {**body, "source": "phone"})
        assert messages_of(hub_tries) == {"received_at": frontdoor_api.RECEIVED_AT_EDT_ONLY}
        wrong_source = call(client, "post", "/contacts/", edt, {**body, "source": "phone"})
        assert messages_of(wrong_source) == {"source": frontdoor_api.EDT_SOURCE}
        no_actions = call(client, "post", "/contacts/", edt, {**body, "edt_actions": ""})
        assert fields_of(no_actions) == ["edt_actions"]
        future = call(client, "post", "/contacts/", edt,
                      {**body, "received_at": "2026-05-02T01:00:00+01:00"})
        assert messages_of(future) == {"received_at": frontdoor_api.RECEIVED_IN_FUTURE}
        response = call(client, "post", "/contacts/", edt, body)
    assert response.status_code == 201, response.json()
    contact = response.json()
    assert contact["source"] == "out_of_hours" and contact["handed_over"]
    tuesday_open = datetime(2026, 5, 5, 9, 0, tzinfo=LONDON)
    assert datetime.fromisoformat(contact["queued_at"]) == tuesday_open
    assert datetime.fromisoformat(contact["decision_due_at"]) == datetime(2026, 5, 5, 17, 0,
                                                                          tzinfo=LONDON)
    with mock.patch("django.utils.timezone.now",
                    return_value=datetime(2026, 5, 2, 10, 0, tzinfo=LONDON)):
        assert call(client, "get", "/hub/queue", hub).json() == []
        waiting = call(client, "get", "/hub/queue", hub, waiting="true").json()
        assert [c["id"] for c in waiting] == [contact["id"]]
    with mock.patch("django.utils.timezone.now",
                    return_value=datetime(2026, 5, 5, 9, 1, tzinfo=LONDON)):
        queue = call(client, "get", "/hub/queue", hub).json()
    assert [c["id"] for c in queue] == [contact["id"]]
    assert queue[0]["handed_over"] and queue[0]["out_of_hours"]
    triage = call(client, "get", f"/hub/requests/{contact['id']}", hub).json()
    assert triage["edt_actions"].startswith("Police attended")
    assert triage["recorded_by"] == str(edt)


def test_edt_contact_without_received_at_starts_the_clock_now(client, world):
    edt = edt_worker()
    sunday = datetime(2026, 5, 3, 14, 0, tzinfo=LONDON)
    with mock.patch("django.utils.timezone.now", return_value=sunday):
        response = call(client, "post", "/contacts/", edt, {
            "kind": "missing", "referrer_name": "PC Jones", "children": [CHILD],
            "worries": "Missing since noon.", "edt_actions": "Reported to police."})
    assert response.status_code == 201, response.json()
    assert datetime.fromisoformat(response.json()["received_at"]) == sunday
    assert datetime.fromisoformat(response.json()["decision_due_at"]) == datetime(
        2026, 5, 5, 17, 0, tzinfo=LONDON)


# --- Figures ------------------------------------------------------------------------------------


def test_figures_over_the_api_check_their_filters(client, world):
    manager = world.users["hub_manager"]
    bad = call(client, "get", "/figures", manager, month="May", locality="atlantis")
    assert bad.status_code == 422 and set(fields_of(bad)) == {"month", "locality"}
    linked_request(client, world)
    month = datetime.now(LONDON).strftime("%Y-%m")
    good = call(client, "get", "/figures", world.users["analyst"], month=month, locality="revoe")
    assert good.status_code == 200, good.json()
    body = good.json()
    assert body["received"]["total"] == 1 and body["conversion"]["comparison_percent"] == 45.0
    assert {row["code"] for row in body["advice"]["by_agency_kind"]} >= {"school", "police"}
