"""Reviews between conferences: child in need plan reviews on the council's cadence, the
Child Protection chair's midway review, escalation to child protection when harm has
escalated, and Strengthening and Supporting Families' regular reassessment."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit
from righthelp.staff.models import Role, User

from ..models import (
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionPlan,
    Escalation,
    PlanReview,
    Reassessment,
)
from ..rules.plans import escalation_verdict
from .plans import (
    EPISODE_CLOSED,
    PLAN_ENDED,
    check_day,
    chronology,
    close,
    end_plan,
    lock_plan,
    meet_clock,
    start_clock,
    start_reassessment_clock,
    step_down_to_early_help,
)

D = PlanReview.Decision
NEED_PROGRESS = "Say what progress has been made against the plan."
NEED_REASONS = "Explain the decision."
NEED_CHILDS_WORDS = "Record the child's own words: what they said, or how they are, for a baby."
NEED_WHAT_CHANGED = "Describe how harm to the child has escalated."
MIDWAY_ONLY_CHAIRS = "Only a Child Protection chair records a midway review."
MIDWAY_DECISIONS = (
    "A midway review continues the plan, or asks for the review conference to be brought "
    "forward to consider stepping down: only a conference ends a child protection plan.")
CIN_REVIEW_DECISION = "Choose what the review decided."
NEED_PROTECTIVE_FACTORS = "Describe the protective factors."
NEED_ASSETS = "Describe the family's assets: what they have and do that helps."
NEED_THREATS = "Describe the threats to the child's safety and wellbeing."


def _review_errors(progress: str, reasons: str, childs_words: str) -> dict:
    errors = {}
    if not progress.strip():
        errors["progress"] = NEED_PROGRESS
    if not childs_words.strip():
        errors["childs_words"] = NEED_CHILDS_WORDS
    if not reasons.strip():
        errors["reasons"] = NEED_REASONS
    return errors


def cin_review_record(
    *, plan: ChildInNeedPlan, actor: User, held_on: date, progress: str, childs_words: str,
    decision: str, reasons: str, familys_words: str = "", attendees: list[dict] | None = None,
    what_changed: str = "",
) -> PlanReview:
    """Review a child in need plan: meets the running review clock. Continue starts the next
    one; end (outcomes met) or step down closes the plan; escalate needs harm to have
    escalated and leads to a strategy discussion."""
    errors = _review_errors(progress, reasons, childs_words)
    if decision not in D.values:
        errors["decision"] = CIN_REVIEW_DECISION
    if decision == D.ESCALATE:
        verdict = escalation_verdict(what_changed)
        if not verdict.allowed:
            errors["what_changed"] = verdict.message
    if errors:
        raise ValidationError(errors)
    if not plan.is_open:
        raise ValidationError(PLAN_ENDED)
    last = plan.reviews.order_by("-held_on").values_list("held_on", flat=True).first()
    check_day(held_on, earliest=last or plan.start, field="held_on",
              what="the plan (or its last review)")
    episode = plan.episode
    with transaction.atomic():
        plan = lock_plan(plan, None)
        review = PlanReview.objects.create(
            kind=PlanReview.Kind.CHILD_IN_NEED_REVIEW, cin_plan=plan, held_on=held_on,
            attendees=attendees or [], progress=progress.strip(),
            childs_words=childs_words.strip(), familys_words=familys_words.strip(),
            decision=decision, reasons=reasons.strip(), recorded_by=actor)
        meet_clock(plan.review_deadline, held_on, actor)
        if decision in (D.CONTINUE, D.ESCALATE):
            plan.review_deadline = start_clock(
                person=episode.person, code="child-in-need-plan-review", day=held_on,
                team=plan.team, actor=actor, subject="Review the child in need plan")
            plan.save()
        if decision == D.ESCALATE:
            _escalate(plan=plan, actor=actor, what_changed=what_changed)
        elif decision == D.STEP_DOWN:
            end_plan(plan, actor=actor, on=held_on,
                     reason=ChildInNeedPlan.EndReason.STEPPED_DOWN_TO_EARLY_HELP,
                     summary=reasons)
            step_down_to_early_help(episode=episode, actor=actor, on=held_on, summary=reasons)
        elif decision == D.END:
            end_plan(plan, actor=actor, on=held_on, reason=ChildInNeedPlan.EndReason.OUTCOMES_MET,
                     summary=reasons)
            close(episode, actor=actor, on=held_on, reason="RC7", summary=reasons)
        chronology(episode.person, actor, "plan_review",
                   f"Child in need plan review: {review.get_decision_display()}.")
        audit.record(user=actor, action=audit.Action.CREATE, person=episode.person, obj=review,
                     detail={"decision": decision})
    return review


def midway_review_record(
    *, plan: ChildProtectionPlan, actor: User, held_on: date, progress: str,
    childs_words: str, decision: str, reasons: str, familys_words: str = "",
    attendees: list[dict] | None = None,
) -> PlanReview:
    """The chair's review of a child protection plan between conferences, against drift."""
    if actor.role != Role.CP_CHAIR:
        raise PermissionDenied(MIDWAY_ONLY_CHAIRS)
    errors = _review_errors(progress, reasons, childs_words)
    if decision not in (D.CONTINUE, D.STEP_DOWN):
        errors["decision"] = MIDWAY_DECISIONS
    if errors:
        raise ValidationError(errors)
    if not plan.is_open:
        raise ValidationError(PLAN_ENDED)
    check_day(held_on, earliest=plan.start, field="held_on", what="the plan")
    with transaction.atomic():
        review = PlanReview.objects.create(
            kind=PlanReview.Kind.MIDWAY, cp_plan=plan, held_on=held_on,
            attendees=attendees or [], progress=progress.strip(),
            childs_words=childs_words.strip(), familys_words=familys_words.strip(),
            decision=decision, reasons=reasons.strip(), recorded_by=actor)
        chronology(plan.episode.person, actor, "midway_review",
                   f"Midway review by the Child Protection chair: "
                   f"{review.get_decision_display()}.")
        audit.record(user=actor, action=audit.Action.CREATE, person=plan.episode.person,
                     obj=review, detail={"decision": decision})
    return review


def _escalate(*, plan: ChildInNeedPlan, actor: User, what_changed: str) -> Escalation:
    person = plan.episode.person
    escalation = Escalation.objects.create(cin_plan=plan, what_changed=what_changed.strip(),
                                           decided_by=actor)
    start_clock(person=person, code="strategy-discussion", day=timezone.localdate(),
                team=plan.episode.team, actor=actor,
                subject="Hold a strategy discussion: harm has escalated")
    chronology(person, actor, "escalation",
               f"Escalation from the child in need plan: {escalation.what_changed}")
    audit.record(user=actor, action=audit.Action.CREATE, person=person, obj=escalation)
    return escalation


def escalation_record(*, plan: ChildInNeedPlan, actor: User, what_changed: str) -> Escalation:
    """Escalate a child in need plan toward child protection: refused unless what changed
    describes harm escalating. Starts the clock for a strategy discussion."""
    verdict = escalation_verdict(what_changed)
    if not verdict.allowed:
        raise ValidationError({verdict.field: verdict.message})
    if not plan.is_open:
        raise ValidationError(PLAN_ENDED)
    with transaction.atomic():
        return _escalate(plan=lock_plan(plan, None), actor=actor, what_changed=what_changed)


def reassessment_record(
    *, episode: ChildInNeedEpisode, actor: User, held_on: date, protective_factors: str,
    assets: str, threats: str, childs_words: str, familys_words: str = "",
) -> Reassessment:
    """Strengthening and Supporting Families' regular reassessment: it meets the open plan's
    running reassessment clock and starts the next, on the council's cadence from
    ``held_on``."""
    errors = {}
    for field, value, message in (
            ("protective_factors", protective_factors, NEED_PROTECTIVE_FACTORS),
            ("assets", assets, NEED_ASSETS), ("threats", threats, NEED_THREATS),
            ("childs_words", childs_words, NEED_CHILDS_WORDS)):
        if not (value or "").strip():
            errors[field] = message
    if errors:
        raise ValidationError(errors)
    if not episode.is_open:
        raise ValidationError(EPISODE_CLOSED)
    check_day(held_on, earliest=episode.referral_date, field="held_on", what="the referral")
    with transaction.atomic():
        reassessment = Reassessment.objects.create(
            episode=episode, held_on=held_on, protective_factors=protective_factors.strip(),
            assets=assets.strip(), threats=threats.strip(), childs_words=childs_words.strip(),
            familys_words=familys_words.strip(), recorded_by=actor)
        _next_reassessment(episode, held_on, actor)
        chronology(episode.person, actor, "reassessment",
                   "Reassessment of protective factors, assets and threats.")
        audit.record(user=actor, action=audit.Action.CREATE, person=episode.person,
                     obj=reassessment)
    return reassessment


def _next_reassessment(episode: ChildInNeedEpisode, held_on: date, actor: User) -> None:
    """Meet the open plan's running reassessment clock and start the next from ``held_on``.
    A plan without one (held by the assessment team) has none to meet; a reassessment dated
    before the running clock started (recorded late) leaves it running."""
    for model in (ChildProtectionPlan, ChildInNeedPlan):
        # No join to the (nullable) deadline: PostgreSQL locks no outer join's rows.
        plan = (model.objects.select_for_update().select_related("team", "episode__person")
                .filter(episode=episode, status="open").first())
        if plan is None:
            continue
        running = plan.reassessment_deadline
        if running is None or held_on < timezone.localdate(running.started_at):
            return
        meet_clock(running, held_on, actor)
        start_reassessment_clock(plan, held_on, actor)
        plan.save(update_fields=["reassessment_deadline"])
        return
