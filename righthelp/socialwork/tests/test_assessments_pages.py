"""The assessments side's pages: they render for the roles allowed, save over sittings,
show services' refusals on the form, and carry the journey from referral to outcome."""

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core.access import DENIED_MESSAGE
from righthelp.core.url_policy import POLICY_REFUSAL
from righthelp.people.services import EDIT_CONFLICT
from righthelp.socialwork.models import Section47Enquiry
from righthelp.socialwork.services import assessments as services

from .assessments_support import PRACTICE, families_worker, other_team_worker, referred

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_childs_page_renders_with_the_plans_summary_and_a_link_from_the_record(client,
                                                                                   world):
    episode = referred(world)
    for role in ("social_worker", "senior_social_worker", "team_manager"):
        page = signed_in(client, world.users[role]).get(reverse("sw-child", args=[
            world.child.pk]))
        assert page.status_code == 200
        body = page.content.decode()
        assert "Child and Family Assessment" in body and 'id="plans-summary"' in body
        assert (reverse("sw-episode-close", args=[episode.pk]) in body) == (
            role == "team_manager")
    record = signed_in(client, world.users["social_worker"]).get(
        reverse("person-record", args=[world.child.pk]))
    assert reverse("sw-child", args=[world.child.pk]) in record.content.decode()
    early_help = signed_in(client, world.users["early_help_practitioner"]).get(
        reverse("person-record", args=[world.child.pk]))
    assert 'id="social-work-link"' not in early_help.content.decode()


def test_roles_and_teams_without_a_need_to_know_are_refused(client, world):
    referred(world)
    url = reverse("sw-child", args=[world.child.pk])
    page = signed_in(client, world.users["early_help_practitioner"]).get(url)
    assert page.status_code == 403 and POLICY_REFUSAL in page.content.decode()
    page = signed_in(client, other_team_worker()).get(url)
    assert page.status_code == 403 and DENIED_MESSAGE.split(",")[0] in page.content.decode()


def test_the_assessment_is_written_over_sittings_and_sent(client, world):
    assessment = referred(world).assessments.get()
    url = reverse("sw-assessment", args=[assessment.pk])
    client = signed_in(client, world.users["social_worker"])
    assert client.get(url).status_code == 200
    sitting = {**PRACTICE, "childs_words": "", "version": assessment.version}
    response = client.post(url, sitting)
    assert response.status_code == 302
    stale = client.post(url, {**sitting, "strengths": "Overwrite"})
    assert stale.status_code == 200 and EDIT_CONFLICT in stale.content.decode()
    assessment.refresh_from_db()
    send = reverse("sw-assessment-send", args=[assessment.pk])
    refused = client.post(send, {"version": assessment.version})
    body = refused.content.decode()
    assert refused.status_code == 200 and "There is a problem" in body
    assert services.NEED_CHILDS_WORDS.replace("'", "&#x27;") in body
    client.post(url, {**PRACTICE, "version": assessment.version})
    assessment.refresh_from_db()
    assert client.post(send, {"version": assessment.version}).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "awaiting"


def test_only_the_team_manager_authorises_on_the_page(client, world):
    assessment = referred(world).assessments.get()
    worker = world.users["social_worker"]
    assessment = services.assessment_save(assessment=assessment, actor=worker,
                                          version=assessment.version, changes=PRACTICE)
    assessment = services.assessment_send(assessment=assessment, actor=worker)
    url = reverse("sw-assessment-authorise", args=[assessment.pk])
    assert signed_in(client, worker).get(url).status_code == 403
    client = signed_in(client, world.users["team_manager"])
    assert client.get(url).status_code == 200
    missing = client.post(url, {"action": "authorise", "outcome": "close",
                                "version": assessment.version})
    assert services.NEED_REASONS in missing.content.decode()
    done = client.post(url, {"action": "authorise", "outcome": "close", "primary_need": "N9",
                             "reasons": "No further action needed.",
                             "version": assessment.version})
    assert done.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "authorised" and assessment.episode.closure_reason == "RC8"


def test_strategy_discussion_section_47_and_outcome_pages(client, world):
    episode = referred(world, harm_current=True)
    client = signed_in(client, world.users["social_worker"])
    url = reverse("sw-strategy-new", args=[episode.pk])
    assert client.get(url).status_code == 200
    held = timezone.localtime().replace(second=0, microsecond=0)
    response = client.post(url, {
        "held_at": held.strftime("%Y-%m-%d %H:%M"),
        "attendees": "Sam, Social care, SW\nPC Jones, Police", "worries": "Bruising.",
        "childs_words": "Dad hit me.", "decision": "section_47",
        "reasons": "Harm suspected and current."})
    enquiry = Section47Enquiry.objects.get(episode=episode)
    assert response.status_code == 302 and response["Location"] == reverse(
        "sw-section47", args=[enquiry.pk])
    page = client.get(response["Location"])
    assert f"{enquiry.icpc_target:%-d %B %Y}" in page.content.decode()
    client.post(response["Location"], {"findings": "Unexplained injuries.",
                                       "childs_words": "Dad hit me.",
                                       "version": enquiry.version})
    outcome = reverse("sw-section47-outcome", args=[enquiry.pk])
    assert client.get(outcome).status_code == 403  # a worker does not decide
    client = signed_in(client, world.users["team_manager"])
    assert client.post(outcome, {"outcome": "conference", "reasons": "Substantiated.",
                                 "version": enquiry.version + 1}).status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.outcome == "conference" and enquiry.authorised_by == world.users[
        "team_manager"]


def test_transfer_and_close_pages_for_the_team_manager(client, world):
    episode = referred(world)
    receiving = families_worker()
    client = signed_in(client, world.users["team_manager"])
    transfer = reverse("sw-transfer-new", args=[episode.pk])
    close = reverse("sw-episode-close", args=[episode.pk])
    assert client.get(transfer).status_code == 200 and client.get(close).status_code == 200
    refused = client.post(close, {"reason": "RC8", "summary": "Nothing more."})
    assert "The assessment is not finished" in refused.content.decode()
    moved = client.post(transfer, {"to_team": receiving.memberships.get().team_id,
                                   "to_worker": receiving.pk, "reason": "Longer-term work.",
                                   "handover": "Gran is key."})
    assert moved.status_code == 302
    episode.refresh_from_db()
    assert episode.team.code == "strengthening-and-supporting-families"
    team = signed_in(client, world.users["social_worker"]).get(reverse("sw-team-work"))
    assert team.status_code == 200 and "No open assessments" in team.content.decode()
