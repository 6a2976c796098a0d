"""Builds the census's dataclasses from the case records, for one collection year.

Who is in it (DfE's scope): every child with an episode of social care open at any point in the
year (referred on or before 31 March, and not closed before 1 April). Each episode shows what
the records knew on the reference date: a closure, an authorisation or a plan's end after 31
March is left out (the work was still open then), and work finished before 1 April is left out
(it belongs to an earlier census). Children are read in batches with every related record
prefetched, so the number of queries grows with the batches, not with the children.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Prefetch, Q

from righthelp.people.models import Person
from righthelp.socialwork.models import Assessment as AssessmentRecord
from righthelp.socialwork.models import (
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
)

from . import codes
from .period import CensusPeriod
from .records import (
    Assessment,
    Characteristics,
    Child,
    ChildIdentifiers,
    CINDetails,
    CINPlanDates,
    Section47,
)
from .records import ChildProtectionPlan as CPPlan

BATCH = 500
Progress = Callable[[int, int], None]


def in_scope(period: CensusPeriod):
    """The episodes the census counts: open at some point in the year."""
    return ChildInNeedEpisode.objects.filter(
        Q(closure_date__isnull=True) | Q(closure_date__gte=period.start),
        referral_date__lte=period.end)


def count_children(period: CensusPeriod) -> int:
    return in_scope(period).values("person_id").distinct().count()


def children(period: CensusPeriod, progress: Progress | None = None,
             batch: int = BATCH) -> Iterator[Child]:
    """Every child in the census, in LA child ID order, one batch of records at a time."""
    person_ids = list(in_scope(period).order_by("person_id").values_list(
        "person_id", flat=True).distinct())
    total = len(person_ids)
    for n in range(0, total, batch):
        yield from _batch(person_ids[n:n + batch], period)
        if progress:
            progress(min(n + batch, total), total)


def _batch(person_ids: list[int], period: CensusPeriod) -> Iterator[Child]:
    conferences = ChildProtectionConference.objects.filter(held_on__lte=period.end).only(
        "kind", "held_on", "section47_id", "cp_plan_id", "episode_id").order_by("held_on")
    episodes = in_scope(period).filter(person_id__in=person_ids).order_by(
        "person_id", "referral_date").prefetch_related(
        Prefetch("assessments", AssessmentRecord.objects.order_by("started_on", "pk")),
        Prefetch("section47_enquiries", Section47Enquiry.objects.order_by("started_on", "pk")),
        Prefetch("childinneedplans", ChildInNeedPlan.objects.order_by("start", "pk")),
        Prefetch("childprotectionplans", ChildProtectionPlan.objects.order_by("start", "pk")),
        Prefetch("conferences", conferences),
    )
    by_person: dict[int, list] = defaultdict(list)
    for episode in episodes:
        by_person[episode.person_id].append(episode)
    earlier_plans: dict[int, list[date]] = defaultdict(list)
    for person_id, start in ChildProtectionPlan.objects.filter(
            episode__person_id__in=person_ids).values_list("episode__person_id", "start"):
        earlier_plans[person_id].append(start)
    for person in Person.objects.filter(pk__in=person_ids).order_by("pk"):
        yield child_from(person, by_person[person.pk], earlier_plans[person.pk], period)


def child_from(person: Person, episodes: list, plan_starts: list[date],
               period: CensusPeriod) -> Child:
    details = [_episode(e, plan_starts, period) for e in episodes]
    born = person.date_of_birth if person.date_of_birth and person.date_of_birth <= period.end \
        else None
    expected = None if born else (person.expected_date or person.date_of_birth)
    identifiers = ChildIdentifiers(
        la_child_id=str(person.pk), upn=person.upn, birth_date=born,
        expected_birth_date=expected, sex=person.sex if born else "U",
        upn_unknown="" if person.upn else _upn_unknown(born, details, period))
    characteristics = Characteristics(
        ethnicity=person.ethnicity,
        disabilities=codes.disability_codes(person.disability, person.disability_detail)
        if born else [])
    return Child(identifiers, characteristics, details, name=person.full_name,
                 person_id=person.pk)


def _upn_unknown(born: date | None, episodes: list[CINDetails], period: CensusPeriod) -> str:
    if episodes and all(e.referral_nfa for e in episodes):
        return codes.UPN_UNKNOWN_NFA
    if born and born + relativedelta(years=6) > period.end:
        return codes.UPN_UNKNOWN_UNDER_SIX
    return ""  # no reason recorded: rule 8770Q asks for one


def _shown(day: date | None, period: CensusPeriod) -> date | None:
    """A date as the records stood on the reference date."""
    return day if day is not None and day <= period.end else None


def _episode(episode, plan_starts: list[date], period: CensusPeriod) -> CINDetails:
    closed = _shown(episode.closure_date, period)
    conferences = list(episode.conferences.all())
    initial = {c.section47_id: c.held_on for c in conferences if c.kind == "initial"}
    reviews: dict[int, list[date]] = defaultdict(list)
    for conference in conferences:
        if conference.kind == "review" and conference.cp_plan_id and conference.held_on in period:
            reviews[conference.cp_plan_id].append(conference.held_on)
    without_enquiry = initial.get(None)
    return CINDetails(
        referral_date=episode.referral_date, referral_source=episode.referral_source,
        primary_need=episode.primary_need, closure_date=closed,
        closure_reason=episode.closure_reason if closed else "",
        icpc_date=without_enquiry if without_enquiry in period else None,
        referral_nfa=episode.referral_nfa,
        assessments=[a for a in (_assessment(r, period) for r in episode.assessments.all())
                     if a],
        cin_plans=[p for p in (_cin_plan(r, period) for r in episode.childinneedplans.all())
                   if p],
        section47s=[s for s in (_section47(r, initial.get(r.pk), period)
                                for r in episode.section47_enquiries.all()) if s],
        cp_plans=[p for p in (_cp_plan(r, reviews[r.pk], plan_starts, period)
                              for r in episode.childprotectionplans.all()) if p],
        ref=episode.pk)


def _assessment(record, period: CensusPeriod) -> Assessment | None:
    if record.started_on > period.end:
        return None
    authorised = _shown(record.authorised_on, period)
    if authorised and authorised < period.start:
        return None  # finished before the year
    return Assessment(start=record.started_on, authorised=authorised,
                      factors=list(dict.fromkeys(record.factors)) if authorised else [],
                      ref=record.pk)


def _section47(record, conference: date | None, period: CensusPeriod) -> Section47 | None:
    if record.started_on > period.end:
        return None
    held = _shown(conference, period)
    not_required = (record.outcome == Section47Enquiry.Outcome.NO_CONFERENCE
                    and record.completed_on is not None and record.completed_on <= period.end)
    if (held and held < period.start) or (not_required and record.completed_on < period.start):
        return None  # finished before the year
    return Section47(start=record.started_on, icpc_target=record.icpc_target, icpc_date=held,
                     icpc_not_required=not_required and held is None, ref=record.pk)


def _cin_plan(record, period: CensusPeriod) -> CINPlanDates | None:
    if record.start > period.end or (record.end and record.end < period.start):
        return None
    return CINPlanDates(start=record.start, end=_shown(record.end, period), ref=record.pk)


def _cp_plan(record, reviews: list[date], plan_starts: list[date],
             period: CensusPeriod) -> CPPlan | None:
    if record.start > period.end or (record.end and record.end < period.start):
        return None
    return CPPlan(start=record.start, end=_shown(record.end, period),
                  initial_category=record.initial_category,
                  latest_category=record.latest_category,
                  previous_plans=sum(1 for s in plan_starts if s < record.start),
                  reviews=sorted(reviews), ref=record.pk)
