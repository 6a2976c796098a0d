"""Early help over JSON, mounted at /api/v1/early-help/: episodes, the assessment, the family's
plan, meetings, reviews, step up, closing, the Early Help Hub's lead agreement and the link
worker's view.

Thin endpoints over the same selectors and services as the pages. Who may call what is the URL
policy (``api-1:<name>``); which episodes is ``access.py``: an episode the caller is not part of
answers 404 (the attempt is audited), as if it did not exist. Errors: 422
``{"detail": [{"field", "message"}]}``; 409 when someone saved first (a stale ``version``) or the
episode moved on (closed, stepped up).
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Status

from righthelp.core.api_auth import Message, PolicyRouter
from righthelp.directory.models import Service
from righthelp.people.models import Person
from righthelp.staff.models import User

from . import selectors, services
from .access import NO_EPISODE, NOT_YOUR_EPISODE, EpisodeRefused, open_episode
from .models import EarlyHelpEpisode, FamilyPlan, PlanAction
from .models.plans import name_services
from .schemas import (
    ActionIn,
    ActionOut,
    ActionPatch,
    AgreeIn,
    AgreeLeadIn,
    AssessmentIn,
    AssessmentOut,
    CloseIn,
    ConsentWithdrawIn,
    EpisodeDetailOut,
    EpisodeOut,
    EpisodePage,
    InviteIn,
    LinkWorkerOut,
    MeetingIn,
    MeetingOut,
    OpenIn,
    PlanIn,
    PlanOut,
    ReviewIn,
    ReviewOut,
    ShareIn,
    StepUpIn,
    StepUpOut,
    VersionIn,
)
from .services.common import Conflict, NewMember
from .services.plans import NOT_PUBLISHED

router = PolicyRouter(tags=["Early help: assess, plan, do, review"])

NO_PERSON = "No person with that number that you can open."
NO_USER = "No active user with that number."
NO_ACTION = "No action with that number in this episode's plan."
CONFLICT = {409: Message}


@contextmanager
def _conflicts():
    """A service's "someone saved first" or "the episode moved on" becomes a 409."""
    try:
        yield
    except Conflict:
        raise
    except ValidationError as error:
        if getattr(error, "code", None) == "edit_conflict":
            raise Conflict(error.messages[0]) from error
        raise


def _episode(request, episode_id: int, edit: bool = False) -> EarlyHelpEpisode:
    """The episode, if the caller is part of it; else 404 (the refusal is audited)."""
    try:
        return open_episode(request.auth, episode_id, request, edit=edit)
    except EpisodeRefused as refused:
        if str(refused) == NOT_YOUR_EPISODE:
            raise Http404(NO_EPISODE) from None
        raise


def _user_ref(user: User | None) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": str(user), "agency": str(user.agency or "")}


def _out(episode: EarlyHelpEpisode, drift: list[str] | None = None) -> dict:
    members = list(episode.memberships.all())
    return {
        "id": episode.pk, "status": episode.status, "status_label": episode.get_status_display(),
        "opened_via": episode.opened_via, "level_of_need": episode.level_of_need,
        "why_help": episode.why_help, "family": str(episode.family),
        "members": [{"id": m.person.pk, "name": m.person.full_name,
                     "date_of_birth": m.person.date_of_birth, "is_child": m.is_child,
                     "relationship": m.relationship} for m in members],
        "lead_professional": _user_ref(episode.lead_professional),
        "lead_organisation": episode.lead_organisation, "partner_led": episode.partner_led,
        "locality": str(episode.locality or ""), "link_worker": _user_ref(episode.link_worker),
        "consent_given_by": episode.consent_given_by,
        "consent_given_at": episode.consent_given_at,
        "consent_withdrawn_at": episode.consent_withdrawn_at,
        "stays_open_reason": episode.stays_open_reason, "opened_at": episode.opened_at,
        "review_due_at": episode.review_due_at,
        "drift": drift if drift is not None else selectors.drift_flags(episode),
        "closure_reason": episode.closure_reason, "family_outcome": episode.family_outcome,
        "version": episode.version,
    }


def _action(action: PlanAction) -> dict:
    return {**{name: getattr(action, name) for name in ActionOut.model_fields
               if name != "directory_service"},
            "directory_service": action.directory_service_id}


def _plan(plan: FamilyPlan | None) -> dict | None:
    if plan is None:
        return None
    return {"what_we_want": plan.what_we_want, "agreed_at": plan.agreed_at,
            "agreed_with": plan.agreed_with, "shared_at": plan.shared_at,
            "plain_language_findings": plan.plain_language_findings,
            "actions": [_action(a) for a in name_services(plan.actions.all())],
            "version": plan.version}


def _detail(episode: EarlyHelpEpisode) -> dict:
    detail = selectors.episode_detail(episode)
    assessment = detail.assessment
    return {
        **_out(episode, detail.flags),
        "assessment": {name: getattr(assessment, name) for name in AssessmentOut.model_fields}
        if assessment else None,
        "plan": _plan(detail.plan),
        "meetings": [{**{n: getattr(m, n) for n in MeetingOut.model_fields
                         if n != "family_attendees"},
                      "family_attendees": [p.pk for p in m.family_attendees.all()]}
                     for m in detail.meetings],
        "reviews": [{n: getattr(r, n) for n in ReviewOut.model_fields} for r in detail.reviews],
    }


def _fresh(episode_id: int) -> EarlyHelpEpisode:
    return EarlyHelpEpisode.objects.get(pk=episode_id)


# --- Episodes ---------------------------------------------------------------------------------


@router.get("/episodes/", url_name="early-help-episodes", response=EpisodePage,
            summary="The early help episodes you are part of (live ones; all with closed=true)")
def episode_list(request, closed: bool = False):
    rows = selectors.episodes_for(request.auth, live_only=not closed)
    return {"items": [_out(r.episode, r.flags) for r in rows]}


def _person(request, person_id: int) -> Person:
    from righthelp.core.access import AccessDenied, open_person

    try:
        return open_person(request.auth, person_id, request)
    except (AccessDenied, Http404):
        raise ValidationError({"members": NO_PERSON}) from None


@router.post("/episodes/", url_name="early-help-episode-open",
             response={201: EpisodeOut, 409: Message},
             summary="Open early help directly for a family you know (a partner: Level 2)")
def episode_open(request, payload: OpenIn):
    members = []
    for number, member in enumerate(payload.members):
        if member.person_id is None and member.details is None:
            raise ValidationError({f"members.{number}": "Give a person_id or details."})
        person = _person(request, member.person_id) if member.person_id else None
        details = member.details.model_dump() if member.details else {}
        if details and not member.is_child:
            details["kind"] = "adult"
        members.append(NewMember(is_child=member.is_child, person=person, details=details,
                                 relationship=member.relationship))
    episode = services.episode_open(
        actor=request.auth, members=members, level_of_need=payload.level_of_need,
        why_help=payload.why_help, consent_given_by=payload.consent_given_by,
        consent_given=payload.consent_given, http_request=request)
    return Status(201, _out(episode))


@router.get("/episodes/{episode_id}", url_name="early-help-episode", response=EpisodeDetailOut,
            summary="An episode in full: members, consent, assessment, plan, meetings, reviews")
def episode_detail(request, episode_id: int):
    return _detail(_episode(request, episode_id))


@router.post("/episodes/{episode_id}/invitations", url_name="early-help-invite",
             response={201: EpisodeOut},
             summary="Invite another professional into the team around the family")
def invite(request, episode_id: int, payload: InviteIn):
    episode = _episode(request, episode_id, edit=True)
    user = User.objects.filter(pk=payload.user, is_active=True).first()
    if user is None:
        raise ValidationError({"user": NO_USER})
    services.invitation_add(actor=request.auth, episode=episode, user=user,
                            access=payload.access, reason=payload.reason, http_request=request)
    return Status(201, _out(_fresh(episode_id)))


@router.post("/episodes/{episode_id}/lead", url_name="early-help-agree-lead",
             response={200: EpisodeOut, **CONFLICT},
             summary="The Early Help Hub agrees who leads")
def agree_lead(request, episode_id: int, payload: AgreeLeadIn):
    episode = _episode(request, episode_id, edit=True)
    lead = User.objects.filter(pk=payload.lead_professional, is_active=True).first()
    if lead is None:
        raise ValidationError({"lead_professional": NO_USER})
    with _conflicts():
        services.episode_agree_lead(actor=request.auth, episode=episode, version=payload.version,
                                    lead_professional=lead, level_of_need=payload.level_of_need,
                                    http_request=request)
    return _out(_fresh(episode_id))


# --- Assessment -------------------------------------------------------------------------------


@router.put("/episodes/{episode_id}/assessment", url_name="early-help-assessment-save",
            response={200: AssessmentOut, **CONFLICT},
            summary="Save the assessment as it is (a sitting); nothing typed is lost")
def assessment_save(request, episode_id: int, payload: AssessmentIn):
    episode = _episode(request, episode_id, edit=True)
    data = payload.model_dump(exclude={"version"}, exclude_unset=True)
    with _conflicts():
        return services.assessment_save(actor=request.auth, episode=episode, data=data,
                                        version=payload.version, http_request=request)


@router.post("/episodes/{episode_id}/assessment/complete",
             url_name="early-help-assessment-complete",
             response={200: AssessmentOut, **CONFLICT},
             summary="Complete the assessment (refused, naming each missing part)")
def assessment_complete(request, episode_id: int, payload: VersionIn):
    episode = _episode(request, episode_id, edit=True)
    with _conflicts():
        return services.assessment_complete(actor=request.auth, episode=episode,
                                            version=payload.version, http_request=request)


# --- The family's plan ------------------------------------------------------------------------


@router.put("/episodes/{episode_id}/plan", url_name="early-help-plan-save",
            response={200: PlanOut, **CONFLICT}, summary="What the family wants to be different")
def plan_save(request, episode_id: int, payload: PlanIn):
    episode = _episode(request, episode_id, edit=True)
    with _conflicts():
        plan = services.plan_save(actor=request.auth, episode=episode, version=payload.version,
                                  what_we_want=payload.what_we_want, http_request=request)
    return _plan(plan)


@router.post("/episodes/{episode_id}/plan/actions", url_name="early-help-action-add",
             response={201: ActionOut, **CONFLICT}, summary="Add an action to the plan")
def action_add(request, episode_id: int, payload: ActionIn):
    episode = _episode(request, episode_id, edit=True)
    data = payload.model_dump()
    data["council_service"] = data["council_service"] or ""
    if data["directory_service"] is not None:
        data["directory_service"] = Service.objects.filter(pk=data["directory_service"]).first()
        if data["directory_service"] is None:
            raise ValidationError({"directory_service": NOT_PUBLISHED})
    with _conflicts():
        action = services.action_add(actor=request.auth, episode=episode, data=data,
                                     http_request=request)
    return Status(201, _action(action))


@router.patch("/episodes/{episode_id}/plan/actions/{action_id}",
              url_name="early-help-action-update", response={200: ActionOut, **CONFLICT},
              summary="Change an action, or its status")
def action_update(request, episode_id: int, action_id: int, payload: ActionPatch):
    episode = _episode(request, episode_id, edit=True)
    action = PlanAction.objects.filter(pk=action_id, plan__episode=episode).first()
    if action is None:
        raise Http404(NO_ACTION)
    data = payload.model_dump(exclude={"version"}, exclude_unset=True)
    with _conflicts():
        action = services.action_update(actor=request.auth, action=action,
                                        version=payload.version, data=data, http_request=request)
    return _action(action)


@router.post("/episodes/{episode_id}/plan/agree", url_name="early-help-plan-agree",
             response={200: PlanOut, **CONFLICT},
             summary="The family agrees the plan: the review clock starts")
def plan_agree(request, episode_id: int, payload: AgreeIn):
    episode = _episode(request, episode_id, edit=True)
    with _conflicts():
        plan = services.plan_agree(actor=request.auth, episode=episode, version=payload.version,
                                   agreed_with=payload.agreed_with, http_request=request)
    return _plan(plan)


@router.post("/episodes/{episode_id}/plan/share", url_name="early-help-plan-share",
             response={200: PlanOut, **CONFLICT},
             summary="Share the plan with the family, after the plain language check")
def plan_share(request, episode_id: int, payload: ShareIn):
    episode = _episode(request, episode_id, edit=True)
    with _conflicts():
        plan = services.plan_share(actor=request.auth, episode=episode, version=payload.version,
                                   confirm=payload.confirm, http_request=request)
    return _plan(plan)


# --- Meetings and reviews ---------------------------------------------------------------------


@router.post("/episodes/{episode_id}/meetings", url_name="early-help-meeting-add",
             response={201: MeetingOut, **CONFLICT},
             summary="Record a team around the family meeting")
def meeting_add(request, episode_id: int, payload: MeetingIn):
    episode = _episode(request, episode_id, edit=True)
    attendees = list(Person.objects.filter(pk__in=payload.family_attendees,
                                           early_help_memberships__episode=episode))
    if len(attendees) != len(set(payload.family_attendees)):
        raise ValidationError({"family_attendees": "Choose family members from this episode."})
    with _conflicts():
        meeting = services.meeting_record(
            actor=request.auth, episode=episode, held_on=payload.held_on, agreed=payload.agreed,
            family_attendees=attendees, professional_attendees=payload.professional_attendees,
            plan_updates=payload.plan_updates, childs_words=payload.childs_words,
            http_request=request)
    return Status(201, {**{n: getattr(meeting, n) for n in MeetingOut.model_fields
                           if n != "family_attendees"},
                        "family_attendees": [p.pk for p in attendees]})


@router.post("/episodes/{episode_id}/reviews", url_name="early-help-review-add",
             response={201: ReviewOut, **CONFLICT},
             summary="Review the plan: meets the review deadline and starts the next")
def review_add(request, episode_id: int, payload: ReviewIn):
    episode = _episode(request, episode_id, edit=True)
    progress = {p.action: {"status": p.status, "note": p.note} for p in payload.progress}
    with _conflicts():
        review = services.review_record(
            actor=request.auth, episode=episode, version=payload.version,
            held_on=payload.held_on, childs_words=payload.childs_words,
            family_words=payload.family_words, what_is_better=payload.what_is_better,
            still_worried_about=payload.still_worried_about, progress=progress,
            http_request=request)
    return Status(201, {n: getattr(review, n) for n in ReviewOut.model_fields})


# --- Step up, consent and closing -------------------------------------------------------------


@router.post("/episodes/{episode_id}/step-up", url_name="early-help-step-up",
             response={201: StepUpOut, **CONFLICT},
             summary="Step up to the Hub when risk escalates (not if it stays the same)")
def step_up(request, episode_id: int, payload: StepUpIn):
    episode = _episode(request, episode_id, edit=True)
    with _conflicts():
        step = services.step_up(
            actor=request.auth, episode=episode, version=payload.version,
            risk_change=payload.risk_change, what_changed=payload.what_changed,
            childs_words=payload.childs_words, family_agreed=payload.family_agreed,
            no_consent_reason=payload.no_consent_reason, http_request=request)
    return Status(201, {"id": step.pk, "request_id": step.request_id,
                        "episode_status": step.episode.status})


@router.post("/episodes/{episode_id}/consent-withdrawn", url_name="early-help-consent-withdraw",
             response={200: EpisodeOut, **CONFLICT},
             summary="The family withdrew consent: closes, unless significant harm (recorded)")
def consent_withdraw(request, episode_id: int, payload: ConsentWithdrawIn):
    episode = _episode(request, episode_id, edit=True)
    with _conflicts():
        services.consent_withdraw(
            actor=request.auth, episode=episode, version=payload.version,
            withdrawn_by=payload.withdrawn_by,
            significant_harm_reason=payload.significant_harm_reason, http_request=request)
    return _out(_fresh(episode_id))


@router.post("/episodes/{episode_id}/close", url_name="early-help-close",
             response={200: EpisodeOut, **CONFLICT},
             summary="Close: outcomes met (per action and for the family), or another reason")
def close(request, episode_id: int, payload: CloseIn):
    episode = _episode(request, episode_id, edit=True)
    outcomes = {o.action: (o.outcome, o.note) for o in payload.action_outcomes}
    with _conflicts():
        services.episode_close(actor=request.auth, episode=episode, version=payload.version,
                               reason=payload.reason, family_outcome=payload.family_outcome,
                               action_outcomes=outcomes, http_request=request)
    return _out(_fresh(episode_id))


# --- Link workers -----------------------------------------------------------------------------


@router.get("/link-worker", url_name="early-help-link-worker", response=LinkWorkerOut,
            summary="A link worker's partner-led episodes, by lead professional, and where help "
                    "is needed")
def link_worker(request):
    view = selectors.link_worker_view(request.auth)
    return {
        "leads": [{"lead": _user_ref(lead.lead),
                   "episodes": [_out(r.episode, r.flags) for r in lead.rows],
                   "needing_help": lead.needing_help} for lead in view.leads],
        "needing_help": [_out(r.episode, r.flags) for r in view.needing_help],
        "total": view.total,
    }


# --- Figures for managers ----------------------------------------------------------------------
# Imports here keep this block self-contained (others append to this module too).
from datetime import date as date_type  # noqa: E402

from django.utils import timezone as _timezone  # noqa: E402
from ninja import Field as _Field  # noqa: E402
from ninja import Query as _Query  # noqa: E402
from ninja import Schema as _Schema  # noqa: E402

from . import figures as _figures  # noqa: E402


class FiguresCountOut(_Schema):
    code: str
    label: str
    count: int


class FiguresMonthOut(_Schema):
    code: str = _Field(description="YYYY-MM")
    label: str


class FiguresOpenOut(_Schema):
    on: date_type = _Field(description="Open on this day: the period's last.")
    total: int
    by_locality: list[FiguresCountOut]
    by_lead: list[FiguresCountOut] = _Field(description="Partner agencies, then the council's "
                                             "teams, then any with the lead not agreed yet.")
    partner_led: int
    council_led: int
    not_agreed: int
    partner_percent: float | None = _Field(description="Partner-led, of those with a lead.")


class FiguresMonthLeadsOut(_Schema):
    month: FiguresMonthOut
    opened: int
    partner_led: int
    council_led: int
    not_agreed: int
    partner_percent: float | None


class FiguresPartnerLedOut(_Schema):
    opened: int = _Field(description="Episodes opened in the period.")
    partner_led: int
    council_led: int
    partner_percent: float | None
    months: list[FiguresMonthLeadsOut]


class FiguresReviewsOut(_Schema):
    due: int = _Field(description="Review deadlines that fell due in the period (per child).")
    on_time: int
    late: int
    overdue: int = _Field(description="Fell due and not held: overdue now, or missed before "
                          "the episode closed.")
    percent: float | None


class FiguresMonthStepsOut(_Schema):
    month: FiguresMonthOut
    ups: int
    downs: int


class FiguresStepsOut(_Schema):
    ups: int = _Field(description="Step-ups to the Hub.")
    downs: int = _Field(description="Step-downs from social care.")
    months: list[FiguresMonthStepsOut]


class FiguresClosuresOut(_Schema):
    total: int
    outcomes_met: int
    percent: float | None
    by_reason: list[FiguresCountOut]


class FiguresSteppedUpOut(_Schema):
    months: int = _Field(description="The council's lookback after closing.")
    children: int = _Field(description="Children whose episode closed in the period (other "
                           "than by a step up).")
    stepped_up: int = _Field(description="Of those, back in social care within the lookback.")
    percent: float | None


class FiguresPeriodOut(_Schema):
    first: date_type
    last: date_type


class EarlyHelpFiguresOut(_Schema):
    period: FiguresPeriodOut
    open: FiguresOpenOut
    partner_led: FiguresPartnerLedOut
    reviews: FiguresReviewsOut
    steps: FiguresStepsOut
    closures: FiguresClosuresOut
    stepped_up_again: FiguresSteppedUpOut


@router.get("/figures", url_name="early-help-figures", response=EarlyHelpFiguresOut,
            summary="Early help figures for managers, for a period")
def early_help_figures(
    request,
    first: str = _Query("", description="YYYY-MM-DD, the first day; with last left out too, "
                        "the last 12 months in whole months."),
    last: str = _Query("", description="YYYY-MM-DD, the last day (default today)."),
):
    period = _figures.period_from(first, last, _timezone.localdate())
    return _figures.early_help_figures(period, _timezone.now())
