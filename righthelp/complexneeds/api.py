"""Supporting Children with Complex Needs over JSON, mounted at /api/v1/complex-needs/.

Thin operations over the same selectors and services as the pages: a child's record is read
only after ``access.open_person`` (audited) lets the caller open the child.
"""

from datetime import date, datetime

from django.http import Http404
from django.utils import timezone
from ninja import Field, Schema, Status

from righthelp.core import access, clocks
from righthelp.core.api_auth import PolicyRouter, choice_of, described

from . import selectors, services
from .models import SenNeed, SenProvision

router = PolicyRouter(tags=["Supporting Children with Complex Needs"])

NO_RECORD = "This child has no complex needs record."
Need = choice_of(SenNeed)


class EhcPlanOut(Schema):
    requested_on: date
    assessment_started_on: date | None
    issued_on: date | None
    issue_due: date = Field(description="20 weeks from the request.")
    issued_on_time: bool | None
    last_annual_review_on: date | None
    next_annual_review_due: date | None = Field(description="12 months after the last review "
                                                            "(or the issue).")
    version: int


class TransitionPlanOut(Schema):
    adult_services: str
    education_employment: str
    housing: str
    health: str
    young_persons_words: str
    review_on: date
    handed_over_on: date | None
    version: int


class DeadlineOut(Schema):
    rule: str
    subject: str
    due_at: datetime
    met_at: datetime | None
    stopped_at: datetime | None
    stopped_reason: str
    status: choice_of(clocks.Status) = Field(description=described(clocks.Status))


class RecordOut(Schema):
    id: int
    person_id: int
    person_name: str
    sen_provision: choice_of(SenProvision) = Field(description=described(SenProvision))
    primary_need: str = Field(description=described(SenNeed) + "; empty for none")
    secondary_need: str
    needs_summary: str
    childs_words: str
    opened_on: date
    closed_on: date | None
    closure_reason: str
    version: int
    ehc_plan: EhcPlanOut | None
    transition_plan: TransitionPlanOut | None

    @staticmethod
    def resolve_person_name(obj) -> str:
        return obj.person.full_name

    @staticmethod
    def resolve_ehc_plan(obj):
        return getattr(obj, "ehc_plan", None)

    @staticmethod
    def resolve_transition_plan(obj):
        return getattr(obj, "transition_plan", None)


class ChildRecordOut(Schema):
    record: RecordOut | None
    age: int | None
    transition_deadlines: list[DeadlineOut]


class ListRowOut(Schema):
    record_id: int
    person_id: int
    person_name: str
    age: int | None
    sen_provision: str
    primary_need: str
    next_deadline: DeadlineOut | None


class RecordIn(Schema):
    sen_provision: choice_of(SenProvision) = Field(description=described(SenProvision))
    primary_need: Need | None = None
    secondary_need: Need | None = None
    needs_summary: str
    childs_words: str = ""


class RecordCreateIn(RecordIn):
    person_id: int


class RecordUpdateIn(RecordIn):
    version: int = Field(description="The version you read; a stale one gets 409.")


class EhcPlanIn(Schema):
    version: int | None = Field(None, description="Leave out to record the plan the first "
                                                   "time; else the version you read.")
    requested_on: date
    assessment_started_on: date | None = None
    issued_on: date | None = None
    last_annual_review_on: date | None = None


class TransitionPlanIn(Schema):
    version: int | None = Field(None, description="Leave out the first time.")
    adult_services: str
    education_employment: str
    housing: str
    health: str
    young_persons_words: str
    review_on: date
    handed_over_on: date | None = None


class CloseIn(Schema):
    reason: str


def _deadline(view) -> dict:
    d = view.deadline
    return {"rule": d.rule, "subject": d.subject, "due_at": d.due_at, "met_at": d.met_at,
            "stopped_at": d.stopped_at, "stopped_reason": d.stopped_reason, "status": view.status}


def _send(payload: RecordIn) -> dict:
    data = payload.model_dump(include={"sen_provision", "primary_need", "secondary_need",
                                       "needs_summary", "childs_words"})
    data["primary_need"] = data["primary_need"] or ""
    data["secondary_need"] = data["secondary_need"] or ""
    return data


@router.get("/records", url_name="cn-list", response=list[ListRowOut],
            summary="The team's open records, soonest transition deadline first")
def record_list(request, due_only: bool = False):
    return [{"record_id": row.record.pk, "person_id": row.record.person_id,
             "person_name": row.record.person.full_name, "age": row.age,
             "sen_provision": row.record.sen_provision,
             "primary_need": row.record.primary_need,
             "next_deadline": _deadline(row.next_deadline) if row.next_deadline else None}
            for row in selectors.team_list(request.auth, due_only=due_only,
                                                  request=request)]


@router.get("/children/{person_id}", url_name="cn-record", response=ChildRecordOut,
            summary="A child's complex needs record, EHC plan, transition plan and deadlines")
def record_detail(request, person_id: int):
    person = access.open_person(request.auth, person_id, request)
    return {"record": selectors.current_record(person),
            "age": person.age_on(timezone.localdate()),
            "transition_deadlines": [_deadline(v)
                                     for v in selectors.transition_deadlines(person)]}


@router.post("/records", url_name="cn-record-create", response={201: RecordOut},
             summary="Open a complex needs record (ages 0 to 25; the team only)")
def record_create(request, payload: RecordCreateIn):
    person = access.open_person(request.auth, payload.person_id, request)
    record = services.record_open(actor=request.auth, person=person, request=request,
                                  **_send(payload))
    return Status(201, record)


def _record(request, pk: int):
    return selectors.record_for(request.auth, pk, request)


@router.put("/records/{pk}", url_name="cn-record-update", response=RecordOut,
            summary="Change the SEND details and needs")
def record_update(request, pk: int, payload: RecordUpdateIn):
    record = _record(request, pk)
    return services.record_update(actor=request.auth, record=record, request=request,
                                  version=payload.version, **_send(payload))


@router.put("/records/{pk}/ehc-plan", url_name="cn-ehc-save", response=RecordOut,
            summary="Record or change the EHC plan's dates")
def ehc_save(request, pk: int, payload: EhcPlanIn):
    record = _record(request, pk)
    services.ehc_plan_save(actor=request.auth, record=record, request=request,
                           **payload.model_dump())
    return _fresh(request, pk)


@router.put("/records/{pk}/transition-plan", url_name="cn-transition-save",
            response=RecordOut, summary="Record or change the transition plan (from 14)")
def transition_save(request, pk: int, payload: TransitionPlanIn):
    record = _record(request, pk)
    services.transition_plan_save(actor=request.auth, record=record, request=request,
                                  **payload.model_dump())
    return _fresh(request, pk)


@router.post("/records/{pk}/close", url_name="cn-record-close", response=RecordOut,
             summary="Close the record, saying why")
def record_close(request, pk: int, payload: CloseIn):
    record = _record(request, pk)
    services.record_close(actor=request.auth, record=record, reason=payload.reason,
                          request=request)
    return _fresh(request, pk)


def _fresh(request, pk: int):
    record = selectors.current_record_by_pk(pk)
    if record is None:
        raise Http404(NO_RECORD)
    return record
