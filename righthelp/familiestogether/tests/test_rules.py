from datetime import datetime, timedelta

import pytest

from righthelp.familiestogether import rules


@pytest.mark.parametrize(("current", "target", "allowed"), [
    ("referred", "accepted", True), ("referred", "declined", True),
    ("referred", "withdrawn", True), ("referred", "closed", False),
    ("accepted", "closed", True), ("accepted", "withdrawn", True),
    ("accepted", "declined", False), ("accepted", "referred", False),
    ("declined", "accepted", False), ("withdrawn", "accepted", False),
    ("closed", "accepted", False), ("closed", "referred", False),
])
def test_transitions(current, target, allowed):
    assert rules.can_move(current, target) is allowed


@pytest.mark.parametrize(("status", "consulted", "problems"), [
    ("referred", True, []),
    ("referred", False, [rules.CONSULTATION_REQUIRED]),
    ("declined", True, ["A referral that is declined cannot be accepted."]),
])
def test_acceptance_needs_consultation(status, consulted, problems):
    assert rules.acceptance_problems(status=status, consulted=consulted) == problems


@pytest.mark.parametrize(("after", "expected"), [
    (None, None), (timedelta(hours=3, minutes=59), True), (timedelta(hours=4), True),
    (timedelta(hours=4, minutes=1), False),
])
def test_first_contact_on_time(after, expected):
    raised = datetime(2026, 11, 20, 22, 0)
    contact = raised + after if after is not None else None
    assert rules.first_contact_on_time(raised, contact, 4) is expected


@pytest.mark.parametrize(("after", "expected"), [
    (None, None), (timedelta(hours=2), True), (timedelta(hours=2, seconds=1), False)])
def test_contact_by_the_due_time(after, expected):
    raised = datetime(2026, 11, 20, 22, 0)
    contact = raised + after if after is not None else None
    assert rules.contact_by(contact, raised + timedelta(hours=2)) is expected
