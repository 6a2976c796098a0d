"""Visits to a child on a plan: each visit where the child is seen meets the running visit
clock and starts the next (10 working days on a child protection plan, the council's
cadence on a child in need plan)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from righthelp.core import audit
from righthelp.staff.models import User

from ..models import ChildInNeedEpisode, ChildInNeedPlan, ChildProtectionPlan, Visit
from .plans import check_day, chronology, meet_clock, on_day, start_clock

NO_OPEN_PLAN = "Visits are recorded against an open child in need or child protection plan."
NEED_CHILDS_WORDS = "Record what the child said, in their own words, or how they are, for a " \
    "baby."
SEEN_ALONE_NEEDS_SEEN = "A child seen alone was seen: tick both."

VISIT_CLOCK = {ChildProtectionPlan: ("child-protection-visit", "child protection plan"),
               ChildInNeedPlan: ("child-in-need-visit", "child in need plan")}


def open_plan(episode: ChildInNeedEpisode) -> ChildInNeedPlan | ChildProtectionPlan | None:
    """The plan visits count for: child protection if the child is on one."""
    return (ChildProtectionPlan.objects.filter(episode=episode, status="open").first()
            or ChildInNeedPlan.objects.filter(episode=episode, status="open").first())


def visit_record(
    *, episode: ChildInNeedEpisode, actor: User, visited_on: date, seen: bool,
    seen_alone: bool, childs_words: str = "", notes: str = "",
) -> Visit:
    """Record a visit. Only a visit where the child was seen meets the visit clock."""
    plan = open_plan(episode)
    if plan is None:
        raise ValidationError(NO_OPEN_PLAN)
    errors = {}
    if seen_alone and not seen:
        errors["seen_alone"] = SEEN_ALONE_NEEDS_SEEN
    if seen and not childs_words.strip():
        errors["childs_words"] = NEED_CHILDS_WORDS
    if errors:
        raise ValidationError(errors)
    check_day(visited_on, earliest=plan.start, field="visited_on", what="the plan")
    code, label = VISIT_CLOCK[type(plan)]
    with transaction.atomic():
        plan = type(plan).objects.select_for_update().get(pk=plan.pk)
        which = "cp_plan" if isinstance(plan, ChildProtectionPlan) else "cin_plan"
        visit = Visit.objects.create(person=episode.person, **{which: plan},
                                     visited_on=visited_on, seen=seen, seen_alone=seen_alone,
                                     childs_words=childs_words.strip(), notes=notes.strip(),
                                     visited_by=actor)
        running = plan.visit_deadline
        # A visit recorded late, older than the running clock's start, changes no clock.
        if seen and (running is None or on_day(visited_on) >= running.started_at):
            meet_clock(plan.visit_deadline, visited_on, actor)
            plan.visit_deadline = start_clock(
                person=episode.person, code=code, day=visited_on, team=plan.team, actor=actor,
                subject=f"Visit the child ({label})")
            plan.save(update_fields=["visit_deadline"])
        chronology(episode.person, actor, "visit",
                   f"Visit: {'seen' if seen else 'not seen'}"
                   f"{', seen alone' if seen_alone else ''}.")
        audit.record(user=actor, action=audit.Action.CREATE, person=episode.person, obj=visit,
                     detail={"seen": seen, "seen_alone": seen_alone})
    return visit
