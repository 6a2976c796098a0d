"""The plans side's pages: each renders, saves through its service, and shows refusals on the
field (GOV.UK error summary)."""

from datetime import date

import pytest
from django.urls import reverse

from righthelp.people.models import Relationship
from righthelp.socialwork.models import (
    ChildProtectionConference,
    ContingencyPlan,
    PlanAction,
    Visit,
)
from righthelp.socialwork.rules.plans import (
    ESCALATION_NEEDS_HARM_ESCALATED,
    FOSTER_CARE_WITHOUT_FAMILY,
)
from righthelp.socialwork.services.plans import child_in_need_plan_start

from .plans_support import enquiry_needing_conference, open_episode

pytestmark = pytest.mark.django_db


@pytest.fixture
def cin(world):
    episode = open_episode(world)
    return child_in_need_plan_start(episode=episode, actor=world.users["social_worker"],
                                    start=date(2025, 10, 1))


def test_plan_page_edit_and_actions(client, world, cin):
    client.force_login(world.users["social_worker"])
    page = client.get(reverse("sw-cin-plan", args=[cin.pk]))
    assert page.status_code == 200 and "Child in need plan" in page.content.decode()
    response = client.post(reverse("sw-cin-plan-edit", args=[cin.pk]), {
        "version": cin.version, "strengths": "Mum is warm.", "childs_words": "I like school."})
    assert response.status_code == 302
    stale = client.post(reverse("sw-cin-plan-edit", args=[cin.pk]), {
        "version": cin.version, "worries": "Overwritten?"})
    assert stale.status_code == 200 and "Someone else" in stale.content.decode()
    response = client.post(reverse("sw-cin-plan-action-new", args=[cin.pk]), {
        "who": "Mum", "what": "Call the landlord", "by_when": "01/11/2025",
        "how_we_will_know": "The heating works."})
    assert response.status_code == 302
    action = PlanAction.objects.get()
    missing = client.post(reverse("sw-plan-action-edit", args=[action.pk]), {
        "version": action.version, "status": "done", "by_when": "01/11/2025"})
    assert "Say what happened" in missing.content.decode()
    assert "govuk-error-summary" in missing.content.decode()


def test_escalation_page_refuses_without_harm_escalated(client, world, cin):
    client.force_login(world.users["social_worker"])
    response = client.post(reverse("sw-cin-plan-escalate", args=[cin.pk]),
                           {"what_changed": "No change."})
    assert response.status_code == 200
    assert ESCALATION_NEEDS_HARM_ESCALATED in response.content.decode().replace("&#x27;", "'")


def test_visit_and_overview_pages(client, world, cin):
    client.force_login(world.users["social_worker"])
    response = client.post(reverse("sw-visit-new", args=[cin.episode_id]), {
        "visited_on": "10/10/2025", "seen": "on", "seen_alone": "on",
        "childs_words": "I got a gold star."})
    assert response.status_code == 302 and Visit.objects.filter(cin_plan=cin).exists()
    overview = client.get(reverse("sw-episode-plans", args=[cin.episode_id]))
    body = overview.content.decode()
    assert "Met on time" in body and "10 Oct 2025" in body


def test_conference_page_records_the_icpc_and_the_chair_sees_the_plan(client, world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    enquiry_needing_conference(world, episode, date(2025, 11, 14))
    client.force_login(world.users["social_worker"])
    url = reverse("sw-conference-new", args=[episode.pk])
    page = client.get(url)
    assert "Record the Initial Child Protection Conference" in page.content.decode()
    bad = client.post(url, {"held_on": "28/11/2025", "decision": "plan", "childs_words": ""})
    body = bad.content.decode()
    assert "Choose the Child Protection chair" in body and "category of abuse" in body
    response = client.post(url, {
        "held_on": "28/11/2025", "chair": world.users["cp_chair"].pk,
        "family": "Sarah Smith, mother", "professionals": "Pat Jones, school",
        "childs_words": "I want it to be calm.", "decision": "plan", "category": "EMO",
        "reasons": "Emotional harm."})
    conference = ChildProtectionConference.objects.get()
    assert response.status_code == 302 and conference.cp_plan is not None
    client.force_login(world.users["cp_chair"])
    assert client.get(reverse("sw-cp-plan", args=[conference.cp_plan_id])).status_code == 200
    midway = client.post(reverse("sw-cp-plan-midway-new", args=[conference.cp_plan_id]), {
        "held_on": "15/01/2026", "progress": "Going well.", "childs_words": "Calmer.",
        "decision": "continue", "reasons": "On track."})
    assert midway.status_code == 302


def test_contingency_page_offers_the_network_and_refuses_foster_care_first(client, world):
    episode = open_episode(world)
    mother = Relationship.objects.get(child=world.child, kind="mother")
    client.force_login(world.users["social_worker"])
    url = reverse("sw-contingency-new", args=[episode.pk])
    assert "Sarah Smith" in client.get(url).content.decode()
    refused = client.post(url, {"foster_care_choice": "chosen", "foster_care_why": "Quick."})
    assert FOSTER_CARE_WITHOUT_FAMILY.split(".")[0] in refused.content.decode().replace(
        "&#x27;", "'")
    response = client.post(url, {
        f"person_{mother.pk}_choice": "considered",
        f"person_{mother.pk}_why": "Mum is the worry.",
        "foster_care_choice": "chosen", "foster_care_why": "Nobody else."})
    plan = ContingencyPlan.objects.get()
    assert response.status_code == 302
    assert "Chosen" in client.get(reverse("sw-contingency", args=[plan.pk])).content.decode()


def test_someone_without_need_to_know_is_refused(client, world):
    episode = open_episode(world, person=world.unallocated_child)
    plan = child_in_need_plan_start(episode=episode, actor=world.users["team_manager"],
                                    start=date(2025, 10, 1))
    client.force_login(world.users["cp_chair"])
    assert client.get(reverse("sw-cin-plan", args=[plan.pk])).status_code == 403
