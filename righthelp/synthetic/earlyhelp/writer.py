"""The early help stage: which episodes, how each opened and ended, the demo, writing."""

from datetime import date, timedelta
from random import Random

from django.db import transaction

from righthelp.core.models import Deadline, Locality
from righthelp.earlyhelp.models import (
    EarlyHelpEpisode,
    StepDown,
    StepUp,
    TeamAroundFamilyMeeting,
)
from righthelp.earlyhelp.services.plans import REVIEW_STOPPED
from righthelp.frontdoor.models import HubDecision, NextStep, RequestChild, RequestForSupport
from righthelp.people.models import FamilyMember, Involvement
from righthelp.staff.models import Allocation, Role, User

from .. import phrases
from ..bulk import bulk
from ..deadlines import SUBJECTS, DeadlineMaker, at
from ..population import Child
from ..timeline import Step, Work
from ..workforce import Workforce, demo_username
from .common import (
    CLOSURES,
    DEMO_EPISODES,
    DEMO_LOCALITY,
    LONGEST_DAYS,
    RELATIONSHIP,
    REVIEW,
    STEP_DOWN_KINDS,
    STEPPED_UP,
    WINDOW_DAYS,
    Episode,
)
from .details import Details
from .words import (
    FAMILY_OUTCOME,
    HANDOVER,
    STEP_UP_WHAT_CHANGED,
)


class EarlyHelpWriter(Details):
    def __init__(self, rng: Random, today: date, workforce: Workforce):
        self.rng, self.today, self.workforce = rng, today, workforce
        self.since = today - timedelta(days=WINDOW_DAYS)
        self.earliest = self.since - timedelta(days=LONGEST_DAYS)
        self.now = at(today, 0)
        self.deadlines = DeadlineMaker(rng, today)
        self.users: dict[int, User] = {}
        for users in [*workforce.holders.values(), *workforce.partners.values(),
                      *workforce.others.values()]:
            self.users.update({u.pk: u for u in users})
        self.localities = {loc.code: loc for loc in Locality.objects.filter(
            council__active=True)}
        self.hub = workforce.others.get("early-help-hub") or [next(iter(self.users.values()))]
        self.counts: dict[str, int] = {}

    # ------------------------------------------------------------------ reading, once
    def _read(self, episodes: list[Episode]) -> None:
        kids = {c.pk for e in episodes for c in e.kids}
        self.decisions = {
            (person, received): (pk, level, reasoning, authorised)
            for pk, level, reasoning, authorised, received, person in HubDecision.objects.filter(
                next_step=NextStep.EARLY_HELP, status=HubDecision.Status.AUTHORISED,
                request__received_at__gte=at(self.since - timedelta(days=7), 0))
            .values_list("pk", "level_of_need", "reasoning", "authorised_at",
                         "request__received_at", "request__children__person_id")}
        self.requests = {
            (person, received): pk for person, received, pk in RequestChild.objects.filter(
                person__isnull=False, request__received_at__gte=at(self.since, 0))
            .values_list("person_id", "request__received_at", "request_id")}
        self.involvements = {
            (person, kind, start): pk for pk, person, kind, start in Involvement.objects.filter(
                kind__in=("early_help", *STEP_DOWN_KINDS), end__gte=self.earliest
            ).values_list("pk", "person_id", "kind", "start")}
        self.involvements.update({
            (person, "early_help", start): pk for pk, person, start in Involvement.objects.filter(
                kind="early_help", end__isnull=True).values_list("pk", "person_id", "start")})
        self.allocations: dict[tuple, tuple[int, int]] = {}
        for pk, person, worker, kind, start in Allocation.objects.filter(
                kind__in=("lead_professional", "early_help_worker", "social_worker"),
                person_id__isnull=False, start__gte=self.earliest - timedelta(days=500)
        ).values_list("pk", "person_id", "worker_id", "kind", "start"):
            if person in kids:
                self.allocations[(person, start, kind == "social_worker")] = (pk, worker)
        self.adults: dict[int, list[tuple[int, str, str]]] = {}
        families = sorted({e.household.pk for e in episodes})
        for n in range(0, len(families), 2000):
            for family, person, role, given, surname in FamilyMember.objects.filter(
                    family_id__in=families[n:n + 2000], role__in=list(RELATIONSHIP)
            ).order_by("pk").values_list("family_id", "person_id", "role",
                                         "person__given_names", "person__family_name"):
                self.adults.setdefault(family, []).append(
                    (person, RELATIONSHIP[role], f"{given} {surname}"))

    # ------------------------------------------------------------------ the stage
    def write(self, steps: list[Step]) -> dict[str, int]:
        episodes = self._episodes(steps)
        self._read(episodes)
        with transaction.atomic():
            made = [e for e in episodes if self._episode(e)]
            self._demo(made)
            Deadline.objects.filter(rule=REVIEW).delete()  # the casework's: rewritten here
            for e in made:
                self._details(e)
            bulk([e.row for e in made])  # the rows built above take its ids as they are written
            self._write(made)
        return self.counts

    def _episodes(self, steps: list[Step]) -> list[Episode]:
        """Early help works since the window opened (and step-downs before it still going on
        in it), one episode per family at a time."""
        self.by_group: dict[int, Work] = {step.work.group: step.work for step in steps}
        works: dict[int, tuple[Work, list[Child]]] = {}
        for step in steps:
            work = step.work
            if work.kind == "early_help" and step.child.household and self._covered(work):
                works.setdefault(id(work), (work, []))[1].append(step.child)
        ordered = sorted(works.values(), key=lambda w: (w[1][0].household.pk, w[0].start,
                                                        w[0].group))
        episodes: list[Episode] = []
        current: dict[int, Episode] = {}
        for work, kids in ordered:
            household = kids[0].household
            episode = current.get(household.pk)
            if episode is not None and (episode.end is None or work.start <= episode.end):
                episode.works.append(work)
                episode.kids += [c for c in kids if c not in episode.kids]
                if episode.end is not None and (work.end is None or work.end > episode.end):
                    episode.end, episode.last = work.end, work
                continue
            episode = Episode(household, [work], list(kids), work.end, work)
            current[household.pk] = episode
            episodes.append(episode)
        return episodes

    def _covered(self, work: Work) -> bool:
        if work.start >= self.since:
            return True
        if work.end is not None and work.end < self.since:
            return False
        before = self.by_group.get(work.group - 1)  # a step down needs no front door record
        return before is not None and before.kind in STEP_DOWN_KINDS

    # ------------------------------------------------------------------ one episode
    def _episode(self, e: Episode) -> bool:
        """The episode row: how it opened, who leads, how it ended. False: cannot be linked."""
        rng, first, kid = self.rng, e.works[0], e.kids[0]
        before = self.by_group.get(first.group - 1)
        if before is None:
            return False
        lead = self.allocations.get((kid.pk, first.start, False))
        if lead is None or lead[1] not in self.users:
            return False
        e.lead = self.users[lead[1]]
        code = first.pool.partition(":")[2]
        locality = self.localities.get(code)
        link = (self.workforce.others.get(f"early-help-{code}") or [None])[0]
        partner = e.lead.role == Role.PARTNER_LEAD_PROFESSIONAL
        team = self.workforce.teams.get(f"early-help-{code}")
        adults = self.adults.get(e.household.pk, [])
        consent = f"{adults[0][2]} ({adults[0][1]})" if adults else "The family"
        row = EarlyHelpEpisode(
            family_id=e.household.pk, lead_professional=e.lead,
            lead_agency_id=e.lead.agency_id if partner else None,
            lead_team=None if partner else self.workforce.team_of.get(e.lead.pk, team),
            locality=locality, link_worker=link, consent_given_by=consent, level_of_need=3)
        if before.kind == "request_for_support":
            decision = next((self.decisions[key] for c in e.kids
                             if (key := (c.pk, before.received)) in self.decisions), None)
            if decision is None:
                return False
            pk, level, reasoning, authorised = decision
            row.opened_via, row.hub_decision_id = "hub_decision", pk
            row.level_of_need, row.why_help = min(max(level, 2), 3), reasoning
            row.opened_at = authorised or at(first.start, 11)
            row.opened_by = rng.choice(self.hub)
        elif before.kind in STEP_DOWN_KINDS:
            involvement = self.involvements.get((kid.pk, before.kind, before.start))
            worker = self.allocations.get((kid.pk, before.start, True))
            if involvement is None or worker is None or worker[1] not in self.users:
                return False
            row.opened_via, row.why_help = "step_down", "Stepped down from social care."
            row.opened_at = at(first.start, rng.randint(10, 15), rng.randrange(60))
            row.opened_by = self.users[worker[1]]
            e.rows["step_down"] = StepDown(
                from_involvement_id=involvement, stepped_down_by=row.opened_by,
                stepped_down_at=row.opened_at,
                handover_plan=HANDOVER[before.kind])
        else:
            return False
        row.consent_given_at = row.opened_at
        row.lead_agreed_at = row.opened_at + timedelta(hours=rng.randint(1, 70))
        row.lead_agreed_by = rng.choice(self.hub)
        self._ending(e, row)
        e.row = row
        return True

    def _ending(self, e: Episode, row: EarlyHelpEpisode) -> None:
        rng, last = self.rng, e.last
        row.status = "open"
        if e.end is None:
            return
        closed = at(e.end, rng.randint(13, 16), rng.randrange(60))
        reason = CLOSURES.get(last.outcome)
        if last.outcome == STEPPED_UP:
            request = self.by_group.get(last.group + 1)
            rfs = request and next((self.requests[key] for c in e.kids
                                    if (key := (c.pk, request.received)) in self.requests), None)
            if rfs:
                e.rows["step_up"] = StepUp(
                    request_id=rfs, risk_change=rng.choice(["escalated", "new_harm"]),
                    what_changed=rng.choice(STEP_UP_WHAT_CHANGED),
                    childs_words=rng.choice(phrases.CHILDS_VOICE["older"]),
                    stepped_up_by=e.lead, stepped_up_at=request.received)
                if request.end is None:  # the Hub has not decided yet
                    row.status = "stepped_up"
                    return
                closed = at(request.end, 16, rng.randrange(60))
            reason = "stepped_up"
        row.status, row.closure_reason = "closed", reason or "universal"
        row.closed_at, row.closed_by = max(closed, row.lead_agreed_at), e.lead
        if reason == "outcomes_met":
            row.family_outcome = rng.choice(FAMILY_OUTCOME)
        if reason == "consent_withdrawn":
            row.consent_withdrawn_by = row.consent_given_by
            row.consent_withdrawn_at = row.closed_at - timedelta(days=rng.randint(0, 5))
            row.consent_withdrawal_recorded_by = e.lead

    def _demo(self, episodes: list[Episode]) -> None:
        """The demo partner leads a few open episodes (one in the demo link worker's
        locality), taking them over from partners of the same agency; the casework's
        allocations move with them. The newest has its assessment half written."""
        demo = next((u for u in self.users.values()
                     if u.username == demo_username(Role.PARTNER_LEAD_PROFESSIONAL)), None)
        if demo is None:
            return
        live = [e for e in episodes if e.row.status == "open"]
        mine = [e for e in live if e.lead == demo]
        others = [e for e in live if e.lead != demo and e.lead.agency_id == demo.agency_id]
        others.sort(key=lambda e: (e.row.locality_id != self.localities.get(
            DEMO_LOCALITY, Locality()).pk, -e.works[0].start.toordinal()))
        moved: list[int] = []
        def in_locality(e: Episode) -> bool:
            return e.row.locality is not None and e.row.locality.code == DEMO_LOCALITY

        for e in others:
            if len(mine) >= DEMO_EPISODES and any(in_locality(m) for m in mine):
                break
            if len(mine) >= DEMO_EPISODES and not in_locality(e):
                continue
            e.lead = e.row.lead_professional = demo
            moved += [self.allocations[(c.pk, w.start, False)][0] for w in e.works
                      for c in e.kids if (c.pk, w.start, False) in self.allocations]
            mine.append(e)
        for e in mine:
            for w in e.works:
                for c in e.kids:
                    if (c.pk, w.start, False) in self.allocations:
                        pk, _ = self.allocations[(c.pk, w.start, False)]
                        self.allocations[(c.pk, w.start, False)] = (pk, demo.pk)
        Allocation.objects.filter(pk__in=moved).update(worker=demo)
        if mine:
            newest = max(mine, key=lambda e: e.row.opened_at)
            newest.draft = True
        self.counts["led by the demo partner"] = len(mine)

    # ------------------------------------------------------------------ writing
    def _write(self, episodes: list[Episode]) -> None:
        def gather(name: str) -> list:
            found = []
            for e in episodes:
                value = e.rows.get(name)
                if isinstance(value, list):
                    found += value
                elif value is not None:
                    found.append(value)
            return found

        counts = self.counts
        counts["early help episodes"] = len(episodes)
        counts["open now"] = sum(1 for e in episodes if e.row.status == "open")
        counts["episode members"] = len(bulk(gather("members")))
        counts["assessments"] = len(bulk(gather("assessment")))
        counts["plans"] = len(bulk(gather("plan")))
        counts["plan actions"] = len(bulk(gather("actions")))
        meetings = bulk(gather("meetings"))
        attending = TeamAroundFamilyMeeting.family_attendees.through
        bulk([attending(teamaroundfamilymeeting_id=m.pk, person_id=p)
              for m in meetings for p in m.attending])
        counts["team around the family meetings"] = len(meetings)
        counts["reviews"] = len(bulk(gather("reviews")))
        counts["action progress notes"] = len(bulk(gather("progress")))
        step_ups = bulk(gather("step_up"))
        counts["step-ups"] = len(step_ups)
        self._step_up_requests(step_ups)
        counts["step-downs"] = len(bulk(gather("step_down")))
        counts["invitations"] = len(bulk(gather("invitation")))
        counts["review deadlines"] = len(bulk(self._clocks(episodes)))

    def _step_up_requests(self, step_ups: list[StepUp]) -> None:
        """The front door's requests that are step-ups say so, as the step-up service writes
        them (the rest of each request is as the front door stage made it)."""
        requests = []
        for step in step_ups:
            requests.append(RequestForSupport(
                pk=step.request_id,
                worries=f"Step up from early help. What changed: {step.what_changed}"))
        RequestForSupport.objects.bulk_update(requests, ["worries"], batch_size=500)

    def _clocks(self, episodes: list[Episode]) -> list[Deadline]:
        """The review deadlines, one per child: met by each review, stopped by the closure
        (as the close service does), the latest still running on an open episode."""
        rule = self.deadlines.rules.get(REVIEW)
        if rule is None:
            return []
        rows = []
        for e in episodes:
            team = self.workforce.teams.get(f"early-help-{e.works[0].pool.partition(':')[2]}")
            for started, due, met, stopped in e.rows.get("clocks", []):
                for child in e.kids:
                    rows.append(Deadline(
                        person_id=child.pk, rule=REVIEW, rule_name=rule.describe(),
                        subject=SUBJECTS[REVIEW], started_at=started, due_at=due, met_at=met,
                        stopped_at=stopped, stopped_reason=REVIEW_STOPPED if stopped else "",
                        owner_id=e.lead.pk, team_id=team and team.pk))
        return rows

