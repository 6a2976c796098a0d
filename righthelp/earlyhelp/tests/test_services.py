"""Early help services: every acceptance line of issue 5 that is not about the browser."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from righthelp.core.models import AuditEvent, Deadline
from righthelp.earlyhelp import figures, rules, services
from righthelp.earlyhelp.models import EarlyHelpEpisode, StepUp
from righthelp.earlyhelp.services import NewMember, assessment, episodes, plans
from righthelp.earlyhelp.services.common import ALREADY_IN_EPISODE
from righthelp.frontdoor import services as frontdoor
from righthelp.frontdoor.models import RequestForSupport
from righthelp.frontdoor.rules import Facts
from righthelp.people.models import Involvement, Person
from righthelp.people.selectors import with_status
from righthelp.staff.models import Allocation
from righthelp.staff.selectors import my_deadlines

from .helpers import (
    ACTIONS,
    ASSESSMENT,
    early_help_hub_worker,
    hub_decision,
    later,
    open_episode,
    planned,
)

pytestmark = pytest.mark.django_db

ESCALATION = ("Last night the police were called to the home after a fight between the adults; "
              "Jonathan has a bruise on his arm and says he is scared.")


def new_family_members():
    return [
        NewMember(is_child=True, details={"given_names": "Leo", "family_name": "Brown",
                                          "date_of_birth": date(2019, 2, 1)}),
        NewMember(is_child=False, relationship="father",
                  details={"kind": "adult", "given_names": "Mark", "family_name": "Brown",
                           "date_of_birth": date(1985, 1, 1)}),
    ]


def test_partner_opens_level_2_episode_for_a_family_they_know(world):
    episode = open_episode(world)
    partner = world.users["partner_lead_professional"]
    assert episode.status == "open" and episode.opened_via == "direct"
    assert episode.lead_professional == partner
    assert episode.lead_agency.code == "blackpool-schools" and episode.partner_led
    assert episode.locality.code == "revoe"  # from Jonathan's FY1 postcode
    assert episode.link_worker == world.users["link_worker"]
    assert [(m.person, m.is_child) for m in episode.memberships.all()] == [
        (world.child, True), (world.mother, False)]
    involvement = Involvement.objects.get(person=world.child, kind="early_help")
    assert involvement.team.code == "early-help-revoe" and involvement.end is None
    assert world.child.chronology.filter(kind="early_help").exists()


def test_partner_cannot_open_level_3_and_others_send_a_request(world):
    with pytest.raises(ValidationError) as error:
        services.episode_open(
            actor=world.users["partner_lead_professional"], level_of_need=3, why_help="x",
            consent_given_by="Sarah", consent_given=True,
            members=[NewMember(is_child=True, person=world.child)])
    assert error.value.message_dict["level_of_need"] == [rules.PARTNER_LEVEL_3]
    with pytest.raises(PermissionDenied):
        open_episode(world, actor=world.users["social_worker"])


def test_opening_needs_a_child_consent_and_why(world):
    with pytest.raises(ValidationError) as error:
        services.episode_open(actor=world.users["partner_lead_professional"], level_of_need=2,
                              why_help=" ", consent_given_by="", consent_given=False,
                              members=[NewMember(is_child=False, person=world.mother)])
    assert error.value.message_dict == {
        "members": [episodes.NEED_CHILD], "why_help": [episodes.NEED_WHY],
        "consent_given_by": [episodes.NEED_CONSENT]}


def test_new_family_is_added_to_the_index_and_the_lead_allocated_until_closing(world):
    partner = world.users["partner_lead_professional"]
    episode = services.episode_open(
        actor=partner, level_of_need=2, why_help="Toilet training and sleep.",
        consent_given_by="Mark Brown", consent_given=True, members=new_family_members())
    leo = Person.objects.get(given_names="Leo")
    member = episode.memberships.get(person=leo)
    assert member.allocation.worker == partner and member.allocation.kind == "lead_professional"
    # Typed in again (by someone else), the same child is found, not duplicated.
    again = episodes.resolve(partner, new_family_members()[0])
    assert again == leo and Person.objects.filter(given_names="Leo").count() == 1
    services.episode_close(actor=partner, episode=episode, version=episode.version,
                           reason="moved")
    member.allocation.refresh_from_db()
    assert member.allocation.end == timezone.localdate()
    assert not Involvement.objects.filter(person=leo, end__isnull=True).exists()


def test_one_live_episode_per_child_and_per_family(world):
    episode = open_episode(world)
    with pytest.raises(ValidationError) as error:
        open_episode(world)
    assert error.value.message_dict["members"] == [
        ALREADY_IN_EPISODE.format(name="Jonathan Smith")]
    with pytest.raises(IntegrityError), transaction.atomic():
        EarlyHelpEpisode.objects.create(
            family=episode.family, status="agreeing_lead", opened_via="direct",
            level_of_need=2, opened_by=world.users["partner_lead_professional"])


def test_assessment_saved_over_two_sittings_never_lost(world):
    episode = open_episode(world)
    partner = episode.lead_professional
    first = services.assessment_save(actor=partner, episode=episode,
                                     data={"strengths": "Close to his gran."})
    second = services.assessment_save(actor=partner, episode=episode, version=first.version,
                                      data={"worries": "Late most days."})
    assert (second.sittings, second.strengths, second.worries) == (
        2, "Close to his gran.", "Late most days.")
    assert second.history.count() == 2  # each sitting is kept
    with pytest.raises(services.Conflict):
        services.assessment_save(actor=partner, episode=episode, version=first.version,
                                 data={"worries": "Overwritten?"})
    with pytest.raises(ValidationError) as error:
        services.assessment_complete(actor=partner, episode=episode, version=second.version)
    errors = error.value.message_dict
    assert errors["childs_words"] == [assessment.MISSING_PART.format(
        label="the child's own words")]
    assert errors["parents_words"] == [assessment.MISSING_PART.format(
        label="the parents' words")]
    assert errors["__all__"] == [assessment.CANNOT_COMPLETE.format(
        parts="the child's own words, the parents' words and what the family wants to change")]
    third = services.assessment_save(actor=partner, episode=episode, version=second.version,
                                     data=ASSESSMENT)
    done = services.assessment_complete(actor=partner, episode=episode, version=third.version)
    assert done.status == "completed" and done.completed_by == partner


def test_plan_agreed_with_three_actions_starts_the_review_clock(world):
    episode = open_episode(world)
    partner = episode.lead_professional
    with pytest.raises(ValidationError) as error:
        services.plan_agree(actor=partner, episode=episode, agreed_with="Sarah")
    assert set(error.value.message_dict) == {"assessment", "actions", "what_we_want"}
    with pytest.raises(ValidationError) as error:
        services.action_add(actor=partner, episode=episode, data={
            **ACTIONS[1], "council_service": ""})
    assert error.value.message_dict == {"council_service": [plans.NEED_SERVICE]}
    with pytest.raises(ValidationError) as error:
        services.action_add(actor=partner, episode=episode, data={"who": "family"})
    assert set(error.value.message_dict) == {"what", "by_when", "how_we_will_know"}
    plan = planned(world, episode)
    assert plan.actions.count() == 3 and plan.agreed_with == "Sarah and Jonathan"
    deadline = Deadline.objects.get(person=world.child, rule="early-help-review")
    assert deadline.owner == partner
    assert (deadline.due_at.date() - plan.agreed_at.date()) == timedelta(weeks=6)
    episode.refresh_from_db()
    assert episode.review_due_at == deadline.due_at


def test_review_meets_the_deadline_starts_the_next_and_records_progress(world):
    episode = open_episode(world)
    planned(world, episode)
    partner = episode.lead_professional
    episode.refresh_from_db()
    first_action = episode.plan.actions.first()
    with pytest.raises(ValidationError) as error:
        services.review_record(actor=partner, episode=episode, held_on=timezone.localdate(),
                               childs_words="")
    assert error.value.message_dict == {"childs_words": [
        "Record the child's own words at the review."]}
    review = services.review_record(
        actor=partner, episode=episode, held_on=timezone.localdate(), version=episode.version,
        childs_words="Breakfast club is fun.", what_is_better="On time 4 days out of 5.",
        progress={first_action.pk: {"status": "done", "note": "Every night now."}})
    first_action.refresh_from_db()
    assert first_action.status == "done"
    deadlines = Deadline.objects.filter(person=world.child, rule="early-help-review")
    assert deadlines.count() == 2 and deadlines.filter(met_at__isnull=False).count() == 1
    assert review.next_review_due == deadlines.get(met_at__isnull=True).due_at


def test_team_around_the_family_meeting(world):
    episode = open_episode(world)
    partner = episode.lead_professional
    meeting = services.meeting_record(
        actor=partner, episode=episode, held_on=timezone.localdate(),
        family_attendees=[world.mother, world.child], professional_attendees="School nurse",
        agreed="Breakfast club from Monday.", plan_updates="Added breakfast club.")
    assert set(meeting.family_attendees.all()) == {world.mother, world.child}
    with pytest.raises(ValidationError) as error:
        services.meeting_record(actor=partner, episode=episode, held_on=later(3), agreed="",
                                family_attendees=[world.unallocated_child])
    assert set(error.value.message_dict) == {"held_on", "agreed", "family_attendees"}


def test_sharing_the_plan_checks_plain_language(world):
    episode = open_episode(world)
    partner = episode.lead_professional
    planned(world, episode)
    services.action_add(actor=partner, episode=episode, data={
        "who": "family", "what": "Mum has failed to attend school meetings; attend them.",
        "by_when": later(10), "how_we_will_know": "Mum comes to the next one."})
    plan = episode.plan
    plan.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.plan_share(actor=partner, episode=episode, version=plan.version)
    assert error.value.message_dict == {"plain_language": [plans.PLAIN_LANGUAGE_FOUND]}
    shared = services.plan_share(actor=partner, episode=episode, version=plan.version,
                                 confirm=True)
    assert shared.shared_at is not None
    assert [f["phrase"] for f in shared.plain_language_findings] == ["failed to attend"]


def test_step_up_without_escalation_is_refused(world):
    episode = open_episode(world)
    partner = episode.lead_professional
    for risk, words, message in [
        ("same", ESCALATION, rules.STEP_UP_NOT_ESCALATION),
        ("escalated", "Risk stayed the same as before", rules.STEP_UP_SAME_IN_WORDS),
    ]:
        with pytest.raises(ValidationError) as error:
            services.step_up(actor=partner, episode=episode, version=episode.version,
                             risk_change=risk, what_changed=words, family_agreed=True)
        assert message in error.value.messages
    episode.refresh_from_db()
    assert episode.status == "open" and not StepUp.objects.exists()


def test_step_up_asks_the_hub_and_keeps_the_lead_on_the_childs_team(world):
    new = services.episode_open(
        actor=world.users["partner_lead_professional"], level_of_need=2, why_help="Sleep.",
        consent_given_by="Mark Brown", consent_given=True, members=new_family_members())
    partner = new.lead_professional
    leo = Person.objects.get(given_names="Leo")
    planned(world, new)
    new.refresh_from_db()
    step = services.step_up(actor=partner, episode=new, version=new.version,
                            risk_change="escalated", what_changed=ESCALATION,
                            childs_words="I was scared.", family_agreed=True)
    new.refresh_from_db()
    assert new.status == "stepped_up"
    rfs = step.request
    assert rfs.status == RequestForSupport.Status.IN_QUEUE
    assert rfs.referrer == partner and rfs.level_asked == "safeguarding"
    assert list(rfs.children.values_list("person", flat=True)) == [leo.pk]
    assert "Triple P" in rfs.worries and ESCALATION in rfs.worries  # assessment and plan shared
    # The Hub decides a statutory assessment: Assessment and Support join, the lead stays.
    decision = frontdoor.decision_propose(
        actor=world.users["hub_worker"], rfs=rfs, level_of_need=4, version=rfs.version,
        facts=Facts(significant_harm=True), reasoning="Escalating harm.",
        childs_voice="I was scared.")
    frontdoor.decision_authorise(actor=world.users["hub_manager"], decision=decision)
    assert Involvement.objects.filter(person=leo, team__code="assessment-and-support",
                                      end__isnull=True).exists()
    lead = Allocation.objects.get(person=leo, worker=partner)
    assert lead.end is None
    new.refresh_from_db()
    assert new.status == "stepped_up" and new.lead_professional == partner


def test_hub_decision_opens_an_episode_for_the_early_help_hub_to_agree_the_lead(world):
    decision = hub_decision(world, world.unallocated_child)
    episode = EarlyHelpEpisode.objects.get(hub_decision=decision)
    assert episode.status == "agreeing_lead" and episode.opened_via == "hub_decision"
    member = episode.memberships.get()
    assert member.person == world.unallocated_child and member.involvement.team.code == (
        "early-help-hub")
    partner = world.users["partner_lead_professional"]
    hub = early_help_hub_worker()
    with pytest.raises(PermissionDenied):
        services.episode_agree_lead(actor=world.users["early_help_practitioner"],
                                    episode=episode, version=episode.version,
                                    lead_professional=partner)
    with pytest.raises(ValidationError):
        services.episode_agree_lead(actor=hub, episode=episode, version=episode.version,
                                    lead_professional=world.users["social_worker"])
    agreed = services.episode_agree_lead(actor=hub, episode=episode,
                                         version=episode.version, lead_professional=partner,
                                         level_of_need=2)
    assert agreed.status == "open" and agreed.lead_agency == partner.agency
    member.refresh_from_db()
    assert member.allocation.worker == partner
    assert member.involvement.team is not None


def test_step_down_from_social_care_hands_over_the_plan(world):
    cafa = Involvement.objects.create(person=world.unallocated_child, kind="cafa",
                                      start=date(2026, 9, 1))
    with pytest.raises(ValidationError) as error:
        services.episode_open_from_step_down(
            actor=world.users["social_worker"], children=[world.unallocated_child],
            from_involvement=cafa, handover_plan=" ")
    assert error.value.message_dict == {"handover_plan": [episodes.NEED_HANDOVER]}
    episode = services.episode_open_from_step_down(
        actor=world.users["social_worker"], children=[world.unallocated_child],
        from_involvement=cafa, handover_plan="Mum attends Families in Need; school attendance.")
    assert episode.status == "agreeing_lead" and episode.opened_via == "step_down"
    assert episode.step_downs.get().handover_plan.startswith("Mum attends")
    other = Person.objects.create(given_names="Kai", family_name="Jones",
                                  date_of_birth=date(2016, 1, 1))
    cin = Involvement.objects.create(person=other, kind="child_in_need", start=date(2026, 1, 1))
    led = services.episode_open_from_step_down(
        actor=world.users["social_worker"], children=[other], from_involvement=cin,
        handover_plan="Keep going to the family hub.",
        lead_professional=world.users["partner_lead_professional"])
    assert led.status == "open" and led.lead_agency.code == "blackpool-schools"


def test_closing_with_outcomes_met_celebrates_each_action(world):
    episode = open_episode(world)
    partner = episode.lead_professional
    planned(world, episode)
    episode.refresh_from_db()
    actions = list(episode.plan.actions.all())
    with pytest.raises(ValidationError) as error:
        services.episode_close(actor=partner, episode=episode, version=episode.version,
                               reason="outcomes_met")
    assert "family_outcome" in error.value.message_dict
    assert {f"action_{a.pk}" for a in actions} <= set(error.value.message_dict)
    closed = services.episode_close(
        actor=partner, episode=episode, version=episode.version, reason="outcomes_met",
        family_outcome="Jonathan is on time every day and proud of it.",
        action_outcomes={a.pk: ("met", "Worked.") for a in actions})
    assert closed.status == "closed" and closed.closure_reason == "outcomes_met"
    assert {a.outcome for a in closed.plan.actions.all()} == {"met"}
    assert not Deadline.objects.filter(person=world.child, rule="early-help-review",
                                       met_at__isnull=True, stopped_at__isnull=True).exists()
    with pytest.raises(ValidationError):  # closed is closed: an illegal move
        services.episode_close(actor=partner, episode=closed, version=closed.version,
                               reason="moved")


def test_closing_stops_a_review_not_due_yet_rather_than_calling_it_met(world):
    episode = open_episode(world)
    planned(world, episode)
    episode.refresh_from_db()
    running = Deadline.objects.get(person=world.child, rule=plans.REVIEW_RULE)
    assert running.due_at > timezone.now()
    closed = services.episode_close(actor=episode.lead_professional, episode=episode,
                                    version=episode.version, reason="moved")
    # No review was owed yet: the clock is stopped (kept, never met), and audited.
    stopped = Deadline.objects.get(pk=running.pk)
    assert stopped.met_at is None and stopped.stopped_at == closed.closed_at
    assert stopped.stopped_reason == plans.REVIEW_STOPPED
    assert stopped.subject == plans.REVIEW_SUBJECT
    assert with_status([stopped])[0].status_label == "Stopped"
    event = AuditEvent.objects.get(object_type="core.Deadline", object_id=str(running.pk),
                                   detail__stopped_reason=plans.REVIEW_STOPPED)
    assert event.user == episode.lead_professional and event.person == world.child
    assert event.detail["early_help_episode"] == episode.pk
    assert event.detail["due_at"] == running.due_at.isoformat()
    assert event.detail["status"] == "stopped"
    # Off the lead professional's worklist; no figure counts a review never owed.
    assert not my_deadlines(episode.lead_professional)
    period = figures.Period(timezone.localdate() - timedelta(days=1),
                            timezone.localdate(running.due_at))
    reviews = figures.reviews_on_time(period, running.due_at + timedelta(days=1))
    assert (reviews.due, reviews.on_time, reviews.late, reviews.overdue) == (0, 0, 0, 0)


def test_closing_stops_an_overdue_review_as_missed_and_the_figures_agree(world):
    episode = open_episode(world)
    planned(world, episode)
    episode.refresh_from_db()
    overdue_since = timezone.now() - timedelta(days=3)
    Deadline.objects.filter(person=world.child, rule=plans.REVIEW_RULE).update(
        due_at=overdue_since)
    closed = services.consent_withdraw(actor=episode.lead_professional, episode=episode,
                                       version=episode.version, withdrawn_by="Sarah Smith")
    missed = Deadline.objects.get(person=world.child, rule=plans.REVIEW_RULE)
    # Off every worklist, never called met: missed, then stopped at the closure.
    assert missed.met_at is None and missed.stopped_at == closed.closed_at
    assert missed.subject == plans.REVIEW_SUBJECT
    assert with_status([missed])[0].status_label == "Missed, then stopped"
    assert AuditEvent.objects.get(object_id=str(missed.pk),
                                  detail__status="stopped_overdue").detail[
        "early_help_episode"] == episode.pk
    assert not my_deadlines(episode.lead_professional)
    period = figures.Period(overdue_since.date() - timedelta(days=1), timezone.localdate())
    reviews = figures.reviews_on_time(period, timezone.now())
    assert (reviews.due, reviews.on_time, reviews.late, reviews.overdue) == (1, 0, 0, 1)
    assert reviews.percent == 0.0


def test_consent_withdrawn_closes_unless_significant_harm(world):
    episode = open_episode(world)
    partner = episode.lead_professional
    kept = services.consent_withdraw(
        actor=partner, episode=episode, version=episode.version, withdrawn_by="Sarah Smith",
        significant_harm_reason="Jonathan disclosed being hit; stepping up today.")
    assert kept.status == "open" and kept.stays_open_reason.startswith("Jonathan disclosed")
    closed = services.consent_withdraw(actor=partner, episode=kept, version=kept.version,
                                       withdrawn_by="Sarah Smith")
    assert closed.status == "closed" and closed.closure_reason == "consent_withdrawn"


def test_only_people_in_the_episode_change_it(world):
    episode = open_episode(world)
    other = world.users["early_help_practitioner"]  # Revoe early help team: may
    services.assessment_save(actor=other, episode=episode, data={"strengths": "Kind."})
    from righthelp.core.testing import make_user

    stranger = make_user("partner_lead_professional", username="other-school")
    with pytest.raises(PermissionDenied):
        services.assessment_save(actor=stranger, episode=episode, data={"strengths": "x"})
    services.invitation_add(actor=episode.lead_professional, episode=episode, user=stranger,
                            access="view")
    with pytest.raises(PermissionDenied):
        services.assessment_save(actor=stranger, episode=episode, data={"strengths": "x"})


def test_an_action_uses_only_a_published_directory_service(world):
    from righthelp.directory.models import Service

    episode = open_episode(world)
    suggested = Service.objects.create(name="Not approved yet", description="x")
    with pytest.raises(ValidationError) as error:
        services.action_add(actor=episode.lead_professional, episode=episode,
                            data={**ACTIONS[0], "directory_service": suggested})
    assert error.value.message_dict == {"directory_service": [plans.NOT_PUBLISHED]}
    suggested.status = "published"
    suggested.save()
    action = services.action_add(actor=episode.lead_professional, episode=episode,
                                 data={**ACTIONS[0], "directory_service": suggested})
    assert action.directory_service == suggested


def test_an_invitation_gives_access_until_it_ends(world):
    from righthelp.core.testing import make_user
    from righthelp.earlyhelp.access import editable_episodes, visible_episodes

    episode = open_episode(world)
    nurse = make_user("partner_lead_professional", username="school-nurse")
    assert not visible_episodes(nurse).filter(pk=episode.pk).exists()
    invitation = services.invitation_add(actor=episode.lead_professional, episode=episode,
                                         user=nurse, access="contribute", reason="Sleep advice")
    assert editable_episodes(nurse).filter(pk=episode.pk).exists()
    with pytest.raises(ValidationError):
        services.invitation_add(actor=episode.lead_professional, episode=episode, user=nurse,
                                access="view")
    services.invitation_end(actor=episode.lead_professional, invitation=invitation)
    assert not visible_episodes(nurse).filter(pk=episode.pk).exists()


def test_the_hub_can_send_a_stepped_up_family_back_to_early_help(world):
    episode = open_episode(world)
    step = services.step_up(actor=episode.lead_professional, episode=episode,
                            version=episode.version, risk_change="new_harm",
                            what_changed=ESCALATION, family_agreed=True)
    rfs = step.request
    decision = frontdoor.decision_propose(
        actor=world.users["hub_worker"], rfs=rfs, level_of_need=3, version=rfs.version,
        facts=Facts(family_struggling=True), reasoning="No significant harm after checks.",
        childs_voice="I'm OK now.")
    frontdoor.decision_authorise(actor=world.users["hub_manager"], decision=decision)
    episode.refresh_from_db()
    assert episode.status == "open" and EarlyHelpEpisode.objects.count() == 1
    assert episode.lead_professional == world.users["partner_lead_professional"]
