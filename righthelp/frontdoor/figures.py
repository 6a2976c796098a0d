"""The Hub manager's figures: read-only queries over the front door's records.

Every figure takes the same two filters: ``month`` ("YYYY-MM", local time) and ``locality``
(a locality's code). Requests are counted by the month they reached the Hub (``received_at``)
and the locality they were placed in; decisions are counted with the request they decide, so
"May" means "what happened to the requests received in May". Advice-line consultations are
counted by when they took place and their own locality.

Each function runs a fixed number of queries whatever the amount of data (one or two), and
nothing here writes.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, DateTimeField, Exists, F, Func, OuterRef, Q, QuerySet

from righthelp.core.clocks import LONDON
from righthelp.core.models import Locality, PartnerAgency, Target

from .models import AdviceConsultation, HubDecision, NextStep, RequestChild, RequestForSupport

BAD_MONTH = "Enter the month as a year and month, for example 2026-05."
UNKNOWN_LOCALITY = "Choose one of the council's localities."
CONVERSION_TARGET = "request-to-assessment-conversion"
# The next steps that start a social care assessment (statutory or specialist).
ASSESSMENT_STEPS = (NextStep.ASSESSMENT, NextStep.RETURN_TO_TEAM, NextStep.SPECIALIST)
REPEAT_WINDOW_MONTHS = 12
NOT_RECORDED = "Not recorded"

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def month_bounds(month: str | None) -> tuple[datetime, datetime] | None:
    """The start of the month and the start of the next, local time; None for "all months"."""
    if not month:
        return None
    found = _MONTH.match(month.strip())
    if not found:
        raise ValidationError({"month": BAD_MONTH})
    year, number = int(found.group(1)), int(found.group(2))
    start = datetime(year, number, 1, tzinfo=LONDON)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=LONDON)
    return start, end


def check_filters(month: str | None, locality: str | None) -> None:
    """Refuse bad filters with a message per field (one query, for the locality)."""
    errors = {}
    try:
        month_bounds(month)
    except ValidationError as error:
        errors.update(error.message_dict)
    if locality and not Locality.objects.filter(council__active=True, code=locality).exists():
        errors["locality"] = [UNKNOWN_LOCALITY]
    if errors:
        raise ValidationError(errors)


def _received(month: str | None, locality: str | None, prefix: str = "") -> Q:
    """Submitted requests (never drafts) received in the month and placed in the locality."""
    condition = Q(**{f"{prefix}received_at__isnull": False})
    condition &= ~Q(**{f"{prefix}status": RequestForSupport.Status.DRAFT})
    bounds = month_bounds(month)
    if bounds:
        condition &= Q(**{f"{prefix}received_at__gte": bounds[0],
                          f"{prefix}received_at__lt": bounds[1]})
    if locality:
        condition &= Q(**{f"{prefix}locality__code": locality,
                          f"{prefix}locality__council__active": True})
    return condition


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class CountRow:
    code: str
    label: str
    count: int


@dataclass(frozen=True)
class Received:
    total: int
    by_kind: list[CountRow]


def requests_received(month: str | None = None, locality: str | None = None) -> Received:
    """Requests that reached the Hub (submitted, not drafts), by kind of contact. One query."""
    counts = dict(
        RequestForSupport.objects.filter(_received(month, locality))
        .values_list("kind").annotate(n=Count("pk")).order_by()
    )
    rows = [CountRow(value, label, counts.get(value, 0))
            for value, label in RequestForSupport.Kind.choices]
    return Received(sum(counts.values()), rows)


def _authorised(month: str | None, locality: str | None) -> QuerySet[HubDecision]:
    return HubDecision.objects.filter(_received(month, locality, "request__"),
                                      status=HubDecision.Status.AUTHORISED)


@dataclass(frozen=True)
class OnTime:
    decided: int
    within: int
    percent: float | None


def decisions_on_time(month: str | None = None, locality: str | None = None) -> OnTime:
    """Authorised decisions made (decided_at) by the request's decision deadline: one working
    day from arrival by default. One query."""
    row = _authorised(month, locality).aggregate(
        decided=Count("pk"),
        within=Count("pk", filter=Q(decided_at__lte=F("request__decision_due_at"))),
    )
    return OnTime(row["decided"], row["within"], _percent(row["within"], row["decided"]))


@dataclass(frozen=True)
class Conversion:
    decided: int
    converted: int
    percent: float | None
    comparison_percent: float | None
    comparison_source: str


def conversion(month: str | None = None, locality: str | None = None) -> Conversion:
    """Decided requests whose authorised next step is a social care assessment (statutory,
    back to the return team, or specialist), beside the council's published figure. Two
    queries."""
    row = _authorised(month, locality).aggregate(
        decided=Count("request", distinct=True),
        converted=Count("request", distinct=True, filter=Q(next_step__in=ASSESSMENT_STEPS)),
    )
    target = Target.objects.filter(council__active=True, code=CONVERSION_TARGET).first()
    return Conversion(
        row["decided"], row["converted"], _percent(row["converted"], row["decided"]),
        float(target.value) if target else None, target.source if target else "",
    )


class MonthsBefore(Func):
    """A moment shifted back by whole calendar months, in the database's own date arithmetic."""

    output_field = DateTimeField()

    def __init__(self, expression, months: int):
        self.months = int(months)
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):  # PostgreSQL
        return super().as_sql(compiler, connection,
                              template=f"(%(expressions)s - interval '{self.months} months')",
                              **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection,
                              template=f"datetime(%(expressions)s, '-{self.months} months')",
                              **extra)

    def as_mysql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection,
                              template=f"DATE_SUB(%(expressions)s, INTERVAL {self.months} MONTH)",
                              **extra)


@dataclass(frozen=True)
class Repeats:
    requests: int
    repeats: int
    percent: float | None


def repeat_requests(month: str | None = None, locality: str | None = None) -> Repeats:
    """Requests for a child (linked on the index) who already had another submitted request in
    the 12 months before this one arrived, out of all requests received. One query."""
    earlier = RequestChild.objects.filter(
        _received(None, None, "request__"),
        person__requests_for_support__request=OuterRef("pk"),
        request__received_at__lt=OuterRef("received_at"),
        request__received_at__gte=MonthsBefore(OuterRef("received_at"), REPEAT_WINDOW_MONTHS),
    ).exclude(request=OuterRef("pk"))
    row = (
        RequestForSupport.objects.filter(_received(month, locality))
        .annotate(repeat=Exists(earlier))
        .aggregate(requests=Count("pk"), repeats=Count("pk", filter=Q(repeat=True)))
    )
    return Repeats(row["requests"], row["repeats"], _percent(row["repeats"], row["requests"]))


@dataclass(frozen=True)
class Advice:
    total: int
    request_advised: int
    by_agency_kind: list[CountRow] = field(default_factory=list)

    @property
    def largest(self) -> int:
        """The longest bar in the chart (at least 1, so an empty chart still draws)."""
        return max([row.count for row in self.by_agency_kind] + [1])


def advice_by_agency_kind(month: str | None = None, locality: str | None = None) -> Advice:
    """Advice-line consultations by the kind of agency that called. One query."""
    consultations = AdviceConsultation.objects.all()
    bounds = month_bounds(month)
    if bounds:
        consultations = consultations.filter(at__gte=bounds[0], at__lt=bounds[1])
    if locality:
        consultations = consultations.filter(locality__code=locality,
                                             locality__council__active=True)
    rows = (consultations.values("agency_kind")
            .annotate(n=Count("pk"), advised=Count("pk", filter=Q(request_advised=True)))
            .order_by())
    counts = {row["agency_kind"]: row["n"] for row in rows}
    by_kind = [CountRow(value, label, counts.pop(value, 0))
               for value, label in PartnerAgency.Kind.choices]
    unknown = sum(counts.values())  # blank, or a kind no longer in the list
    if unknown:
        by_kind.append(CountRow("", NOT_RECORDED, unknown))
    return Advice(sum(row["n"] for row in rows), sum(row["advised"] for row in rows), by_kind)


@dataclass(frozen=True)
class Figures:
    month: str
    locality: str
    received: Received
    on_time: OnTime
    conversion: Conversion
    repeats: Repeats
    advice: Advice


def hub_figures(month: str | None = None, locality: str | None = None) -> Figures:
    """Every figure for one month and locality (either may be empty for "all")."""
    return Figures(
        month or "", locality or "",
        requests_received(month, locality), decisions_on_time(month, locality),
        conversion(month, locality), repeat_requests(month, locality),
        advice_by_agency_kind(month, locality),
    )


def localities() -> list[Locality]:
    """The active council's localities, for the filter (one query)."""
    return list(Locality.objects.filter(council__active=True).order_by("name"))

