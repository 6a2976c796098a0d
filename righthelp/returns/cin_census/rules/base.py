"""What a validation rule is, the failures it reports, and the register of rules.

Each rule is one small function over the census's dataclasses, registered with DfE's code and
message and the field it names. A child rule yields a short description of *where* in the
child's return the problem is (say, "the referral of 3 May 2025"); a rule that can only be
judged across the whole return answers whether it fails. Queries (codes ending in Q) ask the
council to check and explain; errors stop a return being accepted.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from ..period import CensusPeriod
from ..records import Child, CINDetails

CHILD, RETURN = "child", "return"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    message: str
    field: str  # the XML element the rule names first
    level: str
    check: Callable

    @property
    def is_query(self) -> bool:
        return self.code.endswith("Q")


@dataclass(frozen=True, slots=True)
class Failure:
    code: str
    message: str
    field: str
    is_query: bool
    where: str = ""
    la_child_id: str = ""  # blank for a failure of the whole return
    name: str = ""
    person_id: int | None = None

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "field": self.field,
                "query": self.is_query, "where": self.where, "la_child_id": self.la_child_id,
                "name": self.name, "person_id": self.person_id}


RULES: dict[str, Rule] = {}


def rule(code: str, message: str, field: str, level: str = CHILD):
    """Register a rule function under DfE's code."""
    def register(check: Callable) -> Callable:
        if code in RULES:
            raise ValueError(f"Rule {code} is registered twice.")
        RULES[code] = Rule(code, message, field, level, check)
        check.code = code
        return check
    return register


ChildCheck = Callable[[Child, CensusPeriod], Iterable[str]]


def day(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "no date"


def referral(episode: CINDetails) -> str:
    return f"the referral of {day(episode.referral_date)}"


def before(a: date | None, b: date | None) -> bool:
    """Both present and ``a`` strictly before ``b``."""
    return a is not None and b is not None and a < b


def not_nfa(episode: CINDetails) -> bool:
    return episode.referral_nfa is False
