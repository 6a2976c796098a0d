"""The assessments side of social work over JSON (mounted by api.py at /api/v1/social-work/).

Thin endpoints over the same selectors and services as the pages: the child's social work,
a team's open work, the Child and Family Assessment (sittings, sending, the team manager's
authorisation or return), strategy discussions, Section 47 enquiries and their outcome,
transfers, and closing an episode. Who may call what is the URL policy (``api-1:<name>`` in
``policy_assessments.py``); which records, need to know (``access.open_person``, audited).
Errors: 422 ``{"detail": [{"field", "message"}]}``; 409 when someone saved since the
``version`` you read; 403 refusals; 404 unknown numbers.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Schema, Status

from righthelp.core.api_auth import Message, PolicyRouter, choice_of, described
from righthelp.staff.models import Team, User

from . import selectors
from .codes import ClosureReason, PrimaryNeed
from .models import (
    Assessment,
    ChildInNeedEpisode,
    Section47Enquiry,
    StrategyDiscussion,
    Transfer,
)
from .services import assessments, episodes, section47, transfers

router = PolicyRouter(tags=["Statutory social work: assessment and support"])

UNKNOWN_TEAM = "No team has that code."
UNKNOWN_WORKER = "No active user has that number."

Outcome = choice_of(Assessment.Outcome)
NeedCode = choice_of(PrimaryNeed)
Decision = choice_of(StrategyDiscussion.Decision)
EnquiryOutcome = choice_of(Section47Enquiry.Outcome)
Closure = choice_of(ClosureReason)
VERSION = Field(description="The version you read; if someone saved since, your change is "
                "refused (409).")


def _name(user: User | None) -> str:
    return str(user) if user is not None else ""


def _clock(deadline) -> dict:
    shown = selectors.clock(deadline)
    return {"due_at": deadline.due_at if deadline else None,
            "deadline_status": shown.status if shown else ""}


# --- Shapes -----------------------------------------------------------------------------------


class PracticeFields(Schema):
    strengths: str = Field(description="The family's strengths.")
    worries: str = Field(description="What we are worried about.")
    childs_words: str = Field(description="The child's own words.")
    familys_words: str = Field(description="The family's own words.")
    what_needs_to_happen: str


class AssessmentOut(PracticeFields):
    id: int
    episode_id: int
    person_id: int
    kind: str
    status: str = Field(description=described(Assessment.Status))
    started_on: date
    completed_on: date | None
    authorised_on: date | None
    authorised_by: str
    worker: str
    factors: list[str] = Field(description="DfE assessment factor codes.")
    support_during_assessment: str
    outcome: str = Field(description=described(Assessment.Outcome))
    outcome_reasons: str
    manager_comments: str
    due_at: datetime | None = Field(description="45 working days from the referral.")
    deadline_status: str
    version: int


class AssessmentPatch(Schema):
    version: int = VERSION
    strengths: str | None = None
    worries: str | None = None
    childs_words: str | None = None
    familys_words: str | None = None
    what_needs_to_happen: str | None = None
    support_during_assessment: str | None = None
    factors: list[str] | None = Field(None, description="DfE codes; '21' (none) only alone.")


class VersionIn(Schema):
    version: int = VERSION


class AuthoriseIn(Schema):
    outcome: Outcome = Field(description=described(Assessment.Outcome))
    reasons: str
    primary_need: NeedCode = Field(description=described(PrimaryNeed))
    on: date | None = Field(None, description="The authorisation date (today if left out).")
    comments: str = ""
    version: int | None = None


class ReturnIn(Schema):
    comments: str = Field(description="What needs to change.")
    version: int | None = None


class AttendeeIn(Schema):
    name: str = Field(max_length=120)
    agency: str = Field(max_length=120)
    role: str = Field("", max_length=120)


class StrategyIn(Schema):
    held_at: datetime
    attendees: list[AttendeeIn]
    worries: str
    childs_words: str
    decision: Decision = Field(description=described(StrategyDiscussion.Decision))
    reasons: str
    safety_actions: str = ""


class StrategyOut(Schema):
    id: int
    episode_id: int
    held_at: datetime
    attendees: list[dict]
    worries: str
    childs_words: str
    decision: str
    reasons: str
    safety_actions: str
    recorded_by: str
    section47_id: int | None
    icpc_target: date | None = Field(description="15 working days from the discussion.")


class EnquiryOut(PracticeFields):
    id: int
    episode_id: int
    person_id: int
    strategy_discussion_id: int
    started_on: date
    icpc_target: date
    worker: str
    findings: str
    completed_on: date | None
    outcome: str = Field(description=described(Section47Enquiry.Outcome))
    outcome_reasons: str
    authorised_by: str
    due_at: datetime | None
    deadline_status: str
    version: int


class EnquiryPatch(Schema):
    version: int = VERSION
    strengths: str | None = None
    worries: str | None = None
    childs_words: str | None = None
    familys_words: str | None = None
    what_needs_to_happen: str | None = None
    findings: str | None = None


class EnquiryOutcomeIn(Schema):
    outcome: EnquiryOutcome = Field(description=described(Section47Enquiry.Outcome))
    reasons: str
    on: date | None = None
    version: int | None = None


class TransferIn(Schema):
    to_team: str = Field(description="The receiving team's code.")
    to_worker: int = Field(description="The receiving social worker's user number.")
    on: date | None = None
    reason: str
    handover: str


class TransferOut(Schema):
    id: int
    episode_id: int
    from_team: str
    to_team: str
    to_worker: str
    transferred_on: date
    reason: str
    handover: str
    recorded_by: str


class CloseIn(Schema):
    reason: Closure = Field(description=described(ClosureReason))
    summary: str
    on: date | None = None


class EpisodeOut(Schema):
    id: int
    person_id: int
    referral_date: date
    referral_source: str
    primary_need: str
    team: str
    closure_date: date | None
    closure_reason: str
    closure_summary: str
    referral_nfa: bool


class EpisodeWorkOut(Schema):
    episode: EpisodeOut
    assessments: list[AssessmentOut]
    strategy_discussions: list[StrategyOut]
    section47_enquiries: list[EnquiryOut]
    transfers: list[TransferOut]


class ChildWorkOut(Schema):
    person_id: int
    episodes: list[EpisodeWorkOut]


class OpenWorkOut(Schema):
    kind: str = Field(description="assessment or section47")
    id: int
    person_id: int
    person_name: str
    worker: str
    due_at: datetime | None
    deadline_status: str


# --- Views of records -----------------------------------------------------------------------


def _practice(record) -> dict:
    return {f: getattr(record, f) for f in PracticeFields.model_fields}


def _assessment(a: Assessment) -> dict:
    return {**_practice(a), "id": a.pk, "episode_id": a.episode_id,
            "person_id": a.episode.person_id, "kind": a.kind, "status": a.status,
            "started_on": a.started_on, "completed_on": a.completed_on,
            "authorised_on": a.authorised_on, "authorised_by": _name(a.authorised_by),
            "worker": _name(a.worker), "factors": a.factors,
            "support_during_assessment": a.support_during_assessment, "outcome": a.outcome,
            "outcome_reasons": a.outcome_reasons, "manager_comments": a.manager_comments,
            **_clock(a.deadline), "version": a.version}


def _enquiry(e: Section47Enquiry) -> dict:
    return {**_practice(e), "id": e.pk, "episode_id": e.episode_id,
            "person_id": e.episode.person_id, "strategy_discussion_id": e.strategy_discussion_id,
            "started_on": e.started_on, "icpc_target": e.icpc_target, "worker": _name(e.worker),
            "findings": e.findings, "completed_on": e.completed_on, "outcome": e.outcome,
            "outcome_reasons": e.outcome_reasons, "authorised_by": _name(e.authorised_by),
            **_clock(e.deadline), "version": e.version}


def _discussion(d: StrategyDiscussion) -> dict:
    enquiry = Section47Enquiry.objects.filter(strategy_discussion=d).first()
    return {"id": d.pk, "episode_id": d.episode_id, "held_at": d.held_at,
            "attendees": d.attendees, "worries": d.worries, "childs_words": d.childs_words,
            "decision": d.decision, "reasons": d.reasons, "safety_actions": d.safety_actions,
            "recorded_by": _name(d.recorded_by), "section47_id": enquiry.pk if enquiry else None,
            "icpc_target": enquiry.icpc_target if enquiry else None}


def _transfer(t: Transfer) -> dict:
    return {"id": t.pk, "episode_id": t.episode_id, "from_team": t.from_team.code,
            "to_team": t.to_team.code, "to_worker": _name(t.to_worker),
            "transferred_on": t.transferred_on, "reason": t.reason, "handover": t.handover,
            "recorded_by": _name(t.recorded_by)}


def _episode(e: ChildInNeedEpisode) -> dict:
    return {"id": e.pk, "person_id": e.person_id, "referral_date": e.referral_date,
            "referral_source": e.referral_source, "primary_need": e.primary_need,
            "team": e.team.code, "closure_date": e.closure_date,
            "closure_reason": e.closure_reason, "closure_summary": e.closure_summary,
            "referral_nfa": e.referral_nfa}


# --- Operations -------------------------------------------------------------------------------


@router.get("/children/{person_id}", url_name="sw-child-work", response=ChildWorkOut,
            summary="A child's episodes with social care: assessments, strategy discussions, "
            "Section 47 enquiries and transfers")
def child_work(request, person_id: int):
    work = selectors.child_social_work(request.auth, person_id, request)
    return {"person_id": work.person.pk, "episodes": [
        {"episode": _episode(w.episode), "assessments": [_assessment(a) for a in w.assessments],
         "strategy_discussions": [_discussion(d) for d in w.strategy_discussions],
         "section47_enquiries": [_enquiry(e) for e in w.enquiries],
         "transfers": [_transfer(t) for t in w.transfers]} for w in work.episodes]}


@router.get("/open-work", url_name="sw-team-open-work", response=list[OpenWorkOut],
            summary="Your teams' open assessments and Section 47 enquiries, soonest first")
def team_open_work(request):
    return [{"kind": row.kind, "id": row.record.pk, "person_id": row.person.pk,
             "person_name": str(row.person), "worker": _name(row.worker),
             "due_at": row.clock.deadline.due_at if row.clock else None,
             "deadline_status": row.clock.status if row.clock else ""}
            for row in selectors.team_open_work(request.auth)]


@router.get("/assessments/{assessment_id}", url_name="sw-assessment-detail",
            response=AssessmentOut, summary="A Child and Family Assessment")
def assessment_detail(request, assessment_id: int):
    return _assessment(selectors.assessment_for(request.auth, assessment_id, request))


@router.patch("/assessments/{assessment_id}", url_name="sw-assessment-save",
              response={200: AssessmentOut, 409: Message},
              summary="Save a sitting of the assessment (send the version you read)")
def assessment_save(request, assessment_id: int, payload: AssessmentPatch):
    assessment = selectors.assessment_for(request.auth, assessment_id, request)
    changes = payload.model_dump(exclude={"version"}, exclude_none=True)
    saved = assessments.assessment_save(assessment=assessment, actor=request.auth,
                                        version=payload.version, changes=changes,
                                        http_request=request)
    return _assessment(selectors.assessment_for(request.auth, saved.pk))


@router.post("/assessments/{assessment_id}/send", url_name="sw-assessment-send",
             response={200: AssessmentOut, 409: Message},
             summary="Send the finished assessment to the team manager to authorise")
def assessment_send(request, assessment_id: int, payload: VersionIn):
    assessment = selectors.assessment_for(request.auth, assessment_id, request)
    sent = assessments.assessment_send(assessment=assessment, actor=request.auth,
                                       version=payload.version, http_request=request)
    return _assessment(selectors.assessment_for(request.auth, sent.pk))


@router.post("/assessments/{assessment_id}/authorise", url_name="sw-assessment-authorise",
             response={200: AssessmentOut, 409: Message},
             summary="The team manager authorises the outcome, with reasons and the primary "
             "need")
def assessment_authorise(request, assessment_id: int, payload: AuthoriseIn):
    assessment = selectors.assessment_for(request.auth, assessment_id, request)
    done = assessments.assessment_authorise(
        assessment=assessment, actor=request.auth, outcome=payload.outcome,
        reasons=payload.reasons, primary_need=payload.primary_need, on=payload.on,
        comments=payload.comments, version=payload.version, http_request=request)
    return _assessment(selectors.assessment_for(request.auth, done.pk))


@router.post("/assessments/{assessment_id}/return", url_name="sw-assessment-return",
             response={200: AssessmentOut, 409: Message},
             summary="The team manager returns the assessment to the worker, saying why")
def assessment_return(request, assessment_id: int, payload: ReturnIn):
    assessment = selectors.assessment_for(request.auth, assessment_id, request)
    done = assessments.assessment_return(assessment=assessment, actor=request.auth,
                                         comments=payload.comments, version=payload.version,
                                         http_request=request)
    return _assessment(selectors.assessment_for(request.auth, done.pk))


@router.post("/episodes/{episode_id}/strategy-discussions",
             url_name="sw-strategy-discussion-create", response={201: StrategyOut},
             summary="Record a strategy discussion; a decision to enquire opens the Section 47 "
             "enquiry with the conference due 15 working days later")
def strategy_discussion_create(request, episode_id: int, payload: StrategyIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    held_at = payload.held_at
    if timezone.is_naive(held_at):
        held_at = timezone.make_aware(held_at)
    discussion = section47.strategy_discussion_record(
        episode=episode, actor=request.auth, held_at=held_at,
        attendees=[a.model_dump() for a in payload.attendees], worries=payload.worries,
        childs_words=payload.childs_words, decision=payload.decision, reasons=payload.reasons,
        safety_actions=payload.safety_actions, http_request=request)
    return Status(201, _discussion(discussion))


@router.get("/section-47/{enquiry_id}", url_name="sw-section47-detail", response=EnquiryOut,
            summary="A Section 47 enquiry")
def section47_detail(request, enquiry_id: int):
    return _enquiry(selectors.enquiry_for(request.auth, enquiry_id, request))


@router.patch("/section-47/{enquiry_id}", url_name="sw-section47-save",
              response={200: EnquiryOut, 409: Message},
              summary="Save a sitting of the enquiry (send the version you read)")
def section47_save(request, enquiry_id: int, payload: EnquiryPatch):
    enquiry = selectors.enquiry_for(request.auth, enquiry_id, request)
    saved = section47.section47_save(
        enquiry=enquiry, actor=request.auth, version=payload.version,
        changes=payload.model_dump(exclude={"version"}, exclude_none=True), http_request=request)
    return _enquiry(selectors.enquiry_for(request.auth, saved.pk))


@router.post("/section-47/{enquiry_id}/outcome", url_name="sw-section47-outcome",
             response={200: EnquiryOut, 409: Message},
             summary="The team manager authorises the enquiry's outcome: conference or not")
def section47_outcome(request, enquiry_id: int, payload: EnquiryOutcomeIn):
    enquiry = selectors.enquiry_for(request.auth, enquiry_id, request)
    done = section47.section47_complete(enquiry=enquiry, actor=request.auth,
                                        outcome=payload.outcome, reasons=payload.reasons,
                                        on=payload.on, version=payload.version,
                                        http_request=request)
    return _enquiry(selectors.enquiry_for(request.auth, done.pk))


@router.post("/episodes/{episode_id}/transfer", url_name="sw-transfer-create",
             response={201: TransferOut},
             summary="The team manager transfers the work to another social work team")
def transfer_create(request, episode_id: int, payload: TransferIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    errors = {}
    to_team = Team.objects.filter(code=payload.to_team).first()
    if to_team is None:
        errors["to_team"] = UNKNOWN_TEAM
    to_worker = User.objects.filter(pk=payload.to_worker, is_active=True).first()
    if to_worker is None:
        errors["to_worker"] = UNKNOWN_WORKER
    if errors:
        raise ValidationError(errors)
    record = transfers.transfer_record(episode=episode, actor=request.auth, to_team=to_team,
                                       to_worker=to_worker, on=payload.on,
                                       reason=payload.reason, handover=payload.handover,
                                       http_request=request)
    return Status(201, _transfer(record))


@router.post("/episodes/{episode_id}/close", url_name="sw-episode-close", response=EpisodeOut,
             summary="The team manager closes the child's episode with its census reason")
def episode_close(request, episode_id: int, payload: CloseIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    episodes.check_manager(request.auth, episode)
    closed = episodes.episode_close(episode=episode, actor=request.auth,
                                    on=payload.on or timezone.localdate(),
                                    reason=payload.reason, summary=payload.summary,
                                    http_request=request)
    return _episode(ChildInNeedEpisode.objects.select_related("team").get(pk=closed.pk))
