"""The assessment's record and the outcomes not covered in test_assessments.py: support during
the assessment and the DfE factors are kept and shown to the team manager; care keeps the work
open; the three-month clock for a child in need is Assessment and Support's alone."""

import pytest
from django.urls import reverse

from righthelp.core.models import Deadline
from righthelp.socialwork.models import ChildInNeedPlan
from righthelp.socialwork.services import assessments as services

from .assessments_support import PRACTICE, referred
from .test_assessments import authorise

pytestmark = pytest.mark.django_db


def sent_from(world, episode):
    assessment = episode.assessments.get()
    worker = world.users["social_worker"]
    assessment = services.assessment_save(assessment=assessment, actor=worker,
                                          version=assessment.version, changes=PRACTICE)
    return services.assessment_send(assessment=assessment, actor=worker,
                                    version=assessment.version)


def test_support_during_the_assessment_and_the_factors_are_recorded_and_shown(client, world):
    assessment = sent_from(world, referred(world))
    assert assessment.support_during_assessment == PRACTICE["support_during_assessment"]
    assert assessment.factors == ["4B", "3B"]
    for field in ("strengths", "worries", "childs_words", "familys_words",
                  "what_needs_to_happen"):
        assert getattr(assessment, field) == PRACTICE[field]
    client.force_login(world.users["team_manager"])
    page = client.get(reverse("sw-assessment-authorise", args=[assessment.pk]))
    body = page.content.decode().replace("&#x27;", "'")
    assert page.status_code == 200
    assert PRACTICE["support_during_assessment"] in body
    assert "4B Mental health: parent or carer" in body  # the factor named, not only coded


def test_care_is_recorded_with_reasons_and_keeps_the_work_open(world):
    assessment = authorise(world, sent_from(world, referred(world)), "care")
    episode = assessment.episode
    episode.refresh_from_db()
    assert assessment.outcome == "care" and assessment.outcome_reasons
    assert assessment.authorised_by == world.users["team_manager"]
    assert episode.is_open and not ChildInNeedPlan.objects.filter(episode=episode).exists()
    assert assessment.deadline.met_at is not None
    assert not Deadline.objects.filter(person=world.child,
                                       rule="child-in-need-in-assessment-team").exists()


def test_the_three_month_clock_is_for_assessment_and_support_only(world):
    """A child back with Strengthening and Supporting Families has no transfer to make: the
    plan starts there with no clock for keeping the child in Assessment and Support."""
    episode = referred(world, back_to_families=True)
    from .assessments_support import families_worker

    worker = families_worker()
    manager = families_worker("ssf-manager")
    manager.role = "team_manager"
    manager.save()
    manager.memberships.filter(team=episode.team).update(is_manager=True)
    assessment = episode.assessments.get()
    assessment = services.assessment_save(assessment=assessment, actor=worker,
                                          version=assessment.version, changes=PRACTICE)
    assessment = services.assessment_send(assessment=assessment, actor=worker)
    services.assessment_authorise(assessment=assessment, actor=manager,
                                  outcome="child_in_need", reasons="Longer-term support.",
                                  primary_need="N1")
    assert ChildInNeedPlan.objects.get(episode=episode, status="open").team == episode.team
    assert not Deadline.objects.filter(person=world.child,
                                       rule="child-in-need-in-assessment-team").exists()
