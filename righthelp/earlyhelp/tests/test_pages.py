"""Early help pages: the journey a lead professional takes, and access (403, audited)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.core.testing import make_user
from righthelp.earlyhelp import rules
from righthelp.earlyhelp.access import NOT_YOUR_EPISODE
from righthelp.earlyhelp.models import EarlyHelpEpisode
from righthelp.earlyhelp.services.assessment import MISSING_PART
from righthelp.earlyhelp.services.plans import PLAIN_LANGUAGE_FOUND
from righthelp.people.models import Involvement
from righthelp.staff.models import Role

from .helpers import ASSESSMENT, open_episode, planned

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_partner_opens_an_episode_for_a_new_family(client, world):
    partner = world.users["partner_lead_professional"]
    signed_in(client, partner)
    page = client.get(reverse("early-help-open"))
    assert page.status_code == 200 and "Jonathan Smith" in page.content.decode()
    refused = client.post(reverse("early-help-open"), {"level_of_need": "2"})
    body = refused.content.decode()
    assert "Choose a child or type their name." in body and "There is a problem" in body
    response = client.post(reverse("early-help-open"), {
        "child_given_names": "Leo", "child_family_name": "Brown",
        "child_date_of_birth": "01/02/2019", "parent_given_names": "Mark",
        "parent_family_name": "Brown", "parent_relationship": "father",
        "why_help": "Sleep and toileting.", "level_of_need": "2",
        "consent_given_by": "Mark Brown", "consent_given": "on"})
    episode = EarlyHelpEpisode.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "early-help-episode", args=[episode.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Leo Brown" in page and "Mark Brown (father)" in page
    assert "Start the assessment" in page


def test_assessment_over_two_sittings_then_completed(client, world):
    episode = open_episode(world)
    signed_in(client, episode.lead_professional)
    url = reverse("early-help-assessment", args=[episode.pk])
    client.post(url, {"strengths": "Close to his gran.", "save": ""})
    episode.assessment.refresh_from_db()
    assert episode.assessment.sittings == 1
    page = client.get(url).content.decode()
    assert "Close to his gran." in page and "Saved 1 time" in page
    incomplete = client.post(url, {**ASSESSMENT, "childs_words": "", "complete": "",
                                   "version": episode.assessment.version})
    assert MISSING_PART.format(label="the child&#x27;s own words") in (
        incomplete.content.decode())
    episode.assessment.refresh_from_db()
    assert episode.assessment.sittings == 2 and episode.assessment.status == "draft"
    done = client.post(url, {**ASSESSMENT, "complete": "",
                             "version": episode.assessment.version})
    assert done.status_code == 302
    episode.assessment.refresh_from_db()
    assert episode.assessment.status == "completed"


def test_plan_actions_agree_share_and_print(client, world):
    episode = open_episode(world)
    partner = episode.lead_professional
    planned(world, episode)
    signed_in(client, partner)
    add = client.post(reverse("early-help-action-add", args=[episode.pk]), {
        "who": "council_service", "what": "Mum failed to attend; book the course again.",
        "by_when": "01/01/2030", "how_we_will_know": "Sarah goes."})
    assert add.status_code == 200 and "Choose which council service." in add.content.decode()
    client.post(reverse("early-help-action-add", args=[episode.pk]), {
        "who": "council_service", "council_service": "family_hub",
        "what": "Mum failed to attend; book the course again.", "by_when": "01/01/2030",
        "how_we_will_know": "Sarah goes."})
    share = reverse("early-help-plan-share", args=[episode.pk])
    page = client.get(share).content.decode()
    assert "failed to attend" in page and "say &#x27;did not come&#x27;" in page
    episode.plan.refresh_from_db()
    refused = client.post(share, {"version": episode.plan.version})
    assert PLAIN_LANGUAGE_FOUND in refused.content.decode().replace("&#x27;", "'")
    shared = client.post(share, {"version": episode.plan.version, "confirm": "on"})
    assert shared["Location"] == reverse("early-help-plan-print", args=[episode.pk])
    printed = client.get(shared["Location"]).content.decode()
    assert "Our family's plan" in printed and "@media print" in printed
    assert "govuk-service-navigation" not in printed  # no navigation on the family's copy
    assert "Triple P parenting sessions" in printed and "Families in Need" in printed


def test_review_and_meeting_pages(client, world):
    episode = open_episode(world)
    planned(world, episode)
    signed_in(client, episode.lead_professional)
    episode.refresh_from_db()
    review = client.post(reverse("early-help-review", args=[episode.pk]), {
        "held_on": "20/11/2026", "childs_words": "Breakfast club is fun.",
        "version": episode.version,
        **{f"status_{a.pk}": "under_way" for a in episode.plan.actions.all()}})
    assert review.status_code == 302
    meeting = client.post(reverse("early-help-meeting", args=[episode.pk]), {
        "held_on": "21/11/2026", "agreed": "Carry on.", "family_attendees": [world.mother.pk]})
    assert meeting.status_code == 302
    page = client.get(reverse("early-help-episode", args=[episode.pk])).content.decode()
    assert "Breakfast club is fun." in page and "Carry on." in page


def test_step_up_refused_without_escalation_on_the_page(client, world):
    episode = open_episode(world)
    signed_in(client, episode.lead_professional)
    response = client.post(reverse("early-help-step-up", args=[episode.pk]), {
        "risk_change": "same", "what_changed": "Risk stayed the same.",
        "family_agreed": "on", "version": episode.version})
    assert response.status_code == 200
    assert rules.STEP_UP_NOT_ESCALATION.replace("'", "&#x27;") in response.content.decode()
    episode.refresh_from_db()
    assert episode.status == "open"


def test_link_worker_sees_partner_led_episodes_and_drift(client, world):
    episode = open_episode(world)
    planned(world, episode)
    EarlyHelpEpisode.objects.filter(pk=episode.pk).update(review_due_at="2026-01-01T12:00Z")
    signed_in(client, world.users["link_worker"])
    page = client.get(reverse("early-help-link-worker")).content.decode()
    assert "Smith family" in page and "Partner lead professional Tester" in page
    assert rules.FLAG_TEXT[rules.REVIEW_OVERDUE] in page
    detail = client.get(reverse("early-help-episode", args=[episode.pk])).content.decode()
    assert "review is overdue" in detail


def test_link_worker_sees_only_partner_led_episodes_in_their_locality(client, world):
    from datetime import timedelta

    from django.utils import timezone

    from righthelp.staff.models import Team

    partner_led = open_episode(world)  # Revoe, led by the school; no plan after 5 weeks
    EarlyHelpEpisode.objects.filter(pk=partner_led.pk).update(
        opened_at=timezone.now() - timedelta(days=35))
    open_episode(world, actor=world.users["early_help_practitioner"],
                 child=world.unallocated_child)  # council-led: not the link worker's to coach
    signed_in(client, world.users["link_worker"])
    page = client.get(reverse("early-help-link-worker")).content.decode()
    assert "1 partner-led episode in your locality" in page
    assert "Smith family" in page and "Khan family" not in page
    assert "Partner lead professional Tester" in page  # the lead professional they coach
    assert rules.FLAG_TEXT[rules.NO_PLAN] in page and "no-help-needed" not in page
    elsewhere = make_user(Role.LINK_WORKER, username="grange-park-link",
                          team=Team.objects.get(code="early-help-grange-park"))
    signed_in(client, elsewhere)
    page = client.get(reverse("early-help-link-worker")).content.decode()
    assert "0 partner-led episodes" in page and "Smith family" not in page


def test_a_lead_professional_cannot_open_an_episode_they_are_not_part_of(client, world):
    episode = open_episode(world)
    stranger = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="other-school")
    signed_in(client, stranger)
    for name in ("early-help-episode", "early-help-assessment", "early-help-plan-print",
                 "early-help-close"):
        response = client.get(reverse(name, args=[episode.pk]))
        assert response.status_code == 403
        assert NOT_YOUR_EPISODE.replace("'", "&#x27;") in response.content.decode()
    refusals = AuditEvent.objects.filter(user=stranger, action="deny",
                                         object_type="earlyhelp.EarlyHelpEpisode")
    assert refusals.count() == 4 and refusals.first().channel == "page"
    assert "Smith" not in client.get(reverse("early-help-home")).content.decode()


def test_partner_sees_no_social_care_on_the_childs_record(client, world):
    open_episode(world)
    Involvement.objects.create(person=world.child, kind="child_protection",
                               start="2026-01-01", summary="CP plan: neglect")
    world.child.chronology.create(occurred_at="2026-01-02T10:00Z", kind="hub_decision",
                                  summary="Hub reasoning about the family")
    signed_in(client, world.users["partner_lead_professional"])
    page = client.get(reverse("person-record", args=[world.child.pk])).content.decode()
    assert "Early help" in page
    assert "CP plan: neglect" not in page and "Hub reasoning" not in page
    signed_in(client, world.users["social_worker"])
    page = client.get(reverse("person-record", args=[world.child.pk])).content.decode()
    assert "Hub reasoning" in page


def test_episode_list_query_count_stays_flat(client, world):
    signed_in(client, world.users["early_help_practitioner"])
    open_episode(world)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("early-help-home"))
    from datetime import date

    from righthelp.people.models import Address, Person

    for n in range(3):
        child = Person.objects.create(given_names=f"Child{n}", family_name="Jones",
                                      date_of_birth=date(2016, 1, n + 1))
        Address.objects.create(person=child, line_1="1 Road", postcode="FY1 1AA")
        Person.objects.filter(pk=child.pk).update(current_postcode="FY1 1AA")
        child.refresh_from_db()
        open_episode(world, actor=world.users["early_help_practitioner"], child=child,
                     mother=child)
    with CaptureQueriesContext(connection) as four:
        page = client.get(reverse("early-help-home"))
    assert page.content.decode().count("Jones family") == 3
    assert len(four) == len(one)


def test_an_action_links_to_a_directory_entry(client, world):
    from righthelp.directory.models import Service

    published = Service.objects.create(name="Revoe Family Hub stay and play",
                                       description="Play sessions", status="published",
                                       phone="01253 000000")
    suggested = Service.objects.create(name="Not approved yet", description="x")
    episode = open_episode(world)
    signed_in(client, episode.lead_professional)
    url = reverse("early-help-action-add", args=[episode.pk])
    form = client.get(url).content.decode()
    assert "Revoe Family Hub stay and play" in form and "Not approved yet" not in form
    refused = client.post(url, {"who": "family", "what": "Go to stay and play.",
                                "by_when": "01/01/2030", "how_we_will_know": "We go weekly.",
                                "directory_service": suggested.pk})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    client.post(url, {"who": "family", "what": "Go to stay and play.", "by_when": "01/01/2030",
                      "how_we_will_know": "We go weekly.", "directory_service": published.pk})
    page = client.get(reverse("early-help-episode", args=[episode.pk])).content.decode()
    assert reverse("directory-service", args=[published.pk]) in page


def test_early_help_hub_agrees_the_lead_on_the_page(client, world):
    from .helpers import early_help_hub_worker, hub_decision

    hub_decision(world, world.unallocated_child)
    episode = EarlyHelpEpisode.objects.get()
    signed_in(client, early_help_hub_worker())
    home = client.get(reverse("early-help-home")).content.decode()
    assert "Waiting for the Early Help Hub" in home and "Khan family" in home
    partner = world.users["partner_lead_professional"]
    response = client.post(reverse("early-help-agree-lead", args=[episode.pk]), {
        "lead_professional": partner.pk, "level_of_need": "2", "version": episode.version})
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.status == "open" and episode.lead_professional == partner


def test_consent_withdrawn_and_closing_pages(client, world):
    episode = open_episode(world)
    planned(world, episode)
    signed_in(client, episode.lead_professional)
    episode.refresh_from_db()
    close = client.post(reverse("early-help-close", args=[episode.pk]), {
        "reason": "outcomes_met", "family_outcome": "", "version": episode.version})
    assert "Say what changed for the family" in close.content.decode()
    actions = list(episode.plan.actions.all())
    done = client.post(reverse("early-help-close", args=[episode.pk]), {
        "reason": "outcomes_met", "family_outcome": "On time every day; proud of it.",
        "version": episode.version, **{f"action_{a.pk}": "met" for a in actions}})
    assert done.status_code == 302
    page = client.get(reverse("early-help-episode", args=[episode.pk])).content.decode()
    assert "Outcomes met" in page and "proud of it" in page and "It worked" in page
    other = open_episode(world, child=world.unallocated_child)
    kept = client.post(reverse("early-help-consent", args=[other.pk]), {
        "withdrawn_by": "Amira's mum", "version": other.version,
        "significant_harm_reason": "Amira disclosed being hit; stepping up today."})
    assert kept.status_code == 302
    other.refresh_from_db()
    assert other.status == "open" and other.stays_open_reason.startswith("Amira disclosed")
    closed = client.post(reverse("early-help-consent", args=[other.pk]), {
        "withdrawn_by": "Amira's mum", "version": other.version})
    assert closed.status_code == 302
    other.refresh_from_db()
    assert other.status == "closed" and other.closure_reason == "consent_withdrawn"


def test_link_worker_page_queries_do_not_grow_with_episodes_or_leads(client, world):
    from righthelp.core.models import PartnerAgency
    from righthelp.people.models import Address, Person

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("early-help-link-worker")).content.decode()
        return len(queries), page

    planned(world, open_episode(world))
    signed_in(client, world.users["link_worker"])
    one, page = count()
    assert "1 partner-led episode" in page
    agencies = list(PartnerAgency.objects.all()[:3])
    for n, agency in enumerate(agencies):
        lead = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username=f"lead-{n}")
        lead.agency = agency
        lead.save()
        child = Person.objects.create(given_names=f"Child{n}", family_name="Jones",
                                      date_of_birth="2016-01-01", current_postcode="FY1 5AB")
        Address.objects.create(person=child, line_1=f"{n} Promenade", town="Blackpool",
                               postcode="FY1 5AB", start="2016-01-01")
        mother = Person.objects.create(kind="adult", given_names=f"Mum{n}",
                                       family_name="Jones")
        planned(world, open_episode(world, actor=lead, child=child, mother=mother))
    many, page = count()
    assert f"{1 + len(agencies)} partner-led episodes" in page
    assert many == one
