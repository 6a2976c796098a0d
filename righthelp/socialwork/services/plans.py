"""Child in need and child protection plans: starting, co-producing, actions, ending.

Every write is one transaction with its own audit event. Plans two people edit carry a
``version``; a stale save raises ``EditConflict`` (409 over the API).
"""

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.clocks import LONDON
from righthelp.core.deadlines import deadline_meet, deadline_start, deadline_stop
from righthelp.core.models import Council, Deadline
from righthelp.people.models import ChronologyEntry, Involvement
from righthelp.people.services import EditConflict
from righthelp.staff.models import Allocation, User

from ..models import ChildInNeedEpisode, ChildInNeedPlan, ChildProtectionPlan, PlanAction
from ..rules.plans import date_problem, reassessment_clock_runs

Plan = ChildInNeedPlan | ChildProtectionPlan

EPISODE_CLOSED = "This child's episode with social care is closed."
CIN_PLAN_OPEN = "This child already has an open child in need plan."
CP_PLAN_OPEN = ("This child is on a child protection plan; a child in need plan starts when "
                "the conference ends it.")
PLAN_ENDED = "This plan has ended; it can no longer be changed."
NEED_WHO = "Say who will do it."
NEED_WHAT = "Say what will be done."
NEED_HOW_WE_WILL_KNOW = "Say how we will know it has worked."
NEED_OUTCOME = "Say what happened: the outcome of the action."
NEED_END_SUMMARY = "Say why the plan is ending and what has changed for the child."
END_REASON_NOT_FOR_CIN = "A child in need plan cannot step down to a child in need plan."
UNKNOWN_END_REASON = "Choose why the plan is ending."
END_BEFORE_START = "The plan cannot end before it started."

# The practice model's parts of a plan that are co-produced with the family.
PLAN_FIELDS = ("strengths", "worries", "safety_plan", "childs_words", "familys_words",
               "what_needs_to_happen")


def on_day(day: date) -> datetime:
    """A date as the moment work on it counts (midday, London): a meeting held on the due
    date meets its deadline."""
    return datetime.combine(day, time(12, 0), tzinfo=LONDON)


def check_day(day: date, *, earliest: date, field: str, what: str) -> None:
    problem = date_problem(day, earliest=earliest, today=timezone.localdate(), what=what)
    if problem:
        raise ValidationError({field: problem})


def social_worker_of(person) -> User | None:
    """The child's allocated social worker today, if any."""
    today = timezone.localdate()
    allocation = (Allocation.objects.filter(person=person, kind=Allocation.Kind.SOCIAL_WORKER,
                                            start__lte=today)
                  .filter(Q(end__isnull=True) | Q(end__gte=today))
                  .select_related("worker").order_by("-start").first())
    return allocation.worker if allocation else None


def start_clock(*, person, code: str, day: date, subject: str, team, actor) -> Deadline:
    return deadline_start(person=person, rule_code=code, started_at=on_day(day), subject=subject,
                          owner=social_worker_of(person) or actor, team=team, actor=actor)


def meet_clock(deadline: Deadline | None, day: date, actor) -> None:
    """Meet a running clock (a clock already met stays as it was)."""
    if deadline is not None and deadline.met_at is None:
        deadline_meet(deadline=deadline, met_at=on_day(day), actor=actor)


PLAN_ENDED_REASON = "The plan ended."
REASSESSMENT_RULE = "protective-factors-reassessment"
REASSESSMENT_SUBJECT = "Reassess protective factors, assets and threats"


def reassessed_regularly(team) -> bool:
    """Whether plans held by ``team`` are reassessed on the council's cadence (Strengthening
    and Supporting Families: any team but the council's assessment team)."""
    code = Council.objects.current().front_door.get("teams", {}).get("assessment")
    return reassessment_clock_runs(team_code=team.code, assessment_team_code=code)


def start_reassessment_clock(plan, day: date, actor) -> None:
    """Put the plan's next reassessment on the clock from ``day`` when its team reassesses
    regularly; the caller saves ``reassessment_deadline``."""
    if reassessed_regularly(plan.team):
        plan.reassessment_deadline = start_clock(
            person=plan.episode.person, code=REASSESSMENT_RULE, day=day, team=plan.team,
            actor=actor, subject=REASSESSMENT_SUBJECT)


def stop_clock(deadline: Deadline | None, day: date, actor) -> None:
    """Stop a running clock whose work ended (a visit or review no longer due): shown as
    stopped, or missed then stopped if it was already overdue; never as met."""
    if deadline is not None and deadline.is_open:
        deadline_stop(deadlines=deadline, actor=actor, reason=PLAN_ENDED_REASON,
                      at=on_day(day))


def lock_plan(plan: Plan, version: int | None) -> Plan:
    """The plan locked for writing; refused if someone saved since ``version`` was read."""
    current = type(plan).objects.select_for_update().get(pk=plan.pk)
    if version is not None and current.version != version:
        raise EditConflict()
    if not current.is_open:
        raise ValidationError(PLAN_ENDED)
    current.version += 1
    return current


def chronology(person, actor, kind: str, summary: str) -> None:
    ChronologyEntry.objects.create(person=person, occurred_at=timezone.now(), kind=kind,
                                   summary=summary, recorded_by=actor)


def open_involvement(person, kind: str, team, start: date, summary: str) -> None:
    Involvement.objects.create(person=person, kind=kind, team=team, start=start, summary=summary)


def end_involvements(person, kind: str, end: date, outcome: str) -> None:
    for involvement in Involvement.objects.filter(person=person, kind=kind, end__isnull=True):
        involvement.end = max(end, involvement.start)
        involvement.outcome = outcome[:200]
        involvement.save()


# --- Starting and ending a child in need plan -----------------------------------------------


def child_in_need_plan_start(
    *, episode: ChildInNeedEpisode, actor: User, start: date, team=None,
) -> ChildInNeedPlan:
    """Start a child in need plan: its review clock (the council's cadence), its visit clock
    and, with Strengthening and Supporting Families, its reassessment clock run from
    ``start``. Called when a manager authorises a child in need outcome,
    and when a conference steps a child down from child protection."""
    if not episode.is_open:
        raise ValidationError(EPISODE_CLOSED)
    check_day(start, earliest=episode.referral_date, field="start", what="the referral")
    team = team or episode.team
    with transaction.atomic():
        ChildInNeedEpisode.objects.select_for_update().get(pk=episode.pk)
        if ChildInNeedPlan.objects.filter(episode=episode, status="open").exists():
            raise ValidationError(CIN_PLAN_OPEN)
        if ChildProtectionPlan.objects.filter(episode=episode, status="open").exists():
            raise ValidationError(CP_PLAN_OPEN)
        person = episode.person
        plan = ChildInNeedPlan.objects.create(episode=episode, start=start, team=team,
                                              created_by=actor)
        plan.review_deadline = start_clock(
            person=person, code="child-in-need-plan-review", day=start, team=team, actor=actor,
            subject="Review the child in need plan")
        plan.visit_deadline = start_clock(
            person=person, code="child-in-need-visit", day=start, team=team, actor=actor,
            subject="Visit the child (child in need plan)")
        start_reassessment_clock(plan, start, actor)
        plan.save(update_fields=["review_deadline", "visit_deadline", "reassessment_deadline"])
        open_involvement(person, Involvement.Kind.CHILD_IN_NEED, team, start,
                         f"Child in need plan from {start:%d %b %Y}")
        chronology(person, actor, "child_in_need_plan", "Child in need plan started.")
        audit.record(user=actor, action=audit.Action.CREATE, person=person, obj=plan,
                     detail={"start": start.isoformat()})
    return plan


def end_plan(plan: Plan, *, actor: User, on: date, reason: str, summary: str) -> Plan:
    """End an open plan inside the caller's transaction: its running clocks stop on ``on``
    (one already overdue shows as missed, then stopped), and its involvement ends."""
    if on < plan.start:
        raise ValidationError({"end": END_BEFORE_START})
    plan.status, plan.end, plan.end_reason = plan.Status.ENDED, on, reason
    plan.end_summary = summary.strip()
    plan.save()
    stop_clock(plan.visit_deadline, on, actor)
    stop_clock(plan.review_deadline, on, actor)
    stop_clock(plan.reassessment_deadline, on, actor)
    kind = (Involvement.Kind.CHILD_PROTECTION if isinstance(plan, ChildProtectionPlan)
            else Involvement.Kind.CHILD_IN_NEED)
    label = plan.EndReason(reason).label
    end_involvements(plan.episode.person, kind, on, label)
    chronology(plan.episode.person, actor, f"{kind}_plan_end",
               f"{Involvement.Kind(kind).label} ended: {label}. {plan.end_summary}".strip())
    audit.record(user=actor, action=audit.Action.CHANGE, person=plan.episode.person, obj=plan,
                 detail={"ended": on.isoformat(), "reason": reason})
    return plan


CIN_END_REASONS = frozenset(ChildInNeedPlan.EndReason) - {
    ChildInNeedPlan.EndReason.STEPPED_DOWN_TO_CHILD_IN_NEED,
    ChildInNeedPlan.EndReason.ESCALATED_TO_CHILD_PROTECTION,  # only a conference's plan does
}


def child_in_need_plan_end(
    *, plan: ChildInNeedPlan, actor: User, on: date, reason: str, summary: str,
    version: int | None = None, close_episode: bool = False,
) -> ChildInNeedPlan:
    """End a child in need plan: outcomes met ("celebrate positive changes"), stepped down to
    early help, came into care, moved away. With ``close_episode`` the child's time with
    social care closes too (census reason RC7, or RC9 when referred to early help)."""
    errors = {}
    if reason not in CIN_END_REASONS:
        errors["reason"] = (END_REASON_NOT_FOR_CIN if reason in ChildInNeedPlan.EndReason.values
                            else UNKNOWN_END_REASON)
    if not summary.strip():
        errors["summary"] = NEED_END_SUMMARY
    if errors:
        raise ValidationError(errors)
    check_day(on, earliest=plan.start, field="end", what="the plan")
    with transaction.atomic():
        plan = lock_plan(plan, version)
        end_plan(plan, actor=actor, on=on, reason=reason, summary=summary)
        if reason == ChildInNeedPlan.EndReason.STEPPED_DOWN_TO_EARLY_HELP:
            step_down_to_early_help(episode=plan.episode, actor=actor, on=on, summary=summary)
        elif close_episode:
            close(plan.episode, actor=actor, on=on, reason="RC7", summary=summary)
    return plan


def step_down_to_early_help(*, episode: ChildInNeedEpisode, actor: User, on: date,
                            summary: str) -> None:
    """Close social care's episode (RC9) and open early help with the plan handed over."""
    from righthelp.earlyhelp.services import episode_open_from_step_down

    involvement = (Involvement.objects.filter(person=episode.person,
                                              kind__in=["child_in_need", "child_protection"])
                   .order_by("-start", "-pk").first())
    close(episode, actor=actor, on=on, reason="RC9", summary=summary)
    episode_open_from_step_down(actor=actor, children=[episode.person],
                                from_involvement=involvement, handover_plan=summary)


def close(episode: ChildInNeedEpisode, *, actor: User, on: date, reason: str,
          summary: str) -> None:
    """Close the child's episode through the assessment side's service (census closure)."""
    from .episodes import episode_close

    episode_close(episode=episode, actor=actor, on=on, reason=reason, summary=summary)


# --- Co-producing the plan ------------------------------------------------------------------


def plan_update(*, plan: Plan, actor: User, version: int, changes: dict) -> Plan:
    """Change what the plan says, in the family's and the child's words as well as ours."""
    with transaction.atomic():
        current = lock_plan(plan, version)
        changed = []
        for field in PLAN_FIELDS:
            if field in changes and getattr(current, field) != (changes[field] or "").strip():
                setattr(current, field, (changes[field] or "").strip())
                changed.append(field)
        if not changed:
            return type(plan).objects.get(pk=plan.pk)
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, person=current.episode.person,
                     obj=current, detail={"fields": changed})
    return current


def plan_action_add(
    *, plan: Plan, actor: User, who: str, what: str, by_when: date, how_we_will_know: str,
) -> PlanAction:
    """Add an item to the plan: who does what, by when, and how we will know it worked."""
    errors = {}
    for field, value, message in (("who", who, NEED_WHO), ("what", what, NEED_WHAT),
                                  ("how_we_will_know", how_we_will_know,
                                   NEED_HOW_WE_WILL_KNOW)):
        if not (value or "").strip():
            errors[field] = message
    if errors:
        raise ValidationError(errors)
    if not plan.is_open:
        raise ValidationError(PLAN_ENDED)
    check_day(by_when, earliest=plan.start, field="by_when", what="the plan")
    which = ("cp_plan" if isinstance(plan, ChildProtectionPlan) else "cin_plan")
    with transaction.atomic():
        action = PlanAction.objects.create(**{which: plan}, who=who.strip(), what=what.strip(),
                                           by_when=by_when,
                                           how_we_will_know=how_we_will_know.strip())
        audit.record(user=actor, action=audit.Action.CREATE, person=plan.episode.person,
                     obj=action)
    return action


def plan_of(action: PlanAction) -> Plan:
    return action.cp_plan if action.cp_plan_id else action.cin_plan


def plan_action_update(
    *, action: PlanAction, actor: User, version: int, status: str, outcome: str = "",
    by_when: date | None = None,
) -> PlanAction:
    """Say where an action stands; a finished one (done or not done) says what happened."""
    if status not in PlanAction.Status.values:
        raise ValidationError({"status": "Choose where the action stands."})
    finished = status in (PlanAction.Status.DONE, PlanAction.Status.NOT_DONE)
    if finished and not (outcome or "").strip():
        raise ValidationError({"outcome": NEED_OUTCOME})
    with transaction.atomic():
        current = PlanAction.objects.select_for_update().get(pk=action.pk)
        if current.version != version:
            raise EditConflict()
        plan = plan_of(current)
        if not plan.is_open:
            raise ValidationError(PLAN_ENDED)
        if by_when is not None and by_when != current.by_when:
            check_day(by_when, earliest=plan.start, field="by_when", what="the plan")
            current.by_when = by_when
        current.status, current.outcome = status, (outcome or "").strip()
        current.version += 1
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, person=plan.episode.person,
                     obj=current, detail={"status": status})
    return current
