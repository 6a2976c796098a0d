"""Reads of the person index. Each takes the user and returns only what they may see."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit, clocks
from righthelp.core.access import NO_RECORD_ROLES, visible_people
from righthelp.core.models import AuditEvent, Council, Deadline
from righthelp.staff.models import Allocation, Role, User

from . import matching
from .matching import Candidate, SearchTerms
from .models import FamilyMember, Person, PersonName

CANDIDATE_LIMIT = 400
DUPLICATE_THRESHOLD = 0.78


@dataclass(frozen=True)
class SearchResult:
    person: Person
    score: float
    can_open: bool


def _candidates(terms: SearchTerms, limit: int = CANDIDATE_LIMIT):
    """People worth scoring: indexed keys only (names, other names, date of birth, postcode)."""
    given_key = matching.given_key(terms.given)
    family_key = matching.family_key(terms.family)
    blocks = Q(pk__in=[])
    if family_key and given_key:
        # Swapped names: the searched family name is really the given name, and so on.
        swapped = Q(family_key=matching.family_key(terms.given),
                    given_key=matching.given_key(terms.family))
        names = Q(family_key=family_key, given_key=given_key) | swapped
        blocks |= names | Q(pk__in=PersonName.objects.filter(names).values("person_id"))
    elif family_key:
        blocks |= Q(family_key=family_key) | Q(
            pk__in=PersonName.objects.filter(family_key=family_key).values("person_id")
        )
    if terms.date_of_birth:
        dob = Q(date_of_birth__in=matching.date_variants(terms.date_of_birth))
        blocks |= dob & (Q(family_key=family_key) | Q(given_key=given_key)) if family_key else dob
    if terms.postcode and not (family_key or terms.date_of_birth):
        blocks |= Q(current_postcode=terms.postcode)
    return (
        Person.objects.filter(blocks, merged_into__isnull=True)
        .prefetch_related(Prefetch("other_names", queryset=PersonName.objects.only(
            "person_id", "given_names", "family_name")))
        .order_by("pk")[:limit]
    )


def _as_candidate(person: Person) -> Candidate:
    names = list(person.other_names.all())
    given = [person.given_names, person.known_as] + [n.given_names for n in names]
    family = [person.family_name] + [n.family_name for n in names]
    return Candidate(
        given_names=tuple(g for g in given if g),
        family_names=tuple(f for f in family if f),
        date_of_birth=person.date_of_birth or person.expected_date,
        postcode=person.current_postcode,
    )


def rank(terms: SearchTerms, limit: int = 25, minimum: float = 0.5) -> list[tuple[Person, float]]:
    """The best matches for some search terms, scored, best first. No access check."""
    if terms.is_empty:
        return []
    scored = [(p, matching.score(terms, _as_candidate(p))) for p in _candidates(terms)]
    scored = [(p, s) for p, s in scored if s >= minimum]
    scored.sort(key=lambda pair: (-pair[1], pair[0].family_name, pair[0].pk))
    return scored[:limit]


def search_people(
    user: User, terms: SearchTerms, request: HttpRequest | None = None, limit: int = 25
) -> list[SearchResult]:
    """Search the person index as ``user``: the search itself is audited.

    Council practitioners see index entries (name, date of birth, postcode) of unrestricted
    records so they can find a child, then need-to-know decides whether they can open one.
    Partners see only the people they work with; analysts and administrators see none.
    """
    if user.role in NO_RECORD_ROLES:
        return []
    with transaction.atomic():
        ranked = rank(terms, limit=limit * 2)
        ids = [p.pk for p, _ in ranked]
        openable = set(visible_people(user).filter(pk__in=ids).values_list("pk", flat=True))
        index_only = user.role != Role.PARTNER_LEAD_PROFESSIONAL
        results = [
            SearchResult(person=p, score=s, can_open=p.pk in openable)
            for p, s in ranked
            if p.pk in openable or (index_only and not p.restricted)
        ][:limit]
        audit.record(
            user=user, action=audit.Action.SEARCH, request=request,
            detail={"terms": _terms_for_audit(terms), "results": len(results)},
        )
    return results


def _terms_for_audit(terms: SearchTerms) -> dict:
    return {
        "given": terms.given, "family": terms.family, "postcode": terms.postcode,
        "date_of_birth": terms.date_of_birth.isoformat() if terms.date_of_birth else "",
    }


def possible_duplicates(data: dict, limit: int = 5) -> list[tuple[Person, float]]:
    """Records that may be the person about to be added (shown before saving)."""
    terms = SearchTerms(
        given=data.get("known_as") or data.get("given_names") or "",
        family=data.get("family_name") or "",
        date_of_birth=data.get("date_of_birth") or data.get("expected_date"),
    )
    return rank(terms, limit=limit, minimum=DUPLICATE_THRESHOLD)


def duplicates_for(
    user: User, data: dict, request: HttpRequest | None = None, limit: int = 5
) -> list[SearchResult]:
    """The duplicate check as ``user`` may see it, audited like a search: index entries of
    unrestricted records, or of records the user may open. A restricted record (an adopted
    child's, a staff member's family) is never offered by name to someone without a grant."""
    with transaction.atomic():
        ranked = possible_duplicates(data, limit=limit)
        openable = set(visible_people(user).filter(pk__in=[p.pk for p, _ in ranked])
                       .values_list("pk", flat=True))
        index_only = user.role not in NO_RECORD_ROLES | {Role.PARTNER_LEAD_PROFESSIONAL}
        results = [
            SearchResult(person=p, score=s, can_open=p.pk in openable)
            for p, s in ranked
            if p.pk in openable or (index_only and not p.restricted)
        ]
        audit.record(
            user=user, action=audit.Action.SEARCH, request=request,
            detail={"duplicate_check": True, "results": len(results), "terms": {
                "given": data.get("known_as") or data.get("given_names") or "",
                "family": data.get("family_name") or "",
                "date_of_birth": str(data.get("date_of_birth") or data.get("expected_date")
                                     or ""),
            }},
        )
    return results


@dataclass
class DeadlineView:
    deadline: Deadline
    status: str

    @property
    def status_label(self) -> str:
        return clocks.Status(self.status).label


def with_status(deadlines, council: Council | None = None) -> list[DeadlineView]:
    council = council or Council.objects.current()
    now = timezone.now()
    return [
        DeadlineView(d, clocks.status(d.due_at, d.met_at, now, council.due_soon_working_days,
                                      d.stopped_at))
        for d in deadlines
    ]


@dataclass
class PersonRecord:
    """Everything the child's record page shows, fetched in a fixed number of queries."""

    person: Person
    other_names: list = field(default_factory=list)
    addresses: list = field(default_factory=list)
    network: list = field(default_factory=list)
    involvements: list = field(default_factory=list)
    chronology: list = field(default_factory=list)
    allocations: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)

    @property
    def important_to_me(self) -> list:
        return [r for r in self.network if r.important_to_child]

    @property
    def open_involvements(self) -> list:
        return [i for i in self.involvements if i.end is None]


# What a partner lead professional sees of the council's work on a child's record: the
# requests for support and early help, not social care (the Hub shares its outcome with the
# referrer on the request itself, never its reasoning).
PARTNER_INVOLVEMENT_KINDS = ("request_for_support", "early_help")
PARTNER_CHRONOLOGY_KINDS = ("record", "request_for_support", "early_help")


def person_record(person: Person, chronology_limit: int = 50,
                  viewer: User | None = None) -> PersonRecord:
    """The child's record. Call only with a person from ``access.open_person`` (audited)."""
    today = timezone.localdate()
    involvements = person.involvements.select_related("team")
    chronology = person.chronology.select_related("recorded_by")
    deadlines = person.deadlines.filter(met_at__isnull=True, stopped_at__isnull=True)
    if viewer is not None and viewer.role == Role.PARTNER_LEAD_PROFESSIONAL:
        involvements = involvements.filter(kind__in=PARTNER_INVOLVEMENT_KINDS)
        chronology = chronology.filter(kind__in=PARTNER_CHRONOLOGY_KINDS)
        deadlines = deadlines.filter(Q(owner=viewer) | Q(rule__startswith="early-help"))
    return PersonRecord(
        person=person,
        other_names=list(person.other_names.all()),
        addresses=list(person.addresses.all()),
        network=list(
            person.network.filter(Q(end__isnull=True) | Q(end__gte=today))
            .select_related("related_person")
            .order_by("category", "kind")
        ),
        involvements=list(involvements),
        chronology=list(chronology[:chronology_limit]),
        allocations=list(
            Allocation.objects.filter(
                Q(person=person)
                | Q(family_id__in=FamilyMember.objects.filter(person=person).values("family_id"))
            )
            .filter(Q(end__isnull=True) | Q(end__gte=today))
            .select_related("worker", "team")
        ),
        deadlines=with_status(deadlines.select_related("owner", "team")),
    )


def who_looked(person: Person, limit: int = 200):
    """The audit trail of a record, newest first: "who looked at this record"."""
    return (
        AuditEvent.objects.filter(Q(person=person) | Q(person__merged_into=person))
        .select_related("user")
        .order_by("-at")[:limit]
    )
