"""Review of audit and need-to-know for social work pages and API reads of a child's episode:
each GET is audited, and a social worker or team manager of a team not involved is refused,
the refusal audited against the child."""

import pytest
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer, make_user
from righthelp.staff.models import Role, Team

from .plans_support import open_episode

pytestmark = pytest.mark.django_db

EPISODE_PAGES = ("sw-episode-plans", "sw-transfer-new", "sw-episode-close", "sw-strategy-new",
                 "sw-visit-new", "sw-reassessment-new", "sw-contingency-new",
                 "sw-conference-new")

MANAGERS_ONLY = ("sw-transfer-new", "sw-episode-close")


def outsiders() -> list:
    other = Team.objects.get(code="complex-needs")
    return [make_user(Role.SOCIAL_WORKER, "other-sw", team=other),
            make_user(Role.TEAM_MANAGER, "other-tm", team=other)]


def check(client, world, path, api=False, insider="social_worker"):
    worker = world.users[insider]
    kwargs = bearer(worker) if api else {}
    if not api:
        client.force_login(worker)
    assert client.get(path, **kwargs).status_code < 500
    assert AuditEvent.objects.filter(user=worker, action="view", person=world.child).exists()
    for user in outsiders():
        kwargs = bearer(user) if api else {}
        if not api:
            client.force_login(user)
        assert client.get(path, **kwargs).status_code in ((403, 404) if api else (403,))
        assert AuditEvent.objects.filter(user=user, action="deny").exists()
        assert not AuditEvent.objects.filter(user=user, action="view").exists()


def test_the_childs_social_work_page(client, world):
    open_episode(world)
    check(client, world, reverse("sw-child", args=[world.child.pk]))


@pytest.mark.parametrize("name", EPISODE_PAGES)
def test_each_episode_page(client, world, name):
    episode = open_episode(world)
    insider = "team_manager" if name in MANAGERS_ONLY else "social_worker"
    check(client, world, reverse(name, args=[episode.pk]), insider=insider)


def test_the_api_childs_social_work(client, world):
    open_episode(world)
    check(client, world, reverse("api-1:sw-child-work", args=[world.child.pk]), api=True)
