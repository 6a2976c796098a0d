"""The plans side of social work over JSON (mounted by api.py at /api/v1/social-work/).

Thin endpoints over the same selectors and services as the pages. Who may call what is the
URL policy (``api-1:<name>`` in policy_plans.py); which children's records, need to know
(every read opens the child's record through ``access.open_person``, audited).
Errors: 422 ``{"detail": [{"field", "message"}]}``; 409 when the plan or action moved on
(a stale ``version``); 403 refusals; 404 unknown numbers.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from ninja import Field, Schema, Status

from righthelp.core.api_auth import Message, PolicyRouter, choice_of, described
from righthelp.staff.models import Role, User

from . import selectors_plans as selectors
from .codes import CategoryOfAbuse
from .models import (
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    ContingencyOption,
    PlanAction,
    PlanReview,
    Section47Enquiry,
)
from .services import conferences as conference_services
from .services import contingency as contingency_services
from .services import plans as services
from .services import reviews as review_services
from .services import visits as visit_services

router = PolicyRouter()

NOTHING_TO_CONFERENCE = ("There is no conference to record: an initial conference follows a "
                         "Section 47 enquiry that found one is needed, and a review conference "
                         "needs an open child protection plan.")
UNKNOWN_CHAIR = "No active Child Protection chair has that number."

Category = choice_of(CategoryOfAbuse)
ActionStatus = choice_of(PlanAction.Status)
ConferenceDecision = choice_of(ChildProtectionConference.Decision)
StepTo = choice_of(ChildProtectionConference.StepTo)
ReviewDecision = choice_of(PlanReview.Decision)


class ClockOut(Schema):
    rule: str
    subject: str
    due_at: datetime
    met_at: datetime | None
    status: str = Field(description="due, due_soon, overdue, met_on_time or met_late.")


def _clock(deadline) -> dict | None:
    shown = selectors.clock(deadline)
    if shown is None:
        return None
    return {"rule": deadline.rule, "subject": deadline.subject, "due_at": deadline.due_at,
            "met_at": deadline.met_at, "status": shown.status}


class ActionOut(Schema):
    id: int
    who: str
    what: str
    by_when: date
    how_we_will_know: str
    status: ActionStatus
    outcome: str
    version: int


class PlanFields(Schema):
    strengths: str = ""
    worries: str = ""
    safety_plan: str = ""
    childs_words: str = Field("", description="The child's own words.")
    familys_words: str = Field("", description="The family's words.")
    what_needs_to_happen: str = ""


class PlanOut(PlanFields):
    id: int
    kind: str = Field(description="cin (child in need) or cp (child protection).")
    episode_id: int
    person_id: int
    status: str
    start: date
    end: date | None
    end_reason: str
    end_summary: str
    version: int = Field(description="Send this back to change the plan (409 if stale).")
    initial_category: str | None = None
    latest_category: str | None = None
    chair_id: int | None = None
    review: ClockOut | None
    visit: ClockOut | None
    reassessment: ClockOut | None = Field(
        None, description="The next reassessment of protective factors, assets and threats "
        "(Strengthening and Supporting Families).")
    actions: list[ActionOut]


def _plan_out(plan, kind: str) -> dict:
    data = {f: getattr(plan, f) for f in services.PLAN_FIELDS}
    data.update(
        id=plan.pk, kind=kind, episode_id=plan.episode_id, person_id=plan.episode.person_id,
        status=plan.status, start=plan.start, end=plan.end, end_reason=plan.end_reason,
        end_summary=plan.end_summary, version=plan.version,
        review=_clock(plan.review_deadline), visit=_clock(plan.visit_deadline),
        reassessment=_clock(plan.reassessment_deadline),
        actions=list(plan.actions.all()))
    if kind == "cp":
        data.update(initial_category=plan.initial_category,
                    latest_category=plan.latest_category, chair_id=plan.chair_id)
    return data


class PlanPatch(PlanFields):
    version: int = Field(description="The version you read (409 if someone saved since).")


class ActionIn(Schema):
    who: str = ""
    what: str = ""
    by_when: date
    how_we_will_know: str = ""


class ActionPatch(Schema):
    version: int
    status: ActionStatus = Field(description=described(PlanAction.Status))
    outcome: str = Field("", description="Needed when done or not done.")
    by_when: date | None = None


@router.get("/cin-plans/{plan_id}", url_name="sw-cin-plan-detail", response=PlanOut,
            summary="A child in need plan, its actions and its clocks")
def cin_plan_detail(request, plan_id: int):
    return _plan_out(selectors.cin_plan_for(request.auth, plan_id, request), "cin")


@router.patch("/cin-plans/{plan_id}", url_name="sw-cin-plan-update",
              response={200: PlanOut, 409: Message},
              summary="Change a child in need plan (co-produced with the family)")
def cin_plan_update(request, plan_id: int, payload: PlanPatch):
    plan = selectors.cin_plan_for(request.auth, plan_id, request)
    services.plan_update(plan=plan, actor=request.auth, version=payload.version,
                         changes=payload.model_dump(exclude={"version"}, exclude_unset=True))
    return _plan_out(selectors.cin_plan_for(request.auth, plan_id), "cin")


@router.get("/cp-plans/{plan_id}", url_name="sw-cp-plan-detail", response=PlanOut,
            summary="A child protection plan, its actions and its clocks")
def cp_plan_detail(request, plan_id: int):
    return _plan_out(selectors.cp_plan_for(request.auth, plan_id, request), "cp")


@router.patch("/cp-plans/{plan_id}", url_name="sw-cp-plan-update",
              response={200: PlanOut, 409: Message},
              summary="Change a child protection plan (co-produced with the family)")
def cp_plan_update(request, plan_id: int, payload: PlanPatch):
    plan = selectors.cp_plan_for(request.auth, plan_id, request)
    services.plan_update(plan=plan, actor=request.auth, version=payload.version,
                         changes=payload.model_dump(exclude={"version"}, exclude_unset=True))
    return _plan_out(selectors.cp_plan_for(request.auth, plan_id), "cp")


@router.post("/cin-plans/{plan_id}/actions", url_name="sw-cin-plan-action-create",
             response={201: ActionOut}, summary="Add an action: who, what, by when, how we "
             "will know")
def cin_plan_action_create(request, plan_id: int, payload: ActionIn):
    plan = selectors.cin_plan_for(request.auth, plan_id, request)
    return Status(201, services.plan_action_add(plan=plan, actor=request.auth,
                                                **payload.model_dump()))


@router.post("/cp-plans/{plan_id}/actions", url_name="sw-cp-plan-action-create",
             response={201: ActionOut}, summary="Add an action: who, what, by when, how we "
             "will know")
def cp_plan_action_create(request, plan_id: int, payload: ActionIn):
    plan = selectors.cp_plan_for(request.auth, plan_id, request)
    return Status(201, services.plan_action_add(plan=plan, actor=request.auth,
                                                **payload.model_dump()))


@router.patch("/plan-actions/{action_id}", url_name="sw-plan-action-update",
              response={200: ActionOut, 409: Message},
              summary="Say where an action stands (send the version you read)")
def plan_action_update(request, action_id: int, payload: ActionPatch):
    action = selectors.action_for(request.auth, action_id, request)
    return services.plan_action_update(action=action, actor=request.auth, **payload.model_dump())


class CinEndIn(Schema):
    version: int
    end: date
    reason: choice_of(ChildInNeedPlan.EndReason) = Field(
        description=described(ChildInNeedPlan.EndReason))
    summary: str = ""
    close_episode: bool = Field(False, description="Close the episode too (census RC7).")


@router.post("/cin-plans/{plan_id}/end", url_name="sw-cin-plan-end",
             response={200: PlanOut, 409: Message}, summary="End a child in need plan")
def cin_plan_end(request, plan_id: int, payload: CinEndIn):
    plan = selectors.cin_plan_for(request.auth, plan_id, request)
    services.child_in_need_plan_end(plan=plan, actor=request.auth, on=payload.end,
                                    reason=payload.reason, summary=payload.summary,
                                    version=payload.version, close_episode=payload.close_episode)
    return _plan_out(selectors.cin_plan_for(request.auth, plan_id), "cin")


class Attendee(Schema):
    name: str
    role: str = ""
    family: bool = False


class ReviewIn(Schema):
    held_on: date
    progress: str = ""
    childs_words: str = ""
    familys_words: str = ""
    decision: ReviewDecision = Field(description=described(PlanReview.Decision))
    reasons: str = ""
    what_changed: str = Field("", description="When escalating: how harm escalated.")
    attendees: list[Attendee] = Field(default_factory=list)


class ReviewOut(Schema):
    id: int
    kind: str
    held_on: date
    decision: str
    progress: str
    childs_words: str
    reasons: str


@router.post("/cin-plans/{plan_id}/reviews", url_name="sw-cin-plan-review-create",
             response={201: ReviewOut}, summary="Record a child in need plan review")
def cin_plan_review_create(request, plan_id: int, payload: ReviewIn):
    plan = selectors.cin_plan_for(request.auth, plan_id, request)
    data = payload.model_dump()
    data["attendees"] = [dict(a) for a in data["attendees"]]
    return Status(201, review_services.cin_review_record(plan=plan, actor=request.auth, **data))


class MidwayIn(Schema):
    held_on: date
    progress: str = ""
    childs_words: str = ""
    familys_words: str = ""
    decision: choice_of(PlanReview.Decision) = Field(
        description="continue, or step_down (bring the review conference forward).")
    reasons: str = ""
    attendees: list[Attendee] = Field(default_factory=list)


@router.post("/cp-plans/{plan_id}/midway-reviews", url_name="sw-cp-plan-midway-create",
             response={201: ReviewOut}, summary="The chair's midway review between conferences")
def cp_plan_midway_create(request, plan_id: int, payload: MidwayIn):
    plan = selectors.cp_plan_for(request.auth, plan_id, request)
    data = payload.model_dump()
    data["attendees"] = [dict(a) for a in data["attendees"]]
    return Status(201, review_services.midway_review_record(plan=plan, actor=request.auth,
                                                            **data))


class EscalationIn(Schema):
    what_changed: str = Field("", description="How harm to the child has escalated.")


class EscalationOut(Schema):
    id: int
    what_changed: str
    decided_at: datetime


@router.post("/cin-plans/{plan_id}/escalations", url_name="sw-cin-plan-escalate",
             response={201: EscalationOut},
             summary="Escalate toward child protection (refused unless harm escalated)")
def cin_plan_escalate(request, plan_id: int, payload: EscalationIn):
    plan = selectors.cin_plan_for(request.auth, plan_id, request)
    return Status(201, review_services.escalation_record(plan=plan, actor=request.auth,
                                                         what_changed=payload.what_changed))


class ConferenceIn(Schema):
    held_on: date
    chair_id: int | None = None
    attendees: list[Attendee] = Field(default_factory=list, description="The family first.")
    family_absent_reason: str = Field("", description="Why the family were not there, in "
                                      "plain words: needed when no attendee is family.")
    childs_words: str = ""
    familys_words: str = ""
    strengths: str = ""
    worries: str = ""
    decision: ConferenceDecision = Field(description=described(
        ChildProtectionConference.Decision) + ". Initial: plan or no_plan; review: continue "
        "or end.")
    category: Category | None = Field(None, description=described(CategoryOfAbuse))
    step_to: StepTo | None = Field(None, description=described(
        ChildProtectionConference.StepTo))
    reasons: str = ""


class ConferenceOut(Schema):
    id: int
    kind: str
    episode_id: int
    held_on: date
    chair_id: int
    attendees: list[Attendee]
    family_attended: bool
    family_absent_reason: str
    childs_words: str
    familys_words: str
    decision: str
    category: str
    step_to: str
    reasons: str
    cp_plan_id: int | None


@router.post("/episodes/{episode_id}/conferences", url_name="sw-conference-create",
             response={201: ConferenceOut},
             summary="Record a conference: the ICPC after a Section 47 that needs one, else "
             "the review conference of the open child protection plan")
def conference_create(request, episode_id: int, payload: ConferenceIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    chair = User.objects.filter(pk=payload.chair_id, role=Role.CP_CHAIR,
                                is_active=True).first() if payload.chair_id else None
    if payload.chair_id and chair is None:
        raise ValidationError({"chair_id": UNKNOWN_CHAIR})
    common = {
        "actor": request.auth, "held_on": payload.held_on, "chair": chair,
        "attendees": [a.model_dump() for a in payload.attendees],
        "childs_words": payload.childs_words, "familys_words": payload.familys_words,
        "strengths": payload.strengths, "worries": payload.worries,
        "decision": payload.decision, "category": payload.category or "",
        "step_to": payload.step_to or "", "reasons": payload.reasons,
        "family_absent_reason": payload.family_absent_reason}
    plan = ChildProtectionPlan.objects.filter(episode=episode, status="open").first()
    if plan is not None:
        conference = conference_services.review_conference_record(cp_plan=plan, **common)
    else:
        enquiry = (Section47Enquiry.objects.filter(episode=episode, outcome="conference")
                   .exclude(conferences__kind="initial").order_by("-started_on").first())
        if enquiry is None:
            raise ValidationError(NOTHING_TO_CONFERENCE)
        try:
            conference = conference_services.initial_conference_record(section47=enquiry,
                                                                       **common)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "chair" in error.error_dict:
                error.error_dict["chair_id"] = error.error_dict.pop("chair")
            raise
    return Status(201, conference)


@router.get("/conferences/{conference_id}", url_name="sw-conference-detail",
            response=ConferenceOut, summary="A conference: who attended, the child's words, "
            "the decision")
def conference_detail(request, conference_id: int):
    return selectors.conference_for(request.auth, conference_id, request)


class VisitIn(Schema):
    visited_on: date
    seen: bool
    seen_alone: bool
    childs_words: str = ""
    notes: str = ""


class VisitOut(VisitIn):
    id: int


@router.post("/episodes/{episode_id}/visits", url_name="sw-visit-create",
             response={201: VisitOut},
             summary="Record a visit (meets the visit clock when the child was seen)")
def visit_create(request, episode_id: int, payload: VisitIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    return Status(201, visit_services.visit_record(episode=episode, actor=request.auth,
                                                   **payload.model_dump()))


class ReassessmentIn(Schema):
    held_on: date
    protective_factors: str = ""
    assets: str = ""
    threats: str = ""
    childs_words: str = ""
    familys_words: str = ""


class ReassessmentOut(ReassessmentIn):
    id: int


@router.post("/episodes/{episode_id}/reassessments", url_name="sw-reassessment-create",
             response={201: ReassessmentOut},
             summary="Reassess protective factors, assets and threats")
def reassessment_create(request, episode_id: int, payload: ReassessmentIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    return Status(201, review_services.reassessment_record(episode=episode, actor=request.auth,
                                                           **payload.model_dump()))


class OptionIn(Schema):
    kind: choice_of(ContingencyOption.Kind) = Field(description=described(
        ContingencyOption.Kind))
    relationship_id: int | None = Field(None, description="For the family network: who, "
                                        "from the child's network.")
    description: str = ""
    considered: bool = True
    chosen: bool = False
    why: str = ""


class ContingencyIn(Schema):
    summary: str = ""
    childs_words: str = ""
    options: list[OptionIn] = Field(default_factory=list,
                                    description="In order: the family network first.")


class OptionOut(Schema):
    order: int
    kind: str
    relationship_id: int | None
    description: str
    considered: bool
    chosen: bool
    why: str


class ContingencyOut(Schema):
    id: int
    episode_id: int
    summary: str
    childs_words: str
    options: list[OptionOut]


def _contingency_out(plan) -> dict:
    return {"id": plan.pk, "episode_id": plan.episode_id, "summary": plan.summary,
            "childs_words": plan.childs_words, "options": list(plan.options.all())}


@router.post("/episodes/{episode_id}/contingency-plans", url_name="sw-contingency-create",
             response={201: ContingencyOut},
             summary="Record a contingency plan: the family network first, then foster care")
def contingency_create(request, episode_id: int, payload: ContingencyIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    options = [{**o.model_dump(exclude={"relationship_id"}), "relationship": o.relationship_id}
               for o in payload.options]
    plan = contingency_services.contingency_plan_record(
        episode=episode, actor=request.auth, options=options, summary=payload.summary,
        childs_words=payload.childs_words)
    return Status(201, _contingency_out(plan))


@router.get("/contingency-plans/{plan_id}", url_name="sw-contingency-detail",
            response=ContingencyOut, summary="A contingency plan: what was considered, chosen "
            "and why")
def contingency_detail(request, plan_id: int):
    return _contingency_out(selectors.contingency_for(request.auth, plan_id, request))


class DriftPlanOut(Schema):
    plan_id: int
    person_id: int
    child_name: str
    start: date
    flags: list[str] = Field(description="review_overdue, visit_missed, reassessment_overdue, "
                             "midway_review_due (half the time from the last conference to "
                             "the next review gone, no midway review since), actions_overdue, "
                             "outcomes_met (every action done, plan still open).")
    overdue_action_ids: list[int]


class ChairDriftOut(Schema):
    chair_id: int | None
    chair_name: str
    plans: list[DriftPlanOut]


@router.get("/chairs/drift", url_name="sw-chair-drift", response=list[ChairDriftOut],
            summary="Child protection plans drifting between conferences, by chair")
def chair_drift(request, include_on_track: bool = False):
    groups = selectors.drifting_plans(request.auth, include_on_track=include_on_track)
    return [{
        "chair_id": g.chair.pk if g.chair else None,
        "chair_name": g.chair.get_full_name() if g.chair else "",
        "plans": [{"plan_id": r.plan.pk, "person_id": r.plan.episode.person_id,
                   "child_name": r.plan.episode.person.full_name, "start": r.plan.start,
                   "flags": r.flags, "overdue_action_ids": [a.pk for a in r.overdue_actions]}
                  for r in g.rows]} for g in groups]
