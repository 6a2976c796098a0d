"""Pure decisions for Families Together: which status moves are allowed, and what a referral
still needs before it can be accepted. Plain data in, plain answers out (table-tested)."""

from datetime import datetime

Status = str

# The only legal moves; anything else is refused with a clear message.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    "referred": frozenset({"accepted", "declined", "withdrawn"}),
    "accepted": frozenset({"closed", "withdrawn"}),
    "declined": frozenset(),
    "withdrawn": frozenset(),
    "closed": frozenset(),
}

CONSULTATION_REQUIRED = (
    "Record the consultation with the Families Together coordinator (who, when and what was "
    "discussed) before the referral is accepted."
)


def can_move(current: Status, target: Status) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def acceptance_problems(*, status: Status, consulted: bool) -> list[str]:
    """What stops a referral being accepted now (empty when it can be)."""
    problems = []
    if not can_move(status, "accepted"):
        problems.append(f"A referral that is {status} cannot be accepted.")
    if not consulted:
        problems.append(CONSULTATION_REQUIRED)
    return problems


def first_contact_on_time(raised_at: datetime, first_contact_at: datetime | None,
                          hours: int) -> bool | None:
    """None while there has been no contact; otherwise whether it came within ``hours``."""
    if first_contact_at is None:
        return None
    return (first_contact_at - raised_at).total_seconds() <= hours * 3600


def contact_by(first_contact_at: datetime | None, due: datetime) -> bool | None:
    """None while there has been no contact; otherwise whether it came by ``due``."""
    if first_contact_at is None:
        return None
    return first_contact_at <= due
