"""Review of audit and need-to-know for every Families Together page and API read: each GET
that shows a child's work is on the audit trail, and a social worker or team manager of
another team (whose role may use the pages) is refused, the refusal audited against the child."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer, make_user
from righthelp.familiestogether import services
from righthelp.people.models import Relationship
from righthelp.staff.models import Role, Team

from .factories import coordinator, referral

pytestmark = pytest.mark.django_db

# URL name -> which record's pk it takes.
PAGES = {
    "ft-referral": "referral", "ft-consultation": "referral", "ft-decision": "referral",
    "ft-referral-end": "referral", "ft-meeting-new": "referral", "ft-crisis-new": "crisis_referral",
    "ft-plan-new": "meeting", "ft-plan-respond": "plan", "ft-crisis": "crisis",
}
API_READS = {"api-1:ft-referral-detail": "referral"}


@pytest.fixture
def work(world):
    lead = coordinator()
    made = referral(world, consulted_with=lead, accept_by=lead)
    mum = Relationship.objects.get(child=world.child, kind="mother")
    meeting = services.meeting_record(actor=lead, referral=made, held_on=date(2026, 11, 20),
                                      invited=[mum], attended=[mum], private_family_time=False)
    plan = services.family_plan_record(actor=lead, meeting=meeting, agreed_by="Sarah",
                                       items=[{"in_familys_words": "We eat together.",
                                               "who": "All"}])
    crisis_referral = referral(world, kind="crisis", consulted_with=lead, accept_by=lead)
    crisis = services.crisis_open(actor=lead, referral=crisis_referral,
                                  raised_at=timezone.now(), what_happened="Mum cannot cope.")
    return {"lead": lead, "referral": made, "meeting": meeting, "plan": plan,
            "crisis_referral": crisis_referral, "crisis": crisis}


def outsiders() -> list:
    other = Team.objects.get(code="strengthening-and-supporting-families")
    return [make_user(Role.SOCIAL_WORKER, "other-sw", team=other),
            make_user(Role.TEAM_MANAGER, "other-tm", team=other)]


def events(user, action):
    return AuditEvent.objects.filter(user=user, action=action)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("insider", ["social_worker", "team_manager", "lead"])
def test_each_page_that_shows_the_work_audits_the_read(client, world, work, name, insider):
    user = work["lead"] if insider == "lead" else world.users[insider]
    client.force_login(user)
    response = client.get(reverse(name, args=[work[PAGES[name]].pk]))
    assert response.status_code == 200
    assert events(user, "view").filter(person=world.child).exists()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_refuses_another_teams_worker_and_audits_the_refusal(client, world, work,
                                                                        name):
    for user in outsiders():
        client.force_login(user)
        response = client.get(reverse(name, args=[work[PAGES[name]].pk]))
        assert response.status_code == 403
        assert world.child.full_name not in response.content.decode()
        [refusal] = events(user, "deny")
        assert refusal.person == world.child and refusal.detail["view"] == name
        assert not events(user, "view").exists()


def test_refer_page_is_audited_and_refused_to_outsiders(client, world, work):
    client.force_login(world.users["social_worker"])
    assert client.get(reverse("ft-referral-new", args=[world.child.pk])).status_code == 200
    assert events(world.users["social_worker"], "view").filter(person=world.child).exists()
    for user in outsiders():
        client.force_login(user)
        assert client.get(reverse("ft-referral-new", args=[world.child.pk])).status_code == 403
        assert events(user, "deny").filter(person=world.child).exists()


def test_no_such_record_is_a_404_and_still_recorded(client, world, work):
    user = outsiders()[0]
    client.force_login(user)
    assert client.get(reverse("ft-referral", args=[999999])).status_code == 404
    assert events(user, "deny").count() == 1


def test_the_referral_list_is_audited_like_a_search_and_withholds_others(client, world, work):
    for user, sees in [(world.users["team_manager"], True), (outsiders()[0], False)]:
        client.force_login(user)
        page = client.get(reverse("ft-referral-list"))
        assert (world.child.full_name in page.content.decode()) is sees
        event = events(user, "search").get()
        assert event.detail["list"] == "families together referrals"
        assert event.detail["results"] == (2 if sees else 0)


@pytest.mark.parametrize("name", sorted(API_READS))
def test_api_reads_are_audited_and_refused_to_outsiders(client, world, work, name):
    path = reverse(name, args=[work[API_READS[name]].pk])
    worker = world.users["social_worker"]
    assert client.get(path, **bearer(worker)).status_code == 200
    assert events(worker, "view").filter(person=world.child, channel="api").exists()
    for user in outsiders():
        response = client.get(path, **bearer(user))
        assert response.status_code == 404
        [refusal] = events(user, "deny")
        assert refusal.person == world.child and refusal.channel == "api"


def test_api_referral_list_is_audited_and_withholds_others(client, world, work):
    worker, outsider = world.users["social_worker"], outsiders()[0]
    assert len(client.get(reverse("api-1:ft-referral-list"), **bearer(worker)).json()) == 2
    assert client.get(reverse("api-1:ft-referral-list"), **bearer(outsider)).json() == []
    for user, results in [(worker, 2), (outsider, 0)]:
        assert events(user, "search").get().detail["results"] == results
