"""Strategy discussions and Section 47 enquiries, with the ICPC clock counted in working days
from the strategy discussion across bank holidays."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from righthelp.core.clocks import LONDON
from righthelp.core.models import AuditEvent, Deadline
from righthelp.people.models import Involvement
from righthelp.people.services import EditConflict
from righthelp.socialwork.models import Section47Enquiry
from righthelp.socialwork.services import section47 as services

from .assessments_support import at, on, other_team_worker, referred

pytestmark = pytest.mark.django_db

ATTENDEES = [{"name": "Sam Social Worker", "agency": "Children's social care", "role": "SW"},
             {"name": "PC Jones", "agency": "Lancashire Constabulary", "role": "Police"},
             {"name": "Dr Ahmed", "agency": "Blackpool Teaching Hospitals", "role": "Paediatrics"}]


def discuss(world, episode, held_at=None, decision="section_47", actor=None, **extra):
    data = {"attendees": ATTENDEES, "worries": "Bruising to the face; he says dad hit him.",
            "childs_words": "Dad gets angry when he drinks.", "decision": decision,
            "reasons": "Significant harm suspected and current.",
            "safety_actions": "He stays with gran tonight.", **extra}
    return services.strategy_discussion_record(
        episode=episode, actor=actor or world.users["social_worker"],
        held_at=held_at or timezone.now() - timedelta(hours=1), **data)


def test_the_strategy_discussion_meets_its_clock_and_opens_the_enquiry(world):
    episode = referred(world, harm_current=True)
    discussion = discuss(world, episode)
    clock = Deadline.objects.get(person=world.child, rule="strategy-discussion")
    assert clock.met_at == discussion.held_at
    enquiry = discussion.section47
    assert enquiry.started_on == timezone.localtime(discussion.held_at).date()
    assert enquiry.deadline.rule == "initial-child-protection-conference"
    assert enquiry.deadline.started_at == discussion.held_at
    assert enquiry.icpc_target == timezone.localtime(enquiry.deadline.due_at).date()
    assert episode.assessments.get().status == "in_progress"  # the framework it uses
    assert Involvement.objects.filter(person=world.child, kind="section_47",
                                      end__isnull=True).count() == 1
    assert AuditEvent.objects.filter(object_type="socialwork.StrategyDiscussion").exists()


def test_icpc_counts_15_working_days_over_christmas(world):
    """Strategy discussion Friday 19 December 2025: Christmas Day, Boxing Day and New Year's
    Day are not working days, so the ICPC is due Wednesday 14 January 2026 (not 9 January)."""
    with at(on(date(2025, 12, 15))):
        episode = referred(world, harm_current=True, received_at=on(date(2025, 12, 15)))
    with at(on(date(2025, 12, 19), 15)):
        discussion = discuss(world, episode, held_at=on(date(2025, 12, 19), 14))
    enquiry = discussion.section47
    assert enquiry.icpc_target == date(2026, 1, 14)
    assert timezone.localtime(enquiry.deadline.due_at) == datetime(
        2026, 1, 14, 23, 59, 59, tzinfo=LONDON)


def test_icpc_counts_15_working_days_over_easter(world):
    """Strategy discussion Thursday 17 April 2025: Good Friday, Easter Monday and the early May
    bank holiday (5 May) are skipped, so the ICPC is due Tuesday 13 May 2025 (not 8 May)."""
    with at(on(date(2025, 4, 16))):
        episode = referred(world, harm_current=True, received_at=on(date(2025, 4, 16)))
    with at(on(date(2025, 4, 17), 16)):
        discussion = discuss(world, episode, held_at=on(date(2025, 4, 17), 11))
    assert discussion.section47.icpc_target == date(2025, 5, 13)


def test_strategy_discussion_refusals_name_each_field(world):
    episode = referred(world, harm_current=True)
    with pytest.raises(ValidationError) as error:
        services.strategy_discussion_record(
            episode=episode, actor=world.users["social_worker"],
            held_at=timezone.now() + timedelta(days=1),
            attendees=[{"name": "PC Jones", "agency": ""}], worries="", childs_words="",
            decision="maybe", reasons="")
    assert error.value.message_dict == {
        "held_at": [services.HELD_IN_FUTURE],
        "attendees": [services.NEED_ATTENDEES, services.ATTENDEE_INCOMPLETE.format(number=1)],
        "worries": [services.NEED_WORRIES], "childs_words": [services.NEED_CHILDS_WORDS],
        "decision": [services.NEED_DECISION], "reasons": [services.NEED_REASONS]}
    with pytest.raises(ValidationError) as error:
        discuss(world, episode, held_at=on(episode.referral_date - timedelta(days=1)))
    assert error.value.message_dict == {"held_at": [services.HELD_BEFORE_REFERRAL.format(
        referral=episode.referral_date)]}


def test_a_worker_from_another_team_cannot_record_it(world):
    episode = referred(world, harm_current=True)
    with pytest.raises(PermissionDenied):
        discuss(world, episode, actor=other_team_worker())
    assert not episode.strategy_discussions.exists()


def test_no_section_47_continues_with_the_assessment(world):
    episode = referred(world, harm_current=True)
    discussion = discuss(world, episode, decision="no_section_47",
                         reasons="Harm not current; a CAFA will do.")
    assert not Section47Enquiry.objects.filter(strategy_discussion=discussion).exists()
    assessment = episode.assessments.get()
    assert assessment.deadline.rule == "child-and-family-assessment"
    assert assessment.deadline.started_at == episode.request.received_at  # from the referral


def test_a_second_enquiry_is_refused_while_one_is_open(world):
    episode = referred(world, harm_current=True)
    discuss(world, episode)
    with pytest.raises(ValidationError) as error:
        discuss(world, episode)
    assert error.value.message_dict == {"decision": [services.SECTION47_OPEN]}


def test_the_enquiry_is_saved_over_sittings_and_the_manager_authorises_no_conference(world):
    episode = referred(world, harm_current=True)
    enquiry = discuss(world, episode).section47
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    with pytest.raises(ValidationError) as error:
        services.section47_complete(enquiry=enquiry, actor=manager, outcome="no_conference",
                                    reasons="Explained by a fall.")
    assert error.value.message_dict == {"findings": [services.NEED_FINDINGS],
                                        "childs_words": [services.NEED_CHILDS_WORDS]}
    saved = services.section47_save(enquiry=enquiry, actor=worker, version=enquiry.version,
                                    changes={"findings": "Medical: consistent with a fall.",
                                             "childs_words": "I fell off my bike."})
    with pytest.raises(EditConflict):
        services.section47_save(enquiry=enquiry, actor=worker, version=enquiry.version,
                                changes={"findings": "stale"})
    with pytest.raises(PermissionDenied):
        services.section47_complete(enquiry=saved, actor=worker, outcome="no_conference",
                                    reasons="x")
    with pytest.raises(ValidationError) as error:
        services.section47_complete(enquiry=saved, actor=manager, outcome="", reasons="")
    assert error.value.message_dict == {"outcome": [services.NEED_OUTCOME],
                                        "reasons": [services.NEED_OUTCOME_REASONS]}
    done = services.section47_complete(enquiry=saved, actor=manager, outcome="no_conference",
                                       reasons="Explained by a fall; support via the CAFA.")
    assert done.icpc_not_required and done.authorised_by == manager
    assert done.deadline.met_at is not None  # the clock stops: no conference needed
    assert not Involvement.objects.filter(person=world.child, kind="section_47",
                                          end__isnull=True).exists()
    with pytest.raises(ValidationError) as error:
        services.section47_save(enquiry=done, actor=worker, version=done.version,
                                changes={"findings": "late"})
    assert error.value.messages == [services.ENQUIRY_FINISHED]


def test_a_conference_outcome_leaves_the_icpc_clock_running(world):
    episode = referred(world, harm_current=True)
    enquiry = discuss(world, episode).section47
    enquiry = services.section47_save(enquiry=enquiry, actor=world.users["social_worker"],
                                      version=enquiry.version,
                                      changes={"findings": "Injuries not explained.",
                                               "childs_words": "Dad hit me."})
    done = services.section47_complete(enquiry=enquiry, actor=world.users["team_manager"],
                                       outcome="conference", reasons="Harm substantiated.")
    assert done.outcome == "conference" and done.deadline.met_at is None


def test_a_child_protection_assessment_inside_an_enquiry_starts_no_second_discussion(world):
    from righthelp.socialwork.services import assessments

    from .assessments_support import PRACTICE

    episode = referred(world, harm_current=True)
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    enquiry = discuss(world, episode).section47
    assessment = episode.assessments.get()
    assessment = assessments.assessment_save(assessment=assessment, actor=worker,
                                             version=assessment.version, changes=PRACTICE)
    assessment = assessments.assessment_send(assessment=assessment, actor=worker)
    assessments.assessment_authorise(assessment=assessment, actor=manager,
                                     outcome="child_protection", reasons="Harm found.",
                                     primary_need="N1")
    assert not Deadline.objects.filter(person=world.child, rule="strategy-discussion",
                                       met_at__isnull=True).exists()
    assert enquiry.deadline.met_at is None  # the conference is still to come
