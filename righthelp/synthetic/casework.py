"""Writing the timeline as casework: involvements, allocations, chronology and deadlines.

Open work is allocated to the least-loaded worker of the right team, keeping brothers and
sisters with one worker, so caseloads come out near the council's target; closed work went
to whichever worker of the team had it. Looked-after children also have an IRO, children
on a child protection plan a CP chair; partner agencies lead much of early help.
"""

from datetime import date, timedelta
from random import Random

from django.db import transaction

from righthelp.core.models import Deadline, RestrictedAccessGrant
from righthelp.people.models import ChronologyEntry, Involvement, Person
from righthelp.staff.models import Allocation, User

from .bulk import Progress, bulk
from .deadlines import DeadlineMaker, at
from .timeline import Step
from .workforce import POOLS, Workforce, demo_username

CHUNK = 4000  # steps per transaction
DEMO_CASELOAD = 17  # the demo social worker's caseload (the target average is 19)
PARTNER_LED = 0.55  # early help led by a partner agency's lead professional
ALLOCATION_KIND = {"hub": "hub_worker", "leaving-care": "personal_adviser",
                   "awaken": "awaken_worker", "iro": "iro", "cp-chair": "cp_chair"}
SECOND_WORKER = {"looked_after": "iro", "child_protection": "cp-chair"}
KIND_LABEL = dict(Involvement.Kind.choices)


def _allocation_kind(pool: str) -> str:
    if pool.startswith("early-help:"):
        return "early_help_worker"
    return ALLOCATION_KIND.get(pool, "social_worker")


class Allocator:
    """Chooses a worker (and so a team) for each piece of work."""

    def __init__(self, rng: Random, workforce: Workforce):
        self.rng, self.workforce = rng, workforce
        self.load: dict[int, int] = {}
        self.by_group: dict[tuple[int, str], tuple[User, str]] = {}
        self.by_household: dict[tuple[int, str], User] = {}
        self.caps = {u.pk: DEMO_CASELOAD for u in workforce.holders["assessment"]
                     if u.username == demo_username("social_worker")}

    def _least_loaded(self, workers: list[User]) -> User:
        free = [w for w in workers if self.load.get(w.pk, 0) < self.caps.get(w.pk, 10**9)]
        return min(free or workers, key=lambda w: self.load.get(w.pk, 0))

    def _partner(self, step: Step, open_now: bool) -> User:
        born = step.child.born
        age = (step.work.start - born).days // 365 if born else 0
        agency = ("blackpool-teaching-hospitals" if age < 3 else "blackpool-early-years"
                  if age < 5 else "blackpool-schools" if age < 16 else "voluntary-sector")
        partners = self.workforce.partners[agency]
        return self._least_loaded(partners) if open_now else self.rng.choice(partners)

    def choose(self, step: Step, pool: str | None = None) -> tuple[User, str]:
        """(worker, allocation kind) for a step; ``pool`` overrides (an IRO, a CP chair)."""
        pool = pool or step.work.pool
        key = (step.work.group, pool)
        if key not in self.by_group:
            self.by_group[key] = self._new(step, pool)
        worker, kind = self.by_group[key]
        if step.work.end is None:
            self.load[worker.pk] = self.load.get(worker.pk, 0) + 1
        return worker, kind

    def _new(self, step: Step, pool: str) -> tuple[User, str]:
        open_now = step.work.end is None
        if pool.startswith("early-help:") and self.rng.random() < PARTNER_LED:
            return self._partner(step, open_now), "lead_professional"
        workers = self.workforce.holders[pool]
        if not open_now:
            return self.rng.choice(workers), _allocation_kind(pool)
        household = step.child.household
        home = (household.pk, pool) if household else None
        worker = self.by_household.get(home) if home else None
        if worker is None or self.load.get(worker.pk, 0) >= self.caps.get(worker.pk, 10**9):
            worker = self._least_loaded(workers)
        if home:
            self.by_household[home] = worker
        return worker, _allocation_kind(pool)


class CaseworkWriter:
    def __init__(self, rng: Random, today: date, workforce: Workforce):
        self.rng, self.today, self.workforce = rng, today, workforce
        self.allocator = Allocator(rng, workforce)
        self.deadlines = DeadlineMaker(rng, today)
        self.counts = {"involvements": 0, "allocations": 0, "chronology entries": 0,
                       "deadlines": 0}

    def write(self, steps: list[Step], progress: Progress | None = None) -> None:
        for n in range(0, len(steps), CHUNK):
            with transaction.atomic():
                self._write_chunk(steps[n:n + CHUNK])
            if progress:
                progress.tick("casework", n + CHUNK, len(steps), "involvements")

    def _write_chunk(self, steps: list[Step]) -> None:
        rows: dict[type, list] = {Involvement: [], Allocation: [], ChronologyEntry: [],
                                  Deadline: []}
        pending = []
        for step in steps:
            work = step.work
            worker, kind = self.allocator.choose(step)
            team = self.workforce.team_of.get(worker.pk) or self.workforce.teams[
                POOLS[work.pool].team]  # a partner leading early help: the locality's team
            involvement = Involvement(
                person_id=step.child.pk, kind=work.kind, team_id=team.pk, level_of_need=work.level,
                start=work.start, end=work.end, summary=work.summary, outcome=work.outcome)
            rows[Involvement].append(involvement)
            pending.append((step, involvement, worker, kind, team))
        bulk(rows[Involvement])
        for step, involvement, worker, kind, team in pending:
            self._allocations(rows[Allocation], step, worker, kind)
            self._chronology(rows[ChronologyEntry], step, involvement, worker)
            rows[Deadline] += self.deadlines.for_step(step, worker, team)
        for model in (Allocation, ChronologyEntry, Deadline):
            bulk(rows[model])
        self.counts["involvements"] += len(rows[Involvement])
        self.counts["allocations"] += len(rows[Allocation])
        self.counts["chronology entries"] += len(rows[ChronologyEntry])
        self.counts["deadlines"] += len(rows[Deadline])

    def _allocations(self, rows: list, step: Step, worker: User, kind: str) -> None:
        work = step.work
        workers = [(worker, kind)]
        if work.kind in SECOND_WORKER:
            workers.append(self.allocator.choose(step, SECOND_WORKER[work.kind]))
        for who, how in workers:
            # Setting ids, not objects, saves Django a lookup per row (and there are millions).
            team = None if how == "lead_professional" else self.workforce.team_of.get(who.pk)
            manager = self.workforce.manager_of.get(team.pk) if team else None
            rows.append(Allocation(
                person_id=step.child.pk, worker_id=who.pk, team_id=team and team.pk, kind=how,
                start=work.start, end=work.end, allocated_by_id=manager and manager.pk))

    def _chronology(self, rows: list, step: Step, involvement: Involvement, worker: User) -> None:
        work, rng = step.work, self.rng
        started = work.received or at(work.start, rng.randint(9, 12), rng.randrange(60))
        rows.append(ChronologyEntry(
            person_id=step.child.pk, occurred_at=started, kind=work.kind, summary=work.summary,
            recorded_by_id=worker.pk, involvement_id=involvement.pk))
        if work.end is None:
            return
        if work.kind == "request_for_support":
            summary = f"Hub decision (level {work.level}): {work.outcome}."
        else:
            summary = f"{KIND_LABEL[work.kind]} ended: {work.outcome}."
        rows.append(ChronologyEntry(
            person_id=step.child.pk, occurred_at=at(work.end, rng.randint(13, 17),
                                                    rng.randrange(60)),
            kind=f"{work.kind}_ended", summary=summary, recorded_by_id=worker.pk,
            involvement_id=involvement.pk))

    # ------------------------------------------------------------------ after the steps
    def finish(self, steps: list[Step], restricted: dict[int, str], scale: float) -> None:
        with transaction.atomic():
            self._restrict(steps, restricted)
            self._family_work(steps, scale)
            self._therapeutic(steps, scale)

    def _restrict(self, steps: list[Step], restricted: dict[int, str]) -> None:
        """Restricted records, with a named grant for each worker open to the child."""
        for reason in sorted(set(restricted.values())):
            ids = [pk for pk, why in restricted.items() if why == reason]
            Person.objects.filter(pk__in=ids).update(restricted=True, restriction_reason=reason)
        grants, seen = [], set()
        for allocation in Allocation.objects.filter(
                person_id__in=list(restricted), end__isnull=True).select_related("team"):
            key = (allocation.person_id, allocation.worker_id)
            if key in seen:
                continue
            seen.add(key)
            granted_by = self.workforce.manager_of.get(allocation.team_id) or allocation.worker
            grants.append(RestrictedAccessGrant(
                person_id=allocation.person_id, user_id=allocation.worker_id,
                granted_by=granted_by, reason="Allocated to work with the child.",
                granted_at=at(allocation.start, 12)))
        bulk(grants)
        self.counts["restricted records"] = len(restricted)

    def _family_work(self, steps: list[Step], scale: float) -> None:
        """Families Together works with whole families: allocations to a family, not a child."""
        households = list(dict.fromkeys(
            s.child.household for s in steps
            if s.work.kind in ("child_in_need", "child_protection") and s.work.end is None
            and s.child.household))
        chosen = self.rng.sample(households, min(len(households), max(2, round(30 * scale))))
        workers = self.workforce.holders["families-together"]
        team = self.workforce.teams["families-together"]
        rows = []
        for n, household in enumerate(chosen):
            start = self.today - timedelta(days=self.rng.randint(7, 400))
            ended = n % 3 != 0 and start + timedelta(days=84) < self.today
            rows.append(Allocation(
                family_id=household.pk, worker=self.rng.choice(workers), team=team,
                kind="social_worker", start=start,
                end=start + timedelta(days=84) if ended else None,
                allocated_by=self.workforce.manager_of.get(team.pk),
                reason="Brief solution-focused work with the whole family (edge of care)."))
        bulk(rows)
        self.counts["family allocations"] = len(rows)

    def _therapeutic(self, steps: list[Step], scale: float) -> None:
        """A few young people in care (11 to 17) on the therapeutic care centre's programme."""
        eligible = [s.child.pk for s in steps if s.work.kind == "looked_after"
                    and s.work.end is None and s.child.household
                    and (self.today - s.child.born).days >= 11 * 365]
        chosen = self.rng.sample(eligible, min(len(eligible), max(1, round(8 * scale))))
        workers = self.workforce.others["therapeutic-care-centre"]
        team = self.workforce.teams["therapeutic-care-centre"]
        rows = []
        for pk in chosen:
            rows += self.deadlines.therapeutic(pk, self.rng.choice(workers), team)
        bulk(rows)
        self.counts["deadlines"] += len(rows)
