"""Review of the front door's need-to-know, audit and data safety: what the Hub's pages show
of a restricted child, that every read of a child's history is audited, that nothing recorded
is overwritten (answers, outcomes, authorisations), and that junk input is named per field."""

from datetime import date, timedelta

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from righthelp.core.access import RESTRICTED_MESSAGE
from righthelp.core.models import AuditEvent, PartnerAgency, RestrictedAccessGrant
from righthelp.core.testing import bearer, make_user
from righthelp.frontdoor import services
from righthelp.frontdoor.api import MOMENT_OUT_OF_RANGE
from righthelp.frontdoor.forms import BIRTH_IN_FUTURE
from righthelp.frontdoor.models import (
    AdviceConsultation,
    HomeVisit,
    HubDecision,
    MultiAgencyCheck,
    RequestChild,
    RequestForSupport,
)
from righthelp.frontdoor.rules import Facts
from righthelp.frontdoor.services.common import REQUEST_CHANGED
from righthelp.frontdoor.services.decisions import NOT_AWAITING
from righthelp.frontdoor.services.intake import (
    ALREADY_ANSWERED,
    CHILD_ALREADY_LINKED,
    MERGED_RECORD,
    NO_LONGER_OPEN,
)
from righthelp.frontdoor.services.triage import (
    CHECK_ALREADY_ANSWERED,
    OUTCOME_ALREADY_RECORDED,
)
from righthelp.people.models import Involvement, Person
from righthelp.staff.models import Role, Team

pytestmark = pytest.mark.django_db
API = "/api/v1/front-door"
NEW_NAME = "Noah Placed"  # the restricted record's own name (a new identity after adoption)


def signed_in(client, user):
    client.force_login(user)
    return client


def submitted(world, **extra) -> RequestForSupport:
    partner = world.users["partner_lead_professional"]
    data = {"worries": "Not eating at school.", "working_well": "Loves art.",
            "level_asked": "support", "consent_given": True, **extra}
    rfs = services.request_save_draft(actor=partner, data=data, children=[
        {"given_names": "Jonathan", "family_name": "Smith", "address": "1 Promenade",
         "postcode": "FY1 5AB", "date_of_birth": date(2015, 4, 3)}])
    return services.request_submit(actor=partner, rfs=rfs, version=rfs.version)


def linked(world, rfs: RequestForSupport, person: Person | None = None) -> RequestForSupport:
    services.child_link(actor=world.users["hub_worker"], child=rfs.children.get(),
                        person=person or world.child)
    return RequestForSupport.objects.get(pk=rfs.pk)


def restrict_with_new_name(person: Person) -> None:
    """The child's record is restricted later (say, on adoption) and carries a new name."""
    Person.objects.filter(pk=person.pk).update(restricted=True, given_names="Noah",
                                                family_name="Placed")


def decided_on(world, rfs: RequestForSupport) -> HubDecision:
    return services.decision_propose(
        actor=world.users["hub_worker"], rfs=rfs, facts=Facts(family_struggling=True),
        level_of_need=2, reasoning="Struggling, no harm.", childs_voice="I like art.",
        version=rfs.version)


# Need to know on the Hub's pages ------------------------------------------------------------

def test_triage_page_reads_a_childs_history_through_need_to_know_and_audits_it(client, world):
    rfs = linked(world, submitted(world))
    hub = world.users["hub_worker"]
    AuditEvent.objects.all().delete()
    page = signed_in(client, hub).get(reverse("hub-request", args=[rfs.pk]))
    assert page.status_code == 200
    assert "Known history" in page.content.decode()
    # The child's history was shown: that view of the child's record is in the audit trail,
    # and so is the view of the request itself.
    assert AuditEvent.objects.filter(user=hub, person=world.child, action="view").exists()
    assert AuditEvent.objects.filter(user=hub, action="view", object_type=
                                     "frontdoor.RequestForSupport", object_id=str(rfs.pk)).exists()


def test_triage_page_withholds_a_restricted_childs_history_and_name(client, world):
    rfs = linked(world, submitted(world))
    Involvement.objects.create(person=world.child, kind="early_help", start=date(2023, 1, 1),
                               team=Team.objects.get(code="early-help-revoe"),
                               outcome="SECRET OUTCOME")
    restrict_with_new_name(world.child)
    hub = world.users["hub_worker"]
    page = signed_in(client, hub).get(reverse("hub-request", args=[rfs.pk])).content.decode()
    assert "SECRET OUTCOME" not in page and "Known history" not in page
    assert NEW_NAME not in page and "Noah" not in page
    assert RESTRICTED_MESSAGE in page
    assert "Jonathan Smith" in page  # the name the request gives
    assert AuditEvent.objects.filter(user=hub, person=world.child, action="deny").exists()
    # With a named grant, the history (and the record's own name) are shown, and audited.
    RestrictedAccessGrant.objects.create(person=world.child, user=hub, reason="Adoption work",
                                         granted_by=world.users["hub_manager"])
    page = client.get(reverse("hub-request", args=[rfs.pk])).content.decode()
    assert "SECRET OUTCOME" in page and NEW_NAME in page


def test_queue_and_decision_pages_never_show_a_restricted_records_own_name(client, world):
    rfs = linked(world, submitted(world))
    restrict_with_new_name(world.child)
    client = signed_in(client, world.users["hub_worker"])
    queue = client.get(reverse("hub-queue")).content.decode()
    assert "Jonathan Smith" in queue and NEW_NAME not in queue
    decision = client.get(reverse("hub-decision-new", args=[rfs.pk])).content.decode()
    assert "Jonathan Smith" in decision and NEW_NAME not in decision
    proposed = decided_on(world, rfs)
    manager = signed_in(client, world.users["hub_manager"])
    authorise = manager.get(reverse("hub-decision-authorise", args=[proposed.pk]))
    assert NEW_NAME not in authorise.content.decode()


def test_queue_and_triage_api_never_show_a_restricted_records_own_name(client, world):
    rfs = linked(world, submitted(world))
    restrict_with_new_name(world.child)
    headers = bearer(world.users["hub_worker"])
    queue = client.get(f"{API}/hub/queue", **headers).json()
    assert queue[0]["children"] == ["Jonathan Smith"]
    triage = client.get(f"{API}/hub/requests/{rfs.pk}", **headers).json()
    assert triage["children"][0]["person_name"] == "Jonathan Smith"
    assert triage["known_history"][0]["person_name"] == "Jonathan Smith"
    assert NEW_NAME not in str(triage)


def test_partner_check_over_the_api_shows_what_the_check_page_shows(client, world):
    """The page shows a partner the child's name and date of birth, not the request: the API
    gives no more (no family address or postcode)."""
    rfs = submitted(world)
    officer = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="pc-jones")
    officer.agency = PartnerAgency.objects.get(code="lancashire-police")
    officer.save()
    services.check_ask(actor=world.users["hub_worker"], rfs=rfs, agency=officer.agency,
                       question="Any call-outs?", asked_of=officer)
    checks = client.get(f"{API}/checks/", **bearer(officer)).json()
    child = checks[0]["children"][0]
    assert child["given_names"] == "Jonathan" and child["date_of_birth"] == "2015-04-03"
    assert "address" not in child and "postcode" not in child
    assert "1 Promenade" not in str(checks) and "FY1 5AB" not in str(checks)


# Linking a child ----------------------------------------------------------------------------

def test_child_link_page_refuses_a_merged_record(client, world):
    duplicate = Person.objects.create(given_names="Jon", family_name="Smith",
                                      date_of_birth=date(2015, 4, 3), merged_into=world.child)
    rfs = submitted(world)
    child = rfs.children.get()
    response = signed_in(client, world.users["hub_worker"]).post(
        reverse("hub-child-link", args=[child.pk]), {"action": "link", "person": duplicate.pk})
    assert response.status_code == 200
    assert MERGED_RECORD.format(pk=world.child.pk) in response.content.decode()
    child.refresh_from_db()
    assert child.person_id is None


def test_child_link_page_refuses_a_decided_request(client, world):
    rfs = submitted(world)
    child = rfs.children.get()
    RequestForSupport.objects.filter(pk=rfs.pk).update(status=RequestForSupport.Status.DECIDED)
    response = signed_in(client, world.users["hub_worker"]).post(
        reverse("hub-child-link", args=[child.pk]), {"action": "link", "person": world.child.pk})
    assert NO_LONGER_OPEN in response.content.decode()
    child.refresh_from_db()
    assert child.person_id is None
    assert not Involvement.objects.filter(person=world.child, kind="request_for_support").exists()


def test_a_child_already_linked_is_not_relinked_from_a_stale_page(world):
    rfs = submitted(world)
    stale = rfs.children.get()  # as a second worker's page loaded it, before the link
    linked(world, rfs)
    with pytest.raises(ValidationError) as refused:
        services.child_link(actor=world.users["hub_manager"], child=stale,
                            person=world.unallocated_child)
    assert CHILD_ALREADY_LINKED in refused.value.messages
    assert RequestChild.objects.get(pk=stale.pk).person_id == world.child.pk
    assert not Involvement.objects.filter(person=world.unallocated_child).exists()


# Nothing recorded is overwritten ------------------------------------------------------------

def test_two_managers_cannot_both_authorise_one_decision(world):
    rfs = linked(world, submitted(world))
    decision = decided_on(world, rfs)
    other = make_user(Role.HUB_MANAGER, username="second-hub-manager",
                      team=Team.objects.get(code="request-for-support-hub"))
    seen_by_other = HubDecision.objects.get(pk=decision.pk)  # loaded before the first acts
    services.decision_authorise(actor=world.users["hub_manager"],
                                decision=HubDecision.objects.get(pk=decision.pk))
    opened = Involvement.objects.filter(person=world.child).count()
    with pytest.raises(ValidationError) as refused:
        services.decision_authorise(actor=other, decision=seen_by_other, note="Me too")
    assert NOT_AWAITING in refused.value.messages
    with pytest.raises(ValidationError):
        services.decision_return(actor=other, decision=seen_by_other, note="Redo it")
    decision.refresh_from_db()
    assert decision.authorised_by == world.users["hub_manager"] and decision.status == "authorised"
    assert Involvement.objects.filter(person=world.child).count() == opened  # no second hand-on


def test_a_visit_outcome_is_not_overwritten_from_the_page(client, world):
    rfs = submitted(world)
    visit = services.visit_arrange(actor=world.users["hub_worker"], rfs=rfs,
                                   arranged_for=timezone.now())
    client = signed_in(client, world.users["hub_worker"])
    url = reverse("hub-visit-outcome", args=[visit.pk])
    assert client.post(url, {"outcome": "Home warm; food in."}).status_code == 302
    again = client.post(url, {"outcome": "Changed my mind."})
    assert again.status_code == 200 and OUTCOME_ALREADY_RECORDED in again.content.decode()
    assert HomeVisit.objects.get(pk=visit.pk).outcome == "Home warm; food in."


def test_a_check_answer_is_not_overwritten(world):
    rfs = submitted(world)
    partner = world.users["partner_lead_professional"]
    check = services.check_ask(actor=world.users["hub_worker"], rfs=rfs,
                               agency=partner.agency, question="Attendance?")
    stale = MultiAgencyCheck.objects.get(pk=check.pk)
    services.check_answer(actor=partner, check=check, answer="Attendance 80%.")
    with pytest.raises(ValidationError) as refused:
        services.check_answer(actor=partner, check=stale, answer="Attendance 20%.")
    assert CHECK_ALREADY_ANSWERED in refused.value.messages
    assert MultiAgencyCheck.objects.get(pk=check.pk).answer == "Attendance 80%."


def _information_request(world) -> RequestForSupport:
    return services.contact_record(
        actor=world.users["hub_worker"], children=[{"given_names": "Jonathan"}],
        data={"kind": "information_request", "source": "email", "worries": "Court asks.",
              "referrer_name": "Clerk", "information_requested_by": "Family court"})


def test_an_answered_request_for_information_is_not_answered_again(client, world):
    rfs = _information_request(world)
    client = signed_in(client, world.users["hub_worker"])
    url = reverse("hub-information-answer", args=[rfs.pk])
    assert client.post(url, {"answer": "Known since 2020.", "version": rfs.version}).status_code \
        == 302
    rfs.refresh_from_db()
    again = client.post(url, {"answer": "Not known.", "version": rfs.version})
    assert ALREADY_ANSWERED in again.content.decode()
    rfs.refresh_from_db()
    assert rfs.answer == "Known since 2020."


def test_a_page_save_without_the_version_it_was_showing_is_refused(client, world):
    """Optimistic locking on the pages: a form sent without its version (or with junk) is
    refused, never saved blind over someone else's changes."""
    rfs = _information_request(world)
    client = signed_in(client, world.users["hub_worker"])
    response = client.post(reverse("hub-information-answer", args=[rfs.pk]),
                           {"answer": "Blind answer."})
    assert REQUEST_CHANGED in response.content.decode()
    assert RequestForSupport.objects.get(pk=rfs.pk).answer == ""
    partner = world.users["partner_lead_professional"]
    draft = services.request_save_draft(actor=partner, data={"worries": "First words."},
                                        children=[])
    client = signed_in(client, partner)
    response = client.post(reverse("request-edit", args=[draft.pk]), {
        "child-TOTAL_FORMS": "1", "child-INITIAL_FORMS": "0", "worries": "Overwritten",
        "version": "junk", "action": "draft"})
    assert REQUEST_CHANGED in response.content.decode()
    assert RequestForSupport.objects.get(pk=draft.pk).worries == "First words."


# Junk input gets a message per field --------------------------------------------------------

def test_dates_and_times_no_one_could_mean_are_named_not_a_server_error(client, world):
    rfs = submitted(world)
    headers = bearer(world.users["hub_worker"])
    for moment in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"):
        response = client.post(f"{API}/hub/requests/{rfs.pk}/visits", {"arranged_for": moment},
                               content_type="application/json", **headers)
        assert response.status_code == 422, moment
        assert response.json()["detail"] == [{"field": "arranged_for",
                                              "message": MOMENT_OUT_OF_RANGE}]
    edt = make_user(Role.SOCIAL_WORKER, username="edt-worker",
                    team=Team.objects.get(code="emergency-duty-team"))
    response = client.post(f"{API}/contacts/", {
        "children": [{"given_names": "A"}], "worries": "w", "referrer_name": "R",
        "edt_actions": "Called", "level_asked": "support", "consent_given": True,
        "received_at": "0001-01-01T00:00:00+14:00"}, content_type="application/json",
        **bearer(edt))
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "received_at", "message": MOMENT_OUT_OF_RANGE}]
    assert not HomeVisit.objects.exists()


@pytest.mark.parametrize("path", ["/requests/", "/advice/"])
def test_a_page_number_too_big_for_the_database_is_named(client, world, path):
    user = world.users["hub_worker"]
    response = client.get(f"{API}{path}", {"page": 10**30}, **bearer(user))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["detail"]] == ["page"]


def test_a_childs_birth_date_in_the_future_is_named_on_the_request_page(client, world):
    client = signed_in(client, world.users["partner_lead_professional"])
    born = (timezone.localdate() + timedelta(days=30)).strftime("%d/%m/%Y")
    response = client.post(reverse("request-new"), {
        "child-TOTAL_FORMS": "1", "child-INITIAL_FORMS": "0", "child-0-given_names": "Amy",
        "child-0-date_of_birth": born, "worries": "Kept", "action": "draft"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Child 1, date of birth: {BIRTH_IN_FUTURE}" in page and "Kept" in page
    assert not RequestForSupport.objects.exists()


# The advice line ----------------------------------------------------------------------------

def test_no_path_links_an_advice_consultation_to_a_person(client, world):
    relations = [f for f in AdviceConsultation._meta.get_fields() if f.is_relation]
    assert {f.related_model._meta.label for f in relations} <= {
        "staff.User", "core.PartnerAgency", "core.Locality"}
    assert AdviceConsultation not in admin.site._registry
    assert Person not in admin.site._registry
    response = client.post(f"{API}/advice/", {
        "worry": "Worried about neglect.", "advice_given": "Make a request.",
        "request_advised": True, "person_id": world.child.pk},
        content_type="application/json", **bearer(world.users["hub_worker"]))
    assert response.status_code == 422
    page = signed_in(client, world.users["hub_worker"]).post(reverse("advice-new"), {
        "worry": "Worried about neglect.", "advice_given": "Make a request.",
        "request_advised": "yes", "person": world.child.pk})
    assert page.status_code == 302
    consultation = AdviceConsultation.objects.get()
    assert not AuditEvent.objects.filter(object_type="frontdoor.AdviceConsultation",
                                         person__isnull=False).exists()
    assert consultation.worry == "Worried about neglect."
