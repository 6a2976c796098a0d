"""Review of audit and need-to-know for the caseload pages: a worker's caseload names children,
so a manager sees it only for a team they manage, the view audited; anyone else is refused and
the refusal recorded."""

import pytest
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer, make_user
from righthelp.staff.models import Role, Team

pytestmark = pytest.mark.django_db


def other_manager():
    return make_user(Role.TEAM_MANAGER, "other-tm", team=Team.objects.get(code="complex-needs"))


def test_the_caseload_page_of_a_worker_is_audited_and_refused_to_another_teams_manager(
        client, world):
    path = reverse("caseload-worker", args=[world.users["social_worker"].pk])
    manager = world.users["team_manager"]
    client.force_login(manager)
    assert client.get(path).status_code == 200
    assert AuditEvent.objects.filter(user=manager, action="view").exists()
    outsider = other_manager()
    client.force_login(outsider)
    response = client.get(path)
    assert response.status_code in (403, 404)
    assert world.child.full_name not in response.content.decode()
    assert AuditEvent.objects.filter(user=outsider, action="deny").exists()


def test_the_api_caseload_of_a_worker_is_audited_and_refused_to_another_teams_manager(
        client, world):
    path = reverse("api-1:caseload-worker", args=[world.users["social_worker"].pk])
    manager = world.users["team_manager"]
    assert client.get(path, **bearer(manager)).status_code == 200
    assert AuditEvent.objects.filter(user=manager, action="view", channel="api").exists()
    outsider = other_manager()
    response = client.get(path, **bearer(outsider))
    assert response.status_code in (403, 404)
    assert world.child.full_name not in response.content.decode()
    assert AuditEvent.objects.filter(user=outsider, action="deny", channel="api").exists()
