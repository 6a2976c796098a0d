"""Shapes and record views of the assessments side's JSON API (``api_assessments.py``)."""

from datetime import date, datetime

from ninja import Field, Schema

from righthelp.core.api_auth import choice_of, described
from righthelp.staff.models import User

from . import selectors
from .codes import ClosureReason, PrimaryNeed
from .models import (
    Assessment,
    ChildInNeedEpisode,
    Section47Enquiry,
    StrategyDiscussion,
    Transfer,
)

Outcome = choice_of(Assessment.Outcome)
NeedCode = choice_of(PrimaryNeed)
Decision = choice_of(StrategyDiscussion.Decision)
EnquiryOutcome = choice_of(Section47Enquiry.Outcome)
Closure = choice_of(ClosureReason)
VERSION = Field(description="The version you read; if someone saved since, your change is "
                "refused (409).")

def user_name(user: User | None) -> str:
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


def assessment_view(a: Assessment) -> dict:
    return {**_practice(a), "id": a.pk, "episode_id": a.episode_id,
            "person_id": a.episode.person_id, "kind": a.kind, "status": a.status,
            "started_on": a.started_on, "completed_on": a.completed_on,
            "authorised_on": a.authorised_on, "authorised_by": user_name(a.authorised_by),
            "worker": user_name(a.worker), "factors": a.factors,
            "support_during_assessment": a.support_during_assessment, "outcome": a.outcome,
            "outcome_reasons": a.outcome_reasons, "manager_comments": a.manager_comments,
            **_clock(a.deadline), "version": a.version}


def enquiry_view(e: Section47Enquiry) -> dict:
    return {**_practice(e), "id": e.pk, "episode_id": e.episode_id,
            "person_id": e.episode.person_id, "strategy_discussion_id": e.strategy_discussion_id,
            "started_on": e.started_on, "icpc_target": e.icpc_target, "worker": user_name(e.worker),
            "findings": e.findings, "completed_on": e.completed_on, "outcome": e.outcome,
            "outcome_reasons": e.outcome_reasons, "authorised_by": user_name(e.authorised_by),
            **_clock(e.deadline), "version": e.version}


def discussion_view(d: StrategyDiscussion) -> dict:
    enquiry = Section47Enquiry.objects.filter(strategy_discussion=d).first()
    return {"id": d.pk, "episode_id": d.episode_id, "held_at": d.held_at,
            "attendees": d.attendees, "worries": d.worries, "childs_words": d.childs_words,
            "decision": d.decision, "reasons": d.reasons, "safety_actions": d.safety_actions,
            "recorded_by": user_name(d.recorded_by),
            "section47_id": enquiry.pk if enquiry else None,
            "icpc_target": enquiry.icpc_target if enquiry else None}


def transfer_view(t: Transfer) -> dict:
    return {"id": t.pk, "episode_id": t.episode_id, "from_team": t.from_team.code,
            "to_team": t.to_team.code, "to_worker": user_name(t.to_worker),
            "transferred_on": t.transferred_on, "reason": t.reason, "handover": t.handover,
            "recorded_by": user_name(t.recorded_by)}


def episode_view(e: ChildInNeedEpisode) -> dict:
    return {"id": e.pk, "person_id": e.person_id, "referral_date": e.referral_date,
            "referral_source": e.referral_source, "primary_need": e.primary_need,
            "team": e.team.code, "closure_date": e.closure_date,
            "closure_reason": e.closure_reason, "closure_summary": e.closure_summary,
            "referral_nfa": e.referral_nfa}
