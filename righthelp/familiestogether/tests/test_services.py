"""Families Together writes: who may refer, the consultation before acceptance, meetings with
the family's own plan, and crisis work."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from righthelp.core.access import decide
from righthelp.core.models import AuditEvent
from righthelp.familiestogether import services
from righthelp.familiestogether.models import CrisisResponse, FamiliesTogetherReferral, FamilyPlan
from righthelp.people.models import Person, Relationship
from righthelp.people.services import EditConflict
from righthelp.staff.models import Allocation

from .factories import coordinator, referral

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["senior_social_worker", "team_manager", "early_help_practitioner",
                                  "partner_lead_professional"])
def test_only_the_allocated_social_worker_refers(world, role):
    with pytest.raises(PermissionDenied) as refused:
        services.referral_create(actor=world.users[role], person=world.child, kind="meeting",
                                 reason="Worried.")
    assert str(refused.value) == services.ONLY_ALLOCATED_SOCIAL_WORKER


def test_referral_gives_the_team_the_record_and_is_audited(world):
    lead = coordinator()
    assert not decide(lead, world.child).allowed
    made = referral(world)
    assert made.status == "referred" and made.referred_by == world.users["social_worker"]
    assert decide(lead, world.child).allowed
    assert AuditEvent.objects.filter(object_type="familiestogether.FamiliesTogetherReferral",
                                     action="create", person=world.child).exists()


def test_a_reason_is_required(world):
    with pytest.raises(ValidationError) as error:
        services.referral_create(actor=world.users["social_worker"], person=world.child,
                                 kind="meeting", reason="  ")
    assert "reason" in error.value.message_dict


def test_one_open_referral_of_a_kind(world):
    referral(world)
    with pytest.raises(ValidationError):
        referral(world)
    referral(world, kind="crisis")  # a different kind is fine


def test_acceptance_needs_the_consultation(world):
    lead = coordinator()
    made = referral(world)
    with pytest.raises(ValidationError) as error:
        services.referral_accept(actor=lead, referral=made)
    assert error.value.messages == [services.CONSULTATION_REQUIRED]
    services.referral_consultation(actor=lead, referral=made, coordinator=lead,
                                   on=date(2026, 11, 21), discussed="Family strengths; invites.")
    accepted = services.referral_accept(actor=lead, referral=made, practitioner=lead)
    assert accepted.status == "accepted" and accepted.decided_by == lead
    assert Allocation.objects.filter(person=world.child, worker=lead,
                                     kind="families_together", end__isnull=True).exists()


def test_consultation_must_be_with_the_team_and_say_what_was_discussed(world):
    made = referral(world)
    with pytest.raises(ValidationError) as error:
        services.referral_consultation(
            actor=world.users["social_worker"], referral=made,
            coordinator=world.users["team_manager"], on=timezone.localdate() + timedelta(days=1),
            discussed="")
    assert set(error.value.message_dict) == {"coordinator", "on", "discussed"}
    assert error.value.message_dict["coordinator"] == [
        services.CONSULTATION_NOT_WITH_COORDINATOR]


def test_consultation_recorded_only_by_the_team_or_referrer(world):
    made = referral(world)
    with pytest.raises(PermissionDenied):
        services.referral_consultation(actor=world.users["team_manager"], referral=made,
                                       coordinator=coordinator(), on=date(2026, 11, 1),
                                       discussed="x")


def test_only_the_team_accepts_or_declines(world):
    made = referral(world, consulted_with=coordinator())
    for call in (services.referral_accept, services.referral_decline):
        with pytest.raises(PermissionDenied) as refused:
            call(actor=world.users["team_manager"], referral=made, **(
                {"reason": "no"} if call is services.referral_decline else {}))
        assert str(refused.value) == services.ONLY_TEAM


def test_decline_needs_a_reason_ends_the_teams_access_and_is_final(world):
    lead = coordinator()
    made = referral(world)
    with pytest.raises(ValidationError):
        services.referral_decline(actor=lead, referral=made, reason="")
    declined = services.referral_decline(actor=lead, referral=made,
                                         reason="Needs statutory work first.")
    assert declined.status == "declined" and declined.decision_reason
    # The team's allocation ends today (access lasts to the end of its last day).
    assert Allocation.objects.get(person=world.child, kind="families_together").end == (
        timezone.localdate())
    with pytest.raises(ValidationError) as error:
        services.referral_accept(actor=lead, referral=declined)
    assert "cannot be accepted" in error.value.messages[0]


def test_withdraw_by_the_social_worker_and_close_by_the_team(world):
    lead = coordinator()
    made = referral(world, consulted_with=lead, accept_by=lead)
    with pytest.raises(PermissionDenied):
        services.referral_withdraw(actor=lead, referral=made, reason="x")
    closed = services.referral_close(actor=lead, referral=made, reason="Plan working well.")
    assert closed.status == "closed" and closed.ended_by == lead
    assert not Allocation.objects.filter(person=world.child, kind="families_together",
                                         end__isnull=True).exists()
    with pytest.raises(ValidationError):
        services.referral_withdraw(actor=world.users["social_worker"], referral=closed,
                                   reason="Too late")


def _network(world):
    nan = Person.objects.create(kind="adult", given_names="Joan", family_name="Smith")
    gran = Relationship.objects.create(child=world.child, related_person=nan, kind="grandparent")
    mum = Relationship.objects.get(child=world.child, kind="mother")
    return mum, gran


def _meeting(world, lead, **changes):
    mum, gran = _network(world)
    made = referral(world, consulted_with=lead, accept_by=lead)
    args = {"actor": lead, "referral": made, "held_on": date(2026, 11, 20),
            "invited": [mum, gran], "attended": [mum], "private_family_time": True,
            "private_family_time_minutes": 45, "childs_words": "I liked that nan came."}
    return services.meeting_record(**(args | changes))


def test_meeting_records_network_and_private_time(world):
    lead = coordinator()
    meeting = _meeting(world, lead)
    assert meeting.invited.count() == 2 and meeting.attended.count() == 1
    assert meeting.private_family_time_minutes == 45


def test_meeting_refuses_strangers_absent_invitees_and_missing_length(world):
    lead = coordinator()
    other = Relationship.objects.create(
        child=Person.objects.create(given_names="Other", family_name="Child"),
        name="Someone", kind="other")
    mum = Relationship.objects.get(child=world.child, kind="mother")
    with pytest.raises(ValidationError) as error:
        _meeting(world, lead, invited=[other], attended=[mum],
                 private_family_time_minutes=None)
    assert error.value.message_dict == {
        "invited": [services.NOT_IN_NETWORK], "attended": [services.ATTENDED_NOT_INVITED],
        "private_family_time_minutes": [services.PRIVATE_TIME_LENGTH]}


def test_meeting_only_on_an_accepted_meeting_referral(world):
    lead = coordinator()
    crisis = referral(world, kind="crisis", consulted_with=lead, accept_by=lead)
    mum = Relationship.objects.get(child=world.child, kind="mother")
    with pytest.raises(ValidationError) as error:
        services.meeting_record(actor=lead, referral=crisis, held_on=date(2026, 11, 1),
                                invited=[mum], attended=[], private_family_time=False)
    assert error.value.messages == [services.MEETING_ONLY_FOR_MEETINGS]


def test_the_familys_plan_is_theirs_and_professionals_respond_with_reasons(world):
    lead = coordinator()
    meeting = _meeting(world, lead)
    items = [{"in_familys_words": "Nan picks Jonathan up on Fridays.", "who": "Nan",
              "by_when": date(2026, 12, 4)}, {"in_familys_words": "", "who": ""}]
    plan = services.family_plan_record(actor=lead, meeting=meeting, items=items,
                                       agreed_by="Sarah (mum) and Joan (nan)")
    assert [i.in_familys_words for i in plan.items.all()] == ["Nan picks Jonathan up on Fridays."]
    with pytest.raises(PermissionDenied) as refused:
        services.family_plan_respond(actor=lead, plan=plan, accept=True, reason="Good")
    assert str(refused.value) == services.RESPONSE_ONLY_ALLOCATED
    with pytest.raises(ValidationError):
        services.family_plan_respond(actor=world.users["social_worker"], plan=plan,
                                     accept=False, reason=" ")
    revisit = services.family_plan_respond(
        actor=world.users["social_worker"], plan=plan, accept=False,
        reason="Who looks after him on school holidays?")
    assert revisit.response == FamilyPlan.Response.REVISIT
    again = services.family_plan_record(actor=lead, meeting=meeting, agreed_by="Sarah and Joan",
                                        items=[{"in_familys_words": "Nan has him in holidays.",
                                                "who": "Nan"}])
    accepted = services.family_plan_respond(actor=world.users["team_manager"], plan=again,
                                            accept=True, reason="Safe and realistic.")
    assert accepted.response == "accepted" and meeting.plans.count() == 2
    with pytest.raises(ValidationError):
        services.family_plan_record(actor=lead, meeting=meeting, agreed_by="x",
                                    items=[{"in_familys_words": "y", "who": "z"}])


def test_plan_needs_items_and_who_agreed(world):
    lead = coordinator()
    meeting = _meeting(world, lead)
    with pytest.raises(ValidationError) as error:
        services.family_plan_record(actor=lead, meeting=meeting, items=[], agreed_by="")
    assert error.value.message_dict["items"] == [services.PLAN_NEEDS_ITEMS]
    assert "agreed_by" in error.value.message_dict


def test_crisis_work_first_contact_and_outcome(world):
    lead = coordinator()
    made = referral(world, kind="crisis", consulted_with=lead, accept_by=lead)
    raised = timezone.now() - timedelta(hours=10)
    crisis = services.crisis_open(actor=lead, referral=made, raised_at=raised,
                                  what_happened="Mum called: she cannot cope tonight.")
    assert crisis.first_contact_due == raised + timedelta(hours=4)
    with pytest.raises(ValidationError) as error:
        services.crisis_update(actor=lead, crisis=crisis, version=crisis.version,
                               first_contact_at=raised - timedelta(minutes=1),
                               outcome="stayed_home")
    assert set(error.value.message_dict) == {"first_contact_at", "work_done", "outcome_on"}
    updated = services.crisis_update(
        actor=lead, crisis=crisis, version=crisis.version,
        first_contact_at=raised + timedelta(hours=2), work_done="Visited, respite with nan.",
        outcome=CrisisResponse.Outcome.STAYED_HOME, outcome_on=timezone.localdate())
    assert updated.first_contact_on_time is True and updated.outcome == "stayed_home"
    with pytest.raises(EditConflict):
        services.crisis_update(actor=lead, crisis=crisis, version=crisis.version,
                               work_done="stale")


def test_crisis_only_on_crisis_referral(world):
    lead = coordinator()
    made = referral(world, consulted_with=lead, accept_by=lead)
    with pytest.raises(ValidationError) as error:
        services.crisis_open(actor=lead, referral=made, raised_at=timezone.now(),
                             what_happened="x")
    assert error.value.messages == [services.CRISIS_ONLY_FOR_CRISIS_WORK]
    assert FamiliesTogetherReferral.objects.count() == 1


def test_the_social_worker_records_the_consultation_with_the_referral(world):
    lead = coordinator()
    made = services.referral_create(
        actor=world.users["social_worker"], person=world.child, kind="meeting",
        reason="The family want to plan together.", coordinator=lead,
        consulted_on=date(2026, 11, 20), discussed="Who is in the network; a date.")
    assert made.consulted and made.consulted_with == lead
    assert made.consultation_recorded_by == world.users["social_worker"]
    accepted = services.referral_accept(actor=lead, referral=made, practitioner=lead)
    assert accepted.status == "accepted"


def test_a_consultation_given_with_the_referral_must_be_complete(world):
    with pytest.raises(ValidationError) as error:
        services.referral_create(
            actor=world.users["social_worker"], person=world.child, kind="meeting",
            reason="Worried.", coordinator=world.users["team_manager"], discussed=" ")
    assert error.value.message_dict == {
        "coordinator": [services.CONSULTATION_NOT_WITH_COORDINATOR],
        "consulted_on": [services.CONSULTATION_DATE_REQUIRED],
        "discussed": [services.DISCUSSED_REQUIRED]}
    with pytest.raises(ValidationError) as error:
        services.referral_create(
            actor=world.users["social_worker"], person=world.child, kind="meeting",
            reason="Worried.", coordinator=coordinator(),
            consulted_on=timezone.localdate() + timedelta(days=1), discussed="Invites.")
    assert error.value.message_dict == {"consulted_on": [services.FUTURE_DATE]}
    assert not FamiliesTogetherReferral.objects.exists()


def test_a_referral_by_anyone_else_is_refused_even_with_a_consultation(world):
    with pytest.raises(PermissionDenied) as refused:
        services.referral_create(
            actor=world.users["team_manager"], person=world.child, kind="meeting",
            reason="Worried.", coordinator=coordinator(), consulted_on=date(2026, 11, 20),
            discussed="Invites.")
    assert str(refused.value) == services.ONLY_ALLOCATED_SOCIAL_WORKER
    assert not FamiliesTogetherReferral.objects.exists()


def test_invitees_are_the_family_network_not_professionals_or_past_contacts(world):
    lead = coordinator()
    teacher = Relationship.objects.create(child=world.child, name="Mr Patel", kind="teacher")
    former = Relationship.objects.create(child=world.child, name="Old neighbour",
                                         kind="neighbour", end=date(2025, 1, 1))
    for outsider in (teacher, former):
        with pytest.raises(ValidationError) as error:
            _meeting(world, lead, invited=[outsider], attended=[])
        assert error.value.message_dict == {"invited": [services.NOT_IN_NETWORK]}
        FamiliesTogetherReferral.objects.all().delete()


def test_first_contact_runs_on_the_councils_timescale_when_it_has_one(world):
    from righthelp.core.models import Timescale

    lead = coordinator()
    made = referral(world, kind="crisis", consulted_with=lead, accept_by=lead)
    raised = timezone.now() - timedelta(hours=10)
    crisis = services.crisis_open(actor=lead, referral=made, raised_at=raised,
                                  what_happened="Dad has left; mum cannot cope.")
    crisis = services.crisis_update(actor=lead, crisis=crisis, version=crisis.version,
                                    first_contact_at=raised + timedelta(hours=3))
    assert crisis.first_contact_due == raised + timedelta(hours=4)  # the default
    assert crisis.first_contact_on_time is True
    Timescale.objects.update_or_create(
        council=world.council, code="families-together-first-contact",
        defaults={"name": "First contact in a crisis", "amount": 2, "unit": "hours",
                  "starts_from": "the crisis being raised"})
    crisis = CrisisResponse.objects.get(pk=crisis.pk)
    assert crisis.first_contact_due == raised + timedelta(hours=2)
    assert crisis.first_contact_on_time is False
