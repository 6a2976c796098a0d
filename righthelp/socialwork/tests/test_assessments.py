"""The Child and Family Assessment: sittings, sending, the team manager's authorisation, and
what each outcome starts."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from righthelp.core.models import AuditEvent, Deadline
from righthelp.people.models import Involvement
from righthelp.people.selectors import with_status
from righthelp.people.services import EditConflict
from righthelp.socialwork.models import ChildInNeedPlan
from righthelp.socialwork.rules.assessments import NO_FACTORS_ALONE
from righthelp.socialwork.services import assessments as services
from righthelp.socialwork.services import episodes
from righthelp.staff.selectors import my_deadlines, team_deadlines

from .assessments_support import PRACTICE, other_team_worker, referred

pytestmark = pytest.mark.django_db


def sent(world, **changes):
    """An assessment written in full and sent to the team manager."""
    episode = referred(world)
    assessment = episode.assessments.get()
    worker = world.users["social_worker"]
    assessment = services.assessment_save(assessment=assessment, actor=worker,
                                          version=assessment.version,
                                          changes={**PRACTICE, **changes})
    return services.assessment_send(assessment=assessment, actor=worker,
                                    version=assessment.version)


def authorise(world, assessment, outcome, primary_need="N1", **extra):
    return services.assessment_authorise(
        assessment=assessment, actor=world.users["team_manager"], outcome=outcome,
        reasons="The worries are met by the plan the family agreed.",
        primary_need=primary_need, version=assessment.version, **extra)


def test_saved_over_sittings_and_a_stale_save_is_refused(world):
    assessment = referred(world).assessments.get()
    worker, senior = world.users["social_worker"], world.users["senior_social_worker"]
    first = services.assessment_save(assessment=assessment, actor=worker,
                                     version=assessment.version,
                                     changes={"strengths": "Gran is close."})
    second = services.assessment_save(assessment=first, actor=worker, version=first.version,
                                      changes={"worries": "Shouting at home.",
                                               "factors": ["3b", "4B"]})
    assert (second.strengths, second.worries, second.factors) == (
        "Gran is close.", "Shouting at home.", ["3B", "4B"])
    with pytest.raises(EditConflict):  # the senior loaded the first sitting's version
        services.assessment_save(assessment=first, actor=senior, version=first.version,
                                 changes={"strengths": "Overwrites?"})
    second.refresh_from_db()
    assert second.strengths == "Gran is close." and second.history.count() == 3


def test_factors_are_validated_and_21_stands_alone(world):
    assessment = referred(world).assessments.get()
    with pytest.raises(ValidationError) as error:
        services.assessment_save(assessment=assessment, actor=world.users["social_worker"],
                                 version=assessment.version, changes={"factors": ["21", "4B"]})
    assert error.value.message_dict == {"factors": [NO_FACTORS_ALONE]}


def test_a_worker_from_another_team_cannot_write_it(world):
    assessment = referred(world).assessments.get()
    stranger = other_team_worker()
    with pytest.raises(PermissionDenied) as error:
        services.assessment_save(assessment=assessment, actor=stranger,
                                 version=assessment.version, changes={"strengths": "x"})
    assert str(error.value) == episodes.NOT_IN_TEAM.format(team=assessment.episode.team)


def test_sending_needs_the_practice_model_and_the_childs_words(world):
    assessment = referred(world).assessments.get()
    worker = world.users["social_worker"]
    assessment = services.assessment_save(
        assessment=assessment, actor=worker, version=assessment.version,
        changes={**PRACTICE, "childs_words": "", "factors": []})
    with pytest.raises(ValidationError) as error:
        services.assessment_send(assessment=assessment, actor=worker,
                                 version=assessment.version)
    assert error.value.message_dict == {"childs_words": [services.NEED_CHILDS_WORDS],
                                        "factors": [services.NEED_FACTORS]}


def test_a_worker_cannot_authorise_and_the_manager_must_give_reasons(world):
    assessment = sent(world)
    assert assessment.status == "awaiting" and assessment.completed_on == timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.assessment_save(assessment=assessment, actor=world.users["social_worker"],
                                 version=assessment.version, changes={"strengths": "more"})
    assert error.value.messages == [services.NOT_IN_PROGRESS]
    for role in ("social_worker", "senior_social_worker", "hub_manager"):
        with pytest.raises(PermissionDenied):
            services.assessment_authorise(assessment=assessment, actor=world.users[role],
                                          outcome="close", reasons="x", primary_need="N1")
    with pytest.raises(ValidationError) as error:
        services.assessment_authorise(assessment=assessment, actor=world.users["team_manager"],
                                      outcome="", reasons=" ", primary_need="N0")
    assert error.value.message_dict == {"outcome": [services.NEED_OUTCOME],
                                        "reasons": [services.NEED_REASONS],
                                        "primary_need": [services.NEED_PRIMARY_NEED]}


def test_the_manager_returns_it_with_what_to_change(world):
    assessment = sent(world)
    manager = world.users["team_manager"]
    with pytest.raises(ValidationError) as error:
        services.assessment_return(assessment=assessment, actor=manager, comments="")
    assert error.value.message_dict == {"comments": [services.NEED_RETURN_NOTE]}
    returned = services.assessment_return(assessment=assessment, actor=manager,
                                          comments="Add dad's views.")
    assert returned.status == "in_progress" and returned.completed_on is None
    assert returned.manager_comments == "Add dad's views."


def test_close_meets_the_clock_sets_the_need_and_closes_with_rc8(world):
    assessment = authorise(world, sent(world), "close", primary_need="N9")
    episode = assessment.episode
    episode.refresh_from_db()
    assert (assessment.status, assessment.authorised_by) == ("authorised",
                                                             world.users["team_manager"])
    assert episode.primary_need == "N9"
    assert (episode.closure_reason, episode.closure_date) == ("RC8", timezone.localdate())
    assert not episode.referral_nfa  # an assessment was done
    assert assessment.deadline.met_at is not None
    assert not Involvement.objects.filter(person=world.child, kind="cafa",
                                          end__isnull=True).exists()
    assert AuditEvent.objects.filter(object_type="socialwork.Assessment",
                                     detail__outcome="close").exists()


def test_universal_services_closes_with_rc8(world):
    episode = authorise(world, sent(world), "universal").episode
    episode.refresh_from_db()
    assert episode.closure_reason == "RC8"


def test_step_down_to_early_help_opens_early_help_and_closes_with_rc9(world):
    from righthelp.earlyhelp.models import EarlyHelpEpisode

    episode = authorise(world, sent(world), "early_help", primary_need="N5").episode
    episode.refresh_from_db()
    assert episode.closure_reason == "RC9"
    early_help = EarlyHelpEpisode.objects.get(members=world.child)
    step_down = early_help.step_downs.get()
    assert step_down.from_involvement.kind == "cafa"
    assert PRACTICE["what_needs_to_happen"] in step_down.handover_plan


def test_child_in_need_starts_the_plan_and_the_three_month_clock(world):
    assessment = authorise(world, sent(world), "child_in_need")
    episode = assessment.episode
    episode.refresh_from_db()
    assert episode.is_open and episode.primary_need == "N1"
    plan = ChildInNeedPlan.objects.get(episode=episode, status="open")
    assert plan.start == timezone.localdate() and plan.team == episode.team
    kept = Deadline.objects.get(person=world.child, rule="child-in-need-in-assessment-team")
    assert kept.met_at is None and kept.team == episode.team
    assert timezone.localtime(kept.due_at).date() == timezone.localdate() + relativedelta(
        months=3)
    assert not Involvement.objects.filter(person=world.child, kind="cafa",
                                          end__isnull=True).exists()


@pytest.mark.parametrize(("overdue", "status"), [(False, "stopped"),
                                                  (True, "stopped_overdue")])
def test_closing_the_episode_stops_the_three_month_clock_never_meets_it(world, overdue, status):
    from righthelp.socialwork.services import plans

    assessment = authorise(world, sent(world), "child_in_need")
    kept = Deadline.objects.get(person=world.child, rule="child-in-need-in-assessment-team")
    if overdue:
        Deadline.objects.filter(pk=kept.pk).update(due_at=timezone.now() - timedelta(days=1))
    plan = ChildInNeedPlan.objects.get(episode=assessment.episode, status="open")
    worker = world.users["social_worker"]
    plans.child_in_need_plan_end(plan=plan, actor=worker, on=timezone.localdate(),
                                 reason="outcomes_met", summary="Settled.", close_episode=True)
    kept.refresh_from_db()
    assert kept.met_at is None and kept.stopped_at is not None
    assert kept.stopped_reason == episodes.CLOCK_STOPPED_AT_CLOSE
    assert with_status([kept])[0].status == status
    event = AuditEvent.objects.get(object_type="core.Deadline", object_id=str(kept.pk),
                                   detail__has_key="stopped_at")
    assert event.user == worker and event.detail["episode"] == assessment.episode_id
    assert event.detail["status"] == status
    assert not my_deadlines(worker) and not team_deadlines(world.users["team_manager"])


def test_child_protection_starts_the_strategy_discussion_clock(world):
    episode = authorise(world, sent(world), "child_protection").episode
    episode.refresh_from_db()
    assert episode.is_open
    assert Deadline.objects.filter(person=world.child, rule="strategy-discussion",
                                   met_at__isnull=True).exists()
