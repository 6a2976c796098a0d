"""Family Together Meetings and the family's own plan."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.people.models import Relationship
from righthelp.staff.models import User

from .. import selectors
from ..models import FamiliesTogetherReferral, FamilyPlan, FamilyPlanItem, FamilyTogetherMeeting
from .common import check_team, locked, required

MEETING_ONLY_FOR_MEETINGS = (
    "Family Together Meetings are recorded on an accepted referral for a meeting."
)
INVITE_SOMEONE = "Choose who from the family network was invited."
NOT_IN_NETWORK = (
    "Choose people from this child's own family network (relatives and friends on their "
    "record). Professionals who come are recorded under anyone else who came."
)
ATTENDED_NOT_INVITED = "Only people who were invited can be recorded as having come."
PRIVATE_TIME_LENGTH = "Say how many minutes of private family time there were."
PLAN_NEEDS_ITEMS = "Write down at least one thing the family agreed, in their own words."
AGREED_BY_REQUIRED = "Say who in the family agreed the plan."
PLAN_NOT_AWAITING = "This plan has already had a response."
REASON_FOR_RESPONSE = "Say why: the family will see your reasons."
RESPONSE_ONLY_ALLOCATED = (
    "Only the child's allocated social worker or their team manager can accept the family's "
    "plan or ask for it to be revisited."
)
FUTURE = "The meeting date cannot be in the future."


def _network_ids(referral: FamiliesTogetherReferral) -> set[int]:
    return set(selectors.family_network(referral.person).values_list("pk", flat=True))


def meeting_record(
    *, actor: User, referral: FamiliesTogetherReferral, held_on: date,
    invited: list[Relationship], attended: list[Relationship], private_family_time: bool,
    private_family_time_minutes: int | None = None, others_attending: str = "",
    child_attended: bool = False, childs_words: str = "", request: HttpRequest | None = None,
) -> FamilyTogetherMeeting:
    check_team(actor)
    errors: dict[str, str] = {}
    network = _network_ids(referral)
    invited_ids = {r.pk for r in invited}
    attended_ids = {r.pk for r in attended}
    if not invited_ids:
        errors["invited"] = INVITE_SOMEONE
    elif not invited_ids <= network:
        errors["invited"] = NOT_IN_NETWORK
    if not attended_ids <= invited_ids:
        errors["attended"] = ATTENDED_NOT_INVITED
    if private_family_time and not private_family_time_minutes:
        errors["private_family_time_minutes"] = PRIVATE_TIME_LENGTH
    if held_on > timezone.localdate():
        errors["held_on"] = FUTURE
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        referral = locked(referral)
        if (referral.kind != FamiliesTogetherReferral.Kind.MEETING
                or referral.status != FamiliesTogetherReferral.Status.ACCEPTED):
            raise ValidationError(MEETING_ONLY_FOR_MEETINGS)
        meeting = FamilyTogetherMeeting.objects.create(
            referral=referral, held_on=held_on, others_attending=others_attending.strip(),
            child_attended=child_attended, childs_words=childs_words.strip(),
            private_family_time=private_family_time,
            private_family_time_minutes=private_family_time_minutes if private_family_time
            else None,
            recorded_by=actor)
        meeting.invited.set(invited_ids)
        meeting.attended.set(attended_ids)
        audit.record(user=actor, action=audit.Action.CREATE, request=request,
                     person=referral.person, obj=meeting,
                     detail={"invited": len(invited_ids), "attended": len(attended_ids)})
    return meeting


def family_plan_record(
    *, actor: User, meeting: FamilyTogetherMeeting, items: list[dict], agreed_by: str,
    request: HttpRequest | None = None,
) -> FamilyPlan:
    """The family's plan as they wrote it: each item in their words, who does it, by when.
    A plan the professionals asked to revisit is recorded again as a new version."""
    check_team(actor)
    rows = [i for i in items if (i.get("in_familys_words") or "").strip()]
    errors: dict[str, str] = {}
    if not rows:
        errors["items"] = PLAN_NEEDS_ITEMS
    elif any(not (i.get("who") or "").strip() for i in rows):
        errors["items"] = "Say who will do each thing."
    if not (agreed_by or "").strip():
        errors["agreed_by"] = AGREED_BY_REQUIRED
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked(meeting.referral)
        if meeting.plans.exclude(response=FamilyPlan.Response.REVISIT).exists():
            raise ValidationError(PLAN_NOT_AWAITING, code="edit_conflict")
        plan = FamilyPlan.objects.create(meeting=meeting, agreed_by=agreed_by.strip(),
                                         recorded_by=actor)
        FamilyPlanItem.objects.bulk_create(
            FamilyPlanItem(plan=plan, in_familys_words=i["in_familys_words"].strip(),
                           who=i["who"].strip(), by_when=i.get("by_when"), position=n)
            for n, i in enumerate(rows))
        audit.record(user=actor, action=audit.Action.CREATE, request=request,
                     person=meeting.referral.person, obj=plan, detail={"items": len(rows)})
    return plan


def family_plan_respond(
    *, actor: User, plan: FamilyPlan, accept: bool, reason: str,
    request: HttpRequest | None = None,
) -> FamilyPlan:
    """The professionals accept the family's plan or ask the family to revisit it, with
    reasons either way. The plan itself is never rewritten by professionals."""
    person = plan.meeting.referral.person
    if not (selectors.is_allocated_social_worker(actor, person)
            or selectors.manages_childs_social_work(actor, person)):
        raise PermissionDenied(RESPONSE_ONLY_ALLOCATED)
    reason = required(reason, "reason", REASON_FOR_RESPONSE)
    with transaction.atomic():
        plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
        if plan.response != FamilyPlan.Response.AWAITING:
            raise ValidationError(PLAN_NOT_AWAITING, code="edit_conflict")
        plan.response = FamilyPlan.Response.ACCEPTED if accept else FamilyPlan.Response.REVISIT
        plan.response_reason, plan.responded_by, plan.responded_at = (
            reason, actor, timezone.now())
        plan.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=request, person=person,
                     obj=plan, reason=reason, detail={"response": plan.response})
    return plan
