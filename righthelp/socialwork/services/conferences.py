"""Child protection conferences, chaired by a Child Protection chair (pathway.md sections 5
and 7).

The Initial Child Protection Conference (ICPC) follows a Section 47 enquiry that found a
conference is needed, and meets the ICPC deadline the strategy discussion started. A decision
for a plan starts the child protection plan, its first review clock (3 months) and its visit
clock, and ends any child in need plan. A review conference meets the running review clock
and either continues the plan (the next review at most 6 months on) or ends it, stepping the
child down to a child in need plan, early help, universal services, or closing.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from righthelp.core import audit
from righthelp.people.models import Involvement
from righthelp.staff.models import Allocation, Role, User

from ..codes import CategoryOfAbuse
from ..models import (
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
)
from ..rules.plans import child_protection_from_cin_verdict
from .plans import (
    EPISODE_CLOSED,
    check_day,
    child_in_need_plan_start,
    chronology,
    close,
    end_involvements,
    end_plan,
    lock_plan,
    meet_clock,
    open_involvement,
    start_clock,
    start_reassessment_clock,
    step_down_to_early_help,
)

Conference = ChildProtectionConference
Decision = Conference.Decision
StepTo = Conference.StepTo

CHAIR_MUST_BE_CP_CHAIR = "Choose the Child Protection chair who chaired the conference."
NEED_CHILDS_WORDS = ("Record the child's own words: what they said, or how they are, for a "
                     "baby.")
NEED_ATTENDEES = "List who attended, the family first."
NEED_REASONS = "Explain the conference's decision."
NEED_CATEGORY = "Choose the category of abuse for the plan."
NEED_STEP_TO = "Say where the child goes next: a child in need plan, early help, universal " \
    "services, or close."
WRONG_DECISION_INITIAL = "An initial conference decides whether the child needs a plan."
WRONG_DECISION_REVIEW = "A review conference continues or ends the plan."
NO_CONFERENCE_NEEDED = ("This Section 47 enquiry did not find that a conference is needed; "
                        "an Initial Child Protection Conference follows one that did.")
ICPC_ALREADY_HELD = "The Initial Child Protection Conference for this enquiry is recorded."
PLAN_NOT_OPEN = "This child protection plan has ended; a review conference needs an open plan."
STEP_TO_ONLY_WITHOUT_PLAN = "Say where the child goes next only when there is no plan."
NEED_FAMILY_ABSENT_REASON = ("No one from the family attended: say why the family were not "
                             "there, in plain words.")


def _validate(*, chair: User | None, attendees: list[dict], childs_words: str, reasons: str,
              decision: str, category: str, step_to: str, allowed: set[str],
              wrong_decision: str, family_absent_reason: str) -> None:
    errors = {}
    if chair is None or chair.role != Role.CP_CHAIR or not chair.is_active:
        errors["chair"] = CHAIR_MUST_BE_CP_CHAIR
    if not [a for a in attendees if (a.get("name") or "").strip()]:
        errors["attendees"] = NEED_ATTENDEES
    elif not _family_attended(attendees) and not family_absent_reason.strip():
        errors["family_absent_reason"] = NEED_FAMILY_ABSENT_REASON
    if not childs_words.strip():
        errors["childs_words"] = NEED_CHILDS_WORDS
    if not reasons.strip():
        errors["reasons"] = NEED_REASONS
    if decision not in allowed:
        errors["decision"] = wrong_decision
    elif decision in (Decision.PLAN, Decision.CONTINUE):
        if category not in CategoryOfAbuse.values:
            errors["category"] = NEED_CATEGORY
        if step_to:
            errors["step_to"] = STEP_TO_ONLY_WITHOUT_PLAN
    elif step_to not in StepTo.values:
        errors["step_to"] = NEED_STEP_TO
    if errors:
        raise ValidationError(errors)


def _family_attended(attendees: list[dict]) -> bool:
    return any(a.get("family") and (a.get("name") or "").strip() for a in attendees)


def _clean_attendees(attendees: list[dict]) -> list[dict]:
    rows = [{"name": (a.get("name") or "").strip(), "role": (a.get("role") or "").strip(),
             "family": bool(a.get("family"))} for a in attendees]
    rows = [r for r in rows if r["name"]]
    return sorted(rows, key=lambda r: not r["family"])  # the family first


def _conference(*, episode, kind, actor, held_on, chair, attendees, childs_words,
                familys_words, strengths, worries, decision, category, step_to, reasons,
                family_absent_reason, section47=None, cp_plan=None) -> ChildProtectionConference:
    rows = _clean_attendees(attendees)
    family_attended = any(r["family"] for r in rows)
    return Conference.objects.create(
        episode=episode, kind=kind, section47=section47, cp_plan=cp_plan, held_on=held_on,
        chair=chair, attendees=rows, family_attended=family_attended,
        # Only asked when no one from the family was there.
        family_absent_reason="" if family_attended else family_absent_reason.strip(),
        childs_words=childs_words.strip(), familys_words=familys_words.strip(),
        strengths=strengths.strip(), worries=worries.strip(), decision=decision,
        category=category if decision in (Decision.PLAN, Decision.CONTINUE) else "",
        step_to=step_to if decision in (Decision.NO_PLAN, Decision.END) else "",
        reasons=reasons.strip(), recorded_by=actor)


def initial_conference_record(
    *, section47: Section47Enquiry, actor: User, held_on: date, chair: User | None,
    attendees: list[dict], childs_words: str, decision: str, reasons: str,
    category: str = "", step_to: str = "", familys_words: str = "", strengths: str = "",
    worries: str = "", family_absent_reason: str = "",
) -> ChildProtectionConference:
    """Record the ICPC. "plan" starts the child protection plan; "no plan" steps the child to
    a child in need plan, early help, universal services, or closes."""
    _validate(chair=chair, attendees=attendees, childs_words=childs_words, reasons=reasons,
              decision=decision, category=category, step_to=step_to,
              allowed={Decision.PLAN, Decision.NO_PLAN}, wrong_decision=WRONG_DECISION_INITIAL,
              family_absent_reason=family_absent_reason)
    episode = section47.episode
    if not episode.is_open:
        raise ValidationError(EPISODE_CLOSED)
    if section47.outcome != Section47Enquiry.Outcome.CONFERENCE:
        raise ValidationError(NO_CONFERENCE_NEEDED)
    check_day(held_on, earliest=timezone.localdate(section47.strategy_discussion.held_at),
              field="held_on", what="the strategy discussion")
    with transaction.atomic():
        ChildInNeedEpisode.objects.select_for_update().get(pk=episode.pk)
        if Conference.objects.filter(section47=section47, kind=Conference.Kind.INITIAL).exists():
            raise ValidationError(ICPC_ALREADY_HELD)
        plan = None
        if decision == Decision.PLAN:
            plan = _start_cp_plan(episode=episode, actor=actor, held_on=held_on, chair=chair,
                                  category=category, section47=section47)
        conference = _conference(
            episode=episode, kind=Conference.Kind.INITIAL, actor=actor, held_on=held_on,
            chair=chair, attendees=attendees, childs_words=childs_words,
            familys_words=familys_words, strengths=strengths, worries=worries,
            decision=decision, category=category, step_to=step_to, reasons=reasons,
            family_absent_reason=family_absent_reason,
            section47=section47, cp_plan=plan)
        meet_clock(section47.deadline, held_on, actor)
        end_involvements(episode.person, Involvement.Kind.SECTION_47, held_on,
                         conference.get_decision_display())
        if decision == Decision.NO_PLAN:
            _step(episode=episode, actor=actor, on=held_on, step_to=step_to, summary=reasons)
        chronology(episode.person, actor, "conference",
                   f"Initial Child Protection Conference: {conference.get_decision_display()}.")
        audit.record(user=actor, action=audit.Action.CREATE, person=episode.person,
                     obj=conference, detail={"decision": decision, "category": category})
    return conference


def _check_escalated(open_cin: ChildInNeedPlan | None, section47: Section47Enquiry) -> None:
    """A child on a child in need plan moves to child protection only after the escalation of
    harm is recorded on that plan, unless the enquiry began before the plan did."""
    if open_cin is None:
        return
    discussed_on = timezone.localdate(section47.strategy_discussion.held_at)
    verdict = child_protection_from_cin_verdict(
        on_cin_plan=discussed_on >= open_cin.start,
        escalation_recorded=open_cin.escalations.exists())
    if not verdict.allowed:
        raise ValidationError({verdict.field: verdict.message})


def _start_cp_plan(*, episode, actor, held_on, chair, category,
                   section47: Section47Enquiry) -> ChildProtectionPlan:
    open_cin = ChildInNeedPlan.objects.filter(episode=episode, status="open").first()
    _check_escalated(open_cin, section47)
    if open_cin is not None:
        end_plan(lock_plan(open_cin, None), actor=actor, on=max(held_on, open_cin.start),
                 reason=ChildInNeedPlan.EndReason.ESCALATED_TO_CHILD_PROTECTION,
                 summary="The Initial Child Protection Conference decided on a child "
                 "protection plan.")
    person = episode.person
    plan = ChildProtectionPlan.objects.create(
        episode=episode, start=held_on, team=episode.team, created_by=actor, chair=chair,
        initial_category=category, latest_category=category)
    plan.review_deadline = start_clock(
        person=person, code="first-child-protection-review", day=held_on, team=episode.team,
        actor=actor, subject="Hold the first child protection review conference")
    plan.visit_deadline = start_clock(
        person=person, code="child-protection-visit", day=held_on, team=episode.team,
        actor=actor, subject="Visit the child (child protection plan)")
    start_reassessment_clock(plan, held_on, actor)
    plan.save(update_fields=["review_deadline", "visit_deadline", "reassessment_deadline"])
    open_involvement(person, Involvement.Kind.CHILD_PROTECTION, episode.team, held_on,
                     f"Child protection plan from {held_on:%d %b %Y}")
    _allocate_chair(person=person, chair=chair, actor=actor, on=held_on)
    audit.record(user=actor, action=audit.Action.CREATE, person=person, obj=plan,
                 detail={"category": category})
    return plan


def _allocate_chair(*, person, chair: User, actor: User, on: date) -> None:
    """The chair follows the plan between conferences, so they see the child's record."""
    today = timezone.localdate()
    current = Allocation.objects.filter(person=person, kind=Allocation.Kind.CP_CHAIR).filter(
        Q(end__isnull=True) | Q(end__gte=today))
    if current.filter(worker=chair).exists():
        return
    for allocation in current:
        allocation.end = max(today, allocation.start)
        allocation.save()
    Allocation.objects.create(person=person, worker=chair, kind=Allocation.Kind.CP_CHAIR,
                              start=min(on, today), allocated_by=actor,
                              reason="Chairs the child protection plan's conferences.")


def _end_chair(person) -> None:
    today = timezone.localdate()
    for allocation in Allocation.objects.filter(person=person, kind=Allocation.Kind.CP_CHAIR,
                                                end__isnull=True):
        allocation.end = max(today, allocation.start)
        allocation.save()


def _step(*, episode, actor, on: date, step_to: str, summary: str) -> None:
    """Where the child goes when there is no plan, or the plan ends."""
    if step_to == StepTo.CHILD_IN_NEED:
        if not ChildInNeedPlan.objects.filter(episode=episode, status="open").exists():
            child_in_need_plan_start(episode=episode, actor=actor, start=on)
        return
    open_cin = ChildInNeedPlan.objects.filter(episode=episode, status="open").first()
    if step_to == StepTo.EARLY_HELP:
        if open_cin is not None:
            end_plan(lock_plan(open_cin, None), actor=actor, on=max(on, open_cin.start),
                     reason=ChildInNeedPlan.EndReason.STEPPED_DOWN_TO_EARLY_HELP,
                     summary=summary)
        step_down_to_early_help(episode=episode, actor=actor, on=on, summary=summary)
        return
    if open_cin is not None:
        end_plan(lock_plan(open_cin, None), actor=actor, on=max(on, open_cin.start),
                 reason=ChildInNeedPlan.EndReason.OUTCOMES_MET, summary=summary)
    close(episode, actor=actor, on=on, reason="RC7", summary=summary)


END_REASON_FOR_STEP = {
    StepTo.CHILD_IN_NEED: ChildProtectionPlan.EndReason.STEPPED_DOWN_TO_CHILD_IN_NEED,
    StepTo.EARLY_HELP: ChildProtectionPlan.EndReason.STEPPED_DOWN_TO_EARLY_HELP,
    StepTo.UNIVERSAL: ChildProtectionPlan.EndReason.OUTCOMES_MET,
    StepTo.NONE: ChildProtectionPlan.EndReason.OUTCOMES_MET,
}


def review_conference_record(
    *, cp_plan: ChildProtectionPlan, actor: User, held_on: date, chair: User | None,
    attendees: list[dict], childs_words: str, decision: str, reasons: str,
    category: str = "", step_to: str = "", familys_words: str = "", strengths: str = "",
    worries: str = "", family_absent_reason: str = "",
) -> ChildProtectionConference:
    """Record a review conference: it meets the running review clock; "continue" starts the
    next (at most 6 months on) and may change the latest category; "end" ends the plan and
    steps the child to where they go next."""
    _validate(chair=chair, attendees=attendees, childs_words=childs_words, reasons=reasons,
              decision=decision, category=category, step_to=step_to,
              allowed={Decision.CONTINUE, Decision.END}, wrong_decision=WRONG_DECISION_REVIEW,
              family_absent_reason=family_absent_reason)
    if not cp_plan.is_open:
        raise ValidationError(PLAN_NOT_OPEN)
    last = cp_plan.conferences.order_by("-held_on").values_list("held_on", flat=True).first()
    check_day(held_on, earliest=last or cp_plan.start, field="held_on",
              what="the last conference")
    episode = cp_plan.episode
    with transaction.atomic():
        plan = lock_plan(cp_plan, None)
        meet_clock(plan.review_deadline, held_on, actor)
        if decision == Decision.CONTINUE:
            plan.latest_category = category
            plan.chair = chair
            plan.review_deadline = start_clock(
                person=episode.person, code="child-protection-review", day=held_on,
                team=plan.team, actor=actor, subject="Hold the child protection review "
                "conference")
            plan.save()
            _allocate_chair(person=episode.person, chair=chair, actor=actor, on=held_on)
        conference = _conference(
            episode=episode, kind=Conference.Kind.REVIEW, actor=actor, held_on=held_on,
            chair=chair, attendees=attendees, childs_words=childs_words,
            familys_words=familys_words, strengths=strengths, worries=worries,
            decision=decision, category=category, step_to=step_to, reasons=reasons,
            family_absent_reason=family_absent_reason,
            cp_plan=plan)
        if decision == Decision.END:
            end_plan(plan, actor=actor, on=held_on, reason=END_REASON_FOR_STEP[step_to],
                     summary=reasons)
            _end_chair(episode.person)
            _step(episode=episode, actor=actor, on=held_on, step_to=step_to, summary=reasons)
        chronology(episode.person, actor, "conference",
                   f"Review conference: {conference.get_decision_display()}.")
        audit.record(user=actor, action=audit.Action.CREATE, person=episode.person,
                     obj=conference, detail={"decision": decision, "category": category,
                                             "step_to": step_to})
    return conference
