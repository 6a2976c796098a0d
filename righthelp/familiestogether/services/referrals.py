"""Referrals to Families Together: by the child's allocated social worker, after a consultation
with the coordinator; accepted or declined by the team, withdrawn or closed with reasons."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.people.models import Person
from righthelp.staff import services as staff_services
from righthelp.staff.models import Allocation, User

from .. import rules, selectors
from ..models import FamiliesTogetherReferral
from .common import ILLEGAL_MOVE, ONLY_TEAM, check_move, check_team, locked, required

ONLY_ALLOCATED_SOCIAL_WORKER = (
    "Only the child's allocated social worker can refer to Families Together. Ask them to make "
    "the referral."
)
ONLY_TEAM_OR_REFERRER = (
    "Only the Families Together team or the social worker who referred can record the "
    "consultation."
)
CONSULTATION_NOT_WITH_COORDINATOR = "Choose a coordinator in the Families Together team."
CONSULTATION_REQUIRED = rules.CONSULTATION_REQUIRED
PRACTITIONER_NOT_IN_TEAM = "Choose a worker in the Families Together team."
REASON_REQUIRED = "Say why."
FUTURE_DATE = "The date cannot be in the future."
REFERRAL_REASON_REQUIRED = "Say why the family needs Families Together."
DISCUSSED_REQUIRED = "Say what was discussed with the coordinator."
CONSULTATION_DATE_REQUIRED = "Give the date of the consultation with the coordinator."

__all__ = ["ILLEGAL_MOVE", "ONLY_TEAM"]


def _audit(actor, request, referral, detail) -> None:
    audit.record(user=actor, action=audit.Action.CHANGE, request=request,
                 person=referral.person, obj=referral, detail=detail)


def _consultation_errors(coordinator: User | None, on: date | None, discussed: str,
                         on_field: str = "on") -> dict[str, str]:
    errors = {}
    if coordinator is None or not selectors.coordinators().filter(pk=coordinator.pk).exists():
        errors["coordinator"] = CONSULTATION_NOT_WITH_COORDINATOR
    if on is None:
        errors[on_field] = CONSULTATION_DATE_REQUIRED
    elif on > timezone.localdate():
        errors[on_field] = FUTURE_DATE
    if not (discussed or "").strip():
        errors["discussed"] = DISCUSSED_REQUIRED
    return errors


def referral_create(
    *, actor: User, person: Person, kind: str, reason: str, childs_words: str = "",
    family=None, coordinator: User | None = None, consulted_on: date | None = None,
    discussed: str = "", request: HttpRequest | None = None,
) -> FamiliesTogetherReferral:
    """The allocated social worker refers; the Families Together team is allocated to the child
    so that it can read the record while it consults and decides.

    The referral follows a consultation with the coordinator: the social worker records it
    here (who, when, what was discussed) when it has happened, or it is recorded on the
    referral afterwards; the team cannot accept the referral until it is."""
    if not selectors.is_allocated_social_worker(actor, person):
        raise PermissionDenied(ONLY_ALLOCATED_SOCIAL_WORKER)
    errors: dict[str, str] = {}
    if not (reason or "").strip():
        errors["reason"] = REFERRAL_REASON_REQUIRED
    consulted = coordinator is not None or consulted_on is not None or bool(
        (discussed or "").strip())
    if consulted:
        errors |= _consultation_errors(coordinator, consulted_on, discussed, "consulted_on")
    if errors:
        raise ValidationError(errors)
    referral = FamiliesTogetherReferral(
        person=person, family=family, kind=kind, childs_words=(childs_words or "").strip(),
        reason=reason.strip(), referred_by=actor,
    )
    if consulted:
        referral.consulted_with, referral.consulted_on = coordinator, consulted_on
        referral.consultation_notes = discussed.strip()
        referral.consultation_recorded_by = actor
    referral.full_clean()
    with transaction.atomic():
        referral.save()
        team = selectors.team()
        if not Allocation.objects.filter(person=person, team=team, end__isnull=True).exists():
            staff_services.allocation_create(
                actor=actor, worker=None, team=team, kind=Allocation.Kind.FAMILIES_TOGETHER,
                person=person, reason=f"Referred to Families Together (referral {referral.pk})",
                request=request)
        audit.record(user=actor, action=audit.Action.CREATE, request=request, person=person,
                     obj=referral, detail={"kind": kind, "consulted": consulted})
    return referral


def referral_consultation(
    *, actor: User, referral: FamiliesTogetherReferral, coordinator: User, on: date,
    discussed: str, request: HttpRequest | None = None,
) -> FamiliesTogetherReferral:
    """Who the consultation was with, when, and what was discussed."""
    if not (selectors.is_team_member(actor) or referral.referred_by_id == actor.pk):
        raise PermissionDenied(ONLY_TEAM_OR_REFERRER)
    errors = _consultation_errors(coordinator, on, discussed)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        referral = locked(referral)
        if referral.status != FamiliesTogetherReferral.Status.REFERRED:
            raise ValidationError(ILLEGAL_MOVE.format(
                current=referral.get_status_display().lower(), target="consulted on"))
        referral.consulted_with, referral.consulted_on = coordinator, on
        referral.consultation_notes = discussed.strip()
        referral.consultation_recorded_by = actor
        referral.save()
        _audit(actor, request, referral, {"consulted_with": coordinator.pk,
                                          "consulted_on": on.isoformat()})
    return referral


def referral_accept(
    *, actor: User, referral: FamiliesTogetherReferral, practitioner: User | None = None,
    note: str = "", request: HttpRequest | None = None,
) -> FamiliesTogetherReferral:
    """The team accepts, only after the consultation; a named practitioner is allocated."""
    check_team(actor)
    if practitioner is not None and not selectors.coordinators().filter(
            pk=practitioner.pk).exists():
        raise ValidationError({"practitioner": PRACTITIONER_NOT_IN_TEAM})
    with transaction.atomic():
        referral = locked(referral)
        check_move(referral, FamiliesTogetherReferral.Status.ACCEPTED)
        if not referral.consulted:
            raise ValidationError(CONSULTATION_REQUIRED)
        referral.status = FamiliesTogetherReferral.Status.ACCEPTED
        referral.practitioner = practitioner
        referral.decided_by, referral.decided_at = actor, timezone.now()
        referral.decision_reason = (note or "").strip()
        referral.save()
        if practitioner is not None:
            staff_services.allocation_create(
                actor=actor, worker=practitioner, team=selectors.team(),
                kind=Allocation.Kind.FAMILIES_TOGETHER, person=referral.person,
                reason=f"Families Together referral {referral.pk} accepted", request=request)
        _audit(actor, request, referral, {"status": referral.status})
    return referral


def _end_team_allocations(actor, referral, reason, request) -> None:
    """The team's access ends with its work, unless another open referral still needs it."""
    still_open = FamiliesTogetherReferral.objects.filter(
        person=referral.person, status__in=["referred", "accepted"]).exclude(pk=referral.pk)
    if still_open.exists():
        return
    team = selectors.team()
    today = timezone.localdate()
    for allocation in Allocation.objects.filter(person=referral.person, team=team,
                                                end__isnull=True, start__lte=today):
        staff_services.allocation_end(actor=actor, allocation=allocation, reason=reason,
                                      request=request)


def referral_decline(
    *, actor: User, referral: FamiliesTogetherReferral, reason: str,
    request: HttpRequest | None = None,
) -> FamiliesTogetherReferral:
    check_team(actor)
    reason = required(reason, "reason", REASON_REQUIRED)
    return _finish(actor, referral, FamiliesTogetherReferral.Status.DECLINED, reason, request,
                   decision=True)


def referral_withdraw(
    *, actor: User, referral: FamiliesTogetherReferral, reason: str,
    request: HttpRequest | None = None,
) -> FamiliesTogetherReferral:
    """The referring (or now allocated) social worker withdraws, saying why."""
    if not (referral.referred_by_id == actor.pk
            or selectors.is_allocated_social_worker(actor, referral.person)):
        raise PermissionDenied(ONLY_ALLOCATED_SOCIAL_WORKER)
    reason = required(reason, "reason", REASON_REQUIRED)
    return _finish(actor, referral, FamiliesTogetherReferral.Status.WITHDRAWN, reason, request)


def referral_close(
    *, actor: User, referral: FamiliesTogetherReferral, reason: str,
    request: HttpRequest | None = None,
) -> FamiliesTogetherReferral:
    """The team's work is done: what it achieved, in a sentence or two."""
    check_team(actor)
    reason = required(reason, "reason", REASON_REQUIRED)
    return _finish(actor, referral, FamiliesTogetherReferral.Status.CLOSED, reason, request)


def _finish(actor, referral, status, reason, request, decision=False):
    with transaction.atomic():
        referral = locked(referral)
        check_move(referral, status)
        referral.status = status
        if decision:
            referral.decided_by, referral.decided_at = actor, timezone.now()
            referral.decision_reason = reason
        else:
            referral.ended_by, referral.ended_at, referral.end_reason = (
                actor, timezone.now(), reason)
        referral.save()
        _end_team_allocations(actor, referral, f"Families Together referral {status}",
                              request)
        _audit(actor, request, referral, {"status": status, "reason": reason})
    return referral
