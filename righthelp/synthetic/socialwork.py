"""Statutory social work for the synthetic council, derived from each child's timeline.

One ``ChildInNeedEpisode`` per referral to children's social care: a run of contiguous social
care work (assessment, Section 47, child in need, child protection, care) from the request that
started it to the day the last piece ended. Within it: one Child and Family Assessment with its
factors and authorisation, a strategy discussion and Section 47 enquiry before every child
protection plan (the initial conference on the plan's first day), child in need plans (one per
run, with the transfer from Assessment and Support to Strengthening and Supporting Families),
review conferences (first within 3 months, then at most 6 months apart, mostly on time) and
child in need reviews, and a closure with the DfE reason that fits how the work ended. Dates
keep the order DfE's census rules check; conferences fall on working days.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from random import Random

from dateutil.relativedelta import relativedelta
from django.db import transaction

from righthelp.core.clocks import LONDON, is_working_day
from righthelp.people.models import Involvement, Person
from righthelp.socialwork.codes import CategoryOfAbuse, ClosureReason, PrimaryNeed, ReferralSource
from righthelp.socialwork.models import (
    Assessment,
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    Escalation,
    PlanReview,
    Section47Enquiry,
    StrategyDiscussion,
    Transfer,
)

from . import phrases
from .bulk import Progress, bulk
from .pathway import working_days_after
from .timeline import Step, Work
from .workforce import Workforce

SOCIAL = ("cafa", "section_47", "child_in_need", "child_protection", "looked_after")
# Who asked, as the census codes it (the request's first words, phrases.SOURCES).
SOURCE_CODES = {
    "the child's school": ReferralSource.SCHOOLS, "the health visitor":
    ReferralSource.HEALTH_VISITOR, "Lancashire Constabulary": ReferralSource.POLICE,
    "the child's GP": ReferralSource.GP, "the midwife": ReferralSource.OTHER_PRIMARY_HEALTH,
    "the child's nursery": ReferralSource.EDUCATION_SERVICES,
    "Blackpool Housing Options": ReferralSource.HOUSING,
    "the probation service": ReferralSource.OTHER_LEGAL_AGENCY,
    "a neighbour": ReferralSource.ACQUAINTANCE, "the child's parent": ReferralSource.FAMILY,
    "the Emergency Duty Team": ReferralSource.SOCIAL_CARE,
    "a voluntary sector worker": ReferralSource.OTHER,
}
NEEDS = [(PrimaryNeed.ABUSE_OR_NEGLECT, 30), (PrimaryNeed.CHILDS_DISABILITY, 7),
         (PrimaryNeed.PARENTAL_DISABILITY_OR_ILLNESS, 8), (PrimaryNeed.FAMILY_IN_ACUTE_STRESS, 15),
         (PrimaryNeed.FAMILY_DYSFUNCTION, 22), (PrimaryNeed.SOCIALLY_UNACCEPTABLE_BEHAVIOUR, 7),
         (PrimaryNeed.LOW_INCOME, 3), (PrimaryNeed.ABSENT_PARENTING, 8)]
CATEGORIES = [(CategoryOfAbuse.NEGLECT, 46), (CategoryOfAbuse.EMOTIONAL, 36),
              (CategoryOfAbuse.PHYSICAL, 8), (CategoryOfAbuse.SEXUAL, 4),
              (CategoryOfAbuse.MULTIPLE, 6)]
# Words in the request's worry -> the factors an assessment would find.
WORRY_FACTORS = [("domestic abuse", ("3A", "3B")), ("alcohol", ("1B",)), ("drug", ("2B",)),
                 ("injury", ("18C",)), ("bruising", ("18C",)), ("hurts", ("18C",)),
                 ("hungry", ("16A",)), ("unsafe", ("16A",)), ("alone", ("16A",)),
                 ("mental health", ("4B",)), ("missing", ("10A",)), ("exploit", ("24A",))]
OTHER_FACTORS = ["4B", "17A", "16A", "3B", "2B", "1B", "4A", "20"]
LOOKED_AFTER_REASONS = {"Special guardianship order": ClosureReason.SPECIAL_GUARDIANSHIP_ORDER,
                        "Adopted": ClosureReason.ADOPTED,
                        "Child arrangements order": ClosureReason.CHILD_ARRANGEMENTS_ORDER}
CONFERENCE_WORDS = [
    "I want things at home to be calm like they are now.",
    "I feel safer now my worker comes to see me.",
    "I don't like it when people shout. It is better this week.",
    "I want to stay with my mum and my brother.",
    "Nan helps me when things are hard.",
]
FAMILY_ABSENT_REASONS = [
    "Mum was unwell on the day and asked for the notes to be shared with her.",
    "Dad said he would not come; his worker will go through the plan with him.",
    "The family did not come and did not answer calls that morning.",
]
NO_FURTHER_ACTION = "No further action"
TO_EARLY_HELP = "Stepped down to early help"
CHUNK = 3000  # episodes per transaction


@lru_cache(maxsize=20_000)
def on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


@lru_cache(maxsize=20_000)
def on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


@lru_cache(maxsize=50_000)
def working_days_before(day: date, n: int, earliest: date) -> date:
    while n > 0 and day > earliest:
        day -= timedelta(days=1)
        n -= is_working_day(day)
    return on_or_after(max(day, earliest))


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LONDON)


@dataclass
class Run:
    """One child's contiguous social care work: the episode to be written."""

    child_pk: int
    disabled: str
    born: date | None
    steps: list[Work]
    request: Work | None = None
    rows: dict = field(default_factory=dict)


class SocialWorkWriter:
    def __init__(self, rng: Random, today: date, workforce: Workforce):
        self.rng, self.today, self.workforce = rng, today, workforce
        self.counts = {"social care episodes": 0, "social care assessments": 0,
                       "Section 47 enquiries": 0, "child protection conferences": 0,
                       "child in need plans": 0,
                       "child protection plans": 0, "child in need plan reviews": 0}

    # ------------------------------------------------------------------ the runs
    def runs(self, steps: list[Step]) -> list[Run]:
        by_child: dict[int, list[Step]] = defaultdict(list)
        for step in steps:
            by_child[step.child.pk].append(step)
        runs = []
        for pk in sorted(by_child):
            mine = by_child[pk]
            child = mine[0].child
            requests = {s.work.end: s.work for s in mine if s.work.kind == "request_for_support"
                        and s.work.outcome != phrases.HUB_OUTCOMES["already_open"]}
            social = sorted((s.work for s in mine if s.work.kind in SOCIAL),
                            key=lambda w: (w.start, SOCIAL.index(w.kind)))
            current: Run | None = None
            for work in social:
                if current and current.steps[-1].end == work.start:
                    current.steps.append(work)
                    continue
                current = Run(pk, "", child.born, [work], requests.get(work.start))
                runs.append(current)
        return runs

    # ------------------------------------------------------------------ writing
    def write(self, steps: list[Step], progress: Progress | None = None) -> dict[str, int]:
        runs = self.runs(steps)
        disability = dict(Person.objects.filter(involvements__kind__in=SOCIAL).values_list(
            "pk", "disability").distinct())
        involvements = {(person, kind, start): pk for pk, person, kind, start in
                        Involvement.objects.filter(kind__in=SOCIAL).values_list(
                            "pk", "person_id", "kind", "start")}
        for run in runs:
            run.disabled = disability.get(run.child_pk, "")
        for n in range(0, len(runs), CHUNK):
            with transaction.atomic():
                self._write_chunk(runs[n:n + CHUNK], involvements)
            if progress:
                progress.tick("social work", n + CHUNK, len(runs), "episodes")
        # The assessments recorded whether each child is disabled (never left "not known").
        unknown = sorted({r.child_pk for r in runs if r.disabled == "unknown"})
        for n in range(0, len(unknown), CHUNK):
            Person.objects.filter(pk__in=unknown[n:n + CHUNK]).update(disability="no")
        return self.counts

    def _worker(self, pool: str):
        worker = self.rng.choice(self.workforce.holders[pool])
        team = self.workforce.team_of[worker.pk]
        return worker, team, self.workforce.manager_of.get(team.pk) or worker

    def _write_chunk(self, runs: list[Run], involvements: dict) -> None:
        episodes = [self._episode(run, involvements) for run in runs]
        bulk(episodes)
        later: dict[type, list] = defaultdict(list)
        for run, episode in zip(runs, episodes, strict=True):
            run.rows["episode"] = episode
            self._assessment(run, later)
            self._enquiries(run, later)
        bulk(later[Assessment])
        bulk(later[StrategyDiscussion])
        for enquiry in later[Section47Enquiry]:
            enquiry.strategy_discussion_id = enquiry.strategy_discussion.pk
        bulk(later[Section47Enquiry])
        plans: dict[type, list] = defaultdict(list)
        for run in runs:
            self._plans(run, plans)
        bulk(plans[ChildInNeedPlan])
        bulk(plans[ChildProtectionPlan])
        rows: dict[type, list] = defaultdict(list)
        for run in runs:
            self._conferences_and_reviews(run, rows)
        for model in (ChildProtectionConference, PlanReview, Transfer, Escalation):
            for row in rows[model]:
                for name in ("section47", "cp_plan", "cin_plan", "strategy_discussion"):
                    target = getattr(row, f"_{name}", None)
                    if target is not None:
                        setattr(row, f"{name}_id", target.pk)
            bulk(rows[model])
        self.counts["social care episodes"] += len(episodes)
        self.counts["social care assessments"] += len(later[Assessment])
        self.counts["Section 47 enquiries"] += len(later[Section47Enquiry])
        self.counts["child in need plans"] += len(plans[ChildInNeedPlan])
        self.counts["child protection plans"] += len(plans[ChildProtectionPlan])
        self.counts["child protection conferences"] += len(rows[ChildProtectionConference])
        self.counts["child in need plan reviews"] += len(rows[PlanReview])

    # ------------------------------------------------------------------ the episode
    def _referral(self, run: Run) -> tuple[date, str]:
        first = run.steps[0]
        if run.request is not None:
            source = run.request.summary.removeprefix("Request for support received from ")
            source = source.partition(":")[0]
            return run.request.start, SOURCE_CODES.get(source, ReferralSource.UNKNOWN)
        if first.kind == "child_protection":  # Awaken's worries came to social care
            return self._enquiry_start(run, first), ReferralSource.OTHER_INTERNAL
        return first.start, ReferralSource.OTHER_INTERNAL

    def _enquiry_start(self, run: Run, cp_work: Work) -> date:
        """When the strategy discussion before a child protection plan was held."""
        key = ("s47", id(cp_work))
        if key not in run.rows:
            index = run.steps.index(cp_work)
            earliest = run.steps[index - 1].start + timedelta(days=1) if index else (
                cp_work.start - timedelta(days=28))
            run.rows[key] = working_days_before(on_or_after(cp_work.start),
                                                self.rng.randint(5, 12), earliest)
        return run.rows[key]

    def _closure(self, run: Run) -> tuple[date | None, str]:
        last = run.steps[-1]
        if last.end is None:
            return None, ""
        kinds = {w.kind for w in run.steps}
        if last.kind == "cafa" and last.outcome.startswith(NO_FURTHER_ACTION):
            quiet = not kinds & {"section_47", "child_in_need", "child_protection"}
            return last.end, ClosureReason.NO_FURTHER_ACTION if quiet else ClosureReason.OTHER
        if last.kind == "cafa" and last.outcome.startswith(TO_EARLY_HELP):
            return last.end, ClosureReason.REFERRED_TO_EARLY_HELP
        if last.kind == "looked_after":
            for words, reason in LOOKED_AFTER_REASONS.items():
                if last.outcome.startswith(words):
                    return last.end, reason
        return last.end, ClosureReason.OTHER

    def _episode(self, run: Run, involvements: dict) -> ChildInNeedEpisode:
        rng = self.rng
        referred, source = self._referral(run)
        first = run.steps[0]
        worker, team, manager = self._worker(first.pool if first.pool in
                                             self.workforce.holders else "assessment")
        run.rows.update(worker=worker, team=team, manager=manager)
        kinds = {w.kind for w in run.steps}
        need = PrimaryNeed.ABUSE_OR_NEGLECT if kinds & {"section_47", "child_protection"} else (
            rng.choices([n for n, _ in NEEDS], weights=[w for _, w in NEEDS])[0])
        if run.disabled == "yes" and need != PrimaryNeed.ABUSE_OR_NEGLECT and rng.random() < 0.4:
            need = PrimaryNeed.CHILDS_DISABILITY
        closed, reason = self._closure(run)
        return ChildInNeedEpisode(
            person_id=run.child_pk, referral_date=referred, referral_source=source,
            primary_need=need, team=team,
            involvement_id=involvements.get((run.child_pk, first.kind, first.start)),
            closure_date=closed, closure_reason=reason,
            closure_summary=f"{run.steps[-1].outcome}." if closed else "",
            closed_by=manager if closed else None)

    # ------------------------------------------------------------------ assessment
    def _assessment_window(self, run: Run) -> tuple[date, date | None, str] | None:
        """The assessment's start, authorisation day and outcome text, or None."""
        steps = run.steps
        first = steps[0]
        if first.kind == "cafa":
            return first.start, first.end, first.outcome
        if first.kind == "section_47":
            following = steps[1] if len(steps) > 1 else None
            if following and following.kind == "cafa":
                return first.start, following.end, following.outcome
            return first.start, first.end, "Section 47: child protection plan"
        if first.kind == "child_protection":
            return self._enquiry_start(run, first), on_or_after(first.start), \
                "Child protection plan"
        return None

    def _factors(self, run: Run, outcome: str) -> list[str]:
        rng = self.rng
        alone = run.steps[0].kind == "cafa"  # closes with RC8, so may find no factors
        if (outcome.startswith(NO_FURTHER_ACTION) and alone and run.disabled != "yes"
                and rng.random() < 0.35):
            return ["21"]  # closed with DfE's RC8: no factors, no further action
        worry = (run.request.summary.lower() if run.request else "")
        found = [code for words, codes in WORRY_FACTORS if words in worry for code in codes]
        found += rng.sample(OTHER_FACTORS, rng.randint(0 if found else 1, 2))
        if run.disabled == "yes":
            found.append("6A" if rng.random() < 0.5 else "5A")
        return list(dict.fromkeys(found))

    def _assessment(self, run: Run, later: dict) -> None:
        window = self._assessment_window(run)
        if window is None:
            return
        start, done, outcome_text = window
        if done is not None and done > self.today:
            done = None
        episode, worker, manager = run.rows["episode"], run.rows["worker"], run.rows["manager"]
        outcome = _assessment_outcome(outcome_text)
        finished = done is not None
        later[Assessment].append(Assessment(
            episode=episode, started_on=start,
            status=Assessment.Status.AUTHORISED if finished else Assessment.Status.IN_PROGRESS,
            completed_on=max(start, done - timedelta(days=self.rng.randint(0, 2)))
            if finished else None,
            authorised_on=done, authorised_by=manager if finished else None, worker=worker,
            factors=self._factors(run, outcome_text) if finished else [],
            outcome=outcome if finished else "",
            outcome_reasons=f"{outcome_text}." if finished else "",
            strengths=self.rng.choice(phrases.WORKING_WELL),
            worries=run.request.summary.partition(": ")[2] if run.request else "",
        ))

    def _reassess(self, run: Run, later: dict, start: date, done: date) -> None:
        """The Child and Family Assessment that goes with a Section 47 enquiry started on a
        plan, authorised on the day of the initial conference."""
        finished = done <= self.today
        later[Assessment].append(Assessment(
            episode=run.rows["episode"], started_on=start,
            status=Assessment.Status.AUTHORISED if finished else Assessment.Status.IN_PROGRESS,
            completed_on=done if finished else None, authorised_on=done if finished else None,
            authorised_by=run.rows["manager"] if finished else None, worker=run.rows["worker"],
            factors=self._factors(run, "Child protection") if finished else [],
            outcome=Assessment.Outcome.CHILD_PROTECTION if finished else "",
            outcome_reasons="Harm escalated: initial child protection conference." if finished
            else "", worries="Harm escalated while the family had a plan."))

    # ------------------------------------------------------------------ Section 47
    def _enquiries(self, run: Run, later: dict) -> None:
        """A strategy discussion and Section 47 enquiry for every Section 47 step and before
        every child protection plan that no Section 47 step led to."""
        worker = run.rows["worker"]
        episode = run.rows["episode"]
        run.rows["enquiries"] = {}
        for index, work in enumerate(run.steps):
            if work.kind == "section_47":
                following = run.steps[index + 1] if index + 1 < len(run.steps) else None
                conference = following is not None and following.kind == "child_protection"
                started = work.start
                done = work.end if work.end and work.end <= self.today else None
                key = id(following) if conference else id(work)
            elif work.kind == "child_protection" and (
                    index == 0 or run.steps[index - 1].kind != "section_47"):
                started = self._enquiry_start(run, work)
                done, conference, key = on_or_after(work.start), True, id(work)
                if index and run.steps[index - 1].kind != "cafa":  # harm escalated on a plan:
                    self._reassess(run, later, started, done)  # the enquiry reassesses
            else:
                continue
            discussion = StrategyDiscussion(
                episode=episode, held_at=_at(started, 10),
                attendees=[{"name": worker.get_full_name(), "agency": "Children's social care",
                            "role": "Social worker"},
                           {"name": "Duty officer", "agency": "Lancashire Constabulary",
                            "role": "Police"},
                           {"name": "Safeguarding nurse", "agency": "Blackpool Teaching "
                            "Hospitals", "role": "Health"}],
                worries=(run.request.summary.partition(": ")[2] if run.request
                         else "Significant harm suspected and current."),
                decision=StrategyDiscussion.Decision.SECTION_47,
                reasons="Significant harm is suspected and current.", recorded_by=worker)
            enquiry = Section47Enquiry(
                episode=episode, strategy_discussion=discussion, started_on=started,
                icpc_target=working_days_after(started, 15), worker=worker,
                completed_on=done,
                outcome=("" if done is None else Section47Enquiry.Outcome.CONFERENCE
                         if conference else Section47Enquiry.Outcome.NO_CONFERENCE),
                outcome_reasons="" if done is None else (
                    "Concerns substantiated." if conference else "Concerns not substantiated."),
                authorised_by=run.rows["manager"] if done else None)
            later[StrategyDiscussion].append(discussion)
            later[Section47Enquiry].append(enquiry)
            run.rows["enquiries"][key] = enquiry

    # ------------------------------------------------------------------ plans
    def _plans(self, run: Run, plans: dict) -> None:
        episode, worker = run.rows["episode"], run.rows["worker"]
        run.rows["cin"], run.rows["cp"] = [], []
        steps, index, previous_end = run.steps, 0, None
        while index < len(steps):
            work = steps[index]
            if work.kind == "child_protection":
                start = on_or_after(work.start)
                end = on_or_before(work.end) if work.end else None
                if end is not None and end <= start:
                    end = start + timedelta(days=1)
                following = steps[index + 1] if index + 1 < len(steps) else None
                category = self.rng.choices([c for c, _ in CATEGORIES],
                                            weights=[w for _, w in CATEGORIES])[0]
                latest = category if self.rng.random() < 0.9 else self.rng.choice(
                    [c for c, _ in CATEGORIES])
                chair = self.rng.choice(self.workforce.holders["cp-chair"])
                plan = ChildProtectionPlan(
                    episode=episode, status="ended" if end else "open", start=start, end=end,
                    end_reason=_end_reason(following, work) if end else "",
                    end_summary=work.outcome if end else "", team=run.rows["team"],
                    created_by=worker, initial_category=category, latest_category=latest,
                    chair=chair, safety_plan="Who keeps the child safe each day, agreed with "
                    "the family.")
                plans[ChildProtectionPlan].append(plan)
                run.rows["cp"].append((plan, work))
                previous_end = end
                index += 1
                continue
            if work.kind != "child_in_need":
                previous_end = None
                index += 1
                continue
            run_of = [work]
            while index + len(run_of) < len(steps) and steps[index + len(run_of)].kind == \
                    "child_in_need":
                run_of.append(steps[index + len(run_of)])
            index += len(run_of)
            following = steps[index] if index < len(steps) else None
            start = max(run_of[0].start, previous_end or run_of[0].start)
            end = run_of[-1].end
            if following is not None and following.kind == "child_protection":
                end = on_or_after(following.start)
            if end is not None and end <= start:
                end = start + timedelta(days=1)
            plan = ChildInNeedPlan(
                episode=episode, status="ended" if end else "open", start=start, end=end,
                end_reason=_end_reason(following, run_of[-1]) if end else "",
                end_summary=run_of[-1].outcome if end else "", team=run.rows["team"],
                created_by=worker)
            plans[ChildInNeedPlan].append(plan)
            run.rows["cin"].append((plan, run_of, following))
            previous_end = None

    # ------------------------------------------------------------------ conferences, reviews
    def _conferences_and_reviews(self, run: Run, rows: dict) -> None:
        episode, worker = run.rows["episode"], run.rows["worker"]
        for plan, work in run.rows["cp"]:
            enquiry = run.rows["enquiries"].get(id(work))
            initial = ChildProtectionConference(
                episode=episode, kind="initial", held_on=plan.start, chair=plan.chair,
                attendees=_attendees(worker), family_attended=True,
                childs_words=self.rng.choice(CONFERENCE_WORDS),
                decision="plan", category=plan.initial_category,
                reasons="The child is at continuing risk of significant harm.",
                recorded_by=plan.chair)
            initial._section47, initial._cp_plan = enquiry, plan
            rows[ChildProtectionConference].append(initial)
            for held, last in self._review_days(plan):
                attended = self.rng.random() < 0.85
                review = ChildProtectionConference(
                    episode=episode, kind="review", held_on=held, chair=plan.chair,
                    attendees=_attendees(worker, family=attended), family_attended=attended,
                    family_absent_reason="" if attended else FAMILY_ABSENT_REASONS[
                        held.toordinal() % len(FAMILY_ABSENT_REASONS)],  # keeps rng's order
                    childs_words=self.rng.choice(CONFERENCE_WORDS),
                    decision="end" if last else "continue",
                    category="" if last else plan.latest_category,
                    step_to=("cin" if plan.end_reason == "to_cin" else "none") if last else "",
                    reasons=plan.end_summary if last else "Progress made; worries remain.",
                    recorded_by=plan.chair)
                review._cp_plan = plan
                rows[ChildProtectionConference].append(review)
        for plan, run_of, following in run.rows["cin"]:
            for later in run_of[1:]:
                worker_to, team_to, _ = self._worker(later.pool)
                transfer = Transfer(
                    episode=episode, from_team=run.rows["team"], to_team=team_to,
                    to_worker=worker_to, transferred_on=later.start,
                    reason="Longer-term child in need support.",
                    handover="The plan, the family's network and what is working.",
                    recorded_by=run.rows["manager"])
                rows[Transfer].append(transfer)
            review_day = plan.start + relativedelta(months=3)
            while review_day < (plan.end or self.today):
                review = PlanReview(
                    kind=PlanReview.Kind.CHILD_IN_NEED_REVIEW, held_on=on_or_before(review_day),
                    progress="Actions on track; the family's plan is working.",
                    decision=PlanReview.Decision.CONTINUE, reasons="Outcomes not yet met.",
                    recorded_by=worker)
                review._cin_plan = plan
                rows[PlanReview].append(review)
                review_day += relativedelta(months=3)
            if following is not None and following.kind == "child_protection":
                enquiry = run.rows["enquiries"].get(id(following))
                escalation = Escalation(
                    what_changed="Harm escalated: new worries about significant harm.",
                    decided_by=run.rows["manager"])
                escalation._cin_plan = plan
                escalation._strategy_discussion = enquiry.strategy_discussion if enquiry else None
                rows[Escalation].append(escalation)

    def _review_days(self, plan: ChildProtectionPlan) -> list[tuple[date, bool]]:
        """Review conferences: the first within 3 months, then at most 6 months apart (a few
        late), and the last on the day the plan ends (unless the child came into care)."""
        rng, days = self.rng, []
        until = plan.end or self.today
        due = plan.start + relativedelta(months=3)
        while True:
            late = rng.random() < 0.08
            held = on_or_before(due - timedelta(days=rng.randint(0, 12))) if not late else (
                on_or_after(due + timedelta(days=rng.randint(1, 15))))
            if held <= plan.start or held >= until:
                break
            days.append((held, False))
            due = held + relativedelta(months=6)
        if plan.end and plan.end_reason != "care" and (not days or days[-1][0] < plan.end):
            days.append((plan.end, True))
        return days


def _assessment_outcome(text: str) -> str:
    if text.startswith(NO_FURTHER_ACTION):
        return Assessment.Outcome.CLOSE
    if text.startswith(TO_EARLY_HELP):
        return Assessment.Outcome.STEP_DOWN_EARLY_HELP
    if "looked after" in text:
        return Assessment.Outcome.CARE
    if "protection" in text or "Section 47" in text:
        return Assessment.Outcome.CHILD_PROTECTION
    return Assessment.Outcome.CHILD_IN_NEED


def _end_reason(following: Work | None, work: Work) -> str:
    if following is not None:
        return {"child_protection": "to_cp", "child_in_need": "to_cin",
                "looked_after": "care"}.get(following.kind, "other")
    if "early help" in work.outcome:
        return "to_early_help"
    return "outcomes_met"


def _attendees(worker, family: bool = True) -> list[dict]:
    return [{"name": worker.get_full_name(), "role": "Social worker", "family": False},
            *([{"name": "Parent", "role": "Parent", "family": True}] if family else []),
            {"name": "Designated safeguarding lead", "role": "School", "family": False}]
