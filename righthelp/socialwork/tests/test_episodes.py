"""Receiving the Hub's decision, and closing the child's episode."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from righthelp.core.models import AuditEvent, Deadline
from righthelp.people.models import Involvement
from righthelp.socialwork.models import Assessment, ChildInNeedEpisode, ChildInNeedPlan
from righthelp.socialwork.services import episodes
from righthelp.socialwork.services.episodes import episode_close
from righthelp.staff.models import Team

from .assessments_support import referred

pytestmark = pytest.mark.django_db


def test_a_cafa_decision_opens_the_episode_and_the_assessment_on_the_hubs_clock(world):
    episode = referred(world)
    rfs = episode.request
    assert episode.referral_date == timezone.localtime(rfs.received_at).date()
    assert episode.referral_source == "2A"  # a school
    assert episode.primary_need == "N0"  # until the assessment sets it
    assert episode.team.code == "assessment-and-support"
    assert episode.involvement.kind == "cafa" and episode.hub_decision.request == rfs
    assessment = episode.assessments.get()
    assert assessment.status == "in_progress" and assessment.kind == "cafa"
    assert assessment.worker == world.users["social_worker"]  # allocated in the team
    hub_clock = Deadline.objects.get(person=world.child, rule="child-and-family-assessment")
    assert assessment.deadline == hub_clock  # the Hub's clock, not a second one
    assert hub_clock.started_at == rfs.received_at
    assert AuditEvent.objects.filter(object_type="socialwork.ChildInNeedEpisode",
                                     object_id=str(episode.pk), action="create").exists()


def test_a_section_47_decision_waits_for_the_strategy_discussion(world):
    episode = referred(world, harm_current=True, agency="lancashire-police", referrer_role="PC")
    assert episode.referral_source == "6"
    assert not episode.assessments.exists()
    clock = Deadline.objects.get(person=world.child, rule="strategy-discussion")
    assert clock.started_at == episode.hub_decision.authorised_at
    assert not Deadline.objects.filter(person=world.child,
                                       rule="initial-child-protection-conference").exists()


def test_a_child_open_to_families_recently_goes_back_to_that_team(world):
    episode = referred(world, back_to_families=True)
    assert episode.team.code == "strengthening-and-supporting-families"
    assert episode.involvement.team == episode.team
    assessment = episode.assessments.get()
    assert assessment.worker is None  # nobody allocated in that team yet
    assert assessment.deadline.rule == "child-and-family-assessment"


def test_a_second_referral_while_open_reuses_the_episode_and_its_assessment(world):
    first = referred(world)
    second = referred(world)
    assert second.pk == first.pk
    assert ChildInNeedEpisode.objects.filter(person=world.child).count() == 1
    assert Assessment.objects.filter(episode=first).count() == 1


def test_the_team_manager_closes_with_a_census_reason_and_involvements_end(world):
    episode = referred(world)
    manager = world.users["team_manager"]
    with pytest.raises(ValidationError) as error:
        episode_close(episode=episode, actor=manager, on=timezone.localdate(), reason="RC8",
                      summary="Nothing more needed.")
    assert error.value.messages == [episodes.ASSESSMENT_UNFINISHED]
    Assessment.objects.filter(episode=episode).delete()
    closed = episode_close(episode=episode, actor=manager, on=timezone.localdate(),
                           reason="RC8", summary="No further action.")
    assert closed.closure_reason == "RC8" and closed.closed_by == manager
    assert closed.referral_nfa  # closed at referral, with no assessment
    assert not Involvement.objects.filter(person=world.child, kind="cafa",
                                          end__isnull=True).exists()
    assert AuditEvent.objects.filter(user=manager, object_type="socialwork.ChildInNeedEpisode",
                                     detail__reason="RC8").exists()
    with pytest.raises(ValidationError) as error:
        episode_close(episode=closed, actor=manager, on=timezone.localdate(), reason="RC8",
                      summary="Again.")
    assert error.value.messages == [episodes.EPISODE_CLOSED]


def test_closing_names_each_bad_field(world):
    episode = referred(world)
    with pytest.raises(ValidationError) as error:
        episode_close(episode=episode, actor=world.users["team_manager"],
                      on=episode.referral_date - timedelta(days=1), reason="RC99", summary=" ")
    assert error.value.message_dict == {
        "reason": [episodes.CLOSE_REASON_UNKNOWN], "summary": [episodes.CLOSE_SUMMARY_NEEDED],
        "on": [episodes.CLOSE_BEFORE_REFERRAL.format(referral=episode.referral_date)]}
    with pytest.raises(ValidationError) as error:
        episode_close(episode=episode, actor=world.users["team_manager"],
                      on=timezone.localdate() + timedelta(days=1), reason="RC8", summary="x")
    assert error.value.message_dict == {"on": [episodes.DATE_IN_FUTURE]}


def test_closing_is_refused_while_a_plan_is_open(world):
    episode = referred(world)
    Assessment.objects.filter(episode=episode).delete()
    ChildInNeedPlan.objects.create(episode=episode, start=date.today(), team=episode.team,
                                   created_by=world.users["social_worker"])
    with pytest.raises(ValidationError) as error:
        episode_close(episode=episode, actor=world.users["team_manager"],
                      on=timezone.localdate(), reason="RC7", summary="Done.")
    assert error.value.messages == [episodes.PLANS_STILL_OPEN.format(
        plans="child in need plan")]


def test_only_social_care_closes(world):
    episode = referred(world)
    for role in ("hub_manager", "early_help_practitioner", "partner_lead_professional"):
        with pytest.raises(PermissionDenied):
            episode_close(episode=episode, actor=world.users[role], on=timezone.localdate(),
                          reason="RC8", summary="x")


def test_check_manager_refuses_a_manager_of_another_team(world):
    episode = referred(world)
    episodes.check_manager(world.users["team_manager"], episode)
    episode.team = Team.objects.get(code="strengthening-and-supporting-families")
    with pytest.raises(PermissionDenied) as error:
        episodes.check_manager(world.users["team_manager"], episode)
    assert str(error.value) == episodes.ONLY_TEAM_MANAGER.format(team=episode.team)
