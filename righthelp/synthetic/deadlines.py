"""Deadlines on synthetic work, set by the council's own timescales (councils/*.toml).

Past deadlines are mostly met on time and sometimes late; open work carries its next
deadline, a few of them already overdue, so every status the pages show has examples.
"""

from datetime import date, datetime, time, timedelta
from random import Random

from righthelp.core.clocks import LONDON, Rule, Unit
from righthelp.core.models import Deadline, Timescale

from .pathway import ASSESSMENT
from .timeline import Step

RECENT_REQUESTS = 30  # days of requests that keep their Hub decision deadline
SUBJECTS = {
    "hub-decision": "Decide the next step for the request for support",
    "child-and-family-assessment": "Complete the Child and Family Assessment",
    "initial-child-protection-conference": "Hold the initial child protection conference",
    "first-child-protection-review": "Hold the first child protection review conference",
    "child-protection-review": "Hold the child protection review conference",
    "child-in-need-in-assessment-team": "Review the child in need plan (transfer or close)",
    "first-looked-after-review": "Hold the first looked-after review",
    "second-looked-after-review": "Hold the second looked-after review",
    "looked-after-review": "Hold the looked-after review",
    "early-help-review": "Review the early help plan with the family",
    "return-home-interview": "Offer a return home interview",
    "personal-adviser-age": "Allocate a personal adviser",
    "therapeutic-mid-point-review": "Hold the therapeutic programme's mid-point review",
    "therapeutic-programme": "Complete the therapeutic care centre programme",
}


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


class DeadlineMaker:
    """Builds Deadline rows; due dates are cached, as thousands share a start day."""

    def __init__(self, rng: Random, today: date):
        self.rng, self.today = rng, today
        self.now = at(today, 0)
        self.rules: dict[str, Rule] = {
            t.code: t.as_rule() for t in Timescale.objects.filter(council__active=True)}
        self.due_cache: dict[tuple[str, date], datetime] = {}

    def due(self, code: str, started: datetime) -> datetime:
        rule = self.rules[code]
        if rule.unit == Unit.HOURS:
            return rule.due_at(started)
        key = (code, started.astimezone(LONDON).date())
        if key not in self.due_cache:
            self.due_cache[key] = rule.due_at(started)
        return self.due_cache[key]

    def make(self, code: str, person_id: int, started: datetime, met: datetime | None,
             owner, team) -> list[Deadline]:
        rule = self.rules.get(code)
        if rule is None:  # this council has no such timescale
            return []
        return [Deadline(person_id=person_id, rule=code, rule_name=rule.describe(),
                         subject=SUBJECTS[code], started_at=started,
                         due_at=self.due(code, started), met_at=met, owner_id=owner.pk,
                         team_id=team and team.pk)]

    def _held(self, due: datetime, after: datetime) -> datetime:
        """When a review was held: mostly a few days early, sometimes late."""
        if self.rng.random() < 0.9:
            held = due - timedelta(days=self.rng.randint(0, 10), hours=12)
        else:
            held = due + timedelta(days=self.rng.randint(1, 25))
        return max(after, min(held, self.now))

    def series(self, codes: list[str], person_id: int, started: datetime, end: date | None,
               owner, team) -> list[Deadline]:
        """Reviews in turn, each clock starting when the one before was held."""
        rows: list[Deadline] = []
        for n in range(200):
            code = codes[min(n, len(codes) - 1)]
            if code not in self.rules:
                break
            due = self.due(code, started)
            if due.date() > (end or self.today):
                if end is None:  # the next review, still to come
                    rows += self.make(code, person_id, started, None, owner, team)
                break
            recent = (self.today - due.date()).days < 60
            if end is None and recent and self.rng.random() < 0.06:  # not yet held: overdue
                rows += self.make(code, person_id, started, None, owner, team)
                break
            held = self._held(due, started)
            rows += self.make(code, person_id, started, held, owner, team)
            started = held
        return rows

    def for_step(self, step: Step, owner, team) -> list[Deadline]:
        work, pk, rng = step.work, step.child.pk, self.rng
        ended = work.end
        if work.kind == "request_for_support":
            if (self.today - work.start).days > RECENT_REQUESTS:
                return []
            return self.make("hub-decision", pk, work.received,
                             ended and at(ended, rng.randint(9, 16), rng.randrange(60)),
                             owner, team)
        if work.kind == "cafa":
            return self.make("child-and-family-assessment", pk, work.received or at(work.start, 9),
                             ended and at(ended, 16, rng.randrange(60)), owner, team)
        if work.kind == "section_47" and (
                ended is None or work.outcome.startswith("Concerns substantiated")):
            return self.make("initial-child-protection-conference", pk, work.received,
                             ended and at(ended, 11), owner, team)
        if work.kind == "child_in_need" and work.pool == ASSESSMENT:
            return self.make("child-in-need-in-assessment-team", pk, at(work.start, 12),
                             ended and at(ended, 12), owner, team)
        if work.kind == "child_protection":
            return self.series(["first-child-protection-review", "child-protection-review"], pk,
                               at(work.start, 11), ended, owner, team)
        if work.kind == "looked_after":
            return self.series(["first-looked-after-review", "second-looked-after-review",
                                "looked-after-review"], pk, at(work.start, 14), ended, owner, team)
        if work.kind == "early_help" and ended is None:
            return self.series(["early-help-review"], pk, at(work.start, 10), None, owner, team)
        if work.kind == "exploitation" and ended is None and rng.random() < 0.5:
            returned = self.now - timedelta(hours=rng.randint(1, 240))
            met = returned + timedelta(hours=rng.randint(6, 90))
            return self.make("return-home-interview", pk, returned,
                             met if met < self.now else None, owner, team)
        if work.kind == "care_leaver" and step.child.born:
            return self.make("personal-adviser-age", pk, at(step.child.born, 0),
                             at(work.start, 12), owner, team)
        return []

    def therapeutic(self, person_id: int, owner, team) -> list[Deadline]:
        """A young person part-way through the therapeutic care centre's 16 weeks."""
        started = at(self.today - timedelta(days=self.rng.randint(0, 110)), 10)
        rows = []
        for code in ("therapeutic-mid-point-review", "therapeutic-programme"):
            due = self.due(code, started) if code in self.rules else None
            met = self._held(due, started) if due and due < self.now else None
            rows += self.make(code, person_id, started, met, owner, team)
        return rows
