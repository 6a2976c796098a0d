"""Each child's journey through the service, as a list of steps (future involvements).

Nothing here touches the database: it turns households into requests for support and what
followed them, the way pathway.md describes the front door and statutory work. About 11,800
requests a year (at scale 1); about 45% lead to a Child and Family Assessment; some go on to
child in need, child protection or care. Work still going on "today" is left open, and the
children in care are topped up to about 600 with children who came into care earlier.
"""

import bisect
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import count
from random import Random

from dateutil.relativedelta import relativedelta

from righthelp.core.clocks import LONDON, is_working_day, next_working_day

from . import phrases
from .pathway import (
    ADOPTION,
    ASSESSMENT,
    DEFAULT_POOL,
    DURATIONS,
    FIRST_STEP,
    HUB,
    LEAVING_CARE,
    OUR_CHILDREN,
    OUTCOMES,
    ROUTES,
    S47_NOT,
    S47_SUBSTANTIATED,
    working_days_after,
)
from .population import YEAR, Child, Household, Population

LOOKED_AFTER_NOW = 600  # children in care today, at scale 1


@dataclass(slots=True)
class Work:
    """A piece of work, with one child or with brothers and sisters together."""

    kind: str
    pool: str  # which part of the workforce does it (see workforce.POOLS)
    start: date
    end: date | None = None  # None: still open today
    level: int | None = 4
    summary: str = ""
    outcome: str = ""
    received: datetime | None = None  # when its clock started (request, strategy discussion)
    group: int = 0  # children sharing this work share a worker


@dataclass(slots=True)
class Step:
    """One child's part in a piece of work; it becomes an Involvement and an Allocation."""

    child: Child
    work: Work


class TimelineBuilder:
    def __init__(self, rng: Random, today: date, years: int, scale: float):
        self.rng, self.today, self.scale = rng, today, scale
        self.history_starts = today - timedelta(days=round(365.25 * years))
        self.years = years
        self.groups = count(1)
        self.steps: list[Step] = []
        self.busy: dict[int, date] = {}  # child id -> the day their current work ends
        self.restricted: dict[int, str] = {}  # child id -> why their record is restricted

    # ------------------------------------------------------------------ small helpers
    def _age(self, child: Child, day: date) -> int:
        return (day - child.born).days // YEAR

    def _received(self, day: date) -> datetime:
        """When a request reached the Hub: office hours mostly, out of hours now and then."""
        if day.weekday() >= 5 or self.rng.random() < 0.1:
            moment = time(self.rng.randint(17, 23), self.rng.randrange(60))
        else:
            moment = time(self.rng.randint(9, 16), self.rng.randrange(60))
        return datetime.combine(day, moment, tzinfo=LONDON)

    def _pick(self, table: list[tuple[int, str, tuple | None]]) -> tuple[str, tuple | None]:
        weights = [w for w, _, _ in table]
        _, outcome, following = self.rng.choices(table, weights=weights)[0]
        return outcome, following

    # ------------------------------------------------------------------ requests
    def request(self, received: datetime, route: str) -> tuple[Work, date]:
        """The request and the day the Hub decided what happens next (its end, if decided).

        Out of hours the Emergency Duty Team takes the call and the Hub's clock starts the
        next working day; most decisions are made that day, a few take longer.
        """
        rng = self.rng
        day = received.date()
        hub_day = day if is_working_day(day) and received.time() < time(17) else (
            next_working_day(day))
        roll = rng.random()
        decided = working_days_after(hub_day, 0 if roll < 0.7 else 1 if roll < 0.95 else 2)
        level = {"cafa": 4, "section_47": 4, "exploitation": 4, "already_open": 4,
                 "signpost": 2, "complex_needs": 3}.get(route) or rng.choice([2, 3])
        worry = rng.choice(phrases.WORRIES["exploitation" if route == "exploitation" else level])
        summary = phrases.STARTED["request_for_support"].format(
            source=rng.choice(phrases.SOURCES), worry=worry)
        request = Work("request_for_support", HUB, day, decided, level, summary,
                       phrases.HUB_OUTCOMES[route], received)
        if decided > self.today:  # the Hub has not decided yet
            request.end, request.outcome = None, ""
        return request, decided

    # ------------------------------------------------------------------ what follows a request
    def chain(self, route: str, received: datetime, household: Household | None,
              youngest: int) -> list[Work]:
        """A request and the work that followed it, up to today (the last may be open)."""
        request, start = self.request(received, route)
        chain = [request]
        following = FIRST_STEP.get(route)
        while following and chain[-1].end is not None:
            kind, pool = following
            if kind == "step_up":  # early help escalated: back through the front door
                request, start = self.request(self._received(start), "cafa")
                chain.append(request)
                received = request.received
                kind, pool = "cafa", ASSESSMENT
                if request.end is None:
                    break
            work, following = self._work(kind, pool, start, household, youngest, received)
            chain.append(work)
            start = work.end
        return chain

    def _work(self, kind: str, pool: str | None, start: date, household: Household | None,
              youngest: int, received: datetime) -> tuple[Work, tuple | None]:
        rng = self.rng
        if kind == "section_47":
            substantiated = rng.random() < 0.35
            end = working_days_after(start, rng.randint(8, 18) if substantiated
                                     else rng.randint(5, 12))
            outcome, following = S47_SUBSTANTIATED if substantiated else S47_NOT
            received = datetime.combine(start, time(10, 0), tzinfo=LONDON)  # strategy discussion
        else:
            end = (DURATIONS.get((kind, pool)) or DURATIONS[kind])(rng, start)
            outcome, following = self._pick(OUTCOMES.get((kind, pool)) or OUTCOMES[kind])
            if outcome == "Adopted" and youngest >= 5:
                outcome = "Child arrangements order: living with a relative"
        if pool is None:
            pool = DEFAULT_POOL.get(kind) or f"early-help:{household.locality}"
        work = Work(kind, pool, start, end, 3 if kind == "early_help" else 4,
                    phrases.STARTED[kind], outcome,
                    received if kind in ("cafa", "section_47") else None)
        if end > self.today:
            work.end, work.outcome, following = None, "", None
        return work, following

    # ------------------------------------------------------------------ the whole history
    def build(self, population: Population) -> list[Step]:
        self._requests(population.households)
        self._care_before_history(population.households)
        self._unborn(population.unborn)
        self._care_leavers(population.care_leavers)
        self._leaving_care_now()
        self._adoption()
        self._staff_relatives()
        return self.steps

    def _requests(self, households: list[Household]) -> None:
        """About 11,800 requests a year (at scale 1), day by day through the history.

        A request often names brothers and sisters together, so each draws a household and
        the children it is about; riskier households are asked about more often. Requests
        about a child whose work is still open happen, but less often than new ones.
        """
        rng = self.rng
        cumulative, total = [], 0.0
        for household in households:
            total += household.risk if household.children else 0.0
            cumulative.append(total)
        if not total:
            return
        days = [self.history_starts + timedelta(days=n)
                for n in range((self.today - self.history_starts).days + 1)]
        weights = [1.0 if day.weekday() < 5 else 0.3 for day in days]  # the EDT at weekends
        per_weight = 11_800 * self.scale * self.years / sum(weights)
        owed = 0.0
        for day, weight in zip(days, weights, strict=True):
            owed += weight * per_weight
            while owed >= 1:
                index = min(bisect.bisect_right(cumulative, rng.random() * total),
                            len(households) - 1)
                born = [c for c in households[index].children if c.born < day]
                about = [c for c in born if rng.random() < 0.75] or born[:1]
                if not about or (all(self.busy.get(c.pk, date.min) >= day for c in about)
                                 and rng.random() < 0.75):
                    continue
                self._event(households[index], day, about)
                owed -= len(about)

    def _add(self, children: list[Child], chain: list[Work]) -> None:
        for work in chain:
            work.group = next(self.groups)
            self.steps.extend(Step(child, work) for child in children)

    def _event(self, household: Household, day: date, children: list[Child]) -> None:
        rng = self.rng
        received = self._received(day)
        free = [c for c in children if self.busy.get(c.pk, date.min) < day]
        for child in children:
            if child not in free:  # already open: the Hub passes it to the allocated worker
                self._add([child], [self.request(received, "already_open")[0]])
        if not free:
            return
        route = rng.choices(list(ROUTES), weights=list(ROUTES.values()))[0]
        if route == "exploitation":
            older = [c for c in free if self._age(c, day) >= 10]
            route, free = ("exploitation", [rng.choice(older)]) if older else ("early_help", free)
        elif route == "complex_needs":
            free = [rng.choice(free)]
        chain = self.chain(route, received, household, min(self._age(c, day) for c in free))
        self._add(free, chain)
        for child in free:
            self.busy[child.pk] = chain[-1].end or date.max

    def _into_care(self, received: datetime, leaves: date | None = None) -> list[Work]:
        """A request, a short assessment, and care (still open, unless it ends on ``leaves``)."""
        request, decided = self.request(received, "cafa")
        assessed = working_days_after(decided, self.rng.randint(5, 30))
        cafa = Work("cafa", ASSESSMENT, decided, assessed, 4, phrases.STARTED["cafa"],
                    "Became looked after", received)
        care = Work("looked_after", OUR_CHILDREN, assessed, leaves, 4,
                    phrases.STARTED["looked_after"], "Turned 18: leaving care" if leaves else "")
        return [request, cafa, care]

    def _care_before_history(self, households: list[Household]) -> None:
        """Top up the children in care today with children who came into care earlier."""
        in_care = sum(1 for s in self.steps if s.work.kind == "looked_after" and s.work.end is None)
        wanted = round(LOOKED_AFTER_NOW * self.scale) - in_care
        latest = self.history_starts - timedelta(days=30)
        order = list(range(len(households)))
        self.rng.shuffle(order)
        for index in order:
            if wanted <= 0:
                break
            kids = [c for c in households[index].children
                    if c.pk not in self.busy and c.born < latest - timedelta(days=30)]
            if not kids:
                continue
            chosen = [c for c in kids if self.rng.random() < 0.6] or kids[:1]
            first = max(c.born for c in chosen) + timedelta(days=30)
            day = first + timedelta(days=self.rng.randrange(max(1, (latest - first).days)))
            self._add(chosen, self._into_care(self._received(day)))
            for child in chosen:
                self.busy[child.pk] = date.max
            wanted -= len(chosen)

    def _unborn(self, unborn: list[Child]) -> None:
        """Pre-birth assessments: a midwife's worry before the baby arrives."""
        for child in unborn:
            if self.rng.random() >= 0.4:
                continue
            received = self._received(self.today - timedelta(days=self.rng.randint(3, 90)))
            request, decided = self.request(received, "cafa")
            request.summary = phrases.STARTED["request_for_support"].format(
                source="the midwife", worry=self.rng.choice(phrases.PRE_BIRTH))
            chain = [request]
            if request.end is not None:
                chain.append(Work("cafa", ASSESSMENT, decided, None, 4,
                                  "Pre-birth Child and Family Assessment started.", "", received))
            self._add([child], chain)

    def _care_leavers(self, leavers: list[Child]) -> None:
        """Young adults who left care at 18 and still have a personal adviser."""
        for person in leavers:
            eighteen = person.born + relativedelta(years=18)
            entered = person.born + timedelta(days=self.rng.randint(8 * YEAR, 16 * YEAR))
            chain = self._into_care(self._received(entered), leaves=eighteen)
            self._add([person], chain + [self._leaving_care(person, chain[-1].start)])

    def _leaving_care(self, child: Child, entered: date) -> Work:
        adviser_from = child.born + relativedelta(years=15, months=9)
        return Work("care_leaver", LEAVING_CARE, max(entered, adviser_from), None, 4,
                    phrases.STARTED["care_leaver"])

    def _leaving_care_now(self) -> None:
        """Children in care aged 15 years 9 months or more get a personal adviser too."""
        in_care = [s for s in self.steps if s.work.kind == "looked_after" and s.work.end is None]
        for step in in_care:
            if step.child.born + relativedelta(years=15, months=9) <= self.today:
                self._add([step.child], [self._leaving_care(step.child, step.work.start)])

    def _adoption(self) -> None:
        """A few young children in care with a plan for adoption; their records are restricted."""
        young = [s for s in self.steps if s.work.kind == "looked_after" and s.work.end is None
                 and (self.today - s.child.born).days < 5 * YEAR]
        for step in self.rng.sample(young, min(len(young), max(1, round(6 * self.scale)))):
            start = min(self.today, step.work.start + timedelta(days=self.rng.randint(60, 365)))
            self._add([step.child], [Work("adoption", ADOPTION, start, None, 4,
                                          phrases.STARTED["adoption"])])
            self.restricted[step.child.pk] = "Adoption: placed for adoption"

    def _staff_relatives(self) -> None:
        """A few children whose relative works here: restricted to those named."""
        still_open = {s.child.pk for s in self.steps if s.work.end is None}
        closed = list(dict.fromkeys(s.child.pk for s in self.steps if s.child.pk not in still_open))
        for pk in self.rng.sample(closed, min(len(closed), max(1, round(3 * self.scale)))):
            self.restricted[pk] = "A relative of a member of staff"
