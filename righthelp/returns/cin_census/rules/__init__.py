"""DfE's validation rules for the Children in Need census, 2025-26, as small pure functions.

``Validator`` runs every rule over each child as it streams past, then the rules that need the
whole return. Importing the rule modules registers them in ``RULES``.
"""

from ..period import CensusPeriod
from ..records import Child, Header
from . import assessments, episodes, identifiers, plans, protection, section47, whole_return  # noqa: F401
from .base import CHILD, RETURN, RULES, Failure, Rule
from .whole_return import Tally

__all__ = ["RULES", "Failure", "Rule", "Validator", "check_child"]


def check_child(child: Child, period: CensusPeriod) -> list[Failure]:
    """Every child-level rule's failures for one child, each naming the child and the field."""
    found = []
    who = child.identifiers.la_child_id
    for rule in RULES.values():
        if rule.level != CHILD:
            continue
        for where in rule.check(child, period):
            found.append(Failure(rule.code, rule.message, rule.field, rule.is_query, where,
                                 who, child.name, child.person_id))
    return found


class Validator:
    def __init__(self, header: Header):
        self.header = header
        self.period = CensusPeriod(header.year)
        self.tally = Tally()

    def check(self, child: Child) -> list[Failure]:
        self.tally.add(child, self.period)
        return check_child(child, self.period)

    def finish(self) -> list[Failure]:
        found = []
        for rule in RULES.values():
            if rule.level == RETURN:
                found += [Failure(rule.code, rule.message, rule.field, rule.is_query, where)
                          for where in rule.check(self.header, self.tally, self.period)]
        return found
