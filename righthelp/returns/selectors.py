"""Reads for the census pages: productions, and each failure with the child it names (the
child's name and a link only for people the reader may open; otherwise the LA child ID)."""

from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from righthelp.core import access

from .models import CensusProduction


def productions(user) -> QuerySet[CensusProduction]:
    """Every production, newest first (the census is the council's; its failures name children
    only as their reader may see them)."""
    return CensusProduction.objects.defer("xml_gz", "failures").select_related("produced_by")


def production(user, pk: int) -> CensusProduction:
    return get_object_or_404(CensusProduction.objects.select_related("produced_by"), pk=pk)


@dataclass
class ChildFailures:
    la_child_id: str
    name: str  # blank unless the reader may open the record
    person_id: int | None  # None unless the reader may open the record
    failures: list[dict] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.failures if not f["query"])


def failures_by_child(user, found: list[dict], limit: int = 500) -> tuple[list[dict],
                                                                          list[ChildFailures]]:
    """(failures of the whole return, failures grouped by child with errors first)."""
    whole = [f for f in found if not f["la_child_id"]]
    grouped: OrderedDict[str, ChildFailures] = OrderedDict()
    ids = {f["person_id"] for f in found if f.get("person_id")}
    may_open = set(access.visible_people(user).filter(pk__in=ids).values_list("pk", flat=True)) \
        if ids and user.is_authenticated else set()
    for failure in found:
        if not failure["la_child_id"]:
            continue
        key = failure["la_child_id"]
        if key not in grouped:
            shown = failure.get("person_id") in may_open
            grouped[key] = ChildFailures(key, failure["name"] if shown else "",
                                         failure["person_id"] if shown else None)
        grouped[key].failures.append(failure)
    children = sorted(grouped.values(), key=lambda c: (-c.errors, c.la_child_id))
    return whole, children[:limit]


@dataclass(frozen=True)
class RuleCount:
    code: str
    message: str
    field: str
    query: bool
    count: int


def counts_by_rule(found: list[dict]) -> list[RuleCount]:
    """How many times each rule failed: errors first, then the most frequent."""
    counts = Counter((f["code"], f["message"], f["field"], f["query"]) for f in found)
    rows = [RuleCount(*key, n) for key, n in counts.items()]
    return sorted(rows, key=lambda r: (r.query, -r.count, r.code))
