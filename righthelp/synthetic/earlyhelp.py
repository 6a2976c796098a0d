"""Early help on synthetic data: episodes with families, assessments, plans, meetings, reviews,
step-ups and step-downs, consistent with the casework and the front door.

Casework leaves early help only as involvements (and each child's review deadlines); the
early help pages, the link workers' view and the figures read the early help app's records.
This stage writes them for the early help that started in the last 12 months (the front
door's records go back as far, and an episode from the Hub names its decision), and for
step-downs from social care before then whose early help went on into those 12 months;
that includes all early help open today: one episode per family (brothers and sisters whose
help overlaps share it), led by whoever the casework allocated (a partner agency's lead
professional for about ``casework.PARTNER_LED`` of them, else the locality's early help
team), coached by the locality's link worker. Opened from the Hub's decision or by a step
down from social care (the work before it in the child's journey); ended as the casework
says (outcomes met, the family stopped engaging, universal services, or a step up through
the request the front door already holds). Reviews follow the council's cadence from the
plan, mostly on time; the review deadlines are rewritten to match, one per child.

Nothing is read back row by row: the steps are in memory and the front door's decisions,
the involvements, allocations and the families' adults are read once, in bulk.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from random import Random

from django.db import transaction

from righthelp.core.models import Deadline, Locality
from righthelp.earlyhelp.models import (
    ActionProgress,
    EarlyHelpAssessment,
    EarlyHelpEpisode,
    EarlyHelpReview,
    EpisodeInvitation,
    EpisodeMember,
    FamilyPlan,
    PlanAction,
    StepDown,
    StepUp,
    TeamAroundFamilyMeeting,
)
from righthelp.frontdoor.models import HubDecision, NextStep, RequestChild
from righthelp.people.models import FamilyMember, Involvement
from righthelp.staff.models import Allocation, Role, User

from . import phrases
from .bulk import bulk
from .deadlines import SUBJECTS, DeadlineMaker, at
from .population import YEAR, Child, Household
from .timeline import Step, Work
from .workforce import Workforce, demo_username

WINDOW_DAYS = 365  # early help that started this recently gets the early help records
LONGEST_DAYS = 280  # early help lasts at most about this long (pathway.DURATIONS)
REVIEW = "early-help-review"
SETTLING_IN_DAYS = 28  # earlyhelp.rules: a new episode has this long to assess and plan
DRIFT = 0.08  # settled open episodes with no completed assessment or plan yet
LATE_REVIEW = 0.12  # reviews held after the deadline
MISSED_REVIEW = 0.07  # open episodes whose latest review deadline passed without a review
DEMO_EPISODES = 3  # open episodes the demo partner leads, at least one in the demo locality
DEMO_LOCALITY = "revoe"  # the demo link worker's (workforce.DEMO_TEAM)
INVITED = 0.2  # episodes with another professional invited into the team around the family
STEP_DOWN_KINDS = ("cafa", "child_in_need")
STEPPED_UP = "Risk escalated: stepped up to the Hub"
CLOSURES = {"Plan ended: outcomes met": "outcomes_met",
            "Family stopped engaging; closed": "consent_withdrawn",
            "Stepped down to universal services": "universal"}
RELATIONSHIP = {"mother": "mother", "father": "father", "grandparent": "grandparent",
                "parents_partner": "parent's partner"}

# --- Words ---------------------------------------------------------------------------------
LIFE = {
    "baby": "A baby who feeds well and settles best with a calm routine.",
    "young": "Aged {age}, loves being outdoors and is happiest when home is calm.",
    "older": "Aged {age}, has good friends at school and worries about what happens at home.",
}
STRENGTHS = phrases.WORKING_WELL
PARENTS_WORDS = [
    "\"I know things have slipped. I want help before it gets worse.\"",
    "\"Mornings are a battle. I'm tired and I need a break.\"",
    "\"I just want the kids to be happy and go to school.\"",
    "\"I didn't know who to ask. I'm glad someone listened.\"",
    "\"Money's the worry. Everything else follows from that.\"",
]
WANTS_TO_CHANGE = [
    "Calmer mornings and getting to school on time.",
    "Less arguing at home and more time together as a family.",
    "Sorting out the money worries and keeping the house.",
    "Mum feeling less alone and having people to talk to.",
    "Bedtimes that work, so everyone gets some sleep.",
]
WHAT_WE_WANT = [
    "The children get to school every day and mornings are calm.",
    "Home feels calmer and everyone feels listened to.",
    "The family keeps their home and has enough money for food and bills.",
    "Mum feels supported and the children have the routines they need.",
]
# (who, council service or partner, what, how the family will know it worked)
ACTIONS = [
    ("family", "", "Set out school clothes and bags the night before.",
     "The children are at school by 8:45 at least four days a week."),
    ("family", "", "Keep a simple bedtime routine on school nights.",
     "Everyone is asleep by 9pm most nights and mornings are easier."),
    ("family", "", "Go to the family hub's stay and play once a week.",
     "Mum says she has met other parents and feels less alone."),
    ("lead_professional", "", "Arrange a breakfast club place at school.",
     "The children have breakfast at school and are settled for the first lesson."),
    ("lead_professional", "", "Check in with the family every two weeks.",
     "The family says they know who to call and get an answer."),
    ("lead_professional", "", "Help the family apply for free school meals and uniform help.",
     "The application is made and the children have the uniform they need."),
    ("council_service", "families_in_need", "Triple P parenting sessions for the parents.",
     "The parents say there is less shouting and they feel more in charge."),
    ("council_service", "families_in_need", "Video Interactive Guidance sessions at home.",
     "The parent notices and names three good moments with their child each week."),
    ("council_service", "family_hub", "Money and benefits advice at the family hub.",
     "The family has a budget and the rent arrears are going down."),
    ("council_service", "better_start", "Better Start play and language sessions.",
     "The child says new words each week and enjoys the sessions."),
    ("other_partner", "Citizens Advice Blackpool", "Debt advice and a plan for the arrears.",
     "The family has one affordable repayment plan and no more letters."),
    ("other_partner", "The school nurse", "Talk with the child about sleep and worries.",
     "The child says they sleep better and know who to talk to."),
    ("other_partner", "Blackpool Carers Centre", "A young carers' group for the eldest child.",
     "The eldest child has time for themselves each week."),
]
YOUNG_ACTIONS = [
    ("council_service", "for_babys_sake", "For Baby's Sake sessions for both parents.",
     "The parents say home feels safer and calmer for the baby."),
]
TEEN_ACTIONS = [
    ("council_service", "homelessness_16_17",
     "Meet Housing Options together about staying at home or a safe place to live.",
     "The young person has a safe place to sleep and a plan they agree with."),
    ("council_service", "substance_misuse_sexual_health",
     "Sessions with the young people's substance misuse and sexual health service.",
     "The young person says they feel safer and knows where to get help."),
]
BETTER = ["Mornings are calmer and the children are getting to school.",
          "Mum says she feels more in control and less alone.",
          "The rent arrears are going down and there is food in the cupboards.",
          "Fewer arguments at home; the children say it is quieter."]
STILL_WORRIED = ["Attendance dips when Mum is unwell.", "Money is still very tight.",
                 "Bedtimes slip at weekends.", ""]
REVIEW_WORDS = {"young": ["\"I like breakfast club.\"", "\"Mum doesn't shout as much now.\""],
                "older": ["\"It's better at home. Mum is calmer.\"",
                          "\"I still worry but I can talk to Miss about it.\""],
                "baby": ["Too young to say: the baby is settled and smiling at the visit."]}
FAMILY_OUTCOME = [
    "Mornings are calm and the children are at school every day. The family is proud of it.",
    "The family kept their home and has a budget that works. Mum says she sleeps again.",
    "Home is calmer; the children say it is a happier place. Everyone worked hard for this.",
]
STEP_UP_WHAT_CHANGED = [
    "Last night the police were called to the home after a fight between the adults; the "
    "children saw it and the youngest has a bruise that nobody can explain.",
    "The eldest child told her teacher that her mum's new partner hits her when he has been "
    "drinking, and she is scared to go home tonight.",
    "The parent has started drinking heavily again and was found asleep with the baby alone "
    "in the house; neighbours called the police.",
]
HANDOVER = ("The child in need plan worked: {outcome}. The family asked to keep the support "
            "that helped; early help carries on the actions for the family and the school.")
AGREED = ["Everyone agreed the plan; the family chose the first three actions.",
          "The family agreed the actions and who does each one; the next review is booked."]

# --- Building ------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Episode:
    """An episode being built: the early help works it covers, and the rows hanging off it."""

    household: Household
    works: list[Work]
    kids: list[Child]
    end: date | None
    last: Work  # the work that ends last: how the episode ended
    row: EarlyHelpEpisode | None = None
    lead: User | None = None
    draft: bool = False  # the demo's newest: an assessment half written
    rows: dict = field(default_factory=dict)


def _voice(child: Child, day: date) -> str:
    age = (day - child.born).days // YEAR if child.born else 0
    return "baby" if age < 2 else "young" if age < 9 else "older"


class EarlyHelpWriter:
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
                handover_plan=HANDOVER.format(outcome=before.outcome.lower()))
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
        for e in others:
            in_locality = any(m.row.locality and m.row.locality.code == DEMO_LOCALITY
                              for m in mine)
            if len(mine) >= DEMO_EPISODES and in_locality:
                break
            if len(mine) >= DEMO_EPISODES and e.row.locality.code != DEMO_LOCALITY:
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

    # ------------------------------------------------------------------ what happened in it
    def _details(self, e: Episode) -> None:
        """Members, assessment, plan, actions, meetings and reviews, in the episode's time."""
        rng, row, lead = self.rng, e.row, e.lead
        opened = row.opened_at
        until = row.closed_at or (self.now if row.status == "open" else at(e.last.end, 12))
        rows = e.rows
        rows["members"] = self._members(e)
        for name in ("step_down", "step_up"):  # built before the episode had its id
            if name in rows:
                rows[name].episode = row
        age = (until - opened).days
        settled = age > SETTLING_IN_DAYS
        drifting = row.status == "open" and settled and rng.random() < DRIFT
        # The assessment: written over a few sittings; completed unless it is still new,
        # drifting, the demo's half-written one, or the family left before it was done.
        kid = e.kids[0]
        voice = _voice(kid, opened.date())
        done_after = rng.randint(7, 30)
        complete = (done_after < age and not e.draft
                    and not (drifting and rng.random() < 0.6))
        started = opened + timedelta(days=rng.randint(0, 4), hours=rng.randint(1, 5))
        completed = started + timedelta(days=done_after)
        assessment = EarlyHelpAssessment(
            episode=row, status="completed" if complete else "draft",
            life_for_the_child=LIFE[voice].format(
                age=(opened.date() - kid.born).days // YEAR if kid.born else 0),
            strengths=rng.choice(STRENGTHS), worries=_sentence(row.why_help),
            started_at=started, last_saved_at=completed if complete else min(
                started + timedelta(days=rng.randint(0, 6)), self.now),
            last_saved_by=lead, sittings=rng.randint(2, 4) if complete else rng.randint(1, 2))
        if complete or rng.random() < 0.5:
            assessment.childs_words = rng.choice(phrases.CHILDS_VOICE[voice])
            assessment.family_needs = rng.choice(WANTS_TO_CHANGE)
        if complete:
            assessment.parents_words = rng.choice(PARENTS_WORDS)
            assessment.family_wants_to_change = rng.choice(WANTS_TO_CHANGE)
            assessment.completed_at, assessment.completed_by = completed, lead
        rows["assessment"] = assessment
        plan_at = completed + timedelta(days=rng.randint(0, 7), hours=rng.randint(1, 4))
        if not complete or plan_at >= until or (drifting and rng.random() < 0.5):
            return
        self._plan(e, plan_at, until, voice)

    def _members(self, e: Episode) -> list[EpisodeMember]:
        row = e.row
        members = []
        for child in e.kids:
            involvement = next((self.involvements[key] for w in e.works if (
                key := (child.pk, "early_help", w.start)) in self.involvements), None)
            held = [self.allocations.get((child.pk, w.start, False)) for w in e.works]
            allocation = next((pk for pk, worker in filter(None, held) if worker == e.lead.pk),
                              None)
            members.append(EpisodeMember(
                episode=row, person_id=child.pk, is_child=True, involvement_id=involvement,
                allocation_id=allocation, added_at=row.opened_at, added_by=row.opened_by))
        for person, relationship, _ in self.adults.get(e.household.pk, []):
            members.append(EpisodeMember(
                episode=row, person_id=person, is_child=False, relationship=relationship,
                added_at=row.opened_at, added_by=row.opened_by))
        if self.rng.random() < INVITED and row.status != "closed":
            other = [u for code, users in self.workforce.partners.items()
                     if code != "blackpool-schools" for u in users if u != e.lead]
            if other:
                e.rows["invitation"] = EpisodeInvitation(
                    episode=row, user=self.rng.choice(other), invited_by=e.lead,
                    invited_at=row.lead_agreed_at + timedelta(days=self.rng.randint(1, 20)),
                    reason="Knows the family well and can help with the plan.")
        return members

    def _actions(self, e: Episode, plan: FamilyPlan, plan_day: date, voice: str) -> list:
        rng = self.rng
        ages = [(plan_day - c.born).days // YEAR for c in e.kids if c.born]
        choices = list(ACTIONS)
        if ages and min(ages) < 2:
            choices += YOUNG_ACTIONS
        if ages and max(ages) >= 16:
            choices += TEEN_ACTIONS * 2
        chosen = rng.sample(choices, rng.randint(3, 5))
        if not any(who == "family" for who, *_ in chosen):
            chosen[0] = ACTIONS[rng.randrange(3)]
        actions = []
        for who, service, what, how in chosen:
            actions.append(PlanAction(
                plan=plan, who=who, council_service=service if who == "council_service" else "",
                partner_name=service if who == "other_partner" else "", what=what,
                how_we_will_know=how, by_when=plan_day + timedelta(days=rng.randint(14, 84)),
                created_at=plan.created_at, created_by=e.lead))
        return actions

    def _plan(self, e: Episode, plan_at: datetime, until: datetime, voice: str) -> None:
        rng, row, rows = self.rng, e.row, e.rows
        adults = self.adults.get(e.household.pk, [])
        plan = FamilyPlan(
            episode=row, what_we_want=rng.choice(WHAT_WE_WANT), agreed_at=plan_at,
            agreed_by=e.lead, created_at=plan_at - timedelta(days=rng.randint(0, 3)),
            agreed_with=" and ".join(name for _, _, name in adults[:2]) or "The family")
        if rng.random() < 0.7:
            plan.shared_at, plan.shared_by = plan_at + timedelta(hours=2), e.lead
        rows["plan"] = plan
        actions = rows["actions"] = self._actions(e, plan, plan_at.date(), voice)
        rows["meetings"] = [self._meeting(e, plan_at.date(), first=True)]
        # Reviews on the council's cadence from the plan; each starts the next clock.
        reviews, clocks, started = [], [], plan_at
        closing = row.closed_at
        for n in range(100):
            due = self.deadlines.due(REVIEW, started)
            if row.status == "stepped_up" and due.date() > e.last.end:
                break  # the clock stopped with the step up
            if closing is not None and due > closing:  # the episode closed first
                clocks.append((started, due, closing))
                break
            if row.status == "open" and due > self.now:  # the next review, still to come
                clocks.append((started, due, None))
                row.review_due_at = due
                break
            held = due.date() - timedelta(days=rng.randint(0, 10))
            if rng.random() < LATE_REVIEW:
                held = due.date() + timedelta(days=rng.randint(1, 20))
            held = max(held, started.date() + timedelta(days=14))
            recent = row.status == "open" and (self.today - due.date()).days < 45
            if (row.status == "open" and (held >= self.today or (
                    recent and rng.random() < MISSED_REVIEW))):
                clocks.append((started, due, None))  # missed: overdue, not held yet
                row.review_due_at = due
                break
            if closing is not None and held > closing.date():
                clocks.append((started, due, closing))
                break
            met = at(held, 12)
            clocks.append((started, due, met))
            reviews.append(EarlyHelpReview(
                episode=row, held_on=held,
                childs_words=rng.choice(REVIEW_WORDS[voice]), family_words=rng.choice(
                    PARENTS_WORDS), what_is_better=rng.choice(BETTER),
                still_worried_about=rng.choice(STILL_WORRIED), recorded_by=e.lead,
                recorded_at=met + timedelta(hours=rng.randint(1, 5))))
            if n % 2 == 1:
                rows["meetings"].append(self._meeting(e, held))
            started = met
        for review, (_, due, _) in zip(reviews, clocks[1:], strict=False):
            review.next_review_due = due
        rows["reviews"] = reviews
        rows["clocks"] = clocks
        self._progress(e, actions, reviews, until)

    def _meeting(self, e: Episode, day: date, first: bool = False) -> TeamAroundFamilyMeeting:
        rng = self.rng
        people = [f"{e.lead.first_name} {e.lead.last_name}, {e.lead.job_title} (lead "
                  f"professional)"]
        if e.row.link_worker and rng.random() < 0.5:
            link = e.row.link_worker
            people.append(f"{link.first_name} {link.last_name}, link worker")
        meeting = TeamAroundFamilyMeeting(
            episode=e.row, held_on=day, professional_attendees="\n".join(people),
            agreed=rng.choice(AGREED) if first else rng.choice(BETTER),
            plan_updates="" if first else "Moved one action's date on by a month.",
            childs_words=rng.choice(REVIEW_WORDS[_voice(e.kids[0], day)]),
            recorded_by=e.lead, recorded_at=at(day, 16))
        meeting.attending = [p for p, _, _ in self.adults.get(e.household.pk, [])[:2]] + [
            c.pk for c in e.kids if c.born and (day - c.born).days >= 8 * YEAR]
        return meeting

    def _progress(self, e: Episode, actions: list[PlanAction], reviews: list[EarlyHelpReview],
                  until: datetime) -> None:
        """Where each action got to (by its date, mostly), and its outcome when the episode
        closed; the progress noted at each review."""
        rng, reason = self.rng, e.row.closure_reason
        end = until.date()
        finished: dict[int, date | None] = {}
        for n, action in enumerate(actions):
            done_on = action.by_when + timedelta(days=rng.randint(-10, 12))
            late = rng.random() < 0.15
            if reason in ("outcomes_met", "universal"):
                done_on = min(done_on, end)
                action.status, action.outcome = "done", (
                    "met" if rng.random() < 0.85 else "partly_met")
                action.outcome_note = "The family says this worked." if (
                    action.outcome == "met") else "Better, but still some way to go."
            elif done_on <= end and not late:
                action.status = "done"
            else:
                action.status = "under_way" if done_on > end or rng.random() < 0.8 else (
                    "not_started")
                done_on = None
            if reason in ("consent_withdrawn", "stepped_up") and action.status != "done":
                action.status = "stopped" if reason == "consent_withdrawn" else action.status
                action.outcome = "not_met" if reason == "consent_withdrawn" else ""
            finished[n] = done_on
        progress = []
        for review in reviews:
            for n, action in enumerate(actions):
                done_on = finished[n]
                status = ("done" if done_on and done_on <= review.held_on else "under_way"
                          if review.held_on > action.created_at.date() + timedelta(days=7)
                          else "not_started")
                progress.append(ActionProgress(review=review, action=action, status=status))
        e.rows["progress"] = progress

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
        counts["step-ups"] = len(bulk(gather("step_up")))
        counts["step-downs"] = len(bulk(gather("step_down")))
        counts["invitations"] = len(bulk(gather("invitation")))
        counts["review deadlines"] = len(bulk(self._clocks(episodes)))

    def _clocks(self, episodes: list[Episode]) -> list[Deadline]:
        """The review deadlines, one per child: met by each review (or by the closure, as
        the close service does), the latest still running on an open episode."""
        rule = self.deadlines.rules.get(REVIEW)
        if rule is None:
            return []
        rows = []
        for e in episodes:
            team = self.workforce.teams.get(f"early-help-{e.works[0].pool.partition(':')[2]}")
            for started, due, met in e.rows.get("clocks", []):
                for child in e.kids:
                    rows.append(Deadline(
                        person_id=child.pk, rule=REVIEW, rule_name=rule.describe(),
                        subject=SUBJECTS[REVIEW], started_at=started, due_at=due, met_at=met,
                        owner_id=e.lead.pk, team_id=team and team.pk))
        return rows


def _sentence(text: str) -> str:
    text = (text or "").strip()
    return f"{text[:1].upper()}{text[1:]}" if text else ""
