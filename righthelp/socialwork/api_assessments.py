"""The assessments side of social work over JSON (mounted by api.py at /api/v1/social-work/).

Thin endpoints over the same selectors and services as the pages: the child's social work,
a team's open work, the Child and Family Assessment (sittings, sending, the team manager's
authorisation or return), strategy discussions, Section 47 enquiries and their outcome,
transfers, and closing an episode. Who may call what is the URL policy (``api-1:<name>`` in
``policy_assessments.py``); which records, need to know (``access.open_person``, audited).
Errors: 422 ``{"detail": [{"field", "message"}]}``; 409 when someone saved since the
``version`` you read; 403 refusals; 404 unknown numbers. Shapes: ``api_assessments_schemas``.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Status

from righthelp.core.api_auth import Message, PolicyRouter
from righthelp.staff.models import Team, User

from . import selectors
from .api_assessments_schemas import (
    AssessmentOut,
    AssessmentPatch,
    AuthoriseIn,
    ChildWorkOut,
    CloseIn,
    EnquiryOut,
    EnquiryOutcomeIn,
    EnquiryPatch,
    EpisodeOut,
    OpenWorkOut,
    ReturnIn,
    StrategyIn,
    StrategyOut,
    TransferIn,
    TransferOut,
    VersionIn,
    assessment_view,
    discussion_view,
    enquiry_view,
    episode_view,
    transfer_view,
    user_name,
)
from .models import ChildInNeedEpisode
from .services import assessments, episodes, section47, transfers

router = PolicyRouter(tags=["Statutory social work: assessment and support"])

UNKNOWN_TEAM = "No team has that code."
UNKNOWN_WORKER = "No active user has that number."

# --- Operations -------------------------------------------------------------------------------


@router.get("/children/{person_id}", url_name="sw-child-work", response=ChildWorkOut,
            summary="A child's episodes with social care: assessments, strategy discussions, "
            "Section 47 enquiries and transfers")
def child_work(request, person_id: int):
    work = selectors.child_social_work(request.auth, person_id, request)
    return {"person_id": work.person.pk, "episodes": [
        {"episode": episode_view(w.episode),
         "assessments": [assessment_view(a) for a in w.assessments],
         "strategy_discussions": [discussion_view(d) for d in w.strategy_discussions],
         "section47_enquiries": [enquiry_view(e) for e in w.enquiries],
         "transfers": [transfer_view(t) for t in w.transfers]} for w in work.episodes]}


@router.get("/open-work", url_name="sw-team-open-work", response=list[OpenWorkOut],
            summary="Your teams' open assessments and Section 47 enquiries, soonest first")
def team_open_work(request):
    return [{"kind": row.kind, "id": row.record.pk, "person_id": row.person.pk,
             "person_name": str(row.person), "worker": user_name(row.worker),
             "due_at": row.clock.deadline.due_at if row.clock else None,
             "deadline_status": row.clock.status if row.clock else ""}
            for row in selectors.team_open_work(request.auth)]


@router.get("/assessments/{assessment_id}", url_name="sw-assessment-detail",
            response=AssessmentOut, summary="A Child and Family Assessment")
def assessment_detail(request, assessment_id: int):
    return assessment_view(selectors.assessment_for(request.auth, assessment_id, request))


@router.patch("/assessments/{assessment_id}", url_name="sw-assessment-save",
              response={200: AssessmentOut, 409: Message},
              summary="Save a sitting of the assessment (send the version you read)")
def assessment_save(request, assessment_id: int, payload: AssessmentPatch):
    assessment = selectors.assessment_for(request.auth, assessment_id, request)
    changes = payload.model_dump(exclude={"version"}, exclude_none=True)
    saved = assessments.assessment_save(assessment=assessment, actor=request.auth,
                                        version=payload.version, changes=changes,
                                        http_request=request)
    return assessment_view(selectors.assessment_for(request.auth, saved.pk))


@router.post("/assessments/{assessment_id}/send", url_name="sw-assessment-send",
             response={200: AssessmentOut, 409: Message},
             summary="Send the finished assessment to the team manager to authorise")
def assessment_send(request, assessment_id: int, payload: VersionIn):
    assessment = selectors.assessment_for(request.auth, assessment_id, request)
    sent = assessments.assessment_send(assessment=assessment, actor=request.auth,
                                       version=payload.version, http_request=request)
    return assessment_view(selectors.assessment_for(request.auth, sent.pk))


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
    return assessment_view(selectors.assessment_for(request.auth, done.pk))


@router.post("/assessments/{assessment_id}/return", url_name="sw-assessment-return",
             response={200: AssessmentOut, 409: Message},
             summary="The team manager returns the assessment to the worker, saying why")
def assessment_return(request, assessment_id: int, payload: ReturnIn):
    assessment = selectors.assessment_for(request.auth, assessment_id, request)
    done = assessments.assessment_return(assessment=assessment, actor=request.auth,
                                         comments=payload.comments, version=payload.version,
                                         http_request=request)
    return assessment_view(selectors.assessment_for(request.auth, done.pk))


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
    return Status(201, discussion_view(discussion))


@router.get("/section-47/{enquiry_id}", url_name="sw-section47-detail", response=EnquiryOut,
            summary="A Section 47 enquiry")
def section47_detail(request, enquiry_id: int):
    return enquiry_view(selectors.enquiry_for(request.auth, enquiry_id, request))


@router.patch("/section-47/{enquiry_id}", url_name="sw-section47-save",
              response={200: EnquiryOut, 409: Message},
              summary="Save a sitting of the enquiry (send the version you read)")
def section47_save(request, enquiry_id: int, payload: EnquiryPatch):
    enquiry = selectors.enquiry_for(request.auth, enquiry_id, request)
    saved = section47.section47_save(
        enquiry=enquiry, actor=request.auth, version=payload.version,
        changes=payload.model_dump(exclude={"version"}, exclude_none=True), http_request=request)
    return enquiry_view(selectors.enquiry_for(request.auth, saved.pk))


@router.post("/section-47/{enquiry_id}/outcome", url_name="sw-section47-outcome",
             response={200: EnquiryOut, 409: Message},
             summary="The team manager authorises the enquiry's outcome: conference or not")
def section47_outcome(request, enquiry_id: int, payload: EnquiryOutcomeIn):
    enquiry = selectors.enquiry_for(request.auth, enquiry_id, request)
    done = section47.section47_complete(enquiry=enquiry, actor=request.auth,
                                        outcome=payload.outcome, reasons=payload.reasons,
                                        on=payload.on, version=payload.version,
                                        http_request=request)
    return enquiry_view(selectors.enquiry_for(request.auth, done.pk))


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
    return Status(201, transfer_view(record))


@router.post("/episodes/{episode_id}/close", url_name="sw-episode-close", response=EpisodeOut,
             summary="The team manager closes the child's episode with its census reason")
def episode_close(request, episode_id: int, payload: CloseIn):
    episode = selectors.episode_for(request.auth, episode_id, request)
    episodes.check_manager(request.auth, episode)
    closed = episodes.episode_close(episode=episode, actor=request.auth,
                                    on=payload.on or timezone.localdate(),
                                    reason=payload.reason, summary=payload.summary,
                                    http_request=request)
    return episode_view(ChildInNeedEpisode.objects.select_related("team").get(pk=closed.pk))
