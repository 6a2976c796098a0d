"""A conference the family did not attend says why the family were not there: refused
without it (service, page and API, naming the field), kept and shown when given, and not
asked for when the family attended."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from righthelp.socialwork.models import ChildProtectionConference
from righthelp.socialwork.services import conferences as services
from righthelp.socialwork.services.conferences import NEED_FAMILY_ABSENT_REASON

from .plans_support import enquiry_needing_conference, open_episode
from .test_api_plans import SW, bearer
from .test_conferences import icpc, review

pytestmark = pytest.mark.django_db

PROFESSIONALS_ONLY = [{"name": "Pat Jones", "role": "Social worker", "family": False}]
WHY = "Mum was in hospital and dad would not come."


def enquiry(world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    return enquiry_needing_conference(world, episode, date(2025, 11, 14))


def test_an_initial_conference_without_the_family_needs_the_reason(world):
    found = enquiry(world)
    with pytest.raises(ValidationError) as error:
        _icpc_without_family(world, found, reason="   ")
    assert error.value.message_dict == {"family_absent_reason": [NEED_FAMILY_ABSENT_REASON]}
    assert not ChildProtectionConference.objects.exists()
    conference = _icpc_without_family(world, found, reason=f"  {WHY}  ")
    assert not conference.family_attended
    assert conference.family_absent_reason == WHY


def _icpc_without_family(world, found, reason: str) -> ChildProtectionConference:
    return services.initial_conference_record(
        section47=found, actor=world.users["social_worker"], held_on=date(2025, 11, 28),
        chair=world.users["cp_chair"], attendees=PROFESSIONALS_ONLY,
        childs_words="I want it calm.", decision="plan", category="NEG", reasons="Neglect.",
        family_absent_reason=reason)


def test_a_review_conference_without_the_family_needs_the_reason_too(world):
    plan = icpc(world, enquiry(world), date(2025, 11, 28)).cp_plan
    with pytest.raises(ValidationError) as error:
        services.review_conference_record(
            cp_plan=plan, actor=world.users["cp_chair"], held_on=date(2026, 2, 20),
            chair=world.users["cp_chair"], attendees=PROFESSIONALS_ONLY,
            childs_words="Calmer.", decision="continue", category="NEG", reasons="Progress.")
    assert error.value.message_dict["family_absent_reason"] == [NEED_FAMILY_ABSENT_REASON]


def test_when_the_family_attended_no_reason_is_asked_or_kept(world):
    found = enquiry(world)
    conference = icpc(world, found, date(2025, 11, 28), family_absent_reason="Not needed.")
    assert conference.family_attended and conference.family_absent_reason == ""
    assert review(world, conference.cp_plan, date(2026, 2, 20)).family_absent_reason == ""


def test_the_database_refuses_an_absence_without_a_reason(world):
    conference = icpc(world, enquiry(world), date(2025, 11, 28))
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildProtectionConference.objects.filter(pk=conference.pk).update(
            family_attended=False, family_absent_reason="")


def test_the_conference_page_asks_why_and_shows_the_reason(client, world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    enquiry_needing_conference(world, episode, date(2025, 11, 14))
    client.force_login(world.users["social_worker"])
    url = reverse("sw-conference-new", args=[episode.pk])
    assert "Why the family were not there" in client.get(url).content.decode()
    fields = {"held_on": "28/11/2025", "chair": world.users["cp_chair"].pk,
              "professionals": "Pat Jones, school", "childs_words": "I want it to be calm.",
              "decision": "plan", "category": "EMO", "reasons": "Emotional harm."}
    refused = client.post(url, fields)
    body = refused.content.decode()
    assert refused.status_code == 200 and NEED_FAMILY_ABSENT_REASON in body
    assert 'href="#id_family_absent_reason"' in body  # the error summary links to the field
    assert not ChildProtectionConference.objects.exists()
    made = client.post(url, {**fields, "family_absent_reason": WHY})
    conference = ChildProtectionConference.objects.get()
    assert made.status_code == 302 and conference.family_absent_reason == WHY
    page = client.get(reverse("sw-conference", args=[conference.pk])).content.decode()
    assert "The family did not attend" in page and "Why the family were not there" in page
    assert WHY in page


def test_the_conference_page_of_an_attended_conference_does_not_ask_why(client, world):
    conference = icpc(world, enquiry(world), date(2025, 11, 28))
    client.force_login(world.users["social_worker"])
    page = client.get(reverse("sw-conference", args=[conference.pk])).content.decode()
    assert "Why the family were not there" not in page


def test_the_api_refuses_an_absence_without_a_reason_naming_the_field(client, world):
    episode = open_episode(world, referral_date=date(2025, 11, 3))
    enquiry_needing_conference(world, episode, date(2025, 11, 14))
    body = {"held_on": "2025-11-28", "chair_id": world.users["cp_chair"].pk,
            "attendees": PROFESSIONALS_ONLY, "childs_words": "I want it calm.",
            "decision": "plan", "category": "NEG", "reasons": "Neglect."}
    headers = bearer(world.users["social_worker"])
    refused = client.post(f"{SW}/episodes/{episode.pk}/conferences", body,
                          content_type="application/json", **headers)
    assert refused.status_code == 422
    assert refused.json()["detail"] == [{"field": "family_absent_reason",
                                         "message": NEED_FAMILY_ABSENT_REASON}]
    made = client.post(f"{SW}/episodes/{episode.pk}/conferences",
                       {**body, "family_absent_reason": WHY},
                       content_type="application/json", **headers)
    assert made.status_code == 201
    assert made.json()["family_attended"] is False
    assert made.json()["family_absent_reason"] == WHY
    shown = client.get(f"{SW}/conferences/{made.json()['id']}", **headers).json()
    assert shown["family_absent_reason"] == WHY
