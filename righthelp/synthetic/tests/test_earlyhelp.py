"""The synthetic council's early help: consistent with the casework, the front door and the
early help app's rules, with realistic work for the demo sign-ins."""

from collections import Counter
from datetime import date, timedelta

import pytest

from righthelp.core.clocks import LONDON, end_of_day
from righthelp.core.models import Deadline
from righthelp.earlyhelp import figures, rules
from righthelp.earlyhelp.access import visible_episodes
from righthelp.earlyhelp.models import (
    ActionProgress,
    EarlyHelpAssessment,
    EarlyHelpEpisode,
    EarlyHelpReview,
    EpisodeMember,
    FamilyPlan,
    PlanAction,
    StepDown,
    StepUp,
    TeamAroundFamilyMeeting,
)
from righthelp.people.models import Involvement
from righthelp.staff.models import Allocation, User
from righthelp.synthetic.casework import PARTNER_LED
from righthelp.synthetic.earlyhelp import WINDOW_DAYS
from righthelp.synthetic.generator import flush, synthesise

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)
SCALE = 0.03


@pytest.fixture
def lines() -> list[str]:
    written: list[str] = []
    synthesise(seed=5, scale=SCALE, today=TODAY, write=written.append)
    return written


def test_the_stage_reports_its_counts(lines):
    line = next(line for line in lines if line.startswith("early help: "))
    assert "early help episodes" in line and "review deadlines" in line
    assert EarlyHelpEpisode.objects.count() >= 40


def test_all_open_early_help_has_its_episode(lines):
    open_work = Involvement.objects.filter(kind="early_help", end__isnull=True)
    assert open_work.exists()
    for involvement in open_work:
        member = EpisodeMember.objects.get(involvement=involvement)
        assert member.is_child and member.person_id == involvement.person_id
        assert member.episode.status == "open"
    since = TODAY - timedelta(days=WINDOW_DAYS)
    recent = Involvement.objects.filter(kind="early_help", start__gte=since)
    linked = EpisodeMember.objects.filter(involvement__in=recent).count()
    assert linked >= 0.95 * recent.count()


def test_one_live_episode_per_family_and_members_from_the_household(lines):
    live = EarlyHelpEpisode.objects.filter(status__in=("open", "stepped_up", "agreeing_lead"))
    families = Counter(live.values_list("family_id", flat=True))
    assert max(families.values()) == 1
    for member in EpisodeMember.objects.select_related("episode").order_by("pk")[:300]:
        assert member.person.family_memberships.filter(family=member.episode.family_id).exists()
    assert EpisodeMember.objects.filter(is_child=False).exclude(relationship="").exists()


def test_leads_match_the_casework_allocations_and_partners_lead_about_their_share(lines):
    episodes = EarlyHelpEpisode.objects.select_related("lead_professional")
    for episode in episodes:
        lead = episode.lead_professional
        if episode.lead_agency_id:
            assert lead.role == "partner_lead_professional"
            assert lead.agency_id == episode.lead_agency_id and episode.lead_team_id is None
        else:
            assert lead.role == "early_help_practitioner" and episode.lead_team_id
        assert episode.link_worker.role == "link_worker"
        assert episode.link_worker.memberships.filter(team__locality=episode.locality).exists()
    share = episodes.filter(lead_agency__isnull=False).count() / episodes.count()
    assert abs(share - PARTNER_LED) <= 0.15
    for member in EpisodeMember.objects.filter(allocation__isnull=False).select_related(
            "allocation", "episode")[:200]:
        assert member.allocation.worker_id == member.episode.lead_professional_id
        assert member.allocation.person_id == member.person_id


def test_openings_name_the_hub_decision_or_the_step_down(lines):
    hub = EarlyHelpEpisode.objects.filter(opened_via="hub_decision").select_related(
        "hub_decision__request")
    assert hub.exists()
    for episode in hub:
        assert episode.hub_decision.next_step == "early_help"
        children = set(episode.hub_decision.request.children.values_list("person_id", flat=True))
        members = set(episode.memberships.filter(is_child=True).values_list("person_id",
                                                                           flat=True))
        assert children & members
        assert episode.opened_at >= episode.hub_decision.decided_at
    for step in StepDown.objects.select_related("episode", "from_involvement"):
        assert step.episode.opened_via == "step_down"
        assert step.from_involvement.kind in ("cafa", "child_in_need")
        assert "early help" in step.from_involvement.outcome
        assert step.episode.memberships.filter(person=step.from_involvement.person).exists()
    assert StepDown.objects.exists()


def test_step_ups_go_through_the_front_door_and_describe_an_escalation(lines):
    steps = StepUp.objects.select_related("episode", "request")
    assert steps.exists()
    for step in steps:
        assert step.stepped_up_at == step.request.received_at
        assert step.request.worries.startswith("Step up from early help")
        assert rules.step_up_verdict(step.risk_change, step.what_changed).allowed
        members = set(step.episode.memberships.values_list("person_id", flat=True))
        assert members & set(step.request.children.values_list("person_id", flat=True))
        assert step.episode.status in ("stepped_up", "closed")
        if step.episode.status == "closed":
            assert step.episode.closure_reason == "stepped_up"


def test_assessments_plans_and_reviews_follow_the_rules(lines):
    assert EarlyHelpAssessment.objects.filter(status="draft").exists()
    for assessment in EarlyHelpAssessment.objects.filter(status="completed").select_related(
            "episode"):
        assert not rules.missing_for_completion(assessment.__dict__)
        assert assessment.started_at <= assessment.completed_at <= (
            assessment.episode.closed_at or end_of_day(TODAY))
    for plan in FamilyPlan.objects.select_related("episode__assessment"):
        assert plan.episode.assessment.status == "completed"
        assert plan.agreed_at >= plan.episode.assessment.completed_at
        assert 3 <= plan.actions.count() <= 5
    for action in PlanAction.objects.all()[:300]:
        assert action.what and action.how_we_will_know and action.by_when
    closed = EarlyHelpEpisode.objects.filter(status="closed")
    assert closed.filter(closure_reason="outcomes_met").exclude(family_outcome="").exists()
    assert not PlanAction.objects.filter(plan__episode__closure_reason="outcomes_met",
                                         outcome="").exists()
    for review in EarlyHelpReview.objects.select_related("episode"):
        episode = review.episode
        assert review.childs_words
        assert episode.opened_at.astimezone(LONDON).date() <= review.held_on <= TODAY
        if episode.closed_at:
            assert review.held_on <= episode.closed_at.astimezone(LONDON).date()
    assert ActionProgress.objects.exists()
    assert TeamAroundFamilyMeeting.objects.filter(family_attendees__isnull=False).exists()


def test_every_open_episode_with_a_plan_has_its_review_deadline(lines):
    now = end_of_day(TODAY)
    for episode in EarlyHelpEpisode.objects.filter(status="open"):
        children = list(episode.memberships.filter(is_child=True).values_list("person_id",
                                                                              flat=True))
        running = Deadline.objects.filter(rule="early-help-review", person_id__in=children,
                                          met_at__isnull=True, stopped_at__isnull=True)
        if FamilyPlan.objects.filter(episode=episode, agreed_at__isnull=False).exists():
            assert running.count() == len(children)
            assert {d.due_at for d in running} == {episode.review_due_at}
            assert running.first().owner_id == episode.lead_professional_id
        else:
            assert not running.exists() and episode.review_due_at is None
    # Some reviews are late, some overdue; most are on time.
    reviews = figures.reviews_on_time(figures.default_period(TODAY), now)
    assert reviews.late > 0 and 70 <= reviews.percent <= 97
    assert not Deadline.objects.filter(
        rule="early-help-review", met_at__isnull=True, stopped_at__isnull=True).exclude(
        person__early_help_memberships__episode__status="open").exists()
    # A closure stops the clock of a review still to come; it is never counted as met.
    stopped = Deadline.objects.filter(rule="early-help-review", stopped_at__isnull=False)
    assert stopped.exists() and not stopped.filter(met_at__isnull=False).exists()


def test_the_demo_partner_and_link_worker_have_early_help_work(lines):
    partner = User.objects.get(username="partner-lead-professional")
    led = EarlyHelpEpisode.objects.filter(lead_professional=partner, status="open")
    assert led.count() >= 3
    assert led.filter(locality__code="revoe").exists()
    assert visible_episodes(partner).count() >= 3
    assert led.filter(assessment__status="draft").exists()
    for episode in led:
        for member in episode.memberships.filter(is_child=True):
            assert Allocation.objects.filter(person=member.person, worker=partner,
                                             end__isnull=True).exists()
    link = User.objects.get(username="link-worker")
    coached = EarlyHelpEpisode.objects.filter(link_worker=link, lead_agency__isnull=False,
                                              status="open")
    assert coached.exists() and set(coached.values_list("locality__code", flat=True)) == {
        "revoe"}
    practitioner = User.objects.get(username="early-help-practitioner")
    assert EarlyHelpEpisode.objects.filter(lead_professional=practitioner,
                                           status="open").exists()


def test_the_figures_are_sensible(lines):
    result = figures.early_help_figures(figures.default_period(TODAY), end_of_day(TODAY))
    assert result.open.total == EarlyHelpEpisode.objects.filter(
        status__in=("open", "stepped_up")).count()
    assert 35 <= result.open.partner_percent <= 75
    assert result.steps.ups > 0 and result.steps.downs > 0
    assert result.closures.total > 0 and 30 <= result.closures.percent <= 90
    assert result.stepped_up_again.children > 0


def test_the_same_seed_gives_the_same_early_help():
    def digest():
        return (list(EarlyHelpEpisode.objects.order_by("pk").values_list(
                    "status", "opened_via", "lead_professional__username", "opened_at",
                    "closed_at", "closure_reason", "review_due_at")),
                list(EarlyHelpReview.objects.order_by("pk").values_list("held_on",
                                                                         "childs_words")))

    synthesise(seed=3, scale=0.01, today=TODAY, write=lambda line: None)
    first = digest()
    flush(write=lambda line: None)
    synthesise(seed=3, scale=0.01, today=TODAY, write=lambda line: None)
    assert digest() == first and first[0]


def test_some_open_episodes_drift_and_most_do_not(lines):
    """Link workers see where help is needed: missed reviews, no plan yet, actions past their
    date; most episodes are on track."""
    now = end_of_day(TODAY)
    flags: Counter = Counter()
    episodes = EarlyHelpEpisode.objects.filter(status="open").select_related("assessment")
    for episode in episodes:
        plan = FamilyPlan.objects.filter(episode=episode).first()
        dates = tuple(PlanAction.objects.filter(
            plan__episode=episode, status__in=("not_started", "under_way")).values_list(
            "by_when", flat=True))
        found = rules.drift(rules.DriftFacts(
            episode.status, episode.opened_at.astimezone(LONDON).date(),
            episode.assessment.status == "completed", bool(plan and plan.agreed_at),
            episode.review_due_at, dates), now)
        flags.update(found)
        flags["any"] += bool(found)
    assert 0.05 <= flags["any"] / episodes.count() <= 0.4
    kinds = (rules.REVIEW_OVERDUE, rules.NO_PLAN, rules.NO_ASSESSMENT, rules.ACTIONS_OVERDUE)
    assert sum(1 for kind in kinds if flags[kind]) >= 2  # at scale 1, each kind is there
