"""Families Together pages: the journey from referral to the family's accepted plan, crisis
work, need-to-know, and a list whose query count stays flat."""

from datetime import date, timedelta
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core.models import AuditEvent
from righthelp.core.testing import make_user
from righthelp.familiestogether import services
from righthelp.familiestogether.models import CrisisResponse, FamiliesTogetherReferral
from righthelp.people.models import Person, Relationship
from righthelp.people.services import EDIT_CONFLICT
from righthelp.staff.models import Allocation, Role, Team

from .factories import coordinator, referral

pytestmark = pytest.mark.django_db


def test_referral_to_accepted_family_plan(client, world):
    worker, lead = world.users["social_worker"], coordinator()
    client.force_login(worker)
    page = client.get(reverse("ft-referral-new", args=[world.child.pk]))
    assert page.status_code == 200 and "coordinator first" in page.content.decode()
    sent = client.post(reverse("ft-referral-new", args=[world.child.pk]), {
        "kind": "meeting", "reason": "The family want to make their own plan.",
        "childs_words": "I want nan there."})
    made = FamiliesTogetherReferral.objects.get()
    assert sent.url == reverse("ft-referral", args=[made.pk])
    client.force_login(lead)
    refused = client.post(reverse("ft-decision", args=[made.pk]), {"decision": "accept"})
    assert services.CONSULTATION_REQUIRED in refused.content.decode()
    client.post(reverse("ft-consultation", args=[made.pk]), {
        "coordinator": lead.pk, "on": "20/11/2026", "discussed": "Who is in the network."})
    client.post(reverse("ft-decision", args=[made.pk]), {"decision": "accept",
                                                         "practitioner": lead.pk})
    made.refresh_from_db()
    assert made.status == "accepted" and made.consulted_with == lead
    mum = Relationship.objects.get(child=world.child, kind="mother")
    form = client.get(reverse("ft-meeting-new", args=[made.pk])).content.decode()
    assert "Sarah Smith (mother)" in form
    client.post(reverse("ft-meeting-new", args=[made.pk]), {
        "held_on": "21/11/2026", "invited": [mum.pk], "attended": [mum.pk],
        "private_family_time": "yes", "private_family_time_minutes": "40",
        "childs_words": "It was good."})
    meeting = made.meetings.get()
    client.post(reverse("ft-plan-new", args=[meeting.pk]), {
        "agreed_by": "Sarah", "items-TOTAL_FORMS": "5", "items-INITIAL_FORMS": "0",
        "items-0-in_familys_words": "Mum walks Jonathan to school.", "items-0-who": "Mum",
        "items-0-by_when": "01/12/2026"})
    plan = meeting.plans.get()
    assert plan.items.get().in_familys_words == "Mum walks Jonathan to school."
    client.force_login(worker)
    detail = client.get(reverse("ft-referral", args=[made.pk])).content.decode()
    assert "Mum walks Jonathan to school." in detail and "40 minutes" in detail
    client.post(reverse("ft-plan-respond", args=[plan.pk]),
                {"response": "accept", "reason": "It keeps him safe."})
    plan.refresh_from_db()
    assert plan.response == "accepted" and plan.responded_by == worker
    assert AuditEvent.objects.filter(object_type="familiestogether.FamiliesTogetherReferral",
                                     action="view", user=worker).exists()


def test_form_errors_name_the_field(client, world):
    lead = coordinator()
    made = referral(world, consulted_with=lead, accept_by=lead)
    client.force_login(lead)
    page = client.post(reverse("ft-meeting-new", args=[made.pk]), {
        "held_on": "21/11/2026", "invited": [], "private_family_time": "yes"})
    body = page.content.decode()
    assert "There is a problem" in body
    assert "How long, in minutes: " + services.PRIVATE_TIME_LENGTH in body
    assert "Who from the family network was invited: " + services.INVITE_SOMEONE in body


def test_crisis_pages(client, world):
    lead = coordinator()
    made = referral(world, kind="crisis", consulted_with=lead, accept_by=lead)
    client.force_login(lead)
    raised = timezone.localtime() - timedelta(hours=6)
    client.post(reverse("ft-crisis-new", args=[made.pk]), {
        "raised_at": raised.strftime("%d/%m/%Y %H:%M"), "what_happened": "Dad has left."})
    crisis = CrisisResponse.objects.get()
    contact = raised + timedelta(hours=5)
    client.post(reverse("ft-crisis", args=[crisis.pk]), {
        "version": crisis.version, "first_contact_at": contact.strftime("%Y-%m-%dT%H:%M"),
        "work_done": "Daily visits.", "outcome": "stepped_down", "outcome_on": "22/11/2026"})
    crisis.refresh_from_db()
    assert crisis.outcome == "stepped_down" and crisis.first_contact_on_time is False
    stale = client.post(reverse("ft-crisis", args=[crisis.pk]), {"version": 1, "work_done": "x"})
    assert escape(EDIT_CONFLICT) in stale.content.decode()
    assert "Late" in client.get(reverse("ft-referral", args=[made.pk])).content.decode()


def test_need_to_know(client, world):
    made = referral(world)
    other_team = Team.objects.get(code="strengthening-and-supporting-families")
    for user in (make_user(Role.SOCIAL_WORKER, "other-sw", team=other_team),
                 make_user(Role.TEAM_MANAGER, "other-tm", team=other_team)):
        client.force_login(user)
        assert client.get(reverse("ft-referral", args=[made.pk])).status_code == 403
        assert world.child.full_name not in client.get(reverse("ft-referral-list")).content.decode()
    # The allocated worker's team manager and the team see it.
    for user in (world.users["team_manager"], coordinator("ft-worker")):
        client.force_login(user)
        assert client.get(reverse("ft-referral", args=[made.pk])).status_code == 200
        assert world.child.full_name in client.get(reverse("ft-referral-list")).content.decode()
    client.force_login(world.users["early_help_practitioner"])
    assert client.get(reverse("ft-referral-list")).status_code == 403


def test_refusal_for_a_worker_not_allocated(client, world):
    client.force_login(world.users["senior_social_worker"])
    page = client.post(reverse("ft-referral-new", args=[world.child.pk]),
                       {"kind": "meeting", "reason": "Worried."})
    assert page.status_code == 403
    assert escape(services.ONLY_ALLOCATED_SOCIAL_WORKER) in page.content.decode()


def _more_referrals(world, n: int) -> None:
    team = Team.objects.get(code="assessment-and-support")
    for i in range(n):
        child = Person.objects.create(given_names=f"Child{i}", family_name="Test",
                                      date_of_birth=date(2016, 1, 1))
        Allocation.objects.create(person=child, worker=world.users["social_worker"], team=team,
                                  kind="social_worker", start=date(2025, 1, 1))
        services.referral_create(actor=world.users["social_worker"], person=child,
                                 kind="meeting", reason="Worried.")


def test_list_query_count_stays_flat(client, world, django_assert_max_num_queries):
    lead = coordinator()
    _more_referrals(world, 2)
    client.force_login(lead)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("ft-referral-list"))
    _more_referrals(world, 8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("ft-referral-list")).content.decode().count("Child") >= 10


def test_the_social_worker_refers_from_the_list_with_the_consultation(client, world):
    worker, lead = world.users["social_worker"], coordinator()
    client.force_login(worker)
    listed = client.get(reverse("ft-referral-list")).content.decode()
    assert reverse("ft-referral-new", args=[world.child.pk]) in listed
    assert "Refer Jonathan Smith" in listed
    assert world.unallocated_child.full_name not in listed
    form = client.get(reverse("ft-referral-new", args=[world.child.pk])).content.decode()
    assert "Coordinator you consulted" in form and f'value="{lead.pk}"' in form
    bad = client.post(reverse("ft-referral-new", args=[world.child.pk]), {
        "kind": "meeting", "reason": "Family want a meeting.", "coordinator": lead.pk,
        "discussed": "Invites."}).content.decode()
    assert "Date of the consultation: " + services.CONSULTATION_DATE_REQUIRED in bad
    assert not FamiliesTogetherReferral.objects.exists()
    client.post(reverse("ft-referral-new", args=[world.child.pk]), {
        "kind": "meeting", "reason": "Family want a meeting.", "coordinator": lead.pk,
        "consulted_on": "20/11/2026", "discussed": "Who to invite from the network."})
    made = FamiliesTogetherReferral.objects.get()
    assert made.consulted_with == lead and made.consulted_on == date(2026, 11, 20)
    # The coordinator's list offers no children to refer: referrals come from social workers.
    client.force_login(lead)
    assert "Make a referral" not in client.get(reverse("ft-referral-list")).content.decode()


def test_the_meeting_form_offers_only_the_family_network(client, world):
    lead = coordinator()
    made = referral(world, consulted_with=lead, accept_by=lead)
    nan = Person.objects.create(kind="adult", given_names="Joan", family_name="Smith")
    Relationship.objects.create(child=world.child, related_person=nan, kind="grandparent")
    Relationship.objects.create(child=world.child, name="Mr Patel", kind="teacher")
    Relationship.objects.create(child=world.child, name="Old Neighbour", kind="neighbour",
                                end=date(2025, 1, 1))
    Relationship.objects.create(child=world.unallocated_child, name="Amira's Aunt",
                                kind="aunt_uncle")
    client.force_login(lead)
    form = client.get(reverse("ft-meeting-new", args=[made.pk])).content.decode()
    assert "Joan Smith (grandparent)" in form and "Sarah Smith (mother)" in form
    # Mum is important to Jonathan (make_world): the people important to the child come first.
    assert form.index("Sarah Smith") < form.index("Joan Smith")
    for outsider in ("Mr Patel", "Old Neighbour", "Amira&#x27;s Aunt"):
        assert outsider not in form
    assert "Who from the family network was invited (optional)" not in form
    assert "Who came (optional)" in form
