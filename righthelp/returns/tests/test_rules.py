"""DfE's validation rules, one row per rule: a child that passes them all, broken one way."""

from datetime import date

import pytest

from righthelp.returns.cin_census.period import CensusPeriod
from righthelp.returns.cin_census.records import (
    Assessment,
    CINDetails,
    CINPlanDates,
    Section47,
)
from righthelp.returns.cin_census.rules import RULES, Validator, check_child

from .factories import good_child, header

PERIOD = CensusPeriod(2026)
D = date


def ids(c):
    return c.identifiers


def ep(c):
    return c.episodes[0]


def cp(c):
    return c.episodes[0].cp_plans[0]


def cin(c):
    return c.episodes[0].cin_plans[0]


def s47(c):
    return c.episodes[0].section47s[0]


def asm(c):
    return c.episodes[0].assessments[0]


def unborn(c):
    ids(c).birth_date, ids(c).expected_birth_date, ids(c).sex = None, D(2026, 6, 1), "U"


def nfa(c):
    c.episodes[0] = CINDetails(referral_date=D(2025, 9, 1), referral_source="6",
                               closure_date=D(2025, 9, 1), closure_reason="RC8",
                               referral_nfa=True)


def second_episode(c, **fields):
    values = {"referral_date": D(2026, 3, 2), "referral_source": "6", "primary_need": "N4",
              "referral_nfa": False, **fields}
    c.episodes.append(CINDetails(**values))


def setattrs(target, **values):
    for name, value in values.items():
        setattr(target, name, value)


# (rule code, how to break the good child)
CASES = [
    ("8500", lambda c: setattr(ids(c), "la_child_id", "")),
    ("1570", lambda c: setattr(ids(c), "la_child_id", "1" * 21)),
    ("1580", lambda c: setattr(ids(c), "la_child_id", "10-01")),
    ("1510", lambda c: setattr(ids(c), "upn", "Z" + ids(c).upn[1:])),
    ("1530", lambda c: setattr(ids(c), "upn", ids(c).upn[0] + "999" + ids(c).upn[4:])),
    ("1540", lambda c: setattr(ids(c), "upn", ids(c).upn[:6] + "X" + ids(c).upn[7:])),
    ("1550", lambda c: setattr(ids(c), "upn", ids(c).upn[:12] + "I")),
    ("1560Q", lambda c: setattr(ids(c), "former_upn", "X12")),
    ("8520", lambda c: setattr(ids(c), "birth_date", D(2026, 4, 2))),
    ("8525", lambda c: setattr(ids(c), "expected_birth_date", D(2015, 6, 1))),
    ("8530Q", lambda c: (unborn(c), setattr(ids(c), "expected_birth_date", D(2027, 3, 1)))),
    ("4180", lambda c: setattr(ids(c), "sex", "X")),
    ("8750", lambda c: (unborn(c), setattr(ids(c), "sex", "F"))),
    ("8535Q", lambda c: setattr(ids(c), "death_date", D(2014, 1, 1))),
    ("8545Q", lambda c: setattr(ids(c), "death_date", D(2026, 5, 1))),
    ("4220", lambda c: setattr(c.characteristics, "ethnicity", "XXXX")),
    ("8540", lambda c: setattr(c.characteristics, "disabilities", [])),
    ("8790", lambda c: setattr(c.characteristics, "disabilities", ["NONE", "AUT"])),
    ("8794", lambda c: setattr(c.characteristics, "disabilities", ["AUT", "AUT"])),
    ("8590", lambda c: c.episodes.clear()),
    ("8770Q", lambda c: setattr(ids(c), "upn", "")),
    ("8772", lambda c: (setattr(ids(c), "upn", ""), setattr(ids(c), "upn_unknown", "UN7"))),
    ("8775Q", lambda c: setattr(ids(c), "birth_date", D(2000, 1, 1))),
    ("8600", lambda c: setattr(ep(c), "referral_date", None)),
    ("8606", lambda c: (unborn(c), setattr(ids(c), "expected_birth_date", D(2026, 4, 20)))),
    ("8555", lambda c: setattr(ids(c), "death_date", D(2025, 5, 1))),
    ("8610", lambda c: setattr(ep(c), "primary_need", "")),
    ("8650", lambda c: setattr(ep(c), "primary_need", "N12")),
    ("8866", lambda c: setattr(ep(c), "referral_source", "11")),
    ("8568", lambda c: setattr(ep(c), "referral_nfa", None)),
    ("8569", lambda c: (nfa(c), setattr(ep(c), "referral_date", D(2025, 3, 20)))),
    ("8620", lambda c: setattr(ep(c), "closure_date", D(2026, 4, 30))),
    ("8630", lambda c: setattr(ep(c), "closure_date", D(2025, 5, 1))),
    ("8640", lambda c: setattr(ep(c), "closure_reason", "RC10")),
    ("8805", lambda c: setattr(ep(c), "closure_reason", "")),
    ("8810", lambda c: setattr(ep(c), "closure_date", None)),
    ("8565", lambda c: setattr(ep(c), "closure_date", D(2026, 1, 5))),
    ("8868", lambda c: setattr(s47(c), "icpc_date", None)),
    ("8867", lambda c: setattr(asm(c), "authorised", None)),
    ("8825Q", lambda c: (nfa(c), setattr(ep(c), "referral_nfa", False),
                         setattr(ep(c), "primary_need", "N4"))),
    ("8585Q", lambda c: setattr(ep(c), "closure_reason", "RC2")),
    ("2990", lambda c: setattr(ep(c), "closure_reason", "RC8")),
    ("8831", lambda c: setattr(ep(c), "referral_nfa", True)),
    ("8832", lambda c: setattr(ep(c), "referral_nfa", True)),
    ("4000", lambda c: setattr(ep(c), "referral_nfa", True)),
    ("8815", lambda c: (setattr(ep(c), "closure_date", None), setattr(ep(c), "closure_reason", ""),
                        second_episode(c))),
    ("8816", lambda c: (setattr(ep(c), "closure_date", None), setattr(ep(c), "closure_reason", ""),
                        second_episode(c))),
    ("8820", lambda c: second_episode(c, referral_date=D(2025, 12, 1))),
    ("2884", lambda c: setattr(ep(c), "icpc_date", s47(c).icpc_date)),
    ("2991Q", lambda c: ep(c).assessments.clear()),
    ("8873", lambda c: setattr(asm(c), "factors", ["21"])),
    ("1103", lambda c: setattr(asm(c), "start", D(2025, 5, 1))),
    ("8608", lambda c: setattr(asm(c), "authorised", D(2025, 5, 5))),
    ("8670Q", lambda c: (setattr(asm(c), "authorised", None), setattr(asm(c), "factors", []))),
    ("8897", lambda c: setattr(asm(c), "factors", [])),
    ("8614", lambda c: setattr(asm(c), "authorised", None)),
    ("8696", lambda c: setattr(asm(c), "authorised", D(2026, 4, 2))),
    ("8736", lambda c: ep(c).assessments.append(Assessment(start=D(2025, 3, 1)))),
    ("8898", lambda c: setattr(asm(c), "factors", ["3B", "3B"])),
    ("8869", lambda c: setattr(asm(c), "factors", ["21", "3B"])),
    ("8899Q", lambda c: setattr(c.characteristics, "disabilities", ["AUT"])),
    ("8617", lambda c: setattr(asm(c), "factors", ["8A"])),
    ("8945Q", lambda c: setattr(asm(c), "factors", ["18A"])),
    ("8950Q", lambda c: setattr(asm(c), "factors", ["19A"])),
    ("8896", lambda c: ep(c).assessments.extend([Assessment(start=D(2025, 7, 1)),
                                                  Assessment(start=D(2025, 8, 1))])),
    ("8863", lambda c: ep(c).assessments.append(Assessment(start=D(2025, 6, 1),
                                                           authorised=D(2025, 6, 30),
                                                           factors=["3B"]))),
    ("4001", lambda c: (setattr(cin(c), "end", None), setattr(cp(c), "end", None))),
    ("4003", lambda c: setattr(cin(c), "start", D(2025, 8, 1))),
    ("4004", lambda c: (setattr(cin(c), "end", None),
                        ep(c).cin_plans.append(CINPlanDates(start=D(2026, 3, 1))))),
    ("4008", lambda c: setattr(ids(c), "death_date", D(2025, 10, 1))),
    ("4009", lambda c: setattr(ids(c), "death_date", D(2026, 1, 1))),
    ("4010", lambda c: setattr(cin(c), "start", D(2026, 4, 1))),
    ("4011", lambda c: setattr(cin(c), "end", D(2025, 11, 27))),
    ("4012Q", lambda c: setattr(cin(c), "end", cin(c).start)),
    ("4013", lambda c: ep(c).cin_plans.insert(0, CINPlanDates(start=D(2024, 1, 1),
                                                                end=D(2025, 3, 1)))),
    ("4014", lambda c: ep(c).cin_plans.append(CINPlanDates(start=D(2026, 1, 5),
                                                           end=D(2026, 2, 2)))),
    ("4015", lambda c: setattr(cin(c), "start", D(2025, 5, 1))),
    ("4016", lambda c: setattr(cin(c), "start", D(2025, 10, 1))),
    ("4017", lambda c: ep(c).cin_plans.insert(0, CINPlanDates(start=D(2025, 5, 20),
                                                                end=D(2025, 6, 30)))),
    ("1104", lambda c: setattr(s47(c), "icpc_date", D(2025, 5, 2))),
    ("8615", lambda c: setattr(s47(c), "start", D(2025, 6, 2))),
    ("2889", lambda c: setattr(s47(c), "start", D(2025, 5, 1))),
    ("8740", lambda c: ep(c).section47s.append(Section47(start=D(2025, 3, 3)))),
    ("8675Q", lambda c: ep(c).section47s.append(Section47(start=D(2025, 12, 1)))),
    ("8870Q", lambda c: setattr(s47(c), "icpc_target", D(2025, 5, 31))),
    ("8715", lambda c: ep(c).section47s.append(Section47(start=D(2025, 3, 1),
                                                         icpc_date=D(2025, 3, 20)))),
    ("8875", lambda c: (setattr(s47(c), "icpc_date", D(2025, 5, 31)),
                        setattr(cp(c), "start", D(2025, 5, 31)))),
    ("8839", lambda c: ep(c).section47s.extend([Section47(start=D(2026, 1, 5)),
                                                 Section47(start=D(2026, 2, 2))])),
    ("8890", lambda c: ep(c).section47s.append(Section47(start=D(2025, 5, 20),
                                                         icpc_not_required=True))),
    ("8935", lambda c: (setattr(cp(c), "end", None), ep(c).cp_plans.append(
        type(cp(c))(start=D(2026, 1, 5), initial_category="NEG", latest_category="NEG")))),
    ("8905", lambda c: setattr(cp(c), "initial_category", "ABC")),
    ("8910", lambda c: setattr(cp(c), "latest_category", "")),
    ("8720", lambda c: setattr(cp(c), "start", None)),
    ("8915", lambda c: setattr(ids(c), "death_date", D(2025, 5, 20))),
    ("8920", lambda c: setattr(ids(c), "death_date", D(2025, 11, 1))),
    ("8925", lambda c: setattr(cp(c), "end", D(2025, 5, 29))),
    ("8930", lambda c: setattr(cp(c), "end", D(2026, 4, 2))),
    ("8840", lambda c: setattr(cp(c), "end", cp(c).start)),
    ("8841", lambda c: cp(c).reviews.insert(0, D(2025, 5, 30))),
    ("8940", lambda c: ep(c).cp_plans.append(type(cp(c))(
        start=D(2025, 9, 1), end=D(2025, 10, 1), initial_category="NEG",
        latest_category="NEG"))),
    ("2885", lambda c: setattr(cp(c), "start", D(2025, 6, 2))),
    ("1105", lambda c: (setattr(cp(c), "start", D(2025, 5, 1)),
                        setattr(s47(c), "icpc_date", D(2025, 5, 1)))),
    ("8730", lambda c: setattr(cp(c), "previous_plans", None)),
    ("8842Q", lambda c: cp(c).reviews.append(None)),
]


def codes(child) -> set[str]:
    return {f.code for f in check_child(child, PERIOD)}


def test_the_good_child_passes_every_rule():
    assert check_child(good_child(), PERIOD) == []


@pytest.mark.parametrize(("code", "breaks"), CASES, ids=[code for code, _ in CASES])
def test_each_rule_fails_its_case(code, breaks):
    child = good_child()
    breaks(child)
    found = [f for f in check_child(child, PERIOD) if f.code == code]
    assert found, f"rule {code} did not fail: {sorted(codes(child))}"
    failure = found[0]
    assert failure.message == RULES[code].message and failure.field == RULES[code].field
    assert failure.la_child_id == child.identifiers.la_child_id
    assert failure.name == "Test Child" and failure.person_id == 1 and failure.where
    assert failure.is_query == code.endswith("Q")


def test_every_child_rule_has_a_case():
    child_rules = {code for code, rule in RULES.items() if rule.level == "child"}
    assert child_rules - {code for code, _ in CASES} == set()


def _validator_failures(children, **header_fields) -> set[str]:
    validator = Validator(header())
    for name, value in header_fields.items():
        setattr(validator.header, name, value)
    for child in children:
        validator.check(child)
    return {f.code for f in validator.finish()}


def test_whole_return_rules():
    first, second = good_child(), good_child()
    assert {"8510", "1520", "2887Q"} <= _validator_failures([first, second])
    assert "100" in _validator_failures([first], reference_date=D(2026, 3, 30))
    third = good_child()
    setattrs(third.identifiers, la_child_id="1002", upn="", sex="U")
    third.characteristics.disabilities = ["AUT"]
    found = _validator_failures([good_child(), third])
    assert {"2886Q", "2888Q"} <= found and "8510" not in found and "1520" not in found
    extra = good_child()
    extra.identifiers.la_child_id = "1003"
    extra.identifiers.upn = ""
    extra.episodes[0].section47s.clear()
    assert "2883" in _validator_failures([extra]) - {"2885"}
    several = good_child()
    several.characteristics.disabilities = ["AUT", "BEH", "COMM", "CON", "HAND", "HEAR", "INC",
                                            "LD"]
    assert {"2887Q", "2888Q"}.isdisjoint(_validator_failures([several]))


def test_every_return_rule_is_tested_here():
    return_rules = {code for code, rule in RULES.items() if rule.level == "return"}
    assert return_rules == {"100", "8510", "1520", "2883", "2886Q", "2887Q", "2888Q"}
