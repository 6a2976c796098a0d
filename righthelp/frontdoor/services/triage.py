"""Gathering information: who is working on a request, multi-agency checks, visits."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.council_settings import timescale
from righthelp.core.models import PartnerAgency
from righthelp.staff.models import Role, User

from ..models import HomeVisit, MultiAgencyCheck, RequestForSupport

NOT_YOURS_TO_ANSWER = "This check was sent to another agency."
CHECK_ALREADY_ANSWERED = "This check has already been answered."
OUTCOME_ALREADY_RECORDED = "The outcome of this visit has already been recorded."
NEED_ANSWER = "Write your agency's answer."
NEED_QUESTION = "Say what you would like to know."
ASKED_OF_WRONG_AGENCY = "Choose someone who works for the agency being asked."


def request_take(*, actor: User, rfs: RequestForSupport, http_request=None) -> RequestForSupport:
    """Show the queue who is working on this request."""
    with transaction.atomic():
        RequestForSupport.objects.filter(pk=rfs.pk).update(working_on=actor)
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=rfs,
                     detail={"working_on": actor.pk})
    rfs.working_on = actor
    return rfs


def check_ask(
    *, actor: User, rfs: RequestForSupport, agency: PartnerAgency, question: str,
    asked_of: User | None = None, http_request=None,
) -> MultiAgencyCheck:
    """Ask a partner agency what it knows, with its own deadline."""
    if not question.strip():
        raise ValidationError({"question": NEED_QUESTION})
    if asked_of is not None and asked_of.agency_id != agency.pk:
        raise ValidationError({"asked_of": ASKED_OF_WRONG_AGENCY})
    now = timezone.now()
    with transaction.atomic():
        check = MultiAgencyCheck.objects.create(
            request=rfs, agency=agency, asked_of=asked_of, question=question.strip(),
            asked_by=actor, asked_at=now, due_at=timescale("multi-agency-check").due_at(now),
        )
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=check)
    return check


def may_answer(user: User, check: MultiAgencyCheck) -> bool:
    if check.asked_of_id:
        return check.asked_of_id == user.pk
    return user.role == Role.PARTNER_LEAD_PROFESSIONAL and user.agency_id == check.agency_id


def check_answer(
    *, actor: User, check: MultiAgencyCheck, answer: str, http_request=None,
) -> MultiAgencyCheck:
    """A partner answers inside the system; the Hub sees answers side by side."""
    if not may_answer(actor, check):
        raise PermissionDenied(NOT_YOURS_TO_ANSWER)
    if not answer.strip():
        raise ValidationError({"answer": NEED_ANSWER})
    with transaction.atomic():
        # An answer is never overwritten (a check keeps no history): refuse a second one.
        if MultiAgencyCheck.objects.select_for_update().get(pk=check.pk).answered_at:
            raise ValidationError(CHECK_ALREADY_ANSWERED, code="edit_conflict")
        check.answer, check.answered_by, check.answered_at = answer.strip(), actor, timezone.now()
        check.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=check,
                     detail={"answered": True})
    return check


def visit_arrange(
    *, actor: User, rfs: RequestForSupport, arranged_for: datetime, visitor: User | None = None,
    http_request=None,
) -> HomeVisit:
    with transaction.atomic():
        visit = HomeVisit.objects.create(request=rfs, arranged_for=arranged_for,
                                         visitor=visitor or actor)
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=visit)
    return visit


def visit_record_outcome(
    *, actor: User, visit: HomeVisit, outcome: str, http_request=None,
) -> HomeVisit:
    if not outcome.strip():
        raise ValidationError({"outcome": "Say what happened on the visit."})
    with transaction.atomic():
        # A recorded outcome is never overwritten (a visit keeps no history).
        if HomeVisit.objects.select_for_update().get(pk=visit.pk).outcome_recorded_at:
            raise ValidationError(OUTCOME_ALREADY_RECORDED, code="edit_conflict")
        visit.outcome, visit.outcome_recorded_at = outcome.strip(), timezone.now()
        visit.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=visit)
    return visit
