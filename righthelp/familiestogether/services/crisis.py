"""Rapid-response crisis work with families at the edge of care."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.people.services import EditConflict
from righthelp.staff.models import User

from ..models import CrisisResponse, FamiliesTogetherReferral
from .common import check_team, locked, required

CRISIS_ONLY_FOR_CRISIS_WORK = (
    "Crisis work is recorded on an accepted referral for rapid-response crisis work."
)
CONTACT_BEFORE_RAISED = "First contact cannot be before the crisis was raised."
OUTCOME_NEEDS_WORK_DONE = "Say what was done before recording the outcome."
OUTCOME_NEEDS_DATE = "Give the date of the outcome."
WHAT_HAPPENED = "Say what the crisis is."
IN_FUTURE = "This cannot be in the future."


def crisis_open(
    *, actor: User, referral: FamiliesTogetherReferral, raised_at: datetime,
    what_happened: str, request: HttpRequest | None = None,
) -> CrisisResponse:
    check_team(actor)
    what_happened = required(what_happened, "what_happened", WHAT_HAPPENED)
    if raised_at > timezone.now():
        raise ValidationError({"raised_at": IN_FUTURE})
    with transaction.atomic():
        referral = locked(referral)
        if (referral.kind != FamiliesTogetherReferral.Kind.CRISIS
                or referral.status != FamiliesTogetherReferral.Status.ACCEPTED):
            raise ValidationError(CRISIS_ONLY_FOR_CRISIS_WORK)
        crisis = CrisisResponse.objects.create(referral=referral, raised_at=raised_at,
                                               what_happened=what_happened, recorded_by=actor)
        audit.record(user=actor, action=audit.Action.CREATE, request=request,
                     person=referral.person, obj=crisis,
                     detail={"raised_at": raised_at.isoformat()})
    return crisis


def crisis_update(
    *, actor: User, crisis: CrisisResponse, version: int,
    first_contact_at: datetime | None = None, work_done: str = "", outcome: str = "",
    outcome_on: date | None = None, childs_words: str = "",
    request: HttpRequest | None = None,
) -> CrisisResponse:
    """First contact, what was done, and how it ended: stayed home, came into care or stepped
    down. Two people may be working the same crisis: a stale save is refused."""
    check_team(actor)
    errors: dict[str, str] = {}
    now = timezone.now()
    if first_contact_at is not None:
        if first_contact_at < crisis.raised_at:
            errors["first_contact_at"] = CONTACT_BEFORE_RAISED
        elif first_contact_at > now:
            errors["first_contact_at"] = IN_FUTURE
    if outcome and not (work_done or "").strip():
        errors["work_done"] = OUTCOME_NEEDS_WORK_DONE
    if outcome and outcome_on is None:
        errors["outcome_on"] = OUTCOME_NEEDS_DATE
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = CrisisResponse.objects.select_for_update().get(pk=crisis.pk)
        if current.version != version:
            raise EditConflict()
        current.first_contact_at = first_contact_at
        current.work_done = (work_done or "").strip()
        current.outcome, current.outcome_on = outcome or "", outcome_on if outcome else None
        current.childs_words = (childs_words or "").strip()
        current.version += 1
        current.full_clean()
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=request,
                     person=current.referral.person, obj=current,
                     detail={"outcome": current.outcome,
                             "first_contact_on_time": current.first_contact_on_time})
    return current
