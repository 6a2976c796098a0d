"""The Child and Family Assessment: opened on the Hub's clock, written over several sittings
using the practice model, sent for authorisation, and its outcome authorised by the team
manager with reasons. The authorisation meets the 45-working-day clock and starts what comes
next: closure, early help, a child in need plan, or a strategy discussion.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.deadlines import deadline_meet, deadline_start
from righthelp.core.models import Council, Deadline
from righthelp.people.models import Involvement
from righthelp.staff.models import User

from ..codes import PrimaryNeed
from ..models import Assessment, ChildInNeedEpisode, Section47Enquiry
from ..rules.assessments import closure_reason_for, factor_errors
from .episodes import (
    CAFA_RULE,
    CIN_IN_ASSESSMENT_TEAM_RULE,
    STRATEGY_RULE,
    allocated_worker,
    check_manager,
    check_open,
    check_worker,
    chronology,
    episode_close,
    lock,
    moment,
    open_deadline,
)

PRACTICE_FIELDS = ("strengths", "worries", "childs_words", "familys_words",
                   "what_needs_to_happen", "support_during_assessment")
EDITABLE_FIELDS = (*PRACTICE_FIELDS, "factors")

NOT_IN_PROGRESS = ("This assessment has been sent for authorisation; the team manager can "
                   "return it if it needs to change.")
NOT_AWAITING = "This assessment is not waiting for the team manager's authorisation."
NEED_STRENGTHS = "Record the family's strengths."
NEED_WORRIES = "Record what we are worried about."
NEED_CHILDS_WORDS = ("Record the child's own words (for a baby, what they would tell us by "
                     "how they are).")
NEED_FAMILYS_WORDS = "Record the family's own words about what is happening."
NEED_WHAT_NEXT = "Record what needs to happen."
NEED_FACTORS = ("Record the assessment factors (choose '21' if no factors were identified).")
NEED_OUTCOME = "Choose the outcome of the assessment."
NEED_REASONS = "Give the reasons for the outcome, in plain words."
NEED_PRIMARY_NEED = "Choose the child's primary need (N1 to N9)."
NEED_RETURN_NOTE = "Say what needs to change before the assessment is authorised."
AUTHORISED_BEFORE_COMPLETED = ("The authorisation date cannot be before the assessment was "
                               "sent for authorisation ({completed:%d %B %Y}).")
NEED_EARLY_HELP_HANDOVER = ("Record what needs to happen: it is handed over to early help as "
                            "the plan.")

REQUIRED_TO_SEND = {
    "strengths": NEED_STRENGTHS,
    "worries": NEED_WORRIES,
    "childs_words": NEED_CHILDS_WORDS,
    "familys_words": NEED_FAMILYS_WORDS,
    "what_needs_to_happen": NEED_WHAT_NEXT,
}


def _cafa_deadline(episode: ChildInNeedEpisode, actor: User | None) -> Deadline:
    """The running 45-working-day clock, or one started from the referral."""
    deadline = open_deadline(episode.person, CAFA_RULE)
    if deadline is not None:
        return deadline
    received = episode.request.received_at if episode.request_id else None
    return deadline_start(person=episode.person, rule_code=CAFA_RULE,
                          started_at=received or moment(episode.referral_date),
                          subject="Complete the Child and Family Assessment",
                          team=episode.team, actor=actor)


def assessment_open(
    *, episode: ChildInNeedEpisode, actor: User | None, started_on: date,
    deadline: Deadline | None = None,
) -> Assessment:
    """Open the episode's Child and Family Assessment on the clock from the referral (the
    one the Hub started, if given). An unfinished assessment already open is returned."""
    check_open(episode)
    with transaction.atomic():
        unfinished = episode.assessments.exclude(status=Assessment.Status.AUTHORISED).first()
        if unfinished is not None:
            return unfinished
        deadline = deadline or _cafa_deadline(episode, actor)
        worker = allocated_worker(episode.person, episode.team)
        if worker is not None and deadline.owner_id is None:
            deadline.owner = worker
            deadline.save(update_fields=["owner"])
        assessment = Assessment.objects.create(
            episode=episode, kind=Assessment.Kind.CHILD_AND_FAMILY, started_on=started_on,
            worker=worker, deadline=deadline)
        audit.record(user=actor, action=audit.Action.CREATE, person=episode.person,
                     obj=assessment, detail={"deadline": deadline.due_at.isoformat()})
        chronology(episode.person, actor, "assessment",
                   f"Child and Family Assessment opened by {episode.team}; due by "
                   f"{timezone.localtime(deadline.due_at):%d %B %Y}.")
    return assessment


def _clean_changes(changes: dict) -> dict:
    cleaned = {}
    for field, value in changes.items():
        if field not in EDITABLE_FIELDS:
            continue
        if field == "factors":
            codes = [str(c).strip().upper() for c in (value or []) if str(c).strip()]
            problems = factor_errors(codes)
            if problems:
                raise ValidationError({"factors": problems})
            cleaned[field] = codes
        else:
            cleaned[field] = (value or "").strip()
    return cleaned


def assessment_save(
    *, assessment: Assessment, actor: User, version: int, changes: dict,
    http_request: HttpRequest | None = None,
) -> Assessment:
    """Save a sitting of the assessment. Refused if someone saved since ``version`` (the
    second save of two people working at once is refused: EditConflict)."""
    check_worker(actor, assessment.episode)
    check_open(assessment.episode)
    cleaned = _clean_changes(changes)
    with transaction.atomic():
        current = lock(Assessment, assessment, version)
        if current.status != Assessment.Status.IN_PROGRESS:
            raise ValidationError(NOT_IN_PROGRESS)
        changed = sorted(f for f, v in cleaned.items() if getattr(current, f) != v)
        for field in changed:
            setattr(current, field, cleaned[field])
        if current.worker_id is None:
            current.worker = actor
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=current.episode.person, obj=current, detail={"fields": changed})
    return current


def assessment_send(
    *, assessment: Assessment, actor: User, version: int | None = None,
    http_request: HttpRequest | None = None,
) -> Assessment:
    """The worker has finished: send the assessment to the team manager to authorise."""
    check_worker(actor, assessment.episode)
    check_open(assessment.episode)
    with transaction.atomic():
        current = lock(Assessment, assessment, version)
        if current.status != Assessment.Status.IN_PROGRESS:
            raise ValidationError(NOT_IN_PROGRESS)
        errors = {f: m for f, m in REQUIRED_TO_SEND.items() if not getattr(current, f).strip()}
        if not current.factors:
            errors["factors"] = NEED_FACTORS
        if errors:
            raise ValidationError(errors)
        current.status = Assessment.Status.AWAITING_AUTHORISATION
        current.completed_on = timezone.localdate()
        current.worker = current.worker or actor
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=current.episode.person, obj=current, detail={"sent": True})
    return current


def assessment_return(
    *, assessment: Assessment, actor: User, comments: str, version: int | None = None,
    http_request: HttpRequest | None = None,
) -> Assessment:
    """The team manager sends the assessment back to the worker, saying what to change."""
    check_manager(actor, assessment.episode)
    if not (comments or "").strip():
        raise ValidationError({"comments": NEED_RETURN_NOTE})
    with transaction.atomic():
        current = lock(Assessment, assessment, version)
        if current.status != Assessment.Status.AWAITING_AUTHORISATION:
            raise ValidationError(NOT_AWAITING)
        current.status, current.completed_on = Assessment.Status.IN_PROGRESS, None
        current.manager_comments = comments.strip()
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=current.episode.person, obj=current, detail={"returned": True})
    return current


def _authorise_errors(assessment: Assessment, outcome: str, reasons: str, primary_need: str,
                      on: date) -> dict[str, str]:
    errors = {}
    if outcome not in Assessment.Outcome.values:
        errors["outcome"] = NEED_OUTCOME
    if not (reasons or "").strip():
        errors["reasons"] = NEED_REASONS
    if primary_need not in PrimaryNeed.values or primary_need == PrimaryNeed.NOT_STATED:
        errors["primary_need"] = NEED_PRIMARY_NEED
    if on > timezone.localdate():
        errors["on"] = "The date cannot be in the future."
    elif assessment.completed_on and on < assessment.completed_on:
        errors["on"] = AUTHORISED_BEFORE_COMPLETED.format(completed=assessment.completed_on)
    if outcome == Assessment.Outcome.STEP_DOWN_EARLY_HELP and not assessment.what_needs_to_happen:
        errors["outcome"] = NEED_EARLY_HELP_HANDOVER
    return errors


def assessment_authorise(
    *, assessment: Assessment, actor: User, outcome: str, reasons: str, primary_need: str,
    on: date | None = None, comments: str = "", version: int | None = None,
    http_request: HttpRequest | None = None,
) -> Assessment:
    """The team manager authorises the outcome with reasons and sets the child's primary
    need. This meets the assessment's clock, then:
    - close or step down to universal services: the episode closes (RC8, no further action);
    - step down to early help: early help opens with the plan handed over; closes (RC9);
    - child in need: a child in need plan starts, and the clock for keeping the child in
      Assessment and Support (three months) before transfer;
    - child protection: a strategy discussion is due (its clock starts);
    - care: recorded; the episode stays open for the child's care.
    """
    episode = assessment.episode
    check_manager(actor, episode)
    check_open(episode)
    on = on or timezone.localdate()
    errors = _authorise_errors(assessment, outcome, reasons, primary_need, on)
    if errors:
        raise ValidationError(errors)
    reasons = reasons.strip()
    with transaction.atomic():
        current = lock(Assessment, assessment, version)
        if current.status != Assessment.Status.AWAITING_AUTHORISATION:
            raise ValidationError(NOT_AWAITING)
        current.status = Assessment.Status.AUTHORISED
        current.authorised_on, current.authorised_by = on, actor
        current.outcome, current.outcome_reasons = outcome, reasons
        current.manager_comments = (comments or "").strip()
        current.save()
        episode = lock(ChildInNeedEpisode, episode, None)
        episode.primary_need = primary_need
        episode.save()
        if current.deadline_id and current.deadline.met_at is None:
            deadline_meet(deadline=current.deadline, met_at=moment(on), actor=actor)
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=episode.person, obj=current,
                     detail={"authorised": on.isoformat(), "outcome": outcome,
                             "primary_need": primary_need})
        chronology(episode.person, actor, "assessment",
                   f"Assessment authorised by {actor}: {current.get_outcome_display()}. "
                   f"{reasons}")
        _carry_out(current, episode, actor, on)
    return current


def _carry_out(assessment: Assessment, episode: ChildInNeedEpisode, actor: User,
               on: date) -> None:
    """What the authorised outcome starts (inside the authorisation's transaction)."""
    outcome, Outcome = assessment.outcome, Assessment.Outcome
    closure = closure_reason_for(outcome)
    if outcome == Outcome.STEP_DOWN_EARLY_HELP:
        _step_down_to_early_help(assessment, episode, actor)
    if closure is not None:
        episode_close(episode=episode, actor=actor, on=on, reason=closure,
                      summary=assessment.outcome_reasons)
    elif outcome == Outcome.CHILD_IN_NEED:
        _child_in_need(assessment, episode, actor, on)
    elif outcome == Outcome.CHILD_PROTECTION and not episode.section47_enquiries.filter(
            Q(completed_on__isnull=True) | Q(outcome=Section47Enquiry.Outcome.CONFERENCE)
    ).exists():
        # A Section 47 enquiry already under way (or going to conference) is the child
        # protection route: no second strategy discussion is due.
        deadline_start(person=episode.person, rule_code=STRATEGY_RULE, started_at=moment(on),
                       subject="Hold the strategy discussion (child protection)",
                       owner=assessment.worker, team=episode.team, actor=actor)


def _step_down_to_early_help(assessment: Assessment, episode: ChildInNeedEpisode,
                             actor: User) -> None:
    from righthelp.earlyhelp.services.episodes import episode_open_from_step_down

    involvement = episode.involvement or (
        Involvement.objects.filter(person=episode.person, kind=Involvement.Kind
                                   .CHILD_AND_FAMILY_ASSESSMENT).order_by("-start").first())
    handover = (f"What needs to happen: {assessment.what_needs_to_happen}\n"
                f"Strengths: {assessment.strengths}\nWorries: {assessment.worries}\n"
                f"The child's words: {assessment.childs_words}")
    episode_open_from_step_down(actor=actor, children=[episode.person],
                                from_involvement=involvement, handover_plan=handover)


def held_by_assessment_team(episode: ChildInNeedEpisode) -> bool:
    """Whether the team holding the work is the council's assessment team (the Hub's
    ``assessment`` team: Assessment and Support at Blackpool)."""
    teams = Council.objects.current().front_door.get("teams", {})
    code = teams.get("assessment")
    return not code or episode.team.code == code


def _child_in_need(assessment: Assessment, episode: ChildInNeedEpisode, actor: User,
                   on: date) -> None:
    from .plans import child_in_need_plan_start

    child_in_need_plan_start(episode=episode, actor=actor, start=on, team=episode.team)
    # Already with the longer-term team (a child back to Strengthening and Supporting
    # Families) there is no transfer to make, so no clock for one.
    if held_by_assessment_team(episode):
        deadline_start(person=episode.person, rule_code=CIN_IN_ASSESSMENT_TEAM_RULE,
                       started_at=moment(on),
                       subject="Transfer to Strengthening and Supporting Families (or close)",
                       owner=assessment.worker, team=episode.team, actor=actor)
    # The assessment's involvement gives way to the plan's (opened by the plan).
    for involvement in Involvement.objects.filter(
            person=episode.person, kind=Involvement.Kind.CHILD_AND_FAMILY_ASSESSMENT,
            end__isnull=True):
        involvement.end = max(on, involvement.start)
        involvement.outcome = Assessment.Outcome.CHILD_IN_NEED.label
        involvement.save()


def may_authorise(user: User, assessment: Assessment) -> bool:
    """Whether ``user`` may authorise (or return) this assessment now."""
    try:
        check_manager(user, assessment.episode)
    except PermissionDenied:
        return False
    return assessment.status == Assessment.Status.AWAITING_AUTHORISATION
