"""The front door's pages: requests and drafts, the Hub's queue and triage, decisions,
authorisation, the referrer's outcome, partners' checks and the anonymous advice line."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse
from django.utils import timezone

from righthelp.core.models import PartnerAgency
from righthelp.core.testing import make_user
from righthelp.frontdoor import services
from righthelp.frontdoor.models import AdviceConsultation, HubDecision, RequestForSupport
from righthelp.frontdoor.services.decisions import NEED_DIFFERENT_REASON
from righthelp.frontdoor.services.intake import NEED_CHILD, NEED_WORKING_WELL
from righthelp.staff.models import Role, Team

pytestmark = pytest.mark.django_db

CHILD_ROWS = {"child-TOTAL_FORMS": "3", "child-INITIAL_FORMS": "0"}
FULL_REQUEST = {
    **CHILD_ROWS,
    "child-0-given_names": "Jonathan", "child-0-family_name": "Smith",
    "child-0-date_of_birth": "03/04/2015", "child-0-postcode": "FY1 5AB",
    "worries": "Bruising on his arm, and he says he is scared to go home.",
    "working_well": "He loves football club; his gran is close.",
    "childs_words": "I don't want to go home tonight.",
    "level_asked": "safeguarding", "consent_given": "no",
    "consent_dispensed_reason": "Asking the parents could put him at risk.", "urgency": "2",
}


def signed_in(client, user):
    client.force_login(user)
    return client


def police_officer():
    officer = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="pc-jones")
    officer.agency = PartnerAgency.objects.get(code="lancashire-police")
    officer.save()
    return officer


def submitted(world, urgency=3, **extra) -> RequestForSupport:
    partner = world.users["partner_lead_professional"]
    data = {"worries": "Not eating at school.", "working_well": "Loves art.",
            "level_asked": "support", "consent_given": True, "urgency": urgency, **extra}
    rfs = services.request_save_draft(actor=partner, data=data, children=[
        {"given_names": "Jonathan", "family_name": "Smith"}])
    return services.request_submit(actor=partner, rfs=rfs, version=rfs.version)


def linked(world, rfs) -> RequestForSupport:
    services.child_link(actor=world.users["hub_worker"], child=rfs.children.get(),
                        person=world.child)
    return rfs


# The referrer --------------------------------------------------------------------------------

def test_draft_is_saved_and_resumed(client, world):
    client = signed_in(client, world.users["partner_lead_professional"])
    response = client.post(reverse("request-new"), {
        **CHILD_ROWS, "child-0-given_names": "Jonathan", "worries": "Often hungry",
        "action": "draft"})
    rfs = RequestForSupport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("request-edit",
                                                                           args=[rfs.pk])
    assert rfs.status == "draft" and rfs.referrer == world.users["partner_lead_professional"]
    page = client.get(reverse("request-edit", args=[rfs.pk])).content.decode()
    assert "Often hungry" in page and 'value="Jonathan"' in page
    response = client.post(reverse("request-edit", args=[rfs.pk]), {
        **CHILD_ROWS, "child-0-given_names": "Jonathan", "child-0-family_name": "Smith",
        "worries": "Often hungry", "working_well": "Gran helps", "version": rfs.version,
        "action": "draft"})
    assert response.status_code == 302
    rfs.refresh_from_db()
    assert rfs.working_well == "Gran helps" and rfs.status == "draft"
    assert [str(c) for c in rfs.children.all()] == ["Jonathan Smith"]
    assert "Continue draft" in client.get(reverse("request-list")).content.decode()


def test_failed_send_keeps_what_was_typed_and_names_the_fields(client, world):
    client = signed_in(client, world.users["partner_lead_professional"])
    response = client.post(reverse("request-new"), {
        **CHILD_ROWS, "worries": "Often hungry and tired", "action": "send"})
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index("govuk-error-summary")
    summary = page[start:page.index("</ul>", start)]
    assert f"Children: {NEED_CHILD}" in summary
    assert f"What is working well for the family?: {NEED_WORKING_WELL}" in summary
    assert "What are you asking for?:" in summary and "Has the family agreed" in summary
    assert "Often hungry and tired" in page
    rfs = RequestForSupport.objects.get()
    assert rfs.status == "draft" and rfs.worries == "Often hungry and tired"
    # The page now continues that draft rather than starting another.
    assert f'action="{reverse("request-edit", args=[rfs.pk])}"' in page
    assert f'name="version" value="{rfs.version}"' in page


def test_bad_date_is_named_and_nothing_typed_is_lost(client, world):
    client = signed_in(client, world.users["partner_lead_professional"])
    response = client.post(reverse("request-new"), {
        **FULL_REQUEST, "child-0-date_of_birth": "31/02/2015", "action": "send"})
    page = response.content.decode()
    assert "Child 1, date of birth: Enter a valid date." in page
    assert "Bruising on his arm" in page and 'value="31/02/2015"' in page


def test_partner_sends_a_request_and_sees_it_waiting(client, world):
    client = signed_in(client, world.users["partner_lead_professional"])
    response = client.post(reverse("request-new"), {**FULL_REQUEST, "action": "send"})
    rfs = RequestForSupport.objects.get()
    assert response["Location"] == reverse("request-outcome", args=[rfs.pk])
    assert rfs.status == "in_queue" and rfs.urgency == 2 and rfs.consent_given is False
    page = client.get(response["Location"]).content.decode()
    assert "With the Hub" in page and "There is no outcome yet" in page
    # A sent request can no longer be edited: the edit page shows the outcome instead.
    assert client.get(reverse("request-edit", args=[rfs.pk]))["Location"] == response[
        "Location"]


def test_a_partner_cannot_open_another_partners_request(client, world):
    rfs = submitted(world)
    draft = services.request_save_draft(actor=world.users["partner_lead_professional"],
                                        data={"worries": "x"})
    other = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="other-teacher")
    client = signed_in(client, other)
    assert client.get(reverse("request-outcome", args=[rfs.pk])).status_code == 404
    assert client.get(reverse("request-edit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("request-edit", args=[draft.pk]), {
        **CHILD_ROWS, "worries": "changed", "action": "draft"}).status_code == 404
    assert "Request " + str(rfs.pk) not in client.get(reverse("request-list")).content.decode()
    assert client.get(reverse("hub-request", args=[rfs.pk])).status_code == 403


# The Hub ----------------------------------------------------------------------------------------

def test_queue_is_ordered_by_urgency_then_deadline(client, world):
    later = submitted(world, urgency=3)
    sooner = submitted(world, urgency=3)
    urgent = submitted(world, urgency=1)
    RequestForSupport.objects.filter(pk=later.pk).update(
        decision_due_at=timezone.now() + timedelta(days=2))
    RequestForSupport.objects.filter(pk=sooner.pk).update(
        decision_due_at=timezone.now() - timedelta(hours=1))
    response = signed_in(client, world.users["hub_worker"]).get(reverse("hub-queue"))
    assert [rfs.pk for rfs, _ in response.context["rows"]] == [urgent.pk, sooner.pk, later.pk]
    page = response.content.decode()
    assert "Overdue" in page and "Immediate" in page and "No one yet" in page


def test_queue_query_count_is_flat(client, world):
    client = signed_in(client, world.users["hub_manager"])
    submitted(world)
    client.get(reverse("hub-queue"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("hub-queue"))
    for _ in range(6):
        linked(world, submitted(world))
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("hub-queue"))
    assert len(large) == len(small)


def test_working_on_it_shows_in_the_queue(client, world):
    rfs = submitted(world)
    client = signed_in(client, world.users["hub_worker"])
    response = client.post(reverse("hub-request-take", args=[rfs.pk]))
    assert response["Location"] == reverse("hub-request", args=[rfs.pk])
    assert "Hub worker Tester" in client.get(reverse("hub-queue")).content.decode()


def test_hub_finds_and_links_the_child_then_asks_a_check_answered_by_police(client, world):
    rfs = submitted(world)
    officer = police_officer()
    hub = signed_in(client, world.users["hub_worker"])
    child = rfs.children.get()
    page = hub.get(reverse("hub-child-link", args=[child.pk])).content.decode()
    assert f'name="person" value="{world.child.pk}"' in page  # Jonathan Smith is offered
    response = hub.post(reverse("hub-child-link", args=[child.pk]),
                        {"action": "link", "person": world.child.pk})
    assert response["Location"] == reverse("hub-request", args=[rfs.pk])
    child.refresh_from_db()
    assert child.person == world.child
    response = hub.post(reverse("hub-check-new", args=[rfs.pk]), {
        "agency": PartnerAgency.objects.get(code="lancashire-police").pk,
        "asked_of": officer.pk, "question": "Any call-outs to the family home?"})
    assert response.status_code == 302
    check = rfs.checks.get()

    # The other partner sees the check, with only the child's name and date of birth.
    police = signed_in(client, officer)
    assert "Any call-outs" in police.get(reverse("check-list")).content.decode()
    page = police.get(reverse("check-answer", args=[check.pk])).content.decode()
    assert "Jonathan Smith" in page and "Not eating at school" not in page
    response = police.post(reverse("check-answer", args=[check.pk]),
                           {"answer": "Two domestic call-outs in May."})
    assert response["Location"] == reverse("check-list")
    # The referrer (a school) cannot answer a check sent to the police.
    school = signed_in(client, world.users["partner_lead_professional"])
    assert school.get(reverse("check-answer", args=[check.pk])).status_code == 404

    page = signed_in(client, world.users["hub_worker"]).get(
        reverse("hub-request", args=[rfs.pk])).content.decode()
    assert "Two domestic call-outs in May." in page and "Lancashire Constabulary" in page


def test_find_or_add_adds_a_new_person_after_the_duplicate_check(client, world):
    partner = world.users["partner_lead_professional"]
    rfs = services.request_save_draft(actor=partner, data={
        "worries": "Mum is struggling.", "working_well": "Midwife visits.",
        "level_asked": "support", "consent_given": True}, children=[
        {"given_names": "Zebedee", "family_name": "Quill", "address": "2 Pier Road",
         "postcode": "FY1 5AB"},
        {"given_names": "Jon", "family_name": "Smith"}])
    rfs = services.request_submit(actor=partner, rfs=rfs, version=rfs.version)
    zebedee, jon = rfs.children.order_by("pk")
    hub = signed_in(client, world.users["hub_worker"])
    response = hub.post(reverse("hub-child-link", args=[zebedee.pk]), {
        "action": "create", "kind": "child", "given_names": "Zebedee", "family_name": "Quill",
        "sex": "U"})
    assert response["Location"] == reverse("hub-request", args=[rfs.pk])
    zebedee.refresh_from_db()
    assert zebedee.person.full_name == "Zebedee Quill"
    assert zebedee.person.current_postcode == "FY1 5AB"
    # Adding someone who may already be on the index is caught by the duplicate check.
    response = hub.post(reverse("hub-child-link", args=[jon.pk]), {
        "action": "create", "kind": "child", "given_names": "Jonathan", "family_name": "Smith",
        "date_of_birth": "03/04/2015", "sex": "M"})
    assert response.status_code == 200
    assert "may already be on the index" in response.content.decode()
    jon.refresh_from_db()
    assert jon.person is None
    # A linked child stays linked: the page offers no second link.
    response = hub.post(reverse("hub-child-link", args=[zebedee.pk]),
                        {"action": "link", "person": world.child.pk})
    assert "already linked" in response.content.decode()
    zebedee.refresh_from_db()
    assert zebedee.person.full_name == "Zebedee Quill"


def test_decision_proposes_the_step_and_a_different_step_needs_a_reason(client, world):
    rfs = linked(world, submitted(world))
    hub = signed_in(client, world.users["hub_worker"])
    url = reverse("hub-decision-new", args=[rfs.pk])
    assert hub.get(url).status_code == 200
    decision = {"significant_harm": "on", "level_of_need": "4",
                "reasoning": "Injury and fear of going home.",
                "childs_voice": "I don't want to go home.", "version": rfs.version}
    page = hub.post(url, {**decision, "action": "propose"}).content.decode()
    assert "Proposed next step: Assessment and Support" in page
    assert re.search(r'value="assessment" checked', page)  # the proposal is chosen
    response = hub.post(url, {**decision, "next_step": "early_help", "action": "decide"})
    assert response.status_code == 200
    assert NEED_DIFFERENT_REASON in response.content.decode()
    assert not HubDecision.objects.exists()
    response = hub.post(url, {**decision, "next_step": "early_help", "action": "decide",
                              "different_step_reason": "Gran has moved in; harm is not "
                                                       "current."})
    assert response["Location"] == reverse("hub-request", args=[rfs.pk])
    made = HubDecision.objects.get()
    assert made.proposed_step == "assessment" and made.next_step == "early_help"


def test_decision_needs_the_childs_voice_and_linked_children(client, world):
    rfs = submitted(world)
    response = signed_in(client, world.users["hub_worker"]).post(
        reverse("hub-decision-new", args=[rfs.pk]),
        {"family_struggling": "on", "level_of_need": "2", "reasoning": "Needs help.",
         "action": "decide"})
    page = response.content.decode()
    assert "The child&#x27;s voice: Record the child" in page
    assert "Children: Find or add each child" in page


def test_decision_pre_ticks_return_to_team_from_known_history(client, world):
    from righthelp.people.models import Involvement

    Involvement.objects.create(
        person=world.child, kind="early_help", start=timezone.localdate() - timedelta(days=200),
        end=timezone.localdate() - timedelta(days=30),
        team=Team.objects.get(code="strengthening-and-supporting-families"))
    rfs = linked(world, submitted(world))
    client = signed_in(client, world.users["hub_worker"])
    form = client.get(reverse("hub-decision-new", args=[rfs.pk])).context["form"]
    assert form["open_to_return_team_recently"].value() is True
    page = client.get(reverse("hub-request", args=[rfs.pk])).content.decode()
    assert "Open to Strengthening and Supporting Families in the last six months" in page


def test_manager_authorises_and_the_referrer_sees_the_outcome(client, world):
    from righthelp.frontdoor.rules import Facts

    rfs = linked(world, submitted(world))
    decision = services.decision_propose(
        actor=world.users["hub_worker"], rfs=rfs, facts=Facts(family_struggling=True),
        level_of_need=2, reasoning="INTERNAL: mum's mental health, dad's drinking.",
        childs_voice="I like school dinners.")
    url = reverse("hub-decision-authorise", args=[decision.pk])
    assert signed_in(client, world.users["hub_worker"]).get(url).status_code == 403
    manager = signed_in(client, world.users["hub_manager"])
    assert f'href="{url}"' in manager.get(reverse("hub-queue")).content.decode()
    assert "INTERNAL" in manager.get(url).content.decode()
    response = manager.post(url, {"action": "authorise", "note": "Agreed. MANAGER NOTE."})
    assert response["Location"] == reverse("hub-queue")
    decision.refresh_from_db()
    assert decision.status == "authorised"

    referrer = signed_in(client, world.users["partner_lead_professional"])
    page = referrer.get(reverse("request-outcome", args=[rfs.pk])).content.decode()
    assert "Early Help Hub: agree the lead agency" in page and "Level 2" in page
    assert "INTERNAL" not in page and "MANAGER NOTE" not in page
    assert "school dinners" not in page


def test_manager_returns_a_decision_with_a_note(client, world):
    from righthelp.frontdoor.rules import Facts

    rfs = linked(world, submitted(world))
    decision = services.decision_propose(
        actor=world.users["hub_worker"], rfs=rfs, facts=Facts(family_struggling=True),
        level_of_need=2, reasoning="Needs help.", childs_voice="Fine.")
    manager = signed_in(client, world.users["hub_manager"])
    url = reverse("hub-decision-authorise", args=[decision.pk])
    page = manager.post(url, {"action": "return", "note": ""}).content.decode()
    assert "Your note: Say what needs to change." in page
    manager.post(url, {"action": "return", "note": "Ask the school nurse first."})
    rfs.refresh_from_db()
    assert rfs.status == "in_queue"


def test_request_for_information_is_answered(client, world):
    hub = world.users["hub_worker"]
    rfs = services.contact_record(actor=hub, children=[{"given_names": "Amira"}], data={
        "kind": "information_request", "source": "email", "referrer_name": "Leeds CSC",
        "information_requested_by": "Leeds City Council", "worries": "Family moved here."})
    client = signed_in(client, hub)
    assert "Save answer" in client.get(reverse("hub-request", args=[rfs.pk])).content.decode()
    response = client.post(reverse("hub-information-answer", args=[rfs.pk]),
                           {"answer": "Known to us in 2022; closed.", "version": rfs.version})
    assert response.status_code == 302
    rfs.refresh_from_db()
    assert rfs.status == "answered" and rfs.answer == "Known to us in 2022; closed."


def test_visit_is_arranged_and_its_outcome_recorded(client, world):
    rfs = submitted(world)
    client = signed_in(client, world.users["hub_worker"])
    response = client.post(reverse("hub-visit-new", args=[rfs.pk]),
                           {"day": "27/03/2030", "time": "14:30"})
    assert response.status_code == 302
    visit = rfs.visits.get()
    assert visit.visitor == world.users["hub_worker"]
    client.post(reverse("hub-visit-outcome", args=[visit.pk]), {"outcome": "Home warm; food."})
    visit.refresh_from_db()
    assert visit.outcome == "Home warm; food."


# Contacts and out of hours -------------------------------------------------------------------

CONTACT = {**CHILD_ROWS, "child-0-given_names": "Jonathan", "child-0-family_name": "Smith",
           "kind": "request_for_support", "urgency": "2", "referrer_name": "Police control room",
           "worries": "Domestic incident at home; child present.", "level_asked": "safeguarding",
           "consent_given": "no", "consent_dispensed_reason": "Police notification."}


def test_hub_records_a_police_notification(client, world):
    client = signed_in(client, world.users["hub_worker"])
    response = client.post(reverse("contact-new"), {**CONTACT, "source": "police"})
    rfs = RequestForSupport.objects.get()
    assert response["Location"] == reverse("hub-request", args=[rfs.pk])
    assert rfs.source == "police" and rfs.recorded_by == world.users["hub_worker"]


def test_edt_records_an_out_of_hours_contact_that_is_handed_over(client, world):
    edt = make_user(Role.SOCIAL_WORKER, username="edt-worker",
                    team=Team.objects.get(code="emergency-duty-team"))
    client = signed_in(client, edt)
    page = client.post(reverse("contact-new"), {**CONTACT, "source": "out_of_hours"})
    assert "Say what the Emergency Duty Team has already done." in page.content.decode()
    assert not RequestForSupport.objects.exists()
    client.post(reverse("contact-new"), {**CONTACT, "source": "out_of_hours",
                                         "edt_actions": "Police attended; child with gran."})
    rfs = RequestForSupport.objects.get()
    assert rfs.handed_over and rfs.out_of_hours
    page = signed_in(client, world.users["hub_worker"]).get(reverse("hub-queue"))
    assert "Handed over from EDT" in page.content.decode()


def test_social_worker_outside_edt_cannot_record_contacts(client, world):
    response = signed_in(client, world.users["social_worker"]).get(reverse("contact-new"))
    assert response.status_code == 403


# The advice line ------------------------------------------------------------------------------

ADVICE = {"worry": "Teacher worried about Jonathan Smith, born 3/4/2015.",
          "advice_given": "Make a request for support.", "request_advised": "yes"}


def test_advice_warns_on_identifying_details_and_saves_only_when_confirmed(client, world):
    client = signed_in(client, world.users["hub_worker"])
    response = client.post(reverse("advice-new"), ADVICE)
    page = response.content.decode()
    assert response.status_code == 200
    assert "This may identify a child or family" in page and "a name (&#x27;Jonathan&#x27;)" in page
    assert "These details do not identify anyone" in page
    assert not AdviceConsultation.objects.exists()
    response = client.post(reverse("advice-new"), {**ADVICE, "confirmed_anonymous": "on"})
    assert response["Location"] == reverse("advice-list")
    consultation = AdviceConsultation.objects.get()
    assert consultation.request_advised is True
    assert "Make a request for support." in client.get(reverse("advice-list")).content.decode()


def test_no_advice_page_can_name_or_link_a_person(client, world):
    client = signed_in(client, world.users["hub_worker"])
    services.advice_record(actor=world.users["hub_worker"], data={
        "worry": "A boy in year 5 with bruises.", "advice_given": "Request support.",
        "request_advised": True})
    form_page = client.get(reverse("advice-new")).content.decode()
    names = set(re.findall(r'<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"',
                           form_page)) - {"csrfmiddlewaretoken"}
    assert names == {"agency", "agency_kind", "locality", "worry", "advice_given",
                     "request_advised"}
    list_page = client.get(reverse("advice-list")).content.decode()
    assert "/people/" not in list_page and "/people/" not in form_page
    # No front door URL takes a consultation, so none can join one to a person.
    front_door = next(p for p in get_resolver().url_patterns
                      if str(p.pattern) == "front-door/" and hasattr(p, "url_patterns"))
    advice_routes = [str(p.pattern) for p in front_door.url_patterns
                     if p.name.startswith("advice")]
    assert advice_routes == ["advice/", "advice/new/"]
