"""The census's shape as plain dataclasses, one per block of DfE's CIN census XML.

Field names follow the XML elements (in snake case); dates are ``datetime.date``. Nothing here
touches the database, so the writer and the validation rules can be tested on their own.
Each block keeps ``ref`` (the primary key of the record it came from, 0 when made by hand) so a
failure can point at the record to fix.
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class Header:
    year: int  # the collection year's end: 2026 for 1 April 2025 to 31 March 2026
    reference_date: date
    la_number: str  # the council's three-digit DfE number ("LEA")
    software_code: str
    release: str
    serial_no: str
    produced_at: datetime
    collection: str = "CIN"
    source_level: str = "L"

    @property
    def period_start(self) -> date:
        return date(self.year - 1, 4, 1)


@dataclass(slots=True)
class ChildIdentifiers:
    la_child_id: str
    upn: str = ""
    former_upn: str = ""
    upn_unknown: str = ""
    birth_date: date | None = None
    expected_birth_date: date | None = None
    sex: str = "U"
    death_date: date | None = None


@dataclass(slots=True)
class Characteristics:
    ethnicity: str = ""
    disabilities: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Assessment:
    start: date | None
    internal_review: date | None = None
    authorised: date | None = None
    factors: list[str] = field(default_factory=list)
    ref: int = 0


@dataclass(slots=True)
class CINPlanDates:
    start: date | None
    end: date | None = None
    ref: int = 0


@dataclass(slots=True)
class Section47:
    start: date | None
    icpc_target: date | None = None
    icpc_date: date | None = None
    icpc_not_required: bool = False
    ref: int = 0


@dataclass(slots=True)
class ChildProtectionPlan:
    start: date | None
    end: date | None = None
    initial_category: str = ""
    latest_category: str = ""
    previous_plans: int | None = 0
    reviews: list[date] = field(default_factory=list)
    ref: int = 0


@dataclass(slots=True)
class CINDetails:
    referral_date: date | None
    referral_source: str = ""
    primary_need: str = ""
    closure_date: date | None = None
    closure_reason: str = ""
    icpc_date: date | None = None  # an initial conference held without a Section 47
    referral_nfa: bool | None = False
    assessments: list[Assessment] = field(default_factory=list)
    cin_plans: list[CINPlanDates] = field(default_factory=list)
    section47s: list[Section47] = field(default_factory=list)
    cp_plans: list[ChildProtectionPlan] = field(default_factory=list)
    ref: int = 0


@dataclass(slots=True)
class Child:
    identifiers: ChildIdentifiers
    characteristics: Characteristics
    episodes: list[CINDetails] = field(default_factory=list)
    name: str = ""  # for the page that lists failures; never written to the XML
    person_id: int | None = None  # the record to fix at source; never written to the XML
