"""Transfer from Assessment and Support to Strengthening and Supporting Families."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from righthelp.core import access
from righthelp.core.models import AuditEvent, Deadline
from righthelp.people.models import Involvement
from righthelp.socialwork.models import ChildInNeedPlan
from righthelp.socialwork.services import assessments, transfers
from righthelp.staff.models import Allocation, AllocationTransfer, Team

from .assessments_support import (
    PRACTICE,
    at,
    families_worker,
    on,
    other_team_worker,
    referred,
)

pytestmark = pytest.mark.django_db


def child_in_need(world):
    """An episode whose assessment ended in a child in need plan, kept by Assessment and
    Support."""
    episode = referred(world)
    assessment = episode.assessments.get()
    worker, manager = world.users["social_worker"], world.users["team_manager"]
    assessment = assessments.assessment_save(assessment=assessment, actor=worker,
                                             version=assessment.version, changes=PRACTICE)
    assessment = assessments.assessment_send(assessment=assessment, actor=worker)
    assessments.assessment_authorise(assessment=assessment, actor=manager,
                                     outcome="child_in_need", reasons="Needs support.",
                                     primary_need="N4")
    episode.refresh_from_db()
    return episode


def transfer(world, episode, to_worker, **extra):
    data = {"to_team": Team.objects.get(code="strengthening-and-supporting-families"),
            "to_worker": to_worker, "reason": "Longer-term child in need plan.",
            "handover": "Mum engages well in the mornings; gran is key.", **extra}
    return transfers.transfer_record(episode=episode, actor=world.users["team_manager"],
                                     **data)


def test_transfer_moves_the_work_the_worker_and_meets_the_three_month_clock(world):
    episode = child_in_need(world)
    receiving = families_worker()
    record = transfer(world, episode, receiving)
    episode.refresh_from_db()
    ssf = Team.objects.get(code="strengthening-and-supporting-families")
    assert (record.from_team.code, record.to_team, record.to_worker) == (
        "assessment-and-support", ssf, receiving)
    assert record.recorded_by == world.users["team_manager"]
    assert record.transferred_on == timezone.localdate()
    assert episode.team == ssf
    assert set(Involvement.objects.filter(person=world.child, end__isnull=True,
                                          kind="child_in_need").values_list("team", flat=True)
               ) == {ssf.pk}
    moved = AllocationTransfer.objects.get(from_allocation__person=world.child)
    assert moved.to_allocation.worker == receiving and moved.to_allocation.team == ssf
    assert ChildInNeedPlan.objects.get(episode=episode, status="open").team == ssf
    kept = Deadline.objects.get(person=world.child, rule="child-in-need-in-assessment-team")
    assert kept.met_at is not None and kept.team == episode.transfers.get().from_team
    review = Deadline.objects.get(person=world.child, rule="child-in-need-plan-review")
    assert review.met_at is None and review.team == ssf  # running clocks move with the work
    assert AuditEvent.objects.filter(object_type="socialwork.Transfer",
                                     reason="Longer-term child in need plan.").exists()
    # Need to know follows the work: the receiving worker may open the record, and from the
    # next day a worker of Assessment and Support no longer may.
    assert access.decide(receiving, world.child).allowed
    with at(on(timezone.localdate() + timedelta(days=1))):
        assert access.decide(receiving, world.child).allowed
        assert not access.decide(world.users["senior_social_worker"], world.child).allowed


def test_transfer_refusals_name_each_field(world):
    episode = child_in_need(world)
    stranger = other_team_worker()
    with pytest.raises(ValidationError) as error:
        transfer(world, episode, stranger, to_team=episode.team, reason=" ", handover="")
    assert error.value.message_dict == {
        "to_team": [transfers.SAME_TEAM.format(team=episode.team)],
        "to_worker": [transfers.WORKER_NOT_IN_TEAM.format(team=episode.team)],
        "reason": [transfers.NEED_REASON], "handover": [transfers.NEED_HANDOVER]}
    with pytest.raises(ValidationError) as error:
        transfer(world, episode, None, to_team=Team.objects.get(code="early-help-revoe"))
    assert error.value.message_dict == {"to_team": [transfers.NOT_SOCIAL_WORK_TEAM],
                                        "to_worker": [transfers.NEED_WORKER]}


def test_only_the_team_manager_transfers(world):
    episode = child_in_need(world)
    receiving = families_worker()
    for role in ("social_worker", "senior_social_worker"):
        with pytest.raises(PermissionDenied):
            transfers.transfer_record(
                episode=episode, actor=world.users[role], to_worker=receiving,
                to_team=Team.objects.get(code="strengthening-and-supporting-families"),
                reason="x", handover="y")
    assert not episode.transfers.exists()


def test_transfer_allocates_when_no_worker_was_allocated(world):
    Allocation.objects.filter(person=world.child, kind="social_worker").delete()
    episode = child_in_need(world)
    receiving = families_worker()
    transfer(world, episode, receiving)
    allocation = Allocation.objects.get(person=world.child, kind="social_worker")
    assert allocation.worker == receiving and allocation.end is None
