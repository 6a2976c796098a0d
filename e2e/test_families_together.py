"""Families Together and complex needs, in the browser.

Families Together: the child's allocated social worker talks to the coordinator and refers,
recording that consultation; nobody else can refer. The coordinator accepts, arranges the
Family Together Meeting with people from the child's own network, records the private family
time and writes down the family's own plan as they said it; the social worker sees it as the
family's plan and accepts it, with reasons.

Complex needs: a 14-year-old with an EHC plan shows the transition planning deadlines (planning
from 14, adult services by 18) and the plan's dates.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from righthelp.complexneeds.models import ComplexNeedsRecord
from righthelp.core.testing import PASSWORD, make_user, make_world
from righthelp.familiestogether.models import FamiliesTogetherReferral, FamilyPlan
from righthelp.familiestogether.services import ONLY_ALLOCATED_SOCIAL_WORKER
from righthelp.people.models import Involvement, Person, Relationship
from righthelp.staff.models import Role, Team

from .families_together_pages import ComplexNeeds, Coordinator, SocialWorker
from .pages import App

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ddmmyyyy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def test_referral_meeting_and_the_familys_own_plan(live_server, page):
    world = make_world()
    lead = make_user(Role.SENIOR_SOCIAL_WORKER, "ft-coordinator",
                     team=Team.objects.get(code="families-together"))
    lead.first_name, lead.last_name = "Kim", "Coordinator"
    lead.save()
    # The child's network: mum (from the shared world) and nan. Someone in another child's
    # network is never offered.
    nan = Person.objects.create(kind="adult", given_names="Joan", family_name="Smith")
    Relationship.objects.create(child=world.child, related_person=nan, kind="grandparent",
                                important_to_child=True)
    Relationship.objects.create(child=world.unallocated_child, name="Stranger Danger",
                                kind="other")
    today = timezone.localdate()
    app = App(page, live_server.url)

    # Another social worker in the same team may read Jonathan's record but cannot refer him.
    app.sign_in("senior-social-worker", PASSWORD)
    page.goto(f"{live_server.url}/families-together/children/{world.child.pk}/refer/")
    page.get_by_label("Family Together Meeting", exact=True).check()
    page.get_by_label("Why does the family need Families Together?").fill("Worried.")
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_text(ONLY_ALLOCATED_SOCIAL_WORKER)).to_be_visible()
    assert not FamiliesTogetherReferral.objects.exists()
    app.sign_out()

    # The allocated social worker consulted the coordinator, then refers.
    app.sign_in("social-worker", PASSWORD)
    worker = SocialWorker(page, live_server.url)
    worker.refer("Jonathan Smith", kind="Family Together Meeting",
                 reason="Arguments at home are escalating; the family want to plan together.",
                 childs_words="I want my nan to help.", coordinator="Kim Coordinator",
                 consulted_on=ddmmyyyy(today - timedelta(days=3)),
                 discussed="Who is in Jonathan's network and whether a meeting would help.")
    expect(worker.status()).to_have_text("Referred: waiting for a decision")
    expect(worker.consultation()).to_contain_text("with Kim Coordinator")
    expect(worker.consultation()).to_contain_text("whether a meeting would help")
    app.sign_out()

    # The coordinator accepts and records the Family Together Meeting.
    app.sign_in("ft-coordinator", PASSWORD)
    coordinator = Coordinator(page, live_server.url)
    coordinator.open_referral("Jonathan Smith")
    coordinator.accept("Kim Coordinator", "Consulted; the family want a meeting.")
    expect(coordinator.status()).to_have_text("Accepted")
    coordinator.start_meeting()
    assert sorted(coordinator.network_offered()) == ["Joan Smith (grandparent)",
                                                     "Sarah Smith (mother)"]
    coordinator.record_meeting(
        held_on=ddmmyyyy(today - timedelta(days=1)),
        invited=["Sarah Smith (mother)", "Joan Smith (grandparent)"],
        came=["Sarah Smith (mother)", "Joan Smith (grandparent)"], private_minutes=45,
        childs_words="I liked that nan came.", others="Kim Coordinator (coordinator)")
    meeting = page.locator("dl", has_text="Private family time")
    expect(meeting).to_contain_text("Yes, 45 minutes")
    expect(meeting).to_contain_text("Joan Smith (grandparent)")
    coordinator.record_familys_plan(
        agreed_by="Sarah (mum), Joan (nan) and Jonathan",
        items=[("Nan picks Jonathan up from school on Fridays and he stays for tea.", "Nan",
                ddmmyyyy(today + timedelta(days=7))),
               ("When we start shouting, mum goes out to the garden for ten minutes.",
                "Mum", "")])
    plan = coordinator.family_plan()
    expect(plan).to_contain_text("The family's own plan")
    expect(plan).to_contain_text("written as they said it")
    expect(plan).to_contain_text("Waiting for the professionals' response")
    app.sign_out()

    # The social worker sees the plan as the family's, word for word, and accepts it.
    app.sign_in("social-worker", PASSWORD)
    worker.open_referral("Jonathan Smith")
    plan = worker.family_plan()
    expect(plan).to_contain_text("In the family's words")
    expect(plan).to_contain_text(
        "Nan picks Jonathan up from school on Fridays and he stays for tea.")
    expect(plan).to_contain_text(
        "When we start shouting, mum goes out to the garden for ten minutes.")
    expect(plan).to_contain_text("Agreed by Sarah (mum), Joan (nan) and Jonathan.")
    worker.respond_to_plan(accept=True, reason="It keeps Jonathan safe and near his nan.")
    expect(worker.family_plan()).to_contain_text("Accepted by Social worker Tester")

    saved = FamilyPlan.objects.get()
    assert saved.response == "accepted"
    assert [i.in_familys_words for i in saved.items.all()] == [
        "Nan picks Jonathan up from school on Fridays and he stays for tea.",
        "When we start shouting, mum goes out to the garden for ten minutes."]
    referral = FamiliesTogetherReferral.objects.get()
    assert referral.referred_by == world.users["social_worker"]
    assert referral.consultation_recorded_by == world.users["social_worker"]
    assert {r.related_person_id for r in saved.meeting.invited.all()} == {
        world.mother.pk, nan.pk}


def test_a_fourteen_year_old_with_an_ehc_plan_shows_transition_deadlines(live_server, page):
    make_world()
    team = Team.objects.get(code="complex-needs")
    make_user(Role.SOCIAL_WORKER, "cn-worker", team=team)
    today = timezone.localdate()
    # Fourteen since the start of the year (or, in January, since last February).
    born = date(today.year - 14, 1, 1) if today.month > 1 else date(today.year - 15, 2, 1)
    maya = Person.objects.create(given_names="Maya", family_name="Jones", date_of_birth=born,
                                 sex="F")
    # The Hub's routing gives the team the child.
    Involvement.objects.create(person=maya, kind=Involvement.Kind.COMPLEX_NEEDS, team=team,
                               start=today)
    app = App(page, live_server.url)
    app.sign_in("cn-worker", PASSWORD)
    record = ComplexNeeds(page, live_server.url)
    record.open_record(maya.pk, "Maya Jones, 14")
    record.open_a_record(provision="Education, Health and Care plan",
                         primary_need="Autistic spectrum disorder",
                         needs="A quiet space at school and help with changes to routine.",
                         childs_words="I like drawing and my dog.")
    requested = today - timedelta(weeks=30)
    record.record_ehc_plan(requested_on=ddmmyyyy(requested),
                           issued_on=ddmmyyyy(requested + timedelta(weeks=18)))
    expect(record.ehc()).to_contain_text("Within 20 weeks")
    deadlines = record.deadlines()
    start_row = deadlines.get_by_role("row", name="Start transition planning")
    expect(start_row).to_contain_text(f"{born.replace(year=born.year + 14):%-d %B %Y}")
    adult_row = deadlines.get_by_role("row", name="Transition to adult services")
    expect(adult_row).to_contain_text(f"{born.replace(year=born.year + 18):%-d %B %Y}")
    expect(page.get_by_role("link", name="Write the transition plan")).to_be_visible()
    assert ComplexNeedsRecord.objects.get(person=maya).sen_provision == "E"
