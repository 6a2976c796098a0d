"""The front door over JSON: requests for support, checks, the Hub's triage and decisions, the
advice line and the Hub manager's figures.

Thin endpoints over the same selectors and services as the pages. Who may call what is the
URL policy (``api-1:<name>``); which *records* they may touch is checked here:
- a referrer sees only the requests they made, and of the Hub's work only the authorised
  outcome (the next step and level), never the Hub's reasoning;
- a partner sees and answers only the checks sent to them (or to their agency);
- Hub staff see every request that has been sent (never someone's draft), and a linked child's
  known history only when need-to-know lets them open the child's record (audited);
- contacts are recorded by the Hub or by members of the Emergency Duty Team.
Errors: 422 ``{"detail": [{"field", "message"}]}``; 409 when the record moved on (a stale
``version``, or a request already sent or decided); 403 refusals; 404 unknown numbers.
"""

from contextlib import contextmanager
from datetime import date, datetime
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Schema, Status
from pydantic import AfterValidator, ConfigDict, field_validator

from righthelp.core import access, audit
from righthelp.core.api_auth import MAX_PAGE, Message, PolicyRouter, choice_of, described
from righthelp.core.models import Council, Locality, PartnerAgency
from righthelp.core.url_policy import PRACTITIONERS
from righthelp.directory.selectors import signposting_services
from righthelp.people import selectors as people_selectors
from righthelp.people import services as people_services
from righthelp.people.api import (
    DUPLICATES_FOUND,
    NOT_LINKABLE,
    Duplicates,
    PersonFields,
    _candidates,
    _check_names,
)
from righthelp.people.models import Person
from righthelp.people.services import EditConflict
from righthelp.staff.models import TeamMembership, User

from . import figures, selectors, services
from .models import (
    AdviceConsultation,
    AssessmentKind,
    HomeVisit,
    HubDecision,
    MultiAgencyCheck,
    NextStep,
    RequestChild,
    RequestForSupport,
)
from .rules import Facts, route
from .services.decisions import NOT_AWAITING, OWN_DECISION
from .services.triage import NOT_YOURS_TO_ANSWER, may_answer

router = PolicyRouter(tags=["front door"])

NOT_YOUR_REQUEST = ("This request was made by someone else. You can see only the requests you "
                    "made.")
NOT_SENT_YET = "This request has not been sent to the Hub yet."
NOT_A_DRAFT = "This request has been sent to the Hub; it can no longer be changed."
ALREADY_SENT = "This request has already been sent to the Hub."
NOT_OPEN = "This request has been decided or answered; it is no longer open."
NOT_WAITING_FOR_DECISION = ("This request is not waiting for a decision: a decision is already "
                            "waiting for authorisation, or it has been decided.")
ALREADY_ANSWERED = "This has already been answered."
ALREADY_LINKED = "This child is already linked to record {pk}. Ask a Hub manager to correct it."
PERSON_ON_REQUEST = "This person is already linked to another child on this request."
NO_PERSON = "No person with that number."
MERGED = "That record was merged into record {pk}; link that one."
OUTCOME_RECORDED = "The outcome of this visit has already been recorded."
CONTACT_TAKERS_ONLY = ("Only the Request for Support Hub and the Emergency Duty Team record "
                       "contacts. To ask for support, send a request for support.")
EDT_SOURCE = "The Emergency Duty Team records its contacts as out_of_hours."
RECEIVED_AT_EDT_ONLY = ("Only the Emergency Duty Team records when a call came in; the Hub's "
                        "clock starts when the Hub records the contact.")
RECEIVED_IN_FUTURE = "When the call came in cannot be in the future."
UNKNOWN_AGENCY = "No partner agency has that code."
UNKNOWN_LOCALITY = "No locality has that code."
UNKNOWN_USER = "No active user has that number."
NOT_A_VISITOR = "Choose an active council practitioner to make the visit."
BIRTH_IN_FUTURE = ("A date of birth cannot be in the future; for an unborn baby give the "
                   "expected_date.")
MOMENT_OUT_OF_RANGE = "Enter a date and time between the years 1900 and 2100."

RequestKind = choice_of(RequestForSupport.Kind)
RequestSource = choice_of(RequestForSupport.Source)
RequestStatus = choice_of(RequestForSupport.Status)
Urgency = choice_of(RequestForSupport.Urgency)
LevelAsked = choice_of(RequestForSupport.LevelAsked)
NextStepChoice = choice_of(NextStep)
AgencyKind = choice_of(PartnerAgency.Kind)


class Conflict(EditConflict):
    """The record moved on (a stale version, or already sent or decided): answered with 409."""

    def __init__(self, message: str):
        ValidationError.__init__(self, message, code="conflict")


@contextmanager
def _conflicts():
    """A service's "someone else saved first" becomes a 409, like the person index's."""
    try:
        yield
    except ValidationError as error:
        if getattr(error, "code", None) == "edit_conflict":
            raise Conflict(error.messages[0]) from error
        raise


def _in_range(moment: datetime) -> datetime:
    if not 1900 <= moment.year <= 2100:
        raise ValueError(MOMENT_OUT_OF_RANGE)
    return moment


# A date and time a person could mean (a far-off year with an offset cannot be stored).
Moment = Annotated[datetime, AfterValidator(_in_range)]


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _name(user: User | None) -> str:
    return str(user) if user is not None else ""


# --- What a referrer writes, and sees -------------------------------------------------------


class ChildIn(Schema):
    given_names: str = Field("", max_length=120)
    family_name: str = Field("", max_length=120)
    date_of_birth: date | None = Field(None, description="ISO 8601, e.g. 2015-04-03.")
    expected_date: date | None = Field(None, description="For an unborn baby: when it is due.")
    address: str = Field("", max_length=300)
    postcode: str = Field("", max_length=8)

    @field_validator("date_of_birth")
    @classmethod
    def _born_already(cls, value: date | None) -> date | None:
        if value is not None and value > timezone.localdate():
            raise ValueError(BIRTH_IN_FUTURE)
        return value


class ChildOut(ChildIn):
    id: int


class RequestFields(Schema):
    worries: str = Field("", description="What you are worried about.")
    working_well: str = Field("", description="What is working well for the family.")
    childs_words: str = Field("", description="What the child says, in their own words.")
    family_details: str = Field("", description="Parents, carers and others at home.")
    level_asked: LevelAsked | None = Field(None, description=described(
        RequestForSupport.LevelAsked))
    consent_given: bool | None = Field(None, description="Did the family agree to this request?")
    consent_dispensed_reason: str = Field(
        "", description="If the family was not asked, why (for example, asking would put the "
        "child at risk).")
    exploitation_worry: bool = Field(False, description="A worry about exploitation.")
    missing_worry: bool = Field(False, description="A worry about the child going missing.")
    referrer_name: str = Field("", max_length=120, description="Who is asking.")
    referrer_role: str = Field("", max_length=120, description="Their role.")
    referrer_contact: str = Field("", max_length=120,
                                  description="A phone number or email for the Hub to reach you.")


class DraftIn(RequestFields):
    children: list[ChildIn] = Field(default_factory=list, description="The child or children.")


class DraftPatch(RequestFields):
    version: int = Field(description="The version you read; a newer one means someone else "
                         "saved first, and your change is refused (409).")
    children: list[ChildIn] | None = Field(
        None, description="Send the whole list to replace it; leave it out to keep it.")


class SubmitIn(Schema):
    version: int = Field(description="The version you read (409 if someone saved since).")


class OutcomeOut(Schema):
    next_step: NextStepChoice = Field(description=described(NextStep))
    next_step_label: str
    assessment_kind: str = Field(description="For an assessment: " + described(AssessmentKind))
    level_of_need: int = Field(description="1 to 4.")
    signposted_to: str = Field(description="The services the family was pointed to, if any.")
    decided_at: datetime = Field(description="When the decision was authorised.")


class RequestOut(RequestFields):
    id: int
    kind: RequestKind
    source: RequestSource
    status: RequestStatus = Field(description=described(RequestForSupport.Status))
    status_label: str
    version: int = Field(description="Send this back to change or send a draft.")
    referrer_agency: str
    created_at: datetime
    received_at: datetime | None = Field(description="When it reached the Hub.")
    decision_due_at: datetime | None = Field(description="When the Hub's decision is due.")
    children: list[ChildOut]
    outcome: OutcomeOut | None = Field(description="The Hub's decision, once authorised.")
    answer: str = Field(description="For a request for information: the answer.")


class RequestPage(Schema):
    items: list[RequestOut]
    page: int
    has_next: bool


def _request_fields(rfs: RequestForSupport) -> dict:
    data = {name: getattr(rfs, name) for name in RequestFields.model_fields}
    data["level_asked"] = rfs.level_asked or None
    return data


def _children(rfs: RequestForSupport) -> list[RequestChild]:
    return sorted(rfs.children.all(), key=lambda c: c.pk)


def _referrer_view(rfs: RequestForSupport, hub: bool = False) -> dict:
    """What a referrer may see: what they wrote, where it is, and the authorised outcome."""
    authorised = [d for d in rfs.decisions.all() if d.status == HubDecision.Status.AUTHORISED]
    status = rfs.status
    if not hub and status == RequestForSupport.Status.AWAITING_AUTHORISATION:
        status = RequestForSupport.Status.IN_QUEUE  # the Hub's own step: still with the Hub
    outcome = None
    if authorised:
        decision = authorised[0]
        outcome = {
            "next_step": decision.next_step, "next_step_label": decision.get_next_step_display(),
            "assessment_kind": decision.assessment_kind, "level_of_need": decision.level_of_need,
            "signposted_to": decision.signposted_to, "decided_at": decision.authorised_at,
        }
    return {
        **_request_fields(rfs), "id": rfs.pk, "kind": rfs.kind, "source": rfs.source,
        "status": status, "status_label": RequestForSupport.Status(status).label,
        "version": rfs.version, "referrer_agency": str(rfs.referrer_agency or ""),
        "created_at": rfs.created_at, "received_at": rfs.received_at,
        "decision_due_at": rfs.decision_due_at, "children": _children(rfs), "outcome": outcome,
        "answer": rfs.answer,
    }


def _with_outcome():
    return (RequestForSupport.objects.select_related("referrer_agency")
            .prefetch_related("children", Prefetch(
                "decisions", queryset=HubDecision.objects.filter(
                    status=HubDecision.Status.AUTHORISED))))


def _own_or_hub(user: User, pk: int) -> RequestForSupport:
    """A request its referrer made, or one sent to the Hub for Hub staff; else refused."""
    rfs = _with_outcome().filter(pk=pk).first()
    if rfs is None:
        raise Http404("No request with that number.")
    if rfs.referrer_id == user.pk:
        return rfs
    if selectors.is_hub(user):
        if rfs.status == RequestForSupport.Status.DRAFT:
            raise PermissionDenied(NOT_SENT_YET)
        return rfs
    raise PermissionDenied(NOT_YOUR_REQUEST)


def _own_draft(user: User, pk: int, sent: str = NOT_A_DRAFT) -> RequestForSupport:
    rfs = RequestForSupport.objects.filter(pk=pk).first()
    if rfs is None:
        raise Http404("No request with that number.")
    if rfs.referrer_id != user.pk:
        raise PermissionDenied(NOT_YOUR_REQUEST)
    if rfs.status != RequestForSupport.Status.DRAFT:
        raise Conflict(sent)
    return rfs


def _draft_data(payload: Schema, exclude: set[str]) -> dict:
    data = payload.model_dump(exclude_unset=True, exclude=exclude)
    if "level_asked" in data:
        data["level_asked"] = data["level_asked"] or ""
    return data


@router.get("/requests/", url_name="request-list", response=RequestPage,
            summary="The requests you made, newest first, with their outcome once authorised")
def request_list(request, page: int = Query(1, ge=1, le=MAX_PAGE),
                 page_size: int = Query(50, ge=1, le=200)):
    start = (page - 1) * page_size
    rows = list(_with_outcome().filter(referrer=request.auth)
                .order_by("-created_at", "-pk")[start:start + page_size + 1])
    return {"items": [_referrer_view(r) for r in rows[:page_size]], "page": page,
            "has_next": len(rows) > page_size}


@router.post("/requests/", url_name="request-create", response={201: RequestOut},
             summary="Start a request for support: saved as a draft, however unfinished")
def request_create(request, payload: DraftIn):
    data = _draft_data(payload, {"children"})
    children = [c.model_dump() for c in payload.children]
    rfs = services.request_save_draft(actor=request.auth, data=data, children=children,
                                      http_request=request)
    return Status(201, _referrer_view(_own_or_hub(request.auth, rfs.pk)))


@router.get("/requests/{request_id}", url_name="request-detail", response=RequestOut,
            summary="A request you made (or, for the Hub, one sent to it), with its outcome")
def request_detail(request, request_id: int):
    return _referrer_view(_own_or_hub(request.auth, request_id),
                          hub=selectors.is_hub(request.auth))


@router.patch("/requests/{request_id}", url_name="request-update",
              response={200: RequestOut, 409: Message},
              summary="Change your draft (send the version you read)")
def request_update(request, request_id: int, payload: DraftPatch):
    rfs = _own_draft(request.auth, request_id)
    data = _draft_data(payload, {"children", "version"})
    children = None
    if "children" in payload.model_fields_set and payload.children is not None:
        children = [c.model_dump() for c in payload.children]
    with _conflicts():
        services.request_save_draft(actor=request.auth, rfs=rfs, version=payload.version,
                                    data=data, children=children, http_request=request)
    return _referrer_view(_own_or_hub(request.auth, request_id))


@router.post("/requests/{request_id}/submit", url_name="request-submit",
             response={200: RequestOut, 409: Message},
             summary="Send your draft to the Hub: checked whole, then on the Hub's clock")
def request_submit(request, request_id: int, payload: SubmitIn):
    rfs = _own_draft(request.auth, request_id, sent=ALREADY_SENT)
    with _conflicts():
        services.request_submit(actor=request.auth, rfs=rfs, version=payload.version,
                                http_request=request)
    return _referrer_view(_own_or_hub(request.auth, request_id))


# --- Multi-agency checks, as the partner asked sees them --------------------------------------


class ChildAsWritten(Schema):
    """What a partner asked for a check sees of a child, as on the check page: the name and
    date of birth the request gives, not the family's address or the rest of the request."""

    given_names: str
    family_name: str
    date_of_birth: date | None
    expected_date: date | None


class PartnerCheckOut(Schema):
    id: int
    request_id: int
    agency: str = Field(description="The agency asked (its code).")
    agency_name: str
    question: str
    asked_by: str
    asked_at: datetime
    due_at: datetime
    children: list[ChildAsWritten] = Field(description="The children the check is about.")
    answer: str
    answered_at: datetime | None


class AnswerIn(Schema):
    answer: str = Field(description="Your agency's answer.")


def _partner_check(check: MultiAgencyCheck) -> dict:
    return {
        "id": check.pk, "request_id": check.request_id, "agency": check.agency.code,
        "agency_name": check.agency.name, "question": check.question,
        "asked_by": _name(check.asked_by), "asked_at": check.asked_at, "due_at": check.due_at,
        "children": _children(check.request), "answer": check.answer,
        "answered_at": check.answered_at,
    }


@router.get("/checks/", url_name="check-list", response=list[PartnerCheckOut],
            summary="Multi-agency checks waiting for your (or your agency's) answer")
def check_list(request):
    return [_partner_check(c) for c in selectors.checks_for(request.auth)]


@router.post("/checks/{check_id}/answer", url_name="check-answer",
             response={200: PartnerCheckOut, 409: Message},
             summary="Answer a check sent to you; the Hub sees answers side by side")
def check_answer(request, check_id: int, payload: AnswerIn):
    check = (MultiAgencyCheck.objects.select_related("request", "agency", "asked_by")
             .prefetch_related("request__children").filter(pk=check_id).first())
    if check is None:
        raise Http404("No check with that number.")
    if not may_answer(request.auth, check):
        raise PermissionDenied(NOT_YOURS_TO_ANSWER)
    if check.answered_at is not None:
        raise Conflict(ALREADY_ANSWERED)
    check = services.check_answer(actor=request.auth, check=check, answer=payload.answer,
                                  http_request=request)
    return _partner_check(check)


# --- Contacts recorded by the Hub or the Emergency Duty Team ----------------------------------


class ContactIn(RequestFields):
    kind: RequestKind = Field("request_for_support",
                              description=described(RequestForSupport.Kind))
    source: RequestSource | None = Field(
        None, description=described(RequestForSupport.Source) + ". The Emergency Duty Team's "
        "contacts are always out_of_hours (the default for its members).")
    urgency: Urgency = Field(3, description=described(RequestForSupport.Urgency))
    referrer_agency: str | None = Field(None, description="The asking agency's code, e.g. "
                                        "lancashire-police, if it is one of the partners.")
    edt_actions: str = Field("", description="Out of hours: what the Emergency Duty Team did.")
    information_requested_by: str = Field("", max_length=200,
                                          description="For a request for information: who asks.")
    children: list[ChildIn] = Field(default_factory=list)
    received_at: Moment | None = Field(
        None, description="Emergency Duty Team only: when the call came in, if before now.")


class QueueItemOut(Schema):
    id: int
    kind: RequestKind
    source: RequestSource
    status: RequestStatus
    urgency: Urgency = Field(description=described(RequestForSupport.Urgency))
    urgency_label: str
    received_at: datetime | None
    queued_at: datetime | None = Field(description="When it reaches (or reached) the queue: the "
                                       "next opening for out-of-hours contacts.")
    decision_due_at: datetime | None
    out_of_hours: bool
    handed_over: bool = Field(description="Handed over by the Emergency Duty Team.")
    asked_by: str
    working_on: str = Field(description="Who in the Hub is working on it.")
    children: list[str]


def _asked_by(rfs: RequestForSupport) -> str:
    return str(rfs.referrer_agency or rfs.referrer_name or rfs.get_source_display())


def _queue_item(rfs: RequestForSupport, names: dict[int, str]) -> dict:
    """One row of the queue; ``names`` from ``selectors.shown_names`` (a restricted record
    shows the name the request gives, never its own)."""
    return {
        "id": rfs.pk, "kind": rfs.kind, "source": rfs.source, "status": rfs.status,
        "urgency": rfs.urgency, "urgency_label": rfs.get_urgency_display(),
        "received_at": rfs.received_at, "queued_at": rfs.queued_at,
        "decision_due_at": rfs.decision_due_at, "out_of_hours": rfs.out_of_hours,
        "handed_over": rfs.handed_over, "asked_by": _asked_by(rfs),
        "working_on": _name(rfs.working_on), "children": [names[c.pk] for c in _children(rfs)],
    }


def in_emergency_duty_team(user: User) -> bool:
    """A current member of the team the council names for out-of-hours cover."""
    council = Council.objects.current()
    code = council.front_door.get("teams", {}).get("out_of_hours")
    today = timezone.localdate()
    return bool(code) and TeamMembership.objects.filter(
        Q(end__isnull=True) | Q(end__gte=today), user=user, team__council=council,
        team__code=code, start__lte=today,
    ).exists()


@router.post("/contacts/", url_name="contact-create", response={201: QueueItemOut},
             summary="Record a call, police notification, missing report, request for "
             "information, or an out-of-hours contact (Hub and Emergency Duty Team)")
def contact_create(request, payload: ContactIn):
    user = request.auth
    hub, edt = selectors.is_hub(user), in_emergency_duty_team(user)
    if not (hub or edt):
        raise PermissionDenied(CONTACT_TAKERS_ONLY)
    data = payload.model_dump(exclude={"children", "received_at", "referrer_agency"})
    data["level_asked"] = data["level_asked"] or ""
    errors = {}
    if edt and not hub:
        data["source"] = data["source"] or RequestForSupport.Source.OUT_OF_HOURS
        if data["source"] != RequestForSupport.Source.OUT_OF_HOURS:
            errors["source"] = EDT_SOURCE
    data["source"] = data["source"] or ""
    received_at = _aware(payload.received_at)
    if received_at is not None:
        if not edt:
            errors["received_at"] = RECEIVED_AT_EDT_ONLY
        elif received_at > timezone.now():
            errors["received_at"] = RECEIVED_IN_FUTURE
    if payload.referrer_agency:
        data["referrer_agency"] = PartnerAgency.objects.filter(
            council__active=True, code=payload.referrer_agency).first()
        if data["referrer_agency"] is None:
            errors["referrer_agency"] = UNKNOWN_AGENCY
    if errors:
        raise ValidationError(errors)
    rfs = services.contact_record(actor=user, data=data,
                                  children=[c.model_dump() for c in payload.children],
                                  received_at=received_at, http_request=request)
    rfs = selectors.request_for_hub(rfs.pk)
    return Status(201, _queue_item(rfs, selectors.shown_names(user, rfs.children.all())))


# --- The Hub: queue, triage view, children, checks, visits ------------------------------------


@router.get("/hub/queue", url_name="hub-queue", response=list[QueueItemOut],
            summary="Every open contact, by urgency and then by its decision deadline")
def hub_queue(request, waiting: bool = Query(
        False, description="true: the out-of-hours contacts that land at the next opening.")):
    rows = selectors.waiting_for_morning() if waiting else selectors.queue()
    if waiting:
        rows = rows.select_related("working_on", "referrer_agency").prefetch_related(
            Prefetch("children", queryset=RequestChild.objects.select_related("person")))
    rows = list(rows)
    names = selectors.shown_names(request.auth, [c for r in rows for c in r.children.all()])
    return [_queue_item(r, names) for r in rows]


class HubChildOut(ChildOut):
    person_id: int | None = Field(description="The child's record on the index, once linked.")
    person_name: str


class CheckOut(Schema):
    id: int
    agency: str
    agency_name: str
    asked_of: str
    question: str
    asked_by: str
    asked_at: datetime
    due_at: datetime
    answer: str
    answered_by: str
    answered_at: datetime | None
    overdue: bool = Field(description="Not answered, and past its deadline.")


class VisitOut(Schema):
    id: int
    arranged_for: datetime
    visitor: str
    outcome: str
    outcome_recorded_at: datetime | None


class DecisionOut(Schema):
    id: int
    request_id: int
    status: choice_of(HubDecision.Status) = Field(description=described(HubDecision.Status))
    status_label: str
    level_of_need: int
    reasoning: str
    childs_voice: str
    facts: dict[str, Any] = Field(description="What the routing rules were given.")
    proposed_step: NextStepChoice
    next_step: NextStepChoice = Field(description=described(NextStep))
    next_step_label: str
    different_step_reason: str
    assessment_kind: str
    also_awaken: bool = Field(description="Also sent to Awaken (exploitation and missing).")
    signposted_to: str
    signposted_services: list[int] = Field(description="Family services directory ids.")
    decided_by: str
    decided_at: datetime
    authorised_by: str
    authorised_at: datetime | None
    manager_note: str


class EarlierRequestOut(Schema):
    id: int
    kind: RequestKind
    status: RequestStatus
    received_at: datetime | None


class InvolvementOut(Schema):
    kind: str
    kind_label: str
    team: str
    start: date
    end: date | None
    level_of_need: int | None
    outcome: str
    summary: str


class KnownHistoryOut(Schema):
    person_id: int
    person_name: str
    withheld: str = Field(description="Why the history is not shown (need to know), if it is "
                          "not.")
    open_to_return_team_recently: bool | None = Field(
        description="Open to Strengthening and Supporting Families within the look-back.")
    earlier_requests: list[EarlierRequestOut]
    involvements: list[InvolvementOut]


class HubRequestOut(RequestFields):
    id: int
    kind: RequestKind
    source: RequestSource
    status: RequestStatus
    status_label: str
    urgency: Urgency
    version: int = Field(description="Send this back when deciding or answering.")
    referrer: str
    referrer_agency: str
    recorded_by: str
    out_of_hours: bool
    handed_over: bool
    edt_actions: str
    information_requested_by: str
    answer: str
    answered_at: datetime | None
    created_at: datetime
    received_at: datetime | None
    queued_at: datetime | None
    decision_due_at: datetime | None
    working_on: str
    locality: str | None = Field(description="The locality's code, from the child's address.")
    children: list[HubChildOut]
    checks: list[CheckOut] = Field(description="Multi-agency checks, side by side.")
    visits: list[VisitOut]
    decisions: list[DecisionOut] = Field(description="Newest first, including returned ones.")
    known_history: list[KnownHistoryOut] = Field(description="For each linked child.")


def _hub_child(child: RequestChild, names: dict[int, str]) -> dict:
    return {
        **{name: getattr(child, name) for name in ChildOut.model_fields},
        "person_id": child.person_id,
        "person_name": names[child.pk] if child.person_id else "",
    }


def _hub_check(check: MultiAgencyCheck, now: datetime) -> dict:
    return {
        "id": check.pk, "agency": check.agency.code, "agency_name": check.agency.name,
        "asked_of": _name(check.asked_of), "question": check.question,
        "asked_by": _name(check.asked_by), "asked_at": check.asked_at, "due_at": check.due_at,
        "answer": check.answer, "answered_by": _name(check.answered_by),
        "answered_at": check.answered_at,
        "overdue": check.answered_at is None and check.due_at < now,
    }


def _visit(visit: HomeVisit) -> dict:
    return {"id": visit.pk, "arranged_for": visit.arranged_for, "visitor": _name(visit.visitor),
            "outcome": visit.outcome, "outcome_recorded_at": visit.outcome_recorded_at}


def _decision(decision: HubDecision) -> dict:
    names = ("id", "request_id", "status", "level_of_need", "reasoning", "childs_voice", "facts",
             "proposed_step", "next_step", "different_step_reason", "assessment_kind",
             "also_awaken", "signposted_to", "decided_at", "authorised_at", "manager_note")
    return {
        **{name: getattr(decision, name) for name in names},
        "status_label": decision.get_status_display(),
        "next_step_label": decision.get_next_step_display(),
        "decided_by": _name(decision.decided_by), "authorised_by": _name(decision.authorised_by),
        "signposted_services": [s.pk for s in decision.signposted_services.all()],
    }


def _known_history(request, user: User, person: Person, rfs: RequestForSupport,
                   name: str) -> dict:
    """A linked child's known history, if need-to-know lets the caller open the record."""
    row = {"person_id": person.pk, "person_name": name, "withheld": "",
           "open_to_return_team_recently": None, "earlier_requests": [], "involvements": []}
    try:
        access.open_person(user, person.pk, request)  # audited, like opening the record
    except access.AccessDenied as refused:
        return {**row, "withheld": str(refused)}
    history = selectors.known_history(person, exclude_request=rfs.pk)
    return {
        **row, "open_to_return_team_recently": history.open_to_return_team_recently,
        "earlier_requests": [
            {"id": r.pk, "kind": r.kind, "status": r.status, "received_at": r.received_at}
            for r in history.earlier_requests],
        "involvements": [
            {"kind": i.kind, "kind_label": i.get_kind_display(),
             "team": i.team.name if i.team_id else "", "start": i.start, "end": i.end,
             "level_of_need": i.level_of_need, "outcome": i.outcome, "summary": i.summary}
            for i in history.involvements],
    }


def _sent(pk: int) -> RequestForSupport:
    """A request sent to the Hub, in full; drafts are the referrer's own, never the Hub's."""
    try:
        rfs = selectors.request_for_hub(pk)
    except RequestForSupport.DoesNotExist:
        rfs = None
    if rfs is None or rfs.status == RequestForSupport.Status.DRAFT:
        raise Http404("No request with that number has been sent to the Hub.")
    return rfs


def _open(rfs: RequestForSupport) -> None:
    if rfs.status not in selectors.OPEN_STATUSES:
        raise Conflict(NOT_OPEN)


def _hub_view(request, rfs: RequestForSupport, with_history: bool = True) -> dict:
    user, now = request.auth, timezone.now()
    children = _children(rfs)
    names = selectors.shown_names(user, children)
    history = [_known_history(request, user, c.person, rfs, names[c.pk]) for c in children
               if c.person_id] if with_history else []
    return {
        **_request_fields(rfs), "id": rfs.pk, "kind": rfs.kind, "source": rfs.source,
        "status": rfs.status, "status_label": rfs.get_status_display(), "urgency": rfs.urgency,
        "version": rfs.version, "referrer": _name(rfs.referrer),
        "referrer_agency": str(rfs.referrer_agency or ""), "recorded_by": _name(rfs.recorded_by),
        "out_of_hours": rfs.out_of_hours, "handed_over": rfs.handed_over,
        "edt_actions": rfs.edt_actions, "information_requested_by": rfs.information_requested_by,
        "answer": rfs.answer, "answered_at": rfs.answered_at, "created_at": rfs.created_at,
        "received_at": rfs.received_at, "queued_at": rfs.queued_at,
        "decision_due_at": rfs.decision_due_at, "working_on": _name(rfs.working_on),
        "locality": rfs.locality.code if rfs.locality_id else None,
        "children": [_hub_child(c, names) for c in children],
        "checks": [_hub_check(c, now) for c in rfs.checks.all()],
        "visits": [_visit(v) for v in rfs.visits.all()],
        "decisions": [_decision(d) for d in rfs.decisions.all()],
        "known_history": history,
    }


@router.get("/hub/requests/{request_id}", url_name="hub-request", response=HubRequestOut,
            summary="A request in full for triage: checks side by side, visits, decisions, "
            "and each linked child's known history (audited)")
def hub_request(request, request_id: int):
    rfs = _sent(request_id)
    with transaction.atomic():
        audit.record(user=request.auth, action=audit.Action.VIEW, request=request, obj=rfs)
        return _hub_view(request, rfs)


class ChildLinkIn(Schema):
    person_id: int | None = Field(None, description="The child's record number on the index. "
                                  "Leave it out to add a new person.")
    person: PersonFields | None = Field(
        None, description="A new person's details; if left out, the child's details as the "
        "request gives them.")
    confirm_not_duplicate: bool = Field(
        False, description="Send true after checking the possible duplicates a 409 offered.")


def _new_person_data(child: RequestChild) -> dict:
    unborn = child.expected_date is not None and child.date_of_birth is None
    return PersonFields(
        kind="unborn" if unborn else "child", given_names=child.given_names,
        family_name=child.family_name, date_of_birth=child.date_of_birth,
        expected_date=child.expected_date if unborn else None,
    ).model_dump()


def _add_address(actor: User, person: Person, child: RequestChild, request) -> Person:
    """The address the request gives becomes the new person's current address, if it is a
    real postcode (so the request finds its locality)."""
    if not (child.address.strip() and child.postcode.strip()):
        return person
    try:
        people_services.address_add(actor=actor, person=person, line_1=child.address[:120],
                                    postcode=child.postcode, request=request)
    except ValidationError:
        return person  # the referrer's address stays on the request for the Hub to check
    person.refresh_from_db()
    return person


def _person_to_link(request, payload: ChildLinkIn) -> Person:
    try:
        person = access.open_person(request.auth, payload.person_id, request)
    except access.AccessDenied as error:
        raise ValidationError({"person_id": NOT_LINKABLE}) from error
    except Http404 as error:
        raise ValidationError({"person_id": NO_PERSON}) from error
    if person.merged_into_id:
        raise ValidationError({"person_id": MERGED.format(pk=person.merged_into_id)})
    return person


@router.post("/hub/requests/{request_id}/children/{child_id}/link", url_name="child-link",
             response={200: HubChildOut, 201: HubChildOut, 409: Duplicates},
             summary="Link a child in a request to the index: an existing record, or a new "
             "person after the duplicate check (409 offers the possible duplicates)")
def child_link(request, request_id: int, child_id: int, payload: ChildLinkIn):
    user = request.auth
    rfs = _sent(request_id)
    _open(rfs)
    child = next((c for c in rfs.children.all() if c.pk == child_id), None)
    if child is None:
        raise Http404("No child with that number on this request.")
    if child.person_id:
        raise Conflict(ALREADY_LINKED.format(pk=child.person_id))
    if payload.person_id is not None:
        person = _person_to_link(request, payload)
        if any(c.person_id == person.pk for c in rfs.children.all()):
            raise ValidationError({"person_id": PERSON_ON_REQUEST})
        services.child_link(actor=user, child=child, person=person, http_request=request)
        return Status(200, _hub_child(child, selectors.shown_names(user, [child])))
    data = payload.person.model_dump() if payload.person else _new_person_data(child)
    _check_names(data)
    if not payload.confirm_not_duplicate:
        candidates = _candidates(people_selectors.duplicates_for(user, data, request))
        if candidates:
            return Status(409, {"detail": DUPLICATES_FOUND, "candidates": candidates})
    with transaction.atomic():
        person = people_services.person_create(actor=user, data=data, request=request)
        person = _add_address(user, person, child, request)
        services.child_link(actor=user, child=child, person=person, http_request=request)
    return Status(201, _hub_child(child, selectors.shown_names(user, [child])))


class CheckIn(Schema):
    agency: str = Field(description="The agency asked (its code, e.g. lancashire-police).")
    question: str = Field(description="What you would like to know.")
    asked_of_id: int | None = Field(None, description="The partner user who answers for the "
                                    "agency; leave it out for the agency's lead professionals.")


@router.post("/hub/requests/{request_id}/checks", url_name="check-create",
             response={201: CheckOut, 409: Message},
             summary="Ask a partner agency what it knows (with its own deadline)")
def check_create(request, request_id: int, payload: CheckIn):
    rfs = _sent(request_id)
    _open(rfs)
    errors = {}
    agency = PartnerAgency.objects.filter(council__active=True, code=payload.agency).first()
    if agency is None:
        errors["agency"] = UNKNOWN_AGENCY
    asked_of = None
    if payload.asked_of_id is not None:
        asked_of = User.objects.filter(pk=payload.asked_of_id, is_active=True).first()
        if asked_of is None:
            errors["asked_of_id"] = UNKNOWN_USER
    if errors:
        raise ValidationError(errors)
    try:
        check = services.check_ask(actor=request.auth, rfs=rfs, agency=agency,
                                   question=payload.question, asked_of=asked_of,
                                   http_request=request)
    except ValidationError as error:
        if hasattr(error, "error_dict") and "asked_of" in error.error_dict:
            raise ValidationError({"asked_of_id": error.message_dict["asked_of"]}) from error
        raise
    return Status(201, _hub_check(check, timezone.now()))


class VisitIn(Schema):
    arranged_for: Moment = Field(description="When the visit is arranged for (ISO 8601).")
    visitor_id: int | None = Field(None, description="Who visits; you, if left out.")


class VisitOutcomeIn(Schema):
    outcome: str = Field(description="What happened on the visit.")


@router.post("/hub/requests/{request_id}/visits", url_name="visit-create",
             response={201: VisitOut, 409: Message}, summary="Arrange a visit")
def visit_create(request, request_id: int, payload: VisitIn):
    rfs = _sent(request_id)
    _open(rfs)
    visitor = None
    if payload.visitor_id is not None:
        visitor = User.objects.filter(pk=payload.visitor_id, is_active=True,
                                      role__in=PRACTITIONERS).first()
        if visitor is None:
            raise ValidationError({"visitor_id": NOT_A_VISITOR})
    visit = services.visit_arrange(actor=request.auth, rfs=rfs,
                                   arranged_for=_aware(payload.arranged_for), visitor=visitor,
                                   http_request=request)
    return Status(201, _visit(visit))


@router.post("/hub/visits/{visit_id}/outcome", url_name="visit-outcome",
             response={200: VisitOut, 409: Message}, summary="Record what happened on a visit")
def visit_outcome(request, visit_id: int, payload: VisitOutcomeIn):
    visit = HomeVisit.objects.select_related("visitor").filter(pk=visit_id).first()
    if visit is None:
        raise Http404("No visit with that number.")
    if visit.outcome_recorded_at is not None:
        raise Conflict(OUTCOME_RECORDED)
    visit = services.visit_record_outcome(actor=request.auth, visit=visit,
                                          outcome=payload.outcome, http_request=request)
    return _visit(visit)


# --- Deciding, authorising, answering -----------------------------------------------------


class FactsIn(Schema):
    significant_harm: bool = Field(False, description="Worries of significant harm.")
    harm_current: bool = Field(False, description="Significant harm suspected and current "
                               "(a Section 47 enquiry).")
    specialist_need: bool = Field(False, description="Needs a specialist assessment, e.g. "
                                  "complex needs.")
    open_to_return_team_recently: bool | None = Field(
        None, description="Open to Strengthening and Supporting Families within the council's "
        "look-back (6 months). Leave it out to work it out from the linked children's records.")
    family_struggling: bool = Field(False, description="Struggling, without significant harm.")
    help_without_assessment: bool = Field(False, description="Help is needed without an "
                                          "assessment.")
    family_declines: bool = Field(False, description="The family does not want support.")
    exploitation_or_missing: bool = Field(False, description="Exploitation or missing worries.")


class DecisionIn(Schema):
    facts: FactsIn = Field(default_factory=FactsIn, description="What you found.")
    level_of_need: int = Field(description="1 to 4.")
    reasoning: str = Field(description="Why this level of need and this next step.")
    childs_voice: str = Field(description="The child's words or, for a baby, how they are.")
    next_step: NextStepChoice | None = Field(
        None, description="Leave it out to take the proposed step. " + described(NextStep))
    different_step_reason: str = Field("", description="Why, if not the proposed step.")
    signposted_to: str = Field("", description="For signposting: the services named.")
    signposted_services: list[int] = Field(
        default_factory=list, description="For signposting: ids of published services in the "
        "family services directory (/api/v1/directory/services).")
    version: int | None = Field(None, description="The request's version you read (409 if "
                                "someone saved since).")


class ProposalOut(Schema):
    next_step: NextStepChoice
    next_step_label: str
    assessment_kind: str
    also_awaken: bool
    why: str = Field(description="The routing rule that proposed it, in plain words.")


class ProposedDecisionOut(DecisionOut):
    proposal: ProposalOut = Field(description="What the routing rules proposed, and why.")


class NoteIn(Schema):
    note: str = Field("", description="A note for the worker and the record.")


class InformationAnswerIn(Schema):
    answer: str = Field(description="The answer to send.")
    version: int | None = Field(None, description="The version you read.")


def _facts(rfs: RequestForSupport, given: FactsIn) -> Facts:
    values = given.model_dump()
    if values["open_to_return_team_recently"] is None:
        values["open_to_return_team_recently"] = any(
            selectors.open_to_return_team_recently(c.person)
            for c in rfs.children.all() if c.person_id)
    return Facts(**values)


@router.post("/hub/requests/{request_id}/decisions", url_name="decision-propose",
             response={201: ProposedDecisionOut, 409: Message},
             summary="Decide: the level of need, the reasoning, the child's voice and the next "
             "step (proposed by the routing rules; you may choose another with a reason)")
def decision_propose(request, request_id: int, payload: DecisionIn):
    rfs = _sent(request_id)
    if rfs.status != RequestForSupport.Status.IN_QUEUE:
        raise Conflict(NOT_WAITING_FOR_DECISION)
    facts = _facts(rfs, payload.facts)
    with _conflicts():
        decision = services.decision_propose(
            actor=request.auth, rfs=rfs, facts=facts, level_of_need=payload.level_of_need,
            reasoning=payload.reasoning, childs_voice=payload.childs_voice,
            next_step=payload.next_step, different_step_reason=payload.different_step_reason,
            signposted_to=payload.signposted_to, version=payload.version, http_request=request,
            signposted_services=signposting_services(payload.signposted_services))
    proposal = route(facts)
    return Status(201, {**_decision(decision), "proposal": {
        "next_step": proposal.next_step, "next_step_label": proposal.next_step.label,
        "assessment_kind": proposal.assessment_kind or "", "also_awaken": proposal.also_awaken,
        "why": proposal.why}})


def _awaiting(user: User, decision_id: int) -> HubDecision:
    decision = (HubDecision.objects.select_related("request", "decided_by")
                .filter(pk=decision_id).first())
    if decision is None:
        raise Http404("No decision with that number.")
    if decision.status != HubDecision.Status.AWAITING_AUTHORISATION:
        raise Conflict(NOT_AWAITING)
    if decision.decided_by_id == user.pk:
        raise PermissionDenied(OWN_DECISION)
    return decision


@router.post("/hub/decisions/{decision_id}/authorise", url_name="decision-authorise",
             response={200: DecisionOut, 409: Message},
             summary="Authorise a decision (a manager; not your own): the request is decided "
             "and the next piece of work opened")
def decision_authorise(request, decision_id: int, payload: NoteIn):
    decision = _awaiting(request.auth, decision_id)
    with _conflicts():
        decision = services.decision_authorise(actor=request.auth, decision=decision,
                                               note=payload.note, http_request=request)
    return _decision(decision)


@router.post("/hub/decisions/{decision_id}/return", url_name="decision-return",
             response={200: DecisionOut, 409: Message},
             summary="Send a decision back to the worker, saying what needs to change")
def decision_return(request, decision_id: int, payload: NoteIn):
    decision = _awaiting(request.auth, decision_id)
    decision = services.decision_return(actor=request.auth, decision=decision,
                                        note=payload.note, http_request=request)
    return _decision(decision)


@router.post("/hub/requests/{request_id}/answer", url_name="information-answer",
             response={200: HubRequestOut, 409: Message},
             summary="Answer a request for information from another authority or public body")
def information_answer(request, request_id: int, payload: InformationAnswerIn):
    rfs = _sent(request_id)
    if rfs.status == RequestForSupport.Status.ANSWERED:
        raise Conflict(ALREADY_ANSWERED)
    _open(rfs)
    with _conflicts():
        services.information_answer(actor=request.auth, rfs=rfs, answer=payload.answer,
                                    version=payload.version, http_request=request)
    return _hub_view(request, _sent(request_id), with_history=False)


# --- The advice line: anonymous by design ----------------------------------------------------


class AdviceIn(Schema):
    """No name, date of birth, address, phone number or person: the advice line is anonymous,
    and any other field is refused."""

    model_config = ConfigDict(extra="forbid")

    agency: str | None = Field(None, description="The calling agency's code, if it is one of "
                               "the council's partners.")
    agency_kind: AgencyKind | None = Field(
        None, description="The kind of agency (taken from the agency if left out). "
        + described(PartnerAgency.Kind))
    locality: str | None = Field(None, description="The locality's code, if known.")
    worry: str = Field(description="The worry in general terms, with nothing that names or "
                       "identifies a child or family.")
    advice_given: str
    request_advised: bool = Field(description="Was a request for support advised?")
    confirmed_anonymous: bool = Field(
        False, description="Send true, after a 422 warning, to confirm the text identifies "
        "no one.")


class AdviceOut(Schema):
    id: int
    at: datetime
    agency: str | None
    agency_name: str
    agency_kind: str
    locality: str | None
    worry: str
    advice_given: str
    request_advised: bool
    recorded_by: str


class AdvicePage(Schema):
    items: list[AdviceOut]
    page: int
    has_next: bool


def _advice(consultation: AdviceConsultation) -> dict:
    agency, locality = consultation.agency, consultation.locality
    return {
        "id": consultation.pk, "at": consultation.at,
        "agency": agency.code if agency else None, "agency_name": agency.name if agency else "",
        "agency_kind": consultation.agency_kind,
        "locality": locality.code if locality else None, "worry": consultation.worry,
        "advice_given": consultation.advice_given,
        "request_advised": consultation.request_advised,
        "recorded_by": _name(consultation.recorded_by),
    }


@router.get("/advice/", url_name="advice-list", response=AdvicePage,
            summary="Advice-line consultations, newest first (anonymous)")
def advice_list(request, page: int = Query(1, ge=1, le=MAX_PAGE),
                page_size: int = Query(50, ge=1, le=200)):
    start = (page - 1) * page_size
    rows = list(AdviceConsultation.objects.select_related("agency", "locality", "recorded_by")
                .order_by("-at", "-pk")[start:start + page_size + 1])
    return {"items": [_advice(c) for c in rows[:page_size]], "page": page,
            "has_next": len(rows) > page_size}


@router.post("/advice/", url_name="advice-create", response={201: AdviceOut},
             summary="Record an advice-line consultation; text that may identify someone is "
             "refused with a warning per field (422) unless confirmed_anonymous")
def advice_create(request, payload: AdviceIn):
    data = payload.model_dump(exclude={"confirmed_anonymous", "agency", "locality"})
    data["agency_kind"] = data["agency_kind"] or ""
    errors = {}
    if payload.agency:
        data["agency"] = PartnerAgency.objects.filter(council__active=True,
                                                      code=payload.agency).first()
        if data["agency"] is None:
            errors["agency"] = UNKNOWN_AGENCY
    if payload.locality:
        data["locality"] = Locality.objects.filter(council__active=True,
                                                   code=payload.locality).first()
        if data["locality"] is None:
            errors["locality"] = UNKNOWN_LOCALITY
    if errors:
        raise ValidationError(errors)
    consultation = services.advice_record(actor=request.auth, data=data,
                                          confirmed_anonymous=payload.confirmed_anonymous,
                                          http_request=request)
    return Status(201, _advice(consultation))


# --- The Hub manager's figures ----------------------------------------------------------------


class CountRowOut(Schema):
    code: str
    label: str
    count: int


class ReceivedOut(Schema):
    total: int = Field(description="Requests that reached the Hub (never drafts).")
    by_kind: list[CountRowOut]


class OnTimeOut(Schema):
    decided: int = Field(description="Authorised decisions.")
    within: int = Field(description="Of those, made by the request's decision deadline.")
    percent: float | None


class ConversionOut(Schema):
    decided: int = Field(description="Requests with an authorised decision.")
    converted: int = Field(description="Of those, sent to a social care assessment "
                           "(statutory, back to the return team, or specialist).")
    percent: float | None
    comparison_percent: float | None = Field(description="The council's published figure.")
    comparison_source: str


class RepeatsOut(Schema):
    requests: int
    repeats: int = Field(description="Requests for a child who had another request in the 12 "
                         "months before.")
    percent: float | None


class AdviceFiguresOut(Schema):
    total: int
    request_advised: int
    by_agency_kind: list[CountRowOut]


class FiguresOut(Schema):
    month: str
    locality: str
    received: ReceivedOut
    on_time: OnTimeOut
    conversion: ConversionOut
    repeats: RepeatsOut
    advice: AdviceFiguresOut


@router.get("/figures", url_name="hub-figures", response=FiguresOut,
            summary="The Hub manager's figures, for a month and a locality")
def hub_figures(
    request,
    month: str = Query("", description="YYYY-MM; all months if left out. Requests count in the "
                       "month they reached the Hub."),
    locality: str = Query("", description="A locality's code; all localities if left out."),
):
    figures.check_filters(month, locality)
    return figures.hub_figures(month, locality)
