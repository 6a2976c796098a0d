"""Reads for the assessments side of social work. Each takes the user: a child's social work
is opened through ``access.open_person`` (the read, or the refusal, is audited), and a team's
lists are scoped to the teams the user belongs to and to records not withheld from them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from righthelp.core import access, clocks
from righthelp.core.models import Council, Deadline
from righthelp.people.models import Person
from righthelp.staff.models import Team, TeamMembership, User

from .models import (
    Assessment,
    ChildInNeedEpisode,
    Section47Enquiry,
    StrategyDiscussion,
    Transfer,
)
from .services.episodes import CAFA_RULE, CIN_IN_ASSESSMENT_TEAM_RULE, ICPC_RULE, STRATEGY_RULE

NOT_FOUND = "No record with that number."
# The clocks of the assessments side that the child's page shows.
ASSESSMENT_RULES = (CAFA_RULE, STRATEGY_RULE, ICPC_RULE, CIN_IN_ASSESSMENT_TEAM_RULE)


@dataclass(frozen=True)
class Clock:
    deadline: Deadline
    status: str
    label: str


def clock(deadline: Deadline | None, now: datetime | None = None,
          due_soon_days: int | None = None) -> Clock | None:
    """Where a deadline stands now: due, due soon, overdue, met on time or late."""
    if deadline is None:
        return None
    if due_soon_days is None:
        due_soon_days = Council.objects.current().due_soon_working_days
    state = clocks.status(deadline.due_at, deadline.met_at, now or timezone.now(), due_soon_days,
                          deadline.stopped_at)
    return Clock(deadline, state.value, state.label)


def _open(user: User, person_id: int, request: HttpRequest | None) -> Person:
    return access.open_person(user, person_id, request)


def episode_for(user: User, pk: int, request: HttpRequest | None = None) -> ChildInNeedEpisode:
    episode = (ChildInNeedEpisode.objects.select_related("person", "team", "closed_by")
               .filter(pk=pk).first())
    if episode is None:
        raise Http404(NOT_FOUND)
    _open(user, episode.person_id, request)
    return episode


def assessment_for(user: User, pk: int, request: HttpRequest | None = None) -> Assessment:
    assessment = (Assessment.objects.select_related("episode__person", "episode__team",
                                                    "worker", "authorised_by", "deadline")
                  .filter(pk=pk).first())
    if assessment is None:
        raise Http404(NOT_FOUND)
    _open(user, assessment.episode.person_id, request)
    return assessment


def enquiry_for(user: User, pk: int, request: HttpRequest | None = None) -> Section47Enquiry:
    enquiry = (Section47Enquiry.objects.select_related(
        "episode__person", "episode__team", "worker", "authorised_by", "deadline",
        "strategy_discussion__recorded_by").filter(pk=pk).first())
    if enquiry is None:
        raise Http404(NOT_FOUND)
    _open(user, enquiry.episode.person_id, request)
    return enquiry


@dataclass
class EpisodeWork:
    """One episode with what the assessments side did in it."""

    episode: ChildInNeedEpisode
    assessments: list[Assessment]
    strategy_discussions: list[StrategyDiscussion]
    enquiries: list[Section47Enquiry]
    transfers: list[Transfer]
    clocks: list[Clock]


@dataclass
class ChildSocialWork:
    person: Person
    open_episode: EpisodeWork | None
    episodes: list[EpisodeWork]


def _episodes(person: Person) -> QuerySet[ChildInNeedEpisode]:
    return (ChildInNeedEpisode.objects.filter(person=person)
            .select_related("team", "closed_by")
            .prefetch_related(
                Prefetch("assessments", queryset=Assessment.objects.select_related(
                    "worker", "authorised_by", "deadline").order_by("-started_on", "-pk")),
                Prefetch("strategy_discussions", queryset=StrategyDiscussion.objects
                         .select_related("recorded_by").order_by("-held_at")),
                Prefetch("section47_enquiries", queryset=Section47Enquiry.objects
                         .select_related("worker", "authorised_by", "deadline")
                         .order_by("-started_on", "-pk")),
                Prefetch("transfers", queryset=Transfer.objects.select_related(
                    "from_team", "to_team", "to_worker", "recorded_by")
                         .order_by("-transferred_on", "-pk")))
            .order_by("-referral_date", "-pk"))


def child_social_work(user: User, person_pk: int,
                      request: HttpRequest | None = None) -> ChildSocialWork:
    """The child's episodes with social care, with assessments, strategy discussions, Section
    47 enquiries, transfers and the assessments side's clocks (opening the record is
    audited; a user without a need to know is refused, and that is audited too)."""
    person = _open(user, person_pk, request)
    now, due_soon = timezone.now(), Council.objects.current().due_soon_working_days
    deadlines = list(Deadline.objects.filter(person=person, rule__in=ASSESSMENT_RULES)
                     .order_by("due_at", "pk"))
    works = []
    for episode in _episodes(person):
        start = episode.referral_date
        end = episode.closure_date
        shown = [clock(d, now, due_soon) for d in deadlines
                 if timezone.localtime(d.started_at).date() >= start
                 and (end is None or timezone.localtime(d.started_at).date() <= end)]
        works.append(EpisodeWork(episode, list(episode.assessments.all()),
                                 list(episode.strategy_discussions.all()),
                                 list(episode.section47_enquiries.all()),
                                 list(episode.transfers.all()), shown))
    open_work = next((w for w in works if w.episode.is_open), None)
    return ChildSocialWork(person, open_work, works)


@dataclass
class OpenWorkRow:
    """A line of a team's open work: an assessment or a Section 47 enquiry, and its clock."""

    kind: str
    record: Assessment | Section47Enquiry
    person: Person
    worker: User | None
    clock: Clock | None


def my_social_work_teams(user: User) -> QuerySet[Team]:
    today = timezone.localdate()
    memberships = TeamMembership.objects.filter(user=user, start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today))
    return Team.objects.filter(id__in=memberships.values("team_id"),
                               service=Team.Service.SOCIAL_WORK).order_by("name")


def team_open_work(user: User, team: Team | None = None) -> list[OpenWorkRow]:
    """The open assessments and Section 47 enquiries of the user's social work teams (or one
    of them), soonest deadline first, with where each deadline stands."""
    teams = my_social_work_teams(user)
    if team is not None:
        teams = teams.filter(pk=team.pk)
    withheld = access.not_withheld(user, "episode__person")
    assessments = (Assessment.objects.filter(episode__team__in=teams).filter(withheld)
                   .exclude(status=Assessment.Status.AUTHORISED)
                   .select_related("episode__person", "worker", "deadline"))
    enquiries = (Section47Enquiry.objects.filter(episode__team__in=teams,
                                                 completed_on__isnull=True).filter(withheld)
                 .select_related("episode__person", "worker", "deadline"))
    now, due_soon = timezone.now(), Council.objects.current().due_soon_working_days
    rows = [OpenWorkRow("assessment", a, a.episode.person, a.worker,
                        clock(a.deadline, now, due_soon)) for a in assessments]
    rows += [OpenWorkRow("section47", e, e.episode.person, e.worker,
                         clock(e.deadline, now, due_soon)) for e in enquiries]
    far = timezone.make_aware(datetime.max.replace(year=9000))
    return sorted(rows, key=lambda r: (r.clock.deadline.due_at if r.clock else far,
                                       r.person.pk))
