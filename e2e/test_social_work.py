"""Statutory social work's acceptance journey, in the browser: from a Hub decision to a
Section 47, the Initial Child Protection Conference, a child protection plan with visits, the
chair's midway review and a review conference three months later, step down to a child in
need plan, then close; every deadline met on time shows as met.

Three months pass in one test: the server's clock (``django.utils.timezone.now``, shared with
the live server's thread) is moved forward between stages, and the forms are given the dates
the work happened on. The strategy discussion, the Section 47 outcome and the assessment are
recorded through the assessment side's services (their pages were not ready when this was
written); every step of plans and conferences is done in the browser.
"""

from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from righthelp.core import clocks
from righthelp.core.models import Deadline
from righthelp.core.testing import PASSWORD, make_world
from righthelp.frontdoor import services as frontdoor
from righthelp.frontdoor.models import RequestForSupport
from righthelp.socialwork.models import (
    Assessment,
    ChildInNeedEpisode,
    ChildProtectionPlan,
    Section47Enquiry,
)
from righthelp.socialwork.services import assessments, section47

from .front_door_pages import HubManager, HubWorker
from .pages import App
from .social_work_pages import Chair, ChildInNeedPlan, Conference, Plans, Visits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
REAL_NOW = timezone.now


class ServerClock:
    """The server's 'now', moved to a date and running on from there."""

    def __init__(self):
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return REAL_NOW() + self.offset

    def travel_to(self, moment: datetime) -> None:
        self.offset = moment - REAL_NOW()


def london(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=clocks.LONDON)


def hub_request(world) -> RequestForSupport:
    partner = world.users["partner_lead_professional"]
    rfs = frontdoor.request_save_draft(actor=partner, data={
        "worries": "Jonathan has bruises on his arms and says he is scared to go home.",
        "working_well": "He loves football; his nan is close.",
        "childs_words": "I don't want to go home tonight.", "level_asked": "safeguarding",
        "consent_given": False,
        "consent_dispensed_reason": "Asking the parents could put him at risk.",
        "referrer_name": "Ms Green", "referrer_role": "Teacher",
        "referrer_contact": "01253 000000"},
        children=[{"given_names": "Jonathan", "family_name": "Smith",
                   "date_of_birth": date(2015, 4, 3), "postcode": "FY1 5AB"}])
    return frontdoor.request_submit(actor=partner, rfs=rfs)


def enquiry_to_conference(world, episode: ChildInNeedEpisode) -> None:
    """The assessment side's steps, through its services, with the dates they happened."""
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    section47.strategy_discussion_record(
        episode=episode, actor=worker, held_at=london(date(2026, 8, 3), 15),
        attendees=[{"name": "Pat Jones", "agency": "Social care"},
                   {"name": "PC Lee", "agency": "Police"}],
        worries="Bruising and fear of going home.", childs_words="Dad hurts me.",
        decision="section_47", reasons="Significant harm suspected and current.")
    enquiry = Section47Enquiry.objects.get(episode=episode)
    section47.section47_save(enquiry=enquiry, actor=worker, version=enquiry.version, changes={
        "findings": "Injuries consistent with his account.", "childs_words": "Dad hurts me."})
    enquiry.refresh_from_db()
    section47.section47_complete(enquiry=enquiry, actor=manager, outcome="conference",
                                 reasons="Significant harm substantiated.", on=date(2026, 8, 7))
    cafa = Assessment.objects.get(episode=episode)
    assessments.assessment_save(assessment=cafa, actor=worker, version=cafa.version, changes={
        "strengths": "Mum wants to keep him safe.", "worries": "Physical harm by dad.",
        "childs_words": "Dad hurts me.", "familys_words": "We need help.",
        "what_needs_to_happen": "A child protection conference.", "factors": ["18C"]})
    cafa.refresh_from_db()
    assessments.assessment_send(assessment=cafa, actor=worker, version=cafa.version)
    cafa.refresh_from_db()
    assessments.assessment_authorise(assessment=cafa, actor=manager, outcome="child_protection",
                                     reasons="The enquiry found significant harm.",
                                     primary_need="N1", on=date(2026, 8, 10),
                                     version=cafa.version)


def test_hub_decision_to_section_47_icpc_plan_review_step_down_and_close(live_server, page):
    clock = ServerClock()
    with mock.patch("django.utils.timezone.now", clock.now):
        clock.travel_to(london(date(2026, 8, 3), 9))
        world = make_world()
        number = hub_request(world).pk
        app = App(page, live_server.url)

        # Monday 3 August 2026: the Hub decides on a Section 47, a manager authorises.
        app.sign_in("hub-worker", PASSWORD)
        hub = HubWorker(page)
        hub.open_from_queue(number)
        hub.take()
        hub.link_child("Jonathan Smith", world.child.pk)
        hub.decide(["There are worries of significant harm",
                    "Significant harm is suspected and current"],
                   "Level 4: safeguarding", "Bruising, fear of going home.",
                   "I don't want to go home tonight.", expect_proposal="Section 47")
        app.sign_out()
        app.sign_in("hub-manager", PASSWORD)
        HubManager(page).authorise(number, "Agreed: strategy discussion today.")
        app.sign_out()
        episode = ChildInNeedEpisode.objects.get(person=world.child)
        clock.travel_to(london(date(2026, 8, 10), 17))
        enquiry_to_conference(world, episode)

        # Wednesday 12 August: the Initial Child Protection Conference decides on a plan.
        clock.travel_to(london(date(2026, 8, 12), 16))
        app.sign_in("social-worker", PASSWORD)
        plans = Plans(page, live_server.url)
        plans.open(episode.pk)
        conference = Conference(page)
        conference.start("Record the Initial Child Protection Conference")
        expect(page.locator("#due")).to_contain_text("24 August 2026")
        conference.record(
            held_on="12/08/2026", chair="Child Protection chair Tester",
            family="Sarah Smith, mother", professionals="Ms Green, school\nPat Jones, social "
            "worker", childs_words="I want dad to stop hurting me.",
            decision="The child needs a child protection plan", category="Physical abuse",
            reasons="Physical harm substantiated; a plan keeps Jonathan safe.")
        expect(page.locator("#conference")).to_contain_text("Sarah Smith, mother (family)")
        page.get_by_role("link", name="The child protection plan").click()
        expect(page.locator("#clocks")).to_contain_text("12 November 2026")
        app.sign_out()

        # 3 November: the social worker records the fortnightly visits since the conference.
        clock.travel_to(london(date(2026, 11, 3), 17))
        app.sign_in("social-worker", PASSWORD)
        plans.open(episode.pk)
        visits = Visits(page)
        for day in ("25/08/2026", "08/09/2026", "22/09/2026", "06/10/2026", "20/10/2026",
                    "03/11/2026"):
            visits.record(day, f"On {day}: I played football with Nan.")
            plans.open(episode.pk)
        expect(page.locator("#visits")).to_contain_text("3 Nov 2026")
        app.sign_out()

        # The chair, between conferences: the plan is on track; a midway review.
        app.sign_in("cp-chair", PASSWORD)
        chair = Chair(page, live_server.url)
        chair.open_drift()
        chair.midway_review("Jonathan Smith", "30/09/2026", "Dad is attending the service.",
                            "Home is calmer.", "On track: continue.")
        app.sign_out()

        # Thursday 12 November, three months on: the review conference ends the plan and
        # steps Jonathan down to a child in need plan.
        clock.travel_to(london(date(2026, 11, 12), 15))
        app.sign_in("cp-chair", PASSWORD)
        plans.open(episode.pk)
        plans.open_plan("Child protection plan")
        conference.start_review()
        conference.record(
            held_on="12/11/2026", chair="Child Protection chair Tester",
            family="Sarah Smith, mother", professionals="Pat Jones, social worker",
            childs_words="Dad doesn't shout any more.",
            decision="End the child protection plan", step_to="Child in need plan",
            reasons="The safety plan has worked for three months.")
        app.sign_out()

        # Thursday 10 December: a visit, then the outcomes are met and the work closes.
        clock.travel_to(london(date(2026, 12, 10), 11))
        app.sign_in("social-worker", PASSWORD)
        plans.open(episode.pk)
        Visits(page).record("09/12/2026", "I'm happy at home.")
        plans.open(episode.pk)
        plans.open_plan("Child in need plan")
        ChildInNeedPlan(page).end_and_close("10/12/2026", "Jonathan is safe and happy at home.")
        plans.open(episode.pk)
        expect(page.locator(".govuk-caption-l").first).to_contain_text("closed")
        deadlines = plans.deadlines()
        expect(deadlines).to_contain_text("Hold the first child protection review conference")
        expect(deadlines).not_to_contain_text("Met late")
        expect(deadlines).not_to_contain_text("Overdue")
        rows = deadlines.locator("tbody tr")
        for index in range(rows.count()):
            expect(rows.nth(index)).to_contain_text("Met on time")
        # The child's record: nothing left running.
        page.goto(f"{live_server.url}/people/{world.child.pk}/")
        expect(page.get_by_text("No open deadlines.")).to_be_visible()

        plan = ChildProtectionPlan.objects.get(episode=episode)
        assert plan.end == date(2026, 11, 12) and plan.end_reason == "to_cin"
        episode.refresh_from_db()
        assert episode.closure_date == date(2026, 12, 10) and episode.closure_reason == "RC7"
        now = clock.now()
        late = [(d.rule, d.subject) for d in Deadline.objects.filter(person=world.child)
                if clocks.status(d.due_at, d.met_at, now) != clocks.Status.MET_ON_TIME]
        assert late == []
