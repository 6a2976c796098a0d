"""Families Together over JSON, mounted at /api/v1/families-together/.

Thin operations over the same selectors and services as the pages: a referral, meeting, plan or
crisis the caller may not see is a 404; a service's refusal is a 403 (who may act) or a 422
naming the field.
"""

from datetime import date, datetime

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from ninja import Field, Schema, Status

from righthelp.core import access, audit
from righthelp.core.api_auth import PolicyRouter, choice_of, described
from righthelp.people.models import Relationship
from righthelp.staff.models import User

from . import selectors, services
from .models import CrisisResponse, FamiliesTogetherReferral, FamilyPlan
from .views.common import NOTHING_TO_SEE, refuse

router = PolicyRouter(tags=["Families Together"])

NOT_A_COORDINATOR = "Choose someone in the Families Together team."
NOT_IN_NETWORK = services.NOT_IN_NETWORK
Kind = choice_of(FamiliesTogetherReferral.Kind)


def _get(fetch, request, pk, kind: str = "referral"):
    """One record through its need-to-know selector; anything else is a 404, and the refusal
    is on the audit trail (against the child, when there is one)."""
    try:
        return fetch(request.auth, pk)
    except ObjectDoesNotExist:
        refuse(request, request.auth, kind, pk)
        raise Http404(NOTHING_TO_SEE) from None


def _team_member(pk: int | None, field: str) -> User | None:
    if pk is None:
        return None
    user = selectors.coordinators().filter(pk=pk).first()
    if user is None:
        raise ValidationError({field: NOT_A_COORDINATOR})
    return user


class ReferralIn(Schema):
    person_id: int = Field(description="The child (you must be their allocated social worker).")
    kind: Kind = Field(description=described(FamiliesTogetherReferral.Kind))
    reason: str
    childs_words: str = ""
    coordinator_id: int | None = Field(
        None, description="The coordinator consulted before referring (a member of the "
                          "Families Together team); with consulted_on and discussed, or none.")
    consulted_on: date | None = None
    discussed: str = ""


class ConsultationIn(Schema):
    coordinator_id: int = Field(description="A member of the Families Together team.")
    on: date
    discussed: str


class AcceptIn(Schema):
    practitioner_id: int | None = Field(None, description="The team's worker for the family.")
    note: str = ""


class ReasonIn(Schema):
    reason: str


class PlanItemOut(Schema):
    in_familys_words: str
    who: str
    by_when: date | None


class PlanOut(Schema):
    id: int
    agreed_by: str
    recorded_at: datetime
    response: choice_of(FamilyPlan.Response) = Field(description=described(FamilyPlan.Response))
    response_reason: str
    items: list[PlanItemOut]

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


class MeetingOut(Schema):
    id: int
    referral_id: int
    held_on: date
    invited_ids: list[int] = Field(description="people.Relationship ids from the child's network.")
    attended_ids: list[int]
    others_attending: str
    child_attended: bool
    childs_words: str
    private_family_time: bool
    private_family_time_minutes: int | None
    plans: list[PlanOut]

    @staticmethod
    def resolve_invited_ids(obj) -> list[int]:
        return [r.pk for r in obj.invited.all()]

    @staticmethod
    def resolve_attended_ids(obj) -> list[int]:
        return [r.pk for r in obj.attended.all()]

    @staticmethod
    def resolve_plans(obj) -> list:
        return list(obj.plans.all())


class CrisisOut(Schema):
    id: int
    referral_id: int
    raised_at: datetime
    what_happened: str
    first_contact_due: datetime
    first_contact_at: datetime | None
    first_contact_on_time: bool | None
    work_done: str
    outcome: str = Field(description=described(CrisisResponse.Outcome) + "; empty while open")
    outcome_on: date | None
    childs_words: str
    version: int


class ReferralOut(Schema):
    id: int
    person_id: int
    person_name: str
    kind: Kind
    status: choice_of(FamiliesTogetherReferral.Status) = Field(
        description=described(FamiliesTogetherReferral.Status))
    reason: str
    childs_words: str
    referred_by_id: int
    referred_at: datetime
    consulted_with_id: int | None
    consulted_on: date | None
    consultation_notes: str
    practitioner_id: int | None
    decided_at: datetime | None
    decision_reason: str
    ended_at: datetime | None
    end_reason: str

    @staticmethod
    def resolve_person_name(obj) -> str:
        return obj.person.full_name


class ReferralDetailOut(ReferralOut):
    meetings: list[MeetingOut]
    crises: list[CrisisOut]

    @staticmethod
    def resolve_meetings(obj) -> list:
        return selectors.meetings_of(obj)

    @staticmethod
    def resolve_crises(obj) -> list:
        return selectors.crises_of(obj)


class MeetingIn(Schema):
    held_on: date
    invited_ids: list[int] = Field(description="From the child's network (people.Relationship).")
    attended_ids: list[int] = []
    others_attending: str = ""
    child_attended: bool = False
    childs_words: str = ""
    private_family_time: bool
    private_family_time_minutes: int | None = None


class PlanItemIn(Schema):
    in_familys_words: str = Field(description="In the family's own words, as they said it.")
    who: str
    by_when: date | None = None


class PlanIn(Schema):
    agreed_by: str = Field(description="Who in the family agreed the plan.")
    items: list[PlanItemIn]


class RespondIn(Schema):
    accept: bool = Field(description="true accepts the family's plan; false asks them to "
                                     "revisit it.")
    reason: str


class CrisisIn(Schema):
    raised_at: datetime
    what_happened: str


class CrisisUpdateIn(Schema):
    version: int = Field(description="The version you read; a stale one gets 409.")
    first_contact_at: datetime | None = None
    work_done: str = ""
    outcome: choice_of(CrisisResponse.Outcome) | None = None
    outcome_on: date | None = None
    childs_words: str = ""


def _detail(request, referral):
    audit.record(user=request.auth, action=audit.Action.VIEW, request=request,
                 person=referral.person, obj=referral)
    return referral


@router.get("/referrals", url_name="ft-referral-list", response=list[ReferralOut],
            summary="The Families Together referrals you may see, newest first")
def referral_list(request, open_only: bool = False):
    return selectors.referral_list(request.auth, open_only=open_only, request=request)


@router.post("/referrals", url_name="ft-referral-create", response={201: ReferralOut},
             summary="Refer a child (the allocated social worker only)")
def referral_create(request, payload: ReferralIn):
    person = access.open_person(request.auth, payload.person_id, request)
    consulted = payload.consulted_on is not None or bool(payload.discussed.strip())
    if consulted and payload.coordinator_id is None:
        raise ValidationError({"coordinator_id": services.CONSULTATION_NOT_WITH_COORDINATOR})
    referral = services.referral_create(
        actor=request.auth, person=person, kind=payload.kind, reason=payload.reason,
        childs_words=payload.childs_words, request=request,
        coordinator=_team_member(payload.coordinator_id, "coordinator_id"),
        consulted_on=payload.consulted_on, discussed=payload.discussed)
    return Status(201, referral)


@router.get("/referrals/{pk}", url_name="ft-referral-detail", response=ReferralDetailOut,
            summary="A referral with its meetings, the family's plans and crisis work")
def referral_detail(request, pk: int):
    return _detail(request, _get(selectors.referral_for, request, pk))


@router.post("/referrals/{pk}/consultation", url_name="ft-consultation",
             response=ReferralOut, summary="Record the consultation with the coordinator")
def consultation(request, pk: int, payload: ConsultationIn):
    referral = _get(selectors.referral_for, request, pk)
    coordinator = _team_member(payload.coordinator_id, "coordinator_id")
    return services.referral_consultation(actor=request.auth, referral=referral,
                                          coordinator=coordinator, on=payload.on,
                                          discussed=payload.discussed, request=request)


@router.post("/referrals/{pk}/accept", url_name="ft-accept", response=ReferralOut,
             summary="Accept a referral (the team; only after the consultation)")
def accept(request, pk: int, payload: AcceptIn):
    referral = _get(selectors.referral_for, request, pk)
    return services.referral_accept(
        actor=request.auth, referral=referral, note=payload.note, request=request,
        practitioner=_team_member(payload.practitioner_id, "practitioner_id"))


@router.post("/referrals/{pk}/decline", url_name="ft-decline", response=ReferralOut,
             summary="Decline a referral, with reasons (the team)")
def decline(request, pk: int, payload: ReasonIn):
    referral = _get(selectors.referral_for, request, pk)
    return services.referral_decline(actor=request.auth, referral=referral,
                                     reason=payload.reason, request=request)


@router.post("/referrals/{pk}/withdraw", url_name="ft-withdraw", response=ReferralOut,
             summary="Withdraw a referral, with reasons (the child's social worker)")
def withdraw(request, pk: int, payload: ReasonIn):
    referral = _get(selectors.referral_for, request, pk)
    return services.referral_withdraw(actor=request.auth, referral=referral,
                                      reason=payload.reason, request=request)


@router.post("/referrals/{pk}/close", url_name="ft-close", response=ReferralOut,
             summary="Close the team's work, saying what it achieved (the team)")
def close(request, pk: int, payload: ReasonIn):
    referral = _get(selectors.referral_for, request, pk)
    return services.referral_close(actor=request.auth, referral=referral,
                                   reason=payload.reason, request=request)


@router.post("/referrals/{pk}/meetings", url_name="ft-meeting-create",
             response={201: MeetingOut}, summary="Record a Family Together Meeting")
def meeting_create(request, pk: int, payload: MeetingIn):
    referral = _get(selectors.referral_for, request, pk)
    network = {r.pk: r for r in Relationship.objects.filter(child=referral.person)}
    errors = {}
    for field in ("invited_ids", "attended_ids"):
        if any(i not in network for i in getattr(payload, field)):
            errors[field] = NOT_IN_NETWORK
    if errors:
        raise ValidationError(errors)
    data = payload.model_dump(exclude={"invited_ids", "attended_ids"})
    try:
        meeting = services.meeting_record(
            actor=request.auth, referral=referral, request=request,
            invited=[network[i] for i in payload.invited_ids],
            attended=[network[i] for i in payload.attended_ids], **data)
    except ValidationError as error:
        raise _renamed(error, {"invited": "invited_ids", "attended": "attended_ids"}) from None
    return Status(201, meeting)


def _renamed(error: ValidationError, names: dict[str, str]) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError({names.get(k, k): v for k, v in error.message_dict.items()})


@router.post("/meetings/{pk}/plans", url_name="ft-plan-create", response={201: PlanOut},
             summary="Record the family's own plan from a meeting, in their words")
def plan_create(request, pk: int, payload: PlanIn):
    meeting = _get(selectors.meeting_for, request, pk, "meeting")
    plan = services.family_plan_record(actor=request.auth, meeting=meeting,
                                       agreed_by=payload.agreed_by, request=request,
                                       items=[i.model_dump() for i in payload.items])
    return Status(201, plan)


@router.post("/plans/{pk}/response", url_name="ft-plan-respond", response=PlanOut,
             summary="Accept the family's plan or ask them to revisit it, with reasons")
def plan_respond(request, pk: int, payload: RespondIn):
    plan = _get(selectors.plan_for, request, pk, "plan")
    return services.family_plan_respond(actor=request.auth, plan=plan, accept=payload.accept,
                                        reason=payload.reason, request=request)


@router.post("/referrals/{pk}/crises", url_name="ft-crisis-create",
             response={201: CrisisOut}, summary="Record a crisis (rapid-response work)")
def crisis_create(request, pk: int, payload: CrisisIn):
    referral = _get(selectors.referral_for, request, pk)
    crisis = services.crisis_open(actor=request.auth, referral=referral,
                                  raised_at=payload.raised_at,
                                  what_happened=payload.what_happened, request=request)
    return Status(201, crisis)


@router.put("/crises/{pk}", url_name="ft-crisis-update", response=CrisisOut,
            summary="First contact, what was done and the outcome of a crisis")
def crisis_update(request, pk: int, payload: CrisisUpdateIn):
    crisis = _get(selectors.crisis_for, request, pk, "crisis")
    data = payload.model_dump()
    data["outcome"] = data["outcome"] or ""
    return services.crisis_update(actor=request.auth, crisis=crisis, request=request, **data)
