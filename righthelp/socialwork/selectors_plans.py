"""Reads for the plans side of social work. Each takes the user: a child's plan, conference or
visit is opened through ``access.open_person`` (audited), and lists are scoped by need to know.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import Http404, HttpRequest
from django.utils import timezone

from righthelp.core import access, clocks
from righthelp.core.models import Council, Deadline
from righthelp.staff.models import Role, User

from .models import (
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    ContingencyPlan,
    PlanAction,
    PlanReview,
    Visit,
)
from .rules.plans import FLAG_TEXT, DriftFacts, drift

NOT_FOUND = "No record with that number."


def _open(user: User, person_id: int, request: HttpRequest | None) -> None:
    access.open_person(user, person_id, request)


def episode_for(user: User, pk: int, request: HttpRequest | None = None) -> ChildInNeedEpisode:
    episode = ChildInNeedEpisode.objects.select_related("person", "team").filter(pk=pk).first()
    if episode is None:
        raise Http404(NOT_FOUND)
    _open(user, episode.person_id, request)
    return episode


PLAN_RELATED = ("episode__person", "team", "review_deadline", "visit_deadline",
                "reassessment_deadline", "created_by")


def cin_plan_for(user: User, pk: int, request: HttpRequest | None = None) -> ChildInNeedPlan:
    plan = ChildInNeedPlan.objects.select_related(*PLAN_RELATED).filter(pk=pk).first()
    if plan is None:
        raise Http404(NOT_FOUND)
    _open(user, plan.episode.person_id, request)
    return plan


def cp_plan_for(user: User, pk: int, request: HttpRequest | None = None) -> ChildProtectionPlan:
    plan = (ChildProtectionPlan.objects.select_related(*PLAN_RELATED, "chair")
            .filter(pk=pk).first())
    if plan is None:
        raise Http404(NOT_FOUND)
    _open(user, plan.episode.person_id, request)
    return plan


def action_for(user: User, pk: int, request: HttpRequest | None = None) -> PlanAction:
    action = (PlanAction.objects.select_related("cin_plan__episode", "cp_plan__episode")
              .filter(pk=pk).first())
    if action is None:
        raise Http404(NOT_FOUND)
    plan = action.cp_plan or action.cin_plan
    _open(user, plan.episode.person_id, request)
    return action


def conference_for(user: User, pk: int,
                   request: HttpRequest | None = None) -> ChildProtectionConference:
    conference = (ChildProtectionConference.objects
                  .select_related("episode__person", "chair", "recorded_by", "cp_plan")
                  .filter(pk=pk).first())
    if conference is None:
        raise Http404(NOT_FOUND)
    _open(user, conference.episode.person_id, request)
    return conference


def contingency_for(user: User, pk: int, request: HttpRequest | None = None) -> ContingencyPlan:
    plan = (ContingencyPlan.objects.select_related("episode", "person", "recorded_by")
            .prefetch_related("options__relationship__related_person").filter(pk=pk).first())
    if plan is None:
        raise Http404(NOT_FOUND)
    _open(user, plan.person_id, request)
    return plan


@dataclass
class Clock:
    """A deadline as a page shows it: what, when, and where it stands."""

    deadline: Deadline
    status: str
    label: str


def clock(deadline: Deadline | None, now: datetime | None = None,
          due_soon_days: int | None = None) -> Clock | None:
    if deadline is None:
        return None
    if due_soon_days is None:
        due_soon_days = Council.objects.current().due_soon_working_days
    state = clocks.status(deadline.due_at, deadline.met_at, now or timezone.now(), due_soon_days,
                          deadline.stopped_at)
    return Clock(deadline, state.value, state.label)


@dataclass
class PlansSummary:
    cin_plans: list
    cp_plans: list
    conferences: list
    visits: list
    contingency_plans: list
    open_plan: object | None
    clocks: list = field(default_factory=list)


def plans_summary(episode: ChildInNeedEpisode) -> PlansSummary:
    """What the episode page shows of plans, conferences and visits (the caller opened the
    child's record)."""
    cin = list(episode.childinneedplans.select_related("review_deadline", "visit_deadline")
               .order_by("-start", "-pk"))
    cp = list(episode.childprotectionplans.select_related("review_deadline", "visit_deadline",
                                                          "chair").order_by("-start", "-pk"))
    conferences = list(episode.conferences.select_related("chair").order_by("-held_on", "-pk"))
    visits = list(Visit.objects.filter(Q(cin_plan__episode=episode)
                                       | Q(cp_plan__episode=episode))
                  .select_related("visited_by").order_by("-visited_on", "-pk")[:10])
    contingency = list(episode.contingency_plans.order_by("-recorded_at"))
    open_plan = next((p for p in cp + cin if p.is_open), None)
    due_soon = Council.objects.current().due_soon_working_days
    now = timezone.now()
    deadlines = Deadline.objects.filter(
        person=episode.person_id, rule__in=PLAN_RULES,
        started_at__date__gte=episode.referral_date).order_by("due_at", "pk")
    if episode.closure_date:
        deadlines = deadlines.filter(started_at__date__lte=episode.closure_date)
    shown = [clock(deadline, now, due_soon) for deadline in deadlines]
    return PlansSummary(cin, cp, conferences, visits, contingency, open_plan, shown)


# The clocks of conferences, plans and visits, met and running, that the summary lists.
PLAN_RULES = ("initial-child-protection-conference", "first-child-protection-review",
              "child-protection-review", "child-in-need-plan-review", "child-protection-visit",
              "child-in-need-visit", "strategy-discussion", "protective-factors-reassessment")


# --- The chairs' view: plans drifting between conferences -----------------------------------


@dataclass
class DriftRow:
    plan: ChildProtectionPlan
    flags: list[str]
    texts: list[str]
    overdue_actions: list[PlanAction]


@dataclass
class ChairPlans:
    chair: User | None
    rows: list[DriftRow]


def drifting_plans(user: User, now: datetime | None = None,
                   include_on_track: bool = False) -> list[ChairPlans]:
    """Open child protection plans by chair, with why each is drifting: overdue actions,
    a missed visit, every action done but the plan still open, the review conference or the
    reassessment overdue, a midway review due (half the time from the last conference to the
    next review gone, with no midway review since that conference).

    A chair sees the plans they chair; others see the plans of the children they may open.
    Three queries whatever the number of plans.
    """
    now = timezone.localtime(now or timezone.now())
    plans = (ChildProtectionPlan.objects.filter(status="open")
             .select_related("episode__person", "chair", "review_deadline", "visit_deadline",
                             "reassessment_deadline")
             .annotate(last_conference_on=Subquery(
                 ChildProtectionConference.objects.filter(cp_plan=OuterRef("pk"))
                 .order_by("-held_on").values("held_on")[:1]),
                       last_midway_on=Subquery(
                 PlanReview.objects.filter(cp_plan=OuterRef("pk"), kind=PlanReview.Kind.MIDWAY)
                 .order_by("-held_on").values("held_on")[:1]))
             .prefetch_related(Prefetch("actions", queryset=PlanAction.objects.order_by(
                 "by_when", "pk")))
             .order_by("chair__last_name", "chair_id", "start", "pk"))
    if user.role == Role.CP_CHAIR:
        plans = plans.filter(chair=user)
    else:
        plans = plans.filter(episode__person__in=access.visible_people(user))
    groups: dict[int | None, ChairPlans] = {}
    today = now.date()
    for plan in plans:
        actions = list(plan.actions.all())
        facts = DriftFacts(
            review_due_at=_unmet_due(plan.review_deadline),
            visit_due_at=_unmet_due(plan.visit_deadline),
            actions=tuple((a.status, a.by_when) for a in actions),
            reassessment_due_at=_unmet_due(plan.reassessment_deadline),
            last_conference_on=plan.last_conference_on, last_midway_on=plan.last_midway_on)
        flags = drift(facts, now)
        if not flags and not include_on_track:
            continue
        overdue = [a for a in actions if a.status in ("not_started", "under_way")
                   and a.by_when < today]
        group = groups.setdefault(plan.chair_id, ChairPlans(plan.chair, []))
        group.rows.append(DriftRow(plan, flags, [FLAG_TEXT[f] for f in flags], overdue))
    return list(groups.values())


def _unmet_due(deadline: Deadline | None) -> datetime | None:
    """When a running clock is due, in the council's time (so its date is the local one)."""
    if deadline is None or not deadline.is_open:
        return None
    return timezone.localtime(deadline.due_at)
