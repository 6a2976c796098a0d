"""Caseloads and transfers: moving a child's work from one worker to another, with history."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from righthelp.core.models import AuditEvent
from righthelp.core.testing import make_user
from righthelp.staff import services
from righthelp.staff.models import Allocation, AllocationTransfer, Role, Team

pytestmark = pytest.mark.django_db


def _current(world) -> Allocation:
    return Allocation.objects.get(person=world.child, worker=world.users["social_worker"])


def test_team_manager_transfers_to_another_worker_in_the_team(world):
    manager = world.users["team_manager"]
    to_worker = world.users["senior_social_worker"]
    old = _current(world)
    new = services.allocation_transfer(allocation=old, to_worker=to_worker,
                                       reason="Balancing caseloads.", actor=manager,
                                       on=date(2026, 11, 20))
    old.refresh_from_db()
    assert old.end == date(2026, 11, 20)
    assert (new.worker, new.team, new.kind, new.start) == (
        to_worker, old.team, old.kind, date(2026, 11, 20))
    assert new.allocated_by == manager and new.reason == "Balancing caseloads."
    transfer = AllocationTransfer.objects.get()
    assert (transfer.from_allocation, transfer.to_allocation) == (old, new)
    assert transfer.transferred_by == manager and transfer.reason == "Balancing caseloads."
    event = AuditEvent.objects.get(object_type="staff.AllocationTransfer")
    assert event.user == manager and event.person == world.child
    assert event.reason == "Balancing caseloads."


def test_transfer_to_another_team(world):
    ssf = Team.objects.get(code="strengthening-and-supporting-families")
    receiving = make_user(Role.SOCIAL_WORKER, "ssf-worker", team=ssf)
    new = services.allocation_transfer(
        allocation=_current(world), to_worker=receiving, to_team=ssf,
        reason="Longer-term child in need work.", actor=world.users["team_manager"])
    assert new.team == ssf and new.worker == receiving


@pytest.mark.parametrize("role", ["social_worker", "senior_social_worker", "hub_manager",
                                  "cp_chair"])
def test_only_the_holding_team_manager_may_transfer(world, role):
    with pytest.raises(PermissionDenied) as refused:
        services.allocation_transfer(allocation=_current(world),
                                     to_worker=world.users["senior_social_worker"],
                                     reason="Why not.", actor=world.users[role])
    assert str(refused.value) == services.TRANSFER_ONLY_TEAM_MANAGER
    assert AllocationTransfer.objects.count() == 0


def test_a_manager_of_another_team_is_refused(world):
    ssf = Team.objects.get(code="strengthening-and-supporting-families")
    other_manager = make_user(Role.TEAM_MANAGER, "ssf-manager", team=ssf)
    with pytest.raises(PermissionDenied):
        services.allocation_transfer(allocation=_current(world),
                                     to_worker=world.users["senior_social_worker"],
                                     reason="Mine now.", actor=other_manager)


def test_allocation_without_team_cannot_be_transferred(world):
    partner = Allocation.objects.get(person=world.child, kind="lead_professional")
    with pytest.raises(PermissionDenied) as refused:
        services.allocation_transfer(allocation=partner, to_worker=world.users["social_worker"],
                                     reason="x", actor=world.users["team_manager"])
    assert str(refused.value) == services.TRANSFER_NO_TEAM


@pytest.mark.parametrize(
    ("worker", "reason", "on", "field", "message"),
    [
        ("senior_social_worker", "  ", None, "reason", services.TRANSFER_REASON_REQUIRED),
        ("social_worker", "Same", None, "to_worker", services.TRANSFER_SAME_WORKER),
        ("awaken_worker", "Other team", None, "to_worker",
         services.TRANSFER_WORKER_NOT_IN_TEAM),
        ("senior_social_worker", "Too early", date(2023, 12, 31), "on",
         services.TRANSFER_BEFORE_START),
    ],
)
def test_transfer_refuses_bad_input(world, worker, reason, on, field, message):
    with pytest.raises(ValidationError) as error:
        services.allocation_transfer(allocation=_current(world), to_worker=world.users[worker],
                                     reason=reason, actor=world.users["team_manager"], on=on)
    assert error.value.message_dict[field] == [message]
    assert _current(world).end is None


def test_an_ended_allocation_cannot_be_transferred(world):
    old = _current(world)
    old.end = date(2025, 1, 1)
    old.save()
    with pytest.raises(ValidationError) as error:
        services.allocation_transfer(allocation=old,
                                     to_worker=world.users["senior_social_worker"],
                                     reason="Late.", actor=world.users["team_manager"],
                                     on=date(2026, 1, 1))
    assert error.value.message_dict["on"] == [services.TRANSFER_ALREADY_ENDED]
