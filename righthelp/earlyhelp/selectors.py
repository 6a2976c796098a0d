"""Early help reads. Each takes the user and returns only the episodes they may see."""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from righthelp.staff.models import User

from . import rules
from .access import visible_episodes
from .models import (
    AssessmentStatus,
    EarlyHelpAssessment,
    EarlyHelpEpisode,
    EpisodeMember,
    FamilyPlan,
    PlanAction,
)
from .models.episodes import LIVE_STATUSES
from .models.plans import name_services


def _with_summary(episodes: QuerySet[EarlyHelpEpisode]) -> QuerySet[EarlyHelpEpisode]:
    """Everything a list row shows, in a fixed number of queries."""
    return episodes.select_related(
        "family", "lead_professional__agency", "lead_agency", "lead_team", "locality",
        "link_worker",
    ).prefetch_related(
        Prefetch("memberships", queryset=EpisodeMember.objects.select_related("person")),
        Prefetch("assessment", queryset=EarlyHelpAssessment.objects.only(
            "id", "episode_id", "status")),
        Prefetch("plan", queryset=FamilyPlan.objects.only("id", "episode_id", "agreed_at")),
        Prefetch("plan__actions", queryset=PlanAction.objects.only(
            "id", "plan_id", "by_when", "status")),
    )


def _one(episode: EarlyHelpEpisode, name: str):
    try:
        return getattr(episode, name)
    except ObjectDoesNotExist:  # a reverse one-to-one not made yet
        return None


def drift_flags(episode: EarlyHelpEpisode, now=None) -> list[str]:
    """Where an episode needs help (rules.drift), from what the list already fetched."""
    now = now or timezone.now()
    assessment = _one(episode, "assessment")
    plan = _one(episode, "plan")
    actions = list(plan.actions.all()) if plan is not None else []
    facts = rules.DriftFacts(
        status=episode.status,
        opened_on=timezone.localtime(episode.opened_at).date(),
        assessment_completed=bool(assessment and assessment.status == AssessmentStatus.COMPLETED),
        plan_agreed=bool(plan and plan.agreed_at),
        review_due_at=episode.review_due_at,
        open_action_dates=tuple(a.by_when for a in actions if a.is_open),
    )
    return rules.drift(facts, now)


@dataclass
class EpisodeRow:
    episode: EarlyHelpEpisode
    flags: list[str]

    @property
    def children(self) -> list:
        return [m.person for m in self.episode.memberships.all() if m.is_child]

    @property
    def flag_texts(self) -> list[str]:
        return [rules.FLAG_TEXT[f] for f in self.flags]


def episodes_for(user: User, live_only: bool = True) -> list[EpisodeRow]:
    """The episodes ``user`` may see, live ones first (by default only those)."""
    episodes = visible_episodes(user)
    if live_only:
        episodes = episodes.filter(status__in=LIVE_STATUSES)
    now = timezone.now()
    return [EpisodeRow(e, drift_flags(e, now))
            for e in _with_summary(episodes.order_by("-opened_at"))[:500]]


def waiting_for_lead(user: User) -> list[EpisodeRow]:
    """For the Early Help Hub: episodes from Hub decisions waiting for a lead to be agreed."""
    episodes = visible_episodes(user).filter(status="agreeing_lead").order_by("opened_at")
    return [EpisodeRow(e, []) for e in _with_summary(episodes)]


@dataclass
class LeadCoached:
    lead: User
    rows: list[EpisodeRow] = field(default_factory=list)

    @property
    def needing_help(self) -> int:
        return sum(1 for r in self.rows if r.flags)


@dataclass
class LinkWorkerView:
    leads: list[LeadCoached]
    needing_help: list[EpisodeRow]
    total: int


def link_worker_view(user: User) -> LinkWorkerView:
    """A link worker's partner-led episodes (theirs, or in their locality), by the lead
    professional they coach, and where help is needed (overdue reviews, no plan, actions
    overdue)."""
    from .services.common import own_early_help_team

    team = own_early_help_team(user)
    episodes = visible_episodes(user).filter(status__in=LIVE_STATUSES,
                                             lead_agency__isnull=False)
    if team is not None:
        episodes = episodes.filter(locality_id=team.locality_id) | episodes.filter(
            link_worker=user)
    else:
        episodes = episodes.filter(link_worker=user)
    now = timezone.now()
    by_lead: dict[int, LeadCoached] = {}
    rows = []
    for episode in _with_summary(episodes.distinct().order_by("lead_professional__last_name",
                                                              "opened_at")):
        row = EpisodeRow(episode, drift_flags(episode, now))
        rows.append(row)
        lead = episode.lead_professional
        by_lead.setdefault(lead.pk, LeadCoached(lead)).rows.append(row)
    return LinkWorkerView(leads=list(by_lead.values()),
                          needing_help=[r for r in rows if r.flags], total=len(rows))


@dataclass
class EpisodeDetail:
    episode: EarlyHelpEpisode
    children: list
    adults: list
    assessment: EarlyHelpAssessment | None
    plan: FamilyPlan | None
    actions: list
    meetings: list
    reviews: list
    step_ups: list
    step_downs: list
    invitations: list
    deadlines: list
    flags: list[str]
    overdue_actions: list = field(default_factory=list)

    @property
    def flag_texts(self) -> list[str]:
        return [rules.FLAG_TEXT[f] for f in self.flags]


def episode_detail(episode: EarlyHelpEpisode) -> EpisodeDetail:
    """Everything the episode page shows. Call only with an episode from
    ``access.open_episode`` (audited)."""
    from righthelp.core.models import Deadline
    from righthelp.people.selectors import with_status

    members = list(episode.memberships.select_related("person"))
    assessment = EarlyHelpAssessment.objects.filter(episode=episode).first()
    plan = FamilyPlan.objects.filter(episode=episode).first()
    actions = name_services(plan.actions.select_related("directory_service")) if plan else []
    kids = [m.person for m in members if m.is_child]
    today = timezone.localdate()
    deadlines = with_status(Deadline.objects.filter(
        person__in=kids, rule="early-help-review", met_at__isnull=True,
        stopped_at__isnull=True).select_related(
        "person", "owner"))
    detail = EpisodeDetail(
        episode=episode,
        children=[m for m in members if m.is_child],
        adults=[m for m in members if not m.is_child],
        assessment=assessment, plan=plan, actions=actions,
        meetings=list(episode.meetings.prefetch_related("family_attendees").select_related(
            "recorded_by")),
        reviews=list(episode.reviews.prefetch_related("progress__action").select_related(
            "recorded_by")),
        step_ups=list(episode.step_ups.select_related("request", "stepped_up_by")),
        step_downs=list(episode.step_downs.select_related("stepped_down_by")),
        invitations=list(episode.invitations.filter(ended_at__isnull=True).select_related(
            "user", "user__agency")),
        deadlines=deadlines,
        flags=[],
        overdue_actions=[a for a in actions if a.is_open and a.by_when < today],
    )
    detail.flags = drift_flags(episode)
    return detail

