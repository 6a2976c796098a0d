"""The front door on synthetic data: requests for support, Hub decisions, checks and advice.

Casework leaves each request for support only as an involvement; the Hub's queue, a
referrer's "My requests" and the Hub manager's figures read the front door's own records.
This stage writes them for the last 12 months of requests, consistent with the casework:
who asked and the worry come from the involvement's summary, the clock from when the request
was received, the day of the decision from the involvement's end and the next step from its
outcome (the route the request took). Then today's queue (the requests still open, topped
up with new ones), the demo partner's requests and checks, and a year of advice-line calls.

Nothing is read back row by row: the steps are in memory, and the people, localities,
agencies and timescales are read once.
"""

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from random import Random

from django.db import transaction

from righthelp.core.clocks import is_working_day, office_due_at, office_start
from righthelp.core.models import Locality, PartnerAgency, Timescale
from righthelp.frontdoor.models import (
    AdviceConsultation,
    AssessmentKind,
    HubDecision,
    MultiAgencyCheck,
    NextStep,
    RequestChild,
    RequestForSupport,
)
from righthelp.frontdoor.rules import Facts, Route, route
from righthelp.people.models import ChronologyEntry, Involvement, Person
from righthelp.staff.models import Allocation, Role, User

from . import names, phrases
from .bulk import bulk
from .deadlines import DeadlineMaker, at
from .pathway import ROUTES
from .population import YEAR, Child, Household
from .timeline import Step, Work
from .workforce import Workforce, demo_username

RECENT_DAYS = 365  # requests of the last 12 months get front-door records
QUEUE = 25  # open requests in the Hub's queue today, at scale 1
ADVICE_A_WEEK = 15  # advice-line consultations, at scale 1
CHECKED = 0.4  # decided requests with multi-agency checks
NEXT_DAY_ON_TIME = 0.95  # decisions made the day after arrival, within the working day
DEMO_CHECKS = 3  # unanswered checks for the demo partner
PEOPLE_CHUNK = 2000
CHUNK = 4000  # decided requests built and written at a time, so memory stays flat

RFS = RequestForSupport
Source = RFS.Source
HUB_TEAM = "request-for-support-hub"
EDT_TEAM = "emergency-duty-team"
PREFIX = "Request for support received from "  # phrases.STARTED["request_for_support"]
EDT = "the Emergency Duty Team"

# The casework's sources (phrases.SOURCES) as the front door records them:
# (how the request came, the agency's code, the asker's role).
SOURCES = {
    "the child's school": (Source.ONLINE_FORM, "blackpool-schools",
                           "Designated safeguarding lead"),
    "the health visitor": (Source.ONLINE_FORM, "blackpool-teaching-hospitals", "Health visitor"),
    "Lancashire Constabulary": (Source.POLICE, "lancashire-police", "Police officer"),
    "the child's GP": (Source.ONLINE_FORM, "fylde-coast-gps", "GP"),
    "the midwife": (Source.ONLINE_FORM, "blackpool-teaching-hospitals", "Midwife"),
    "the child's nursery": (Source.ONLINE_FORM, "blackpool-early-years", "Nursery manager"),
    "Blackpool Housing Options": (Source.EMAIL, "housing-options", "Housing officer"),
    "the probation service": (Source.EMAIL, "probation", "Probation officer"),
    "a neighbour": (Source.PHONE, "", "Neighbour"),
    "the child's parent": (Source.PHONE, "", "Parent"),
    EDT: (Source.OUT_OF_HOURS, "", "Emergency Duty Team social worker"),
    "a voluntary sector worker": (Source.ONLINE_FORM, "voluntary-sector",
                                  "Family support worker"),
}
ONLINE = [phrase for phrase, (source, _, _) in SOURCES.items() if source == Source.ONLINE_FORM]
CALLERS = ("a neighbour", "the child's parent")  # out of hours, they ring the EDT

# The route a request took (the casework's outcome), as the Hub decided it:
# (what the worker found, the next step, the kind of assessment).
ROUTE_OF = {outcome: name for name, outcome in phrases.HUB_OUTCOMES.items()}
DECISIONS: dict[str, tuple[Facts, str, str]] = {
    "cafa": (Facts(significant_harm=True), NextStep.ASSESSMENT,
             AssessmentKind.CHILD_AND_FAMILY),
    "section_47": (Facts(significant_harm=True, harm_current=True), NextStep.ASSESSMENT,
                   AssessmentKind.SECTION_47),
    "early_help": (Facts(family_struggling=True), NextStep.EARLY_HELP, ""),
    "signpost": (Facts(help_without_assessment=True), NextStep.SIGNPOST, ""),
    "declined": (Facts(family_declines=True), NextStep.FAMILY_DECLINED, ""),
    "exploitation": (Facts(help_without_assessment=True, exploitation_or_missing=True),
                     NextStep.SIGNPOST, ""),
    # The rules propose early help; the worker chooses the specialist team, with a reason.
    "complex_needs": (Facts(family_struggling=True, specialist_need=True), NextStep.SPECIALIST,
                      AssessmentKind.SPECIALIST),
    # Already open: passed to the allocated worker; no new work is opened.
    "already_open": (Facts(), NextStep.UNIVERSAL, ""),
}
PROPOSED: dict[str, Route] = {name: route(facts) for name, (facts, _, _) in DECISIONS.items()}
LEVEL = {"cafa": 4, "section_47": 4, "exploitation": 4, "signpost": 2, "complex_needs": 3}
# Multi-agency checks: kind of agency -> the agency asked.
CHECK_AGENCY = {"police": "lancashire-police", "health": "blackpool-teaching-hospitals",
                "school": "blackpool-schools"}
# Advice-line callers, by agency (share of calls).
CALLER_AGENCIES = [("blackpool-schools", 35), ("blackpool-teaching-hospitals", 20),
                   ("blackpool-early-years", 12), ("lancashire-police", 10),
                   ("voluntary-sector", 8), ("fylde-coast-gps", 6), ("housing-options", 5),
                   ("probation", 4)]


@dataclass(slots=True, eq=False)
class Pending:
    """A request being built, with the rows that hang off it (written once it has an id)."""

    request: RequestForSupport
    kids: list[Child]
    phrase: str
    worry: str
    level: int
    children: list[RequestChild] = field(default_factory=list)
    decision: HubDecision | None = None
    checks: list[MultiAgencyCheck] = field(default_factory=list)
    new: bool = False  # a new request: its involvement, allocation and deadline are made here
    undecided: bool = False  # stays in the queue with no decision yet


def _parse(summary: str) -> tuple[str, str]:
    """(who asked, the worry) from a casework summary 'Request for support received from
    {source}: {worry}.'"""
    if not summary.startswith(PREFIX):
        return "", summary.rstrip(".")
    who, _, worry = summary[len(PREFIX):].partition(": ")
    return who, worry.rstrip(".")


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."


def _age(child: Child, day: date) -> int | None:
    """Whole years on ``day``; None for a child not yet born."""
    if child.born is None or child.born > day:
        return None
    return (day - child.born).days // YEAR


class FrontDoorWriter:
    def __init__(self, rng: Random, today: date, council, workforce: Workforce, scale: float):
        self.rng, self.today, self.scale = rng, today, scale
        self.opens, self.closes = council.office_opens, council.office_closes
        rules = {t.code: t.as_rule() for t in Timescale.objects.filter(council=council)}
        self.hub_days = rules["hub-decision"].amount
        self.check_rule = rules["multi-agency-check"]
        self.localities = [
            (loc, set(loc.postcode_districts.upper().split()))
            for loc in Locality.objects.filter(council=council).order_by("pk")]
        self.locality_of: dict[str, Locality | None] = {}
        self.agencies = {a.code: a for a in PartnerAgency.objects.filter(council=council)}
        self.hub_team = workforce.teams[HUB_TEAM]
        self.hub_workers = workforce.holders["hub"]
        self.managers = [workforce.manager_of[self.hub_team.pk]] + [
            u for u in workforce.others.get(HUB_TEAM, []) if u.role == Role.HUB_MANAGER]
        self.edt = workforce.others.get(EDT_TEAM) or self.hub_workers
        self.partners = {code: list(users) for code, users in workforce.partners.items()}
        everyone = [u for users in self.partners.values() for u in users]
        self.demo_partner = next((u for u in everyone if u.username == demo_username(
            Role.PARTNER_LEAD_PROFESSIONAL)), None)
        self.demo_hub = next((u for u in self.hub_workers
                              if u.username == demo_username(Role.HUB_WORKER)), self.hub_workers[0])
        self.password = everyone[0].password if everyone else ""
        self.people: dict[int, tuple] = {}
        self.demo_works: set[int] = set()
        self.counts: dict[str, int] = {}

    # ------------------------------------------------------------------ small helpers
    def _between(self, start: datetime, end: datetime) -> datetime:
        """A moment between two, to the minute."""
        minutes = max(0, int((end - start).total_seconds() // 60))
        return start + timedelta(minutes=self.rng.randint(0, minutes))

    def _closing(self, day: date) -> datetime:
        return at(day, self.closes.hour, self.closes.minute)

    def _opening(self, day: date) -> datetime:
        return at(day, self.opens.hour, self.opens.minute)

    def _in_office(self, moment: datetime) -> bool:
        return is_working_day(moment.date()) and self.opens <= moment.time() < self.closes

    def _working_day_before(self, day: date) -> date:
        day -= timedelta(days=1)
        while not is_working_day(day):
            day -= timedelta(days=1)
        return day

    def _locality(self, postcode: str) -> Locality | None:
        """As frontdoor.services.intake.locality_of, from the localities read once."""
        district = postcode.split(" ")[0].upper()
        if district not in self.locality_of:
            self.locality_of[district] = next(
                (loc for loc, districts in self.localities if district in districts), None)
        return self.locality_of[district]

    def _urgency(self, level: int) -> int:
        if level == 4:
            return self.rng.choices([1, 2, 3], weights=[2, 4, 4])[0]
        return self.rng.choices([2, 3], weights=[1, 5])[0]

    def _name(self) -> tuple[str, str]:
        rng = self.rng
        first = names.pick(rng, names.WOMEN if rng.random() < 0.6 else names.MEN)
        return first, names.pick(rng, names.FAMILY)

    # ------------------------------------------------------------------ the stage
    def write(self, steps: list[Step], households: list[Household]) -> dict[str, int]:
        since = self.today - timedelta(days=RECENT_DAYS)
        recent: dict[int, tuple[Work, list[Child]]] = {}
        for step in steps:
            work = step.work
            if work.kind == "request_for_support" and work.start >= since:
                recent.setdefault(id(work), (work, []))[1].append(step.child)
        busy = {s.child.pk for s in steps if s.work.end is None}
        decided = [(w, kids) for w, kids in recent.values() if w.end is not None]
        still_open = [(w, kids) for w, kids in recent.values() if w.end is None]
        top_ups = self._choose_children(households, busy, max(
            5, round(QUEUE * self.scale) - len(still_open)) + 1)
        draft_kids = top_ups.pop() if len(top_ups) > 1 else []
        self._load_people([c.pk for _, kids in recent.values() for c in kids]
                          + [c.pk for kids in top_ups + [draft_kids] for c in kids])
        self.counts = {"requests for support": 0, "in the Hub's queue": 0, "Hub decisions": 0,
                       "multi-agency checks": 0}
        with transaction.atomic():
            police = self._police()
            self.demo_works = self._demo_works(decided)
            for n in range(0, len(decided), CHUNK):
                self._write([self._decided(work, kids) for work, kids in decided[n:n + CHUNK]])
            queue = [self._still_open(work, kids) for work, kids in still_open]
            queue += self._new_requests(top_ups)
            self._triage(queue)
            self._write(queue + (self._draft(draft_kids) if self.demo_partner else []))
            self._casework(queue)
            advice = self._advice()
        self.counts["in the Hub's queue"] = len(queue)
        self.counts["advice consultations"] = len(advice)
        self.counts["police partners"] = len(police)
        return self.counts

    def _load_people(self, pks: list[int]) -> None:
        pks = list(dict.fromkeys(pks))
        for n in range(0, len(pks), PEOPLE_CHUNK):
            for row in Person.objects.filter(pk__in=pks[n:n + PEOPLE_CHUNK]).values_list(
                    "pk", "given_names", "family_name", "date_of_birth", "expected_date",
                    "current_postcode"):
                self.people[row[0]] = row[1:]

    def _police(self) -> list[User]:
        """Police officers who answer the Hub's checks (the casework has no police partners)."""
        agency = self.agencies.get(CHECK_AGENCY["police"])
        if agency is None:
            return []
        taken = set(User.objects.values_list("username", flat=True))
        users = []
        for _ in range(max(2, round(4 * self.scale))):
            first, last = self._name()
            base = f"{first}.{last}".lower().replace("'", "").replace(" ", "-")
            username, n = base, 1
            while username in taken:
                n += 1
                username = f"{base}{n}"
            taken.add(username)
            joined = self.today - timedelta(days=self.rng.randint(3 * 365, 15 * 365))
            users.append(User(
                username=username, first_name=first, last_name=last, password=self.password,
                email=f"{username}@righthelp.example", role=Role.PARTNER_LEAD_PROFESSIONAL,
                is_active=True, job_title="Police officer, public protection unit",
                agency=agency, date_joined=at(joined, 9)))
        bulk(users)
        self.partners[agency.code] = users
        return users

    # ------------------------------------------------------------------ one request
    def _request(self, kids: list[Child], received: datetime, phrase: str, worry: str,
                 level: int, status: str) -> Pending:
        """The request as the Hub received it, with its children linked to the index."""
        rng = self.rng
        source, agency_code, role = SOURCES.get(phrase, (Source.PHONE, "", "Caller"))
        in_office = self._in_office(received)
        if phrase == EDT and in_office:
            source = Source.PHONE  # the EDT passing on what happened overnight
        elif phrase in CALLERS and not in_office:
            source = Source.OUT_OF_HOURS
        out_of_hours = source == Source.OUT_OF_HOURS
        queued = office_start(received, self.opens, self.closes)
        rfs = RFS(
            kind=RFS.Kind.MISSING if worry.startswith("missing") else RFS.Kind.REQUEST_FOR_SUPPORT,
            source=source, status=status, urgency=self._urgency(level),
            referrer_agency=self.agencies.get(agency_code), referrer_role=role,
            worries=_sentence(worry),
            level_asked=RFS.LevelAsked.SAFEGUARDING if level == 4 else RFS.LevelAsked.SUPPORT,
            exploitation_worry=worry in phrases.WORRIES["exploitation"],
            missing_worry=worry.startswith("missing"),
            out_of_hours=out_of_hours, handed_over=out_of_hours,
            received_at=received, queued_at=queued,
            decision_due_at=office_due_at(received, self.hub_days, self.opens, self.closes),
            created_at=received,
        )
        family = ""
        for child in kids:
            given, family_name, born, expected, postcode = self.people[child.pk]
            family = family or family_name
            rfs.locality = rfs.locality or (self._locality(postcode) if postcode else None)
        if source == Source.ONLINE_FORM and self.partners.get(agency_code):
            rfs.referrer = rng.choice(self.partners[agency_code])
            rfs.referrer_role = rfs.referrer.job_title
            rfs.created_at = received - timedelta(minutes=rng.randint(5, 90))
        else:
            rfs.referrer_name = self._referrer_name(phrase, family)
            rfs.recorded_by = rng.choice(self.edt if out_of_hours else self.hub_workers)
        if source == Source.ONLINE_FORM or rng.random() < 0.5:
            rfs.working_well = rng.choice(phrases.WORKING_WELL)
        ages = [a for a in (_age(c, received.date()) for c in kids) if a is not None]
        if ages and max(ages) >= 4 and rng.random() < 0.6:
            rfs.childs_words = rng.choice(phrases.REQUEST_CHILDS_WORDS)
        if level == 4 and rng.random() < 0.35:
            rfs.consent_given = False
            rfs.consent_dispensed_reason = rng.choice(phrases.CONSENT_DISPENSED)
        else:
            rfs.consent_given = True
        if out_of_hours:
            rfs.edt_actions = rng.choice(phrases.EDT_ACTIONS)
        pending = Pending(rfs, kids, phrase, worry, level)
        for child in kids:
            given, family_name, born, expected, postcode = self.people[child.pk]
            pending.children.append(RequestChild(
                request=rfs, person_id=child.pk, given_names=given, family_name=family_name,
                date_of_birth=born, expected_date=expected, postcode=postcode))
        return pending

    def _referrer_name(self, phrase: str, family: str) -> str:
        rng = self.rng
        first, last = self._name()
        if phrase == "Lancashire Constabulary":
            return f"PC {first} {last}"
        if phrase == "the child's GP":
            return f"Dr {last}"
        if phrase == "the child's parent":
            return f"{first} {family or last}"
        if phrase == "a neighbour" and rng.random() < 0.5:
            return "A neighbour (would not give their name)"
        if phrase == EDT:
            worker = rng.choice(self.edt)
            return f"{worker.first_name} {worker.last_name}"
        return f"{first} {last}"

    def _decision(self, pending: Pending, name: str, level: int, decided_by: User,
                  decided_at: datetime, authorised: bool) -> HubDecision:
        """The Hub worker's decision on the route the request took (authorised, or waiting)."""
        rng = self.rng
        facts, step, kind = DECISIONS[name]
        proposal = PROPOSED[name]
        received = pending.request.received_at.date()
        ages = [_age(c, received) for c in pending.kids]
        known = [a for a in ages if a is not None]
        youngest = min(known) if known else None
        voice = ("unborn" if youngest is None else "baby" if youngest < 2
                 else "young" if youngest < 8 else "older")
        decision = HubDecision(
            request=pending.request, level_of_need=level,
            reasoning=rng.choice(phrases.HUB_REASONING[name]),
            childs_voice=rng.choice(phrases.CHILDS_VOICE[voice]), facts=asdict(facts),
            proposed_step=proposal.next_step, next_step=step, assessment_kind=kind,
            also_awaken=proposal.also_awaken, decided_by=decided_by, decided_at=decided_at)
        if step != proposal.next_step:
            decision.different_step_reason = rng.choice(phrases.DIFFERENT_STEP_REASON)
        if step == NextStep.SIGNPOST:
            decision.signposted_to = (phrases.AWAKEN_SIGNPOST if proposal.also_awaken
                                      else rng.choice(phrases.SIGNPOSTED_TO))
        if authorised:
            decision.status = HubDecision.Status.AUTHORISED
            decision.authorised_by = rng.choice(self.managers)
            decision.authorised_at = decided_at + timedelta(minutes=rng.randint(5, 90))
        return decision

    def _check(self, pending: Pending, kind: str, asked_by: User, asked_at: datetime,
               answered_at: datetime | None, asked_of: User | None = None) -> MultiAgencyCheck:
        rng = self.rng
        agency = self.agencies[CHECK_AGENCY[kind]]
        asked_of = asked_of or rng.choice(self.partners[agency.code])
        check = MultiAgencyCheck(
            request=pending.request, agency=agency, asked_of=asked_of,
            question=rng.choice(phrases.CHECK_QUESTIONS[kind]), asked_by=asked_by,
            asked_at=asked_at, due_at=self.check_rule.due_at(asked_at))
        if answered_at is not None:
            check.answer = rng.choice(phrases.CHECK_ANSWERS[kind])
            check.answered_by, check.answered_at = asked_of, answered_at
        pending.checks.append(check)
        return check

    def _check_kinds(self, pending: Pending) -> list[str]:
        """Agencies worth asking: the police and health always; school for school ages."""
        received = pending.request.received_at.date()
        kinds = ["police", "health"]
        if any((_age(c, received) or 0) >= 4 for c in pending.kids):
            kinds.append("school")
        return [k for k in kinds if self.partners.get(CHECK_AGENCY[k])]

    # ------------------------------------------------------------------ decided requests
    def _decided(self, work: Work, kids: list[Child]) -> Pending:
        rng = self.rng
        received = work.received or at(work.start, 10)
        phrase, worry = _parse(work.summary)
        name = ROUTE_OF.get(work.outcome, "already_open")
        level = work.level or LEVEL.get(name, 3)
        pending = self._request(kids, received, phrase, worry, level, RFS.Status.DECIDED)
        rfs = pending.request
        decided_at = self._decided_at(rfs.queued_at, rfs.decision_due_at, work.end)
        worker = rng.choice(self.hub_workers)
        pending.decision = self._decision(pending, name, level, worker, decided_at, True)
        if id(work) in self.demo_works:
            self._as_demo(pending)
        if rng.random() < CHECKED:
            kinds = self._check_kinds(pending)
            for kind in rng.sample(kinds, min(len(kinds), 1 if rng.random() < 0.7 else 2)):
                span = decided_at - rfs.queued_at
                asked = rfs.queued_at + span * rng.uniform(0.02, 0.4)
                answered = asked + (decided_at - asked) * rng.uniform(0.3, 0.95)
                self._check(pending, kind, worker, asked.replace(second=0, microsecond=0),
                            answered.replace(second=0, microsecond=0))
        return pending

    def _decided_at(self, queued: datetime, due: datetime, day: date) -> datetime:
        """When the Hub decided, on the day the casework says. The day it arrived: within
        the working day. The next day: mostly before the clock ran out. Later: late."""
        start = queued if day == queued.date() else self._opening(day)
        earliest = start + timedelta(minutes=15)
        if day == queued.date() or day < due.date():
            return self._between(earliest, max(self._closing(day), earliest + timedelta(
                minutes=30)))
        if day == due.date() and due > earliest and self.rng.random() < NEXT_DAY_ON_TIME:
            return self._between(earliest, due)
        late = max(due, start) + timedelta(minutes=1)
        return self._between(late, max(self._closing(day), late + timedelta(hours=1)))

    def _demo_works(self, decided: list[tuple[Work, list[Child]]]) -> set[int]:
        """The demo partner's two latest school requests, with different next steps (not one
        passed to an allocated worker: the front door has no words for that next step)."""
        if self.demo_partner is None:
            return set()
        def step(work: Work) -> str:
            return DECISIONS[ROUTE_OF.get(work.outcome, "already_open")][1]

        latest = [w for w, _ in sorted(decided, key=lambda d: d[0].received or at(d[0].start, 10),
                                       reverse=True) if step(w) != NextStep.UNIVERSAL]
        schools = [w for w in latest if _parse(w.summary)[0] == "the child's school"] or latest
        chosen: list[Work] = []
        for work in schools:
            if len(chosen) == 2:
                break
            if not chosen or step(work) != step(chosen[0]):
                chosen.append(work)
        return {id(work) for work in chosen}

    def _as_demo(self, pending: Pending) -> None:
        """Sent online by the demo partner."""
        demo, rfs = self.demo_partner, pending.request
        rfs.source, rfs.referrer, rfs.referrer_agency = Source.ONLINE_FORM, demo, demo.agency
        rfs.referrer_role, rfs.referrer_name, rfs.recorded_by = demo.job_title, "", None
        rfs.out_of_hours = rfs.handed_over = False
        rfs.edt_actions = ""
        rfs.working_well = rfs.working_well or self.rng.choice(phrases.WORKING_WELL)

    # ------------------------------------------------------------------ today's queue
    def _still_open(self, work: Work, kids: list[Child]) -> Pending:
        """A request the casework left open (the Hub has not decided yet)."""
        phrase, worry = _parse(work.summary)
        level = work.level or 3
        received = work.received or at(work.start, 10)
        return self._request(kids, received, phrase, worry, level, RFS.Status.IN_QUEUE)

    def _choose_children(self, households: list[Household], busy: set[int],
                         n: int) -> list[list[Child]]:
        """Children (with brothers and sisters, now and then) for ``n`` new requests: from
        families with no open work, school-age children first so checks make sense."""
        rng, used, chosen = self.rng, set(busy), []
        with_children = [h for h in households if h.children]
        for _ in range(n * 200):
            if len(chosen) == n or not with_children:
                break
            household = rng.choice(with_children)
            kids = [c for c in household.children if c.pk not in used
                    and (age := _age(c, self.today)) is not None and age < 18]
            if not kids or any(c.pk in used for c in household.children):
                continue
            about = [c for c in kids if rng.random() < 0.5] or kids[:1]
            if len(chosen) < 4 and not any(5 <= (_age(c, self.today) or 0) < 16 for c in about):
                continue
            chosen.append(about[:3])
            used.update(c.pk for c in household.children)
        return chosen

    def _new_requests(self, groups: list[list[Child]]) -> list[Pending]:
        """New requests topping the queue up: one or two overdue, one or two taken by the EDT
        overnight, one from the demo partner, the rest arriving since yesterday afternoon."""
        rng, today = self.rng, self.today
        yesterday = self._working_day_before(today)
        before = self._working_day_before(yesterday)
        overdue = ooh = max(1, round(2 * self.scale))
        pendings = []
        for n, kids in enumerate(groups):
            name = rng.choices(list(ROUTES), weights=list(ROUTES.values()))[0]
            if name == "exploitation" and not any((_age(c, today) or 0) >= 10 for c in kids):
                name = "early_help"
            level = LEVEL.get(name) or rng.choice([2, 3])
            worry = rng.choice(phrases.WORRIES["exploitation" if name == "exploitation"
                                               else level])
            phrase = rng.choice(phrases.SOURCES)
            if n == 0 and self.demo_partner:  # the demo partner's request, sent this morning
                phrase = "the child's school"
                received = at(today, 8, rng.randint(0, 45))
            elif n <= overdue:  # arrived two working days ago: the clock has run out
                received = at(before, rng.randint(10, 14), rng.randrange(60))
            elif n <= overdue + ooh:  # overnight, through the Emergency Duty Team
                phrase = EDT
                received = at(today - timedelta(days=1), rng.randint(19, 23), rng.randrange(60))
            elif rng.random() < 0.5:  # an online form sent before the office opened
                phrase = rng.choice(ONLINE)
                received = at(today, rng.randint(6, 8), rng.randrange(60))
            else:  # late yesterday afternoon
                received = at(yesterday, rng.randint(15, 16), rng.randrange(60))
            pending = self._request(kids, received, phrase, worry, level, RFS.Status.IN_QUEUE)
            pending.new = True
            if n == 0 and self.demo_partner:
                pending.request.referrer = self.demo_partner
                pending.request.referrer_role = self.demo_partner.job_title
                pending.undecided = True
            elif n <= overdue:
                pending.request.urgency = RFS.Urgency.STANDARD
                pending.undecided = True
            pendings.append(pending)
        return pendings

    def _triage(self, queue: list[Pending]) -> None:
        """Who is working on what, decisions waiting for a manager, checks still out."""
        rng, today = self.rng, self.today
        opening = self._opening(today)
        demo_working = False
        for pending in queue:
            rfs = pending.request
            worker = rng.choice(self.hub_workers)
            # Decided soon after it reached the queue (before this morning's opening, or at
            # it); the overdue ones are still waiting for a decision.
            ready = (rfs.queued_at <= opening and rfs.decision_due_at.date() >= today
                     and not pending.undecided)
            if ready and (rng.random() < 0.35 or not any(p.decision for p in queue)):
                queued = rfs.queued_at
                decided_at = queued + timedelta(minutes=rng.randint(20, 150))
                if queued.date() < today:
                    decided_at = min(decided_at, max(self._closing(queued.date()) + timedelta(
                        minutes=30), queued + timedelta(minutes=20)))
                pending.decision = self._decision(pending, self._likely_route(pending),
                                                  pending.level, worker, decided_at, False)
                rfs.status = RFS.Status.AWAITING_AUTHORISATION
            elif rng.random() < 0.5 or not demo_working:
                worker = self.demo_hub if not demo_working else worker
                demo_working = True
                rfs.working_on = worker
            if rng.random() < 0.4 and (kinds := self._check_kinds(pending)):
                asked = rfs.queued_at + timedelta(minutes=rng.randint(15, 120))
                answered = (asked + timedelta(minutes=rng.randint(60, 300))
                            if asked.date() < today and rng.random() < 0.6 else None)
                if pending.decision:  # asked and answered before the decision
                    span = pending.decision.decided_at - rfs.queued_at
                    asked = rfs.queued_at + span * rng.uniform(0.1, 0.4)
                    answered = asked + (pending.decision.decided_at - asked) * 0.8
                self._check(pending, rng.choice(kinds), worker,
                            asked.replace(second=0, microsecond=0),
                            answered and answered.replace(second=0, microsecond=0))
        if self.demo_partner is None:
            return
        undecided = [p for p in queue if p.decision is None]
        school_age = [p for p in undecided if any(
            5 <= (_age(c, today) or 0) < 16 for c in p.kids)]
        others = [p for p in queue if p not in school_age]
        for pending in (school_age + others)[:DEMO_CHECKS]:
            asked = pending.request.queued_at + timedelta(minutes=rng.randint(10, 60))
            self._check(pending, "school", pending.request.working_on or self.demo_hub, asked,
                        None, asked_of=self.demo_partner)

    def _likely_route(self, pending: Pending) -> str:
        """What the Hub makes of an open request, from its worry and level."""
        rng, worry = self.rng, pending.worry
        if worry in phrases.WORRIES["exploitation"]:
            return "exploitation"
        if worry in phrases.WORRIES[4] or worry in phrases.PRE_BIRTH:
            return "section_47" if rng.random() < 0.15 else "cafa"
        if worry in phrases.WORRIES[3]:
            return "early_help"
        return rng.choice(["signpost", "early_help", "declined"])

    def _draft(self, kids: list[Child]) -> list[Pending]:
        """The demo partner's half-written request: children typed in, not yet linked."""
        demo, rng = self.demo_partner, self.rng
        started = at(self._working_day_before(self.today), 16, rng.randint(0, 50))
        rfs = RFS(source=Source.ONLINE_FORM, status=RFS.Status.DRAFT, referrer=demo,
                  referrer_agency=demo.agency, referrer_role=demo.job_title,
                  worries=rng.choice(phrases.DRAFT_WORRIES), created_at=started,
                  level_asked=RFS.LevelAsked.SUPPORT)
        pending = Pending(rfs, [], "the child's school", rfs.worries, 3)
        for child in kids[:1]:
            given, family_name, born, expected, postcode = self.people[child.pk]
            pending.children.append(RequestChild(
                request=rfs, given_names=given, family_name=family_name, date_of_birth=born))
        return [pending]

    # ------------------------------------------------------------------ writing
    def _write(self, pendings: list[Pending]) -> None:
        bulk([p.request for p in pendings])
        bulk([c for p in pendings for c in p.children])
        decisions = bulk([p.decision for p in pendings if p.decision])
        checks = bulk([c for p in pendings for c in p.checks])
        self.counts["requests for support"] += sum(
            1 for p in pendings if p.request.status != RFS.Status.DRAFT)
        self.counts["Hub decisions"] += len(decisions)
        self.counts["multi-agency checks"] += len(checks)

    def _casework(self, queue: list[Pending]) -> None:
        """Open requests on the children's records carry the request's number (as the front
        door's own writes do, so authorising one closes the right involvement); new ones get
        an involvement, a Hub worker, a chronology entry and the decision deadline."""
        open_now: dict[tuple[int, date], list[Involvement]] = {}
        for involvement in Involvement.objects.filter(
                kind="request_for_support", end__isnull=True).only("pk", "person_id", "start",
                                                                   "summary"):
            open_now.setdefault((involvement.person_id, involvement.start), []).append(
                involvement)
        changed: list[Involvement] = []
        made: list[tuple[Pending, Child, Involvement]] = []
        for pending in queue:
            rfs = pending.request
            start = rfs.received_at.date()
            for child in pending.kids:
                if not pending.new:
                    rows = open_now.get((child.pk, start))
                    if rows:
                        involvement = rows.pop(0)
                        involvement.summary = f"#{rfs.pk} {involvement.summary}"
                        changed.append(involvement)
                    continue
                summary = phrases.STARTED["request_for_support"].format(
                    source=pending.phrase, worry=pending.worry)
                made.append((pending, child, Involvement(
                    person_id=child.pk, kind="request_for_support", team_id=self.hub_team.pk,
                    start=start, summary=f"#{rfs.pk} {summary}")))
        Involvement.objects.bulk_update(changed, ["summary"], batch_size=500)
        bulk([involvement for _, _, involvement in made])
        deadlines = DeadlineMaker(self.rng, self.today)
        manager = self.managers[0]
        allocations, entries, clocks = [], [], []
        for pending, child, involvement in made:
            rfs = pending.request
            worker = rfs.working_on or (pending.decision and pending.decision.decided_by) or (
                self.rng.choice(self.hub_workers))
            allocations.append(Allocation(
                person_id=child.pk, worker_id=worker.pk, team_id=self.hub_team.pk,
                kind="hub_worker", start=involvement.start, allocated_by_id=manager.pk))
            entries.append(ChronologyEntry(
                person_id=child.pk, occurred_at=rfs.received_at, kind="request_for_support",
                summary=involvement.summary.partition(" ")[2],
                recorded_by_id=(rfs.recorded_by or worker).pk, involvement_id=involvement.pk))
            clocks += deadlines.make("hub-decision", child.pk, rfs.received_at, None, worker,
                                     self.hub_team)
        bulk(allocations)
        bulk(entries)
        bulk(clocks)

    def _advice(self) -> list[AdviceConsultation]:
        """About 15 calls a week (at scale 1) over the last 12 months, in office hours."""
        rng = self.rng
        days = [self.today - timedelta(days=n) for n in range(RECENT_DAYS, 0, -1)]
        days = [d for d in days if is_working_day(d)]
        per_day = ADVICE_A_WEEK * self.scale * RECENT_DAYS / 7 / max(1, len(days))
        callers = [(self.agencies[code], share) for code, share in CALLER_AGENCIES
                   if code in self.agencies]
        localities = [loc for loc, _ in self.localities]
        rows, owed = [], 0.0
        for day in days:
            owed += per_day
            while owed >= 1:
                owed -= 1
                agency = rng.choices([a for a, _ in callers],
                                     weights=[s for _, s in callers])[0]
                advised = rng.random() < 0.4
                rows.append(AdviceConsultation(
                    at=at(day, rng.randint(self.opens.hour, self.closes.hour - 1),
                          rng.randrange(60)),
                    recorded_by=rng.choice(self.hub_workers), agency=agency,
                    agency_kind=agency.kind,
                    locality=rng.choice(localities) if localities else None,
                    worry=rng.choice(phrases.ADVICE_WORRIES),
                    advice_given=rng.choice(phrases.ADVICE_REQUEST if advised
                                            else phrases.ADVICE_NO_REQUEST),
                    request_advised=advised))
        return bulk(rows)

