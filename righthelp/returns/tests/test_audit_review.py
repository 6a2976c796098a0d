"""Review of audit and need-to-know for the CIN census pages and API: the failures list children
(by LA child ID, and by name only for children the reader may open), so each look at a finished
census is audited, as each download is."""

import pytest
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.returns import services
from righthelp.staff.models import ApiToken

from .records import referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(world):
    referral(world.child, world.users["social_worker"], world.users["cp_chair"])
    return services.produce_census(user=world.users["team_manager"], year=2026)


def views_of(user, channel):
    return AuditEvent.objects.filter(user=user, action="view", channel=channel,
                                     object_type="returns.CensusProduction")


@pytest.mark.parametrize("role, named", [("team_manager", 1), ("analyst", 0)])
def test_the_result_page_is_audited_and_names_only_children_the_reader_may_open(
        client, world, production, role, named):
    user = world.users[role]
    client.force_login(user)
    page = client.get(reverse("cin-census-result", args=[production.pk])).content.decode()
    assert (world.child.full_name in page) is bool(named)
    [event] = views_of(user, "page")
    assert event.detail["children_listed"] == 1 and event.detail["children_named"] == named


@pytest.mark.parametrize("role, named", [("team_manager", 1), ("analyst", 0)])
def test_the_api_detail_is_audited(client, world, production, role, named):
    user = world.users[role]
    _, key = ApiToken.issue(user, "review")
    response = client.get(reverse("api-1:cin-census-detail", args=[production.pk]),
                          HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200
    [event] = views_of(user, "api")
    assert event.detail["children_listed"] == 1 and event.detail["children_named"] == named


def test_other_roles_are_refused_and_the_refusal_recorded(client, world, production):
    user = world.users["social_worker"]
    client.force_login(user)
    assert client.get(reverse("cin-census-result", args=[production.pk])).status_code == 403
    assert AuditEvent.objects.filter(user=user, action="deny").exists()
