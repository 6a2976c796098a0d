"""Review of audit and need-to-know for early help episode pages and API reads: each GET is
audited, and a practitioner of another locality's team (or a partner not leading the work) is
refused, the refusal audited against the child."""

import pytest
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer, make_user
from righthelp.staff.models import Role, Team

from .helpers import open_episode

pytestmark = pytest.mark.django_db

PAGES = ("early-help-episode", "early-help-assessment", "early-help-plan",
         "early-help-plan-print", "early-help-meeting", "early-help-review",
         "early-help-member-add", "early-help-invite",
         "early-help-consent", "early-help-step-up", "early-help-close")


def outsiders() -> list:
    other = Team.objects.get(code="early-help-grange-park")
    return [make_user(Role.EARLY_HELP_PRACTITIONER, "other-ehp", team=other),
            make_user(Role.PARTNER_LEAD_PROFESSIONAL, "other-partner")]


@pytest.mark.parametrize("name", PAGES)
def test_each_episode_page_is_audited_and_refused_to_outsiders(client, world, name):
    episode = open_episode(world)
    lead = world.users["partner_lead_professional"]
    client.force_login(lead)
    assert client.get(reverse(name, args=[episode.pk])).status_code < 500
    assert AuditEvent.objects.filter(user=lead, action="view",
                                     object_type="earlyhelp.EarlyHelpEpisode").exists()
    for user in outsiders():
        client.force_login(user)
        assert client.get(reverse(name, args=[episode.pk])).status_code == 403
        assert AuditEvent.objects.filter(user=user, action="deny").exists()
        assert not AuditEvent.objects.filter(user=user, action="view").exists()


def test_the_api_episode_is_audited_and_refused_to_outsiders(client, world):
    episode = open_episode(world)
    path = reverse("api-1:early-help-episode", args=[episode.pk])
    lead = world.users["partner_lead_professional"]
    assert client.get(path, **bearer(lead)).status_code == 200
    assert AuditEvent.objects.filter(user=lead, action="view", channel="api").exists()
    for user in outsiders():
        assert client.get(path, **bearer(user)).status_code in (403, 404)
        assert AuditEvent.objects.filter(user=user, action="deny", channel="api").exists()


def test_an_episode_view_and_refusal_are_on_the_childs_audit_trail(client, world):
    episode = open_episode(world)
    lead = world.users["partner_lead_professional"]
    client.force_login(lead)
    client.get(reverse("early-help-episode", args=[episode.pk]))
    outsider = outsiders()[0]
    client.force_login(outsider)
    client.get(reverse("early-help-episode", args=[episode.pk]))
    assert AuditEvent.objects.filter(user=lead, action="view", person=world.child).exists()
    assert AuditEvent.objects.filter(user=outsider, action="deny", person=world.child).exists()
