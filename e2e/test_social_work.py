"""Statutory social work's acceptance journey, in the browser: from a Hub decision to a
Section 47, the Initial Child Protection Conference, a child protection plan with visits, the
chair's midway review and a review conference three months later, step down to a child in
need plan, then close; every deadline met on time shows as met.

Three months pass in one test: the server's clock (``django.utils.timezone.now``, shared with
the live server's thread) is moved forward between stages, and the forms are given the dates
the work happened on. Every step after the Hub's request is done in the browser: the strategy
discussion, the Section 47 enquiry and its outcome, the Child and Family Assessment and its
authorisation, then plans, visits and conferences. Only the partner's request for support is
made through the front door's services (the front door's own journey drives that page).
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
from righthelp.socialwork.models import ChildInNeedEpisode, ChildProtectionPlan

from .front_door_pages import HubManager, HubWorker
from .pages import App
from .social_work_pages import (
    Chair,
    ChildAndFamilyAssessment,
    ChildInNeedPlan,
    ChildSocialWork,
    Conference,
    OpenWork,
    Plans,
    Section47,
    StrategyDiscussion,
    Visits,
)

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


def enquiry_to_conference(app: App, page, base_url: str, clock: ServerClock,
                          child: int) -> None:
    """The assessment side, in the browser on the days it happened: the strategy discussion,
    the Section 47 enquiry and its outcome, the Child and Family Assessment and its
    authorisation."""
    social_work = ChildSocialWork(page, base_url)

    # Monday 3 August, afternoon: police, health and social care hold the strategy
    # discussion the Hub asked for; the social worker records it and the enquiry starts.
    clock.travel_to(london(date(2026, 8, 3), 16))
    app.sign_in("social-worker", PASSWORD)
    social_work.open(child)
    StrategyDiscussion(page).record(
        held_at="2026-08-03T15:00", attendees=["Pat Jones, Social care, social worker",
                                               "PC Lee, Police", "Dr Shah, Health, GP"],
        worries="Bruising and fear of going home.", childs_words="Dad hurts me.",
        decision="Start a Section 47 enquiry", reasons="Significant harm suspected and current.")
    expect(page.locator("#enquiry")).to_contain_text("24 August 2026")
    app.sign_out()

    # Friday 7 August: the social worker writes what the enquiry found; the team manager
    # decides an Initial Child Protection Conference is needed.
    clock.travel_to(london(date(2026, 8, 7), 14))
    app.sign_in("social-worker", PASSWORD)
    social_work.open(child)
    page.get_by_role("link", name="Section 47 enquiry from").click()
    enquiry = Section47(page)
    enquiry.write(findings="Injuries consistent with his account.",
                  childs_words="Dad hurts me.", worries="Physical harm by dad.")
    app.sign_out()
    app.sign_in("team-manager", PASSWORD)
    open_work = OpenWork(page)
    open_work.open()
    open_work.open_enquiry("Jonathan Smith")
    enquiry.record_outcome(outcome="Hold an Initial Child Protection Conference",
                           reasons="Significant harm substantiated.", on="07/08/2026")
    expect(page.locator("p").filter(has_text="Section 47 enquiry from")).to_contain_text(
        "Hold an Initial Child Protection Conference")
    app.sign_out()

    # Monday 10 August: the social worker finishes the assessment and sends it; the team
    # manager authorises its outcome, child protection.
    clock.travel_to(london(date(2026, 8, 10), 15))
    app.sign_in("social-worker", PASSWORD)
    social_work.open(child)
    social_work.open_assessment()
    assessment = ChildAndFamilyAssessment(page)
    assessment.write(strengths="Mum wants to keep him safe.", worries="Physical harm by dad.",
                     childs_words="Dad hurts me.", familys_words="We need help.",
                     what_needs_to_happen="A child protection conference.",
                     factors=["Physical abuse: adult on child"])
    assessment.send()
    app.sign_out()
    app.sign_in("team-manager", PASSWORD)
    open_work.open()
    open_work.open_assessment("Jonathan Smith")
    assessment.authorise(outcome="Child protection (strategy discussion)",
                         primary_need="Abuse or neglect",
                         reasons="The enquiry found significant harm.", on="10/08/2026")
    expect(page.locator("#assessments")).to_contain_text("Child protection")
    app.sign_out()


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
        enquiry_to_conference(app, page, live_server.url, clock, world.child.pk)

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
        expect(deadlines).not_to_contain_text("Missed, then stopped")
        # Each clock was met on time, or stopped before it was due because its plan ended
        # (a visit or review not yet due when the plan ended is not one made).
        rows = deadlines.locator("tbody tr")
        stopped = 0
        for index in range(rows.count()):
            row = rows.nth(index)
            if "Stopped" in row.inner_text():
                stopped += 1
            else:
                expect(row).to_contain_text("Met on time")
        assert 1 <= stopped <= 3
        expect(rows.filter(has_text="Hold the Initial Child Protection Conference")
               ).to_contain_text("Met on time")
        # The child's social work page: the strategy discussion (within a working day of the
        # Hub's decision), the ICPC (15 working days from the strategy discussion) and the
        # assessment (45 working days) were all met on time.
        social_work = ChildSocialWork(page, live_server.url)
        social_work.open(world.child.pk)
        for subject in ("Hold the strategy discussion",
                        "Hold the Initial Child Protection Conference",
                        "Complete the Child and Family Assessment"):
            expect(social_work.deadline(subject)).to_contain_text("Met on time")
        expect(social_work.deadline("Hold the Initial Child Protection Conference")
               ).to_contain_text("24 Aug 2026")
        expect(page.locator("main")).not_to_contain_text("Overdue")
        expect(page.locator("main")).not_to_contain_text("Met late")
        # The child's record: nothing left running.
        page.goto(f"{live_server.url}/people/{world.child.pk}/")
        expect(page.get_by_text("No open deadlines.")).to_be_visible()

        plan = ChildProtectionPlan.objects.get(episode=episode)
        assert plan.end == date(2026, 11, 12) and plan.end_reason == "to_cin"
        episode.refresh_from_db()
        assert episode.closure_date == date(2026, 12, 10) and episode.closure_reason == "RC7"
        now = clock.now()
        late = [(d.rule, d.subject) for d in Deadline.objects.filter(person=world.child)
                if clocks.status(d.due_at, d.met_at, now, stopped=d.stopped_at)
                not in (clocks.Status.MET_ON_TIME, clocks.Status.STOPPED)]
        assert late == []
