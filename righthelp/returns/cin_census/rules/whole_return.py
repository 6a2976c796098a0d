"""Rules judged across the whole return: the header, duplicates and the council's totals.

The validator keeps a ``Tally`` as the children stream past, so these need no second pass."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .. import codes
from .base import RETURN, rule


@dataclass
class Tally:
    children: int = 0
    without_sex: int = 0  # born children with sex missing or U
    disability_codes: set[str] = field(default_factory=set)
    several_disabilities: bool = False
    cp_plans_started: int = 0
    conferences: int = 0
    upns: Counter = field(default_factory=Counter)
    la_child_ids: Counter = field(default_factory=Counter)

    def add(self, child, period) -> None:
        ids = child.identifiers
        self.children += 1
        self.la_child_ids[ids.la_child_id] += 1
        if ids.upn:
            self.upns[ids.upn] += 1
        if ids.expected_birth_date is None and ids.sex in ("", "U"):
            self.without_sex += 1
        disabled = [c for c in child.characteristics.disabilities if c != codes.NO_DISABILITY]
        self.disability_codes.update(disabled)
        self.several_disabilities |= len(set(disabled)) > 1
        for episode in child.episodes:
            self.conferences += episode.icpc_date in period
            self.conferences += sum(s.icpc_date in period for s in episode.section47s)
            self.cp_plans_started += sum(p.start in period for p in episode.cp_plans)


@rule("100", "Reference Date is incorrect", "ReferenceDate", RETURN)
def reference_date(header, tally, period):
    if header.reference_date != date(header.year, 3, 31):
        yield f"reference date {header.reference_date}"


@rule("8510", "More than one child record with the same LA Child ID", "LAchildID", RETURN)
def duplicate_la_child_id(header, tally, period):
    for value, count in sorted(tally.la_child_ids.items()):
        if count > 1:
            yield f"LA Child ID {value} ({count} records)"


@rule("1520", "More than one record with the same UPN", "UPN", RETURN)
def duplicate_upn(header, tally, period):
    for value, count in sorted(tally.upns.items()):
        if count > 1:
            yield f"UPN {value} ({count} records)"


@rule("2883", "There are more child protection plans starting than initial conferences taking "
      "place", "CPPstartDate", RETURN)
def more_plans_than_conferences(header, tally, period):
    if tally.cp_plans_started > tally.conferences:
        yield f"{tally.cp_plans_started} plans, {tally.conferences} initial conferences"


@rule("2886Q", "Please check and either amend or provide a reason: Percentage of children with no "
      "sex recorded is more than 2% (excluding unborns)", "Sex", RETURN)
def too_many_without_sex(header, tally, period):
    if tally.children and tally.without_sex / tally.children > 0.02:
        yield f"{tally.without_sex} of {tally.children} children"


@rule("2887Q", "Please check and either amend or provide a reason: Less than 8 disability codes "
      "have been used in your return", "Disability", RETURN)
def few_disability_codes(header, tally, period):
    if len(tally.disability_codes) <= 7:
        yield f"{len(tally.disability_codes)} codes used"


@rule("2888Q", "Please check: Only one disability code is recorded per child and multiple "
      "disabilities should be recorded where possible.", "Disability", RETURN)
def one_disability_each(header, tally, period):
    if tally.disability_codes and not tally.several_disabilities:
        yield "every disabled child has one code"
