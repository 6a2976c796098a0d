"""The Hub signposts a family to directory services: the decision links them, and the pages
show them to the manager and to the referrer."""

import pytest
from django.urls import reverse

from righthelp.frontdoor import services as front_door
from righthelp.frontdoor.models import HubDecision
from righthelp.frontdoor.rules import Facts
from righthelp.frontdoor.tests.test_services import submitted_request
from righthelp.staff.models import ApiToken

from ..selectors import NOT_A_PUBLISHED_SERVICE

pytestmark = pytest.mark.django_db
WHY = "Mum asked for help with routines; no worries about harm."


def test_a_signposting_decision_links_directory_services_instead_of_text(world, services):
    rfs = submitted_request(world)
    decision = front_door.decision_propose(
        actor=world.users["hub_worker"], rfs=rfs, facts=Facts(family_struggling=True),
        level_of_need=1, reasoning=WHY, childs_voice="I like the park.", next_step="signpost",
        different_step_reason="Help without an assessment is enough.",
        signposted_services=[services["near"], services["middle"]])
    assert set(decision.signposted_services.all()) == {services["near"], services["middle"]}
    assert decision.signposted_to == ""


def test_the_decision_page_offers_published_services_and_the_outcome_links_them(
        client, world, services):
    rfs = submitted_request(world)
    client.force_login(world.users["hub_worker"])
    url = reverse("hub-decision-new", args=[rfs.pk])
    answers = {"family_struggling": "on", "level_of_need": "1", "reasoning": WHY,
               "childs_voice": "I like the park.", "version": rfs.version}
    form = client.post(url, {**answers, "action": "propose"}).content.decode()
    assert "Services from the family services directory" in form
    assert "Triple P parenting course" in form and "Unchecked parenting class" not in form
    client.post(url, {**answers, "next_step": "signpost",
                      "different_step_reason": "Help without an assessment is enough.",
                      "signposted_services": [services["middle"].pk], "action": "decide"})
    decision = HubDecision.objects.get()
    assert list(decision.signposted_services.all()) == [services["middle"]]
    client.force_login(world.users["hub_manager"])
    authorise = client.get(reverse("hub-decision-authorise", args=[decision.pk]))
    link = reverse("directory-service", args=[services["middle"].pk])
    assert f'href="{link}"' in authorise.content.decode()
    front_door.decision_authorise(actor=world.users["hub_manager"], decision=decision)
    client.force_login(world.users["partner_lead_professional"])
    outcome = client.get(reverse("request-outcome", args=[rfs.pk])).content.decode()
    assert f'href="{link}">Triple P parenting course</a>' in outcome


def test_the_decision_api_takes_and_returns_service_numbers(client, world, services):
    rfs = submitted_request(world)
    _, key = ApiToken.issue(world.users["hub_worker"], "tests")
    body = {"facts": {"family_struggling": True}, "level_of_need": 1, "reasoning": WHY,
            "childs_voice": "I like the park.", "next_step": "signpost",
            "different_step_reason": "Help without an assessment is enough.",
            "signposted_services": [services["suggested"].pk]}
    url = f"/api/v1/front-door/hub/requests/{rfs.pk}/decisions"
    refused = client.post(url, body, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {key}")
    assert refused.status_code == 422 and refused.json()["detail"] == [{
        "field": "signposted_services",
        "message": NOT_A_PUBLISHED_SERVICE.format(number=services["suggested"].pk)}]
    made = client.post(url, {**body, "signposted_services": [services["near"].pk]},
                       content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert made.status_code == 201 and made.json()["signposted_services"] == [
        services["near"].pk]
