"""Early help figures for managers: read-only counts over the early help records.

Every figure takes one period: a first and a last day (local time, both included; by default
the last 12 months, counted in whole months up to today). Each function runs a fixed number
of queries whatever the amount of data, aggregating in the database; nothing here writes.

- Open episodes: episodes open on the period's last day (opened by then, not closed by then),
  by locality and by who leads (a partner agency, or one of the council's teams).
- Partner-led share: of the open episodes with an agreed lead, those led by a partner agency's
  lead professional; and, month by month, who leads the episodes opened that month (the
  strategy's aim is that partners lead more).
- Reviews on time: the ``early-help-review`` deadlines that fell due in the period (each child
  in the family has the review on their record), met by the deadline, late, or still overdue,
  as ``core.clocks.status`` judges them (to the whole second). Closing an episode stops its
  review clock (the close service does): a review not due yet is stopped before it fell due,
  so it is not counted at all; a review already overdue is missed, then stopped, and counted
  as not held (with the overdue ones), never as held.
- Step-ups to the Hub and step-downs from social care, per month.
- Episodes closed in the period, by why they closed, and how many with outcomes met.
- Stepped up again: of the children whose episode closed in the period (other than by a step
  up), those who came back to social care within the council's lookback (12 months in
  Blackpool, ``early-help-step-up-lookback``) of the closure: a step up from a later episode,
  or statutory work (an assessment, a Section 47 enquiry, a plan, care) starting on their
  record. Children whose help closed recently have had less time to come back.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

from righthelp.core.clocks import LONDON, Unit
from righthelp.core.models import Deadline, Locality, Timescale
from righthelp.people.models import Involvement

from ..models import (
    ClosureReason,
    EarlyHelpEpisode,
    EpisodeMember,
    EpisodeStatus,
    StepDown,
    StepUp,
)
from ..services.plans import REVIEW_RULE
from .period import (  # noqa: F401  (re-exported: the page and the API use them from here)
    BAD_DATE,
    MAX_MONTHS,
    START_AFTER_END,
    TOO_LONG,
    Month,
    MonthsAfter,
    Period,
    default_period,
    month_key,
    period_from,
    share,
)

LOOKBACK_RULE = "early-help-step-up-lookback"
DEFAULT_LOOKBACK_MONTHS = 12  # if the council has no such timescale
# Statutory work that means a child came back to social care.
SOCIAL_CARE_KINDS = (
    Involvement.Kind.CHILD_AND_FAMILY_ASSESSMENT, Involvement.Kind.SECTION_47,
    Involvement.Kind.CHILD_IN_NEED, Involvement.Kind.CHILD_PROTECTION,
    Involvement.Kind.LOOKED_AFTER,
)

NO_LOCALITY = "No locality recorded"
NOT_AGREED = "Lead not agreed yet"



# --- Open episodes, by locality and by who leads -------------------------------------------


@dataclass(frozen=True)
class CountRow:
    code: str
    label: str
    count: int


@dataclass(frozen=True)
class OpenEpisodes:
    on: date
    total: int
    by_locality: list[CountRow]
    by_lead: list[CountRow]  # partner agencies first, then the council's teams
    partner_led: int
    council_led: int
    not_agreed: int

    @property
    def partner_percent(self) -> float | None:
        """Partner-led, of the open episodes whose lead is agreed."""
        return share(self.partner_led, self.partner_led + self.council_led)


def open_on(period: Period) -> Q:
    return Q(opened_at__lt=period.ends) & (
        Q(closed_at__isnull=True) | Q(closed_at__gte=period.ends))


def open_episodes(period: Period) -> OpenEpisodes:
    """Episodes open on the period's last day. Two queries (the localities, the counts)."""
    localities = list(Locality.objects.filter(council__active=True).order_by("name")
                      .values_list("code", "name"))
    rows = list(
        EarlyHelpEpisode.objects.filter(open_on(period))
        .values_list("locality__code", "lead_agency__code", "lead_agency__name",
                     "lead_team__code", "lead_team__name")
        .annotate(n=Count("pk")).order_by()
    )
    by_locality: dict[str, int] = {}
    agencies: dict[str, tuple[str, int]] = {}
    teams: dict[str, tuple[str, int]] = {}
    not_agreed = 0
    for locality, agency, agency_name, team, team_name, n in rows:
        by_locality[locality or ""] = by_locality.get(locality or "", 0) + n
        if agency:
            agencies[agency] = (agency_name, agencies.get(agency, ("", 0))[1] + n)
        elif team:
            teams[team] = (team_name, teams.get(team, ("", 0))[1] + n)
        else:
            not_agreed += n
    locality_rows = [CountRow(code, name, by_locality.pop(code, 0)) for code, name in localities]
    if sum(by_locality.values()):  # none recorded, or a locality no longer in the settings
        locality_rows.append(CountRow("", NO_LOCALITY, sum(by_locality.values())))
    lead_rows = [CountRow(code, name, n) for code, (name, n) in
                 sorted(agencies.items(), key=lambda item: (-item[1][1], item[1][0]))]
    lead_rows += [CountRow(code, name, n) for code, (name, n) in
                  sorted(teams.items(), key=lambda item: (-item[1][1], item[1][0]))]
    if not_agreed:
        lead_rows.append(CountRow("", NOT_AGREED, not_agreed))
    partner = sum(n for _, n in agencies.values())
    council = sum(n for _, n in teams.values())
    return OpenEpisodes(period.last, partner + council + not_agreed, locality_rows, lead_rows,
                        partner, council, not_agreed)


# --- Who leads the episodes opened each month ----------------------------------------------


@dataclass(frozen=True)
class MonthLeads:
    month: Month
    partner_led: int
    council_led: int
    not_agreed: int

    @property
    def opened(self) -> int:
        return self.partner_led + self.council_led + self.not_agreed

    @property
    def partner_percent(self) -> float | None:
        return share(self.partner_led, self.partner_led + self.council_led)


@dataclass(frozen=True)
class PartnerLed:
    opened: int
    partner_led: int
    council_led: int
    months: list[MonthLeads]

    @property
    def partner_percent(self) -> float | None:
        return share(self.partner_led, self.partner_led + self.council_led)


def partner_led_by_month(period: Period) -> PartnerLed:
    """Episodes opened in each month of the period, by who leads them now. One query."""
    rows = (
        EarlyHelpEpisode.objects.filter(opened_at__gte=period.begins, opened_at__lt=period.ends)
        .annotate(month=TruncMonth("opened_at", tzinfo=LONDON)).values("month")
        .annotate(
            partner=Count("pk", filter=Q(lead_agency__isnull=False)),
            council=Count("pk", filter=Q(lead_agency__isnull=True,
                                         lead_professional__isnull=False)),
            other=Count("pk", filter=Q(lead_agency__isnull=True,
                                       lead_professional__isnull=True)))
        .order_by()
    )
    found = {month_key(row["month"]): row for row in rows}
    months = []
    for month in period.months:
        row = found.get(month, {"partner": 0, "council": 0, "other": 0})
        months.append(MonthLeads(month, row["partner"], row["council"], row["other"]))
    return PartnerLed(sum(m.opened for m in months), sum(m.partner_led for m in months),
                      sum(m.council_led for m in months), months)


# --- Reviews on time -------------------------------------------------------------------------


@dataclass(frozen=True)
class Reviews:
    due: int
    on_time: int
    late: int
    overdue: int

    @property
    def percent(self) -> float | None:
        return share(self.on_time, self.due)


def reviews_on_time(period: Period, now: datetime) -> Reviews:
    """Review deadlines that fell due in the period (and by ``now``): met on time, met late,
    or not held (not met yet, or missed and then stopped when the episode closed). One stopped
    by its deadline was never owed and is not counted. A review met (or stopped) within the
    deadline's last second is on time (or stopped in time), as ``core.clocks.status`` says.
    One query."""
    until = min(period.ends, now)
    last_second = F("due_at") + timedelta(seconds=1)
    not_held = Q(met_at__isnull=True)  # still overdue, or missed and then stopped
    on_time = Q(met_at__isnull=False, met_at__lt=last_second)
    row = Deadline.objects.filter(rule=REVIEW_RULE, due_at__gte=period.begins,
                                  due_at__lt=until).exclude(
        stopped_at__lt=last_second).aggregate(  # stopped before it fell due: never owed
        due=Count("pk"), on_time=Count("pk", filter=on_time),
        overdue=Count("pk", filter=not_held))
    return Reviews(row["due"], row["on_time"], row["due"] - row["on_time"] - row["overdue"],
                   row["overdue"])


# --- Step-ups and step-downs per month -----------------------------------------------------


@dataclass(frozen=True)
class MonthSteps:
    month: Month
    ups: int
    downs: int


@dataclass(frozen=True)
class Steps:
    ups: int
    downs: int
    months: list[MonthSteps]

    @property
    def largest(self) -> int:
        """The tallest bar in the chart (at least 1, so an empty chart still draws)."""
        return max([max(m.ups, m.downs) for m in self.months] + [1])


def steps_by_month(period: Period) -> Steps:
    """Step-ups to the Hub and step-downs from social care, per month. Two queries."""
    def per_month(model, moment: str) -> dict[Month, int]:
        rows = (model.objects.filter(**{f"{moment}__gte": period.begins,
                                        f"{moment}__lt": period.ends})
                .annotate(month=TruncMonth(moment, tzinfo=LONDON)).values("month")
                .annotate(n=Count("pk")).order_by())
        return {month_key(row["month"]): row["n"] for row in rows}

    ups, downs = per_month(StepUp, "stepped_up_at"), per_month(StepDown, "stepped_down_at")
    months = [MonthSteps(m, ups.get(m, 0), downs.get(m, 0)) for m in period.months]
    return Steps(sum(m.ups for m in months), sum(m.downs for m in months), months)


# --- Closures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Closures:
    total: int
    outcomes_met: int
    by_reason: list[CountRow] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        return share(self.outcomes_met, self.total)


def closures(period: Period) -> Closures:
    """Episodes closed in the period, by why they closed. One query."""
    counts = dict(
        EarlyHelpEpisode.objects.filter(status=EpisodeStatus.CLOSED, closed_at__gte=period.begins,
                                        closed_at__lt=period.ends)
        .values_list("closure_reason").annotate(n=Count("pk")).order_by()
    )
    rows = [CountRow(value, label, counts.pop(value, 0))
            for value, label in ClosureReason.choices]
    total = sum(row.count for row in rows) + sum(counts.values())
    met = next(row.count for row in rows if row.code == ClosureReason.OUTCOMES_MET)
    return Closures(total, met, rows)


# --- Stepped up within the lookback of closing ----------------------------------------------


@dataclass(frozen=True)
class SteppedUpAgain:
    months: int  # the lookback
    children: int
    stepped_up: int

    @property
    def percent(self) -> float | None:
        return share(self.stepped_up, self.children)


def lookback_months() -> int:
    """The council's lookback for 'stepped up after closing', in months. One query."""
    row = Timescale.objects.filter(council__active=True, code=LOOKBACK_RULE).first()
    if row is None:
        return DEFAULT_LOOKBACK_MONTHS
    rule = row.as_rule()
    if rule.unit == Unit.MONTHS:
        return rule.amount
    days = {Unit.WEEKS: 7}.get(rule.unit, 1) * rule.amount  # a council counting otherwise
    return max(1, round(days / 30.44))


def stepped_up_after_closing(period: Period, months: int | None = None) -> SteppedUpAgain:
    """Children whose episode closed in the period (not by a step up), and of them those who
    came back to social care within ``months`` of the closure. Two queries (one for the
    council's lookback when ``months`` is not given)."""
    months = lookback_months() if months is None else months
    closed_at = OuterRef("episode__closed_at")
    until = MonthsAfter(closed_at, months)
    later_step_up = StepUp.objects.filter(
        episode__memberships__person=OuterRef("person"), stepped_up_at__gt=closed_at,
        stepped_up_at__lte=until)
    # Statutory work is recorded by the day it started: work starting on the day of the
    # closure is not "after" it; work starting on the lookback's last day is within it.
    statutory = Involvement.objects.filter(
        person=OuterRef("person"), kind__in=SOCIAL_CARE_KINDS, start__gt=closed_at,
        start__lte=until)
    row = (
        EpisodeMember.objects.filter(
            is_child=True, episode__status=EpisodeStatus.CLOSED,
            episode__closed_at__gte=period.begins, episode__closed_at__lt=period.ends)
        .exclude(episode__closure_reason=ClosureReason.STEPPED_UP)
        .annotate(again=Exists(later_step_up) | Exists(statutory))
        .aggregate(children=Count("person", distinct=True),
                   stepped_up=Count("person", distinct=True, filter=Q(again=True)))
    )
    return SteppedUpAgain(months, row["children"], row["stepped_up"])


# --- Everything --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    period: Period
    open: OpenEpisodes
    partner_led: PartnerLed
    reviews: Reviews
    steps: Steps
    closures: Closures
    stepped_up_again: SteppedUpAgain


FIGURES_QUERIES = 9


def early_help_figures(period: Period, now: datetime) -> Figures:
    """Every figure for one period, in ``FIGURES_QUERIES`` queries."""
    return Figures(
        period, open_episodes(period), partner_led_by_month(period),
        reviews_on_time(period, now), steps_by_month(period), closures(period),
        stepped_up_after_closing(period),
    )
