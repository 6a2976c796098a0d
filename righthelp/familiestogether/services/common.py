"""What the Families Together services share: locking a referral and checking its status."""

from django.core.exceptions import PermissionDenied, ValidationError

from righthelp.staff.models import User

from .. import rules, selectors
from ..models import FamiliesTogetherReferral

ONLY_TEAM = "Only the Families Together team can do this."
ILLEGAL_MOVE = "A referral that is {current} cannot be {target}."


def check_team(actor: User) -> None:
    if not selectors.is_team_member(actor):
        raise PermissionDenied(ONLY_TEAM)


def locked(referral: FamiliesTogetherReferral) -> FamiliesTogetherReferral:
    """The referral as it is now, locked for the rest of the transaction: two people acting
    on the same referral cannot both move it."""
    return FamiliesTogetherReferral.objects.select_for_update().get(pk=referral.pk)


def check_move(referral: FamiliesTogetherReferral, target: str) -> None:
    if not rules.can_move(referral.status, target):
        raise ValidationError(
            ILLEGAL_MOVE.format(current=referral.get_status_display().lower(), target=target),
            code="edit_conflict")


def required(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value
