"""The plans side's pure rules, one row per rule of pathway.md."""

from datetime import UTC, date, datetime

import pytest

from righthelp.socialwork.rules.plans import (
    ACTIONS_OVERDUE,
    CONTINGENCY_FAMILY_FIRST,
    CONTINGENCY_NEEDS_OPTIONS,
    CONTINGENCY_ONE_CHOSEN,
    CONTINGENCY_SAY_WHY,
    DATE_TOO_FAR_AHEAD,
    ESCALATION_NEEDS_HARM_ESCALATED,
    ESCALATION_SAME_IN_WORDS,
    FOSTER_CARE_WITHOUT_FAMILY,
    OUTCOMES_MET,
    REVIEW_OVERDUE,
    VISIT_MISSED,
    DriftFacts,
    Option,
    contingency_verdict,
    date_problem,
    drift,
    escalation_verdict,
)


@pytest.mark.parametrize(("what_changed", "message"), [
    ("", ESCALATION_NEEDS_HARM_ESCALATED),
    ("   ", ESCALATION_NEEDS_HARM_ESCALATED),
    ("Worse now.", ESCALATION_NEEDS_HARM_ESCALATED),
    ("The risk stayed the same as last month.", ESCALATION_SAME_IN_WORDS),
    ("No change since the last review, the worries are the same.", ESCALATION_SAME_IN_WORDS),
    ("Ongoing concerns about home conditions remain for the family.", ESCALATION_SAME_IN_WORDS),
    ("Jonathan came to school with a bruise on his face and said dad hit him.", ""),
    ("No change until Friday, when police were called to a fight at home and Jonathan was "
     "hurt trying to protect his mother; he has bruises on both arms.", ""),
])
def test_escalation_needs_harm_escalated(what_changed, message):
    verdict = escalation_verdict(what_changed)
    assert verdict.allowed == (message == "")
    assert verdict.message == message
    if message:
        assert verdict.field == "what_changed"


FAM, FOS, OTHER = "family_network", "foster_care", "other"


@pytest.mark.parametrize(("options", "network", "message"), [
    ([], 2, CONTINGENCY_NEEDS_OPTIONS),
    ([Option(FAM, True, False, "No room")], 1, CONTINGENCY_ONE_CHOSEN),
    ([Option(FAM, True, True, "Nan can"), Option(FOS, True, True, "x")], 1,
     CONTINGENCY_ONE_CHOSEN),
    ([Option(FAM, True, True, " ")], 1, CONTINGENCY_SAY_WHY),
    # Foster care chosen with nobody from the network considered: refused.
    ([Option(FOS, True, True, "Quickest")], 2, FOSTER_CARE_WITHOUT_FAMILY),
    ([Option(FAM, False, False, "Not asked"), Option(FOS, True, True, "Quickest")], 2,
     FOSTER_CARE_WITHOUT_FAMILY),
    # ...allowed when the child has nobody in the network.
    ([Option(FOS, True, True, "No family known")], 0, ""),
    # Family first, then foster care.
    ([Option(FOS, True, False, "Last resort"), Option(FAM, True, True, "Nan can")], 1,
     CONTINGENCY_FAMILY_FIRST),
    ([Option(FAM, True, False, "Nan is unwell"), Option(FOS, True, True, "Nobody else")], 1, ""),
    ([Option(FAM, True, True, "Aunt has room"), Option(FOS, True, False, "Not needed")], 2, ""),
    ([Option(OTHER, True, True, "Residential school")], 0, ""),
])
def test_contingency_family_network_first(options, network, message):
    verdict = contingency_verdict(options, network)
    assert (verdict.allowed, verdict.message) == (message == "", message)


NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
PAST, FUTURE = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)


@pytest.mark.parametrize(("facts", "flags"), [
    (DriftFacts(FUTURE, FUTURE, ()), []),
    (DriftFacts(PAST, FUTURE, ()), [REVIEW_OVERDUE]),
    (DriftFacts(FUTURE, PAST, ()), [VISIT_MISSED]),
    (DriftFacts(FUTURE, FUTURE, (("under_way", date(2026, 3, 9)),)), [ACTIONS_OVERDUE]),
    (DriftFacts(FUTURE, FUTURE, (("under_way", date(2026, 3, 10)),)), []),  # due today
    (DriftFacts(FUTURE, FUTURE, (("not_done", date(2026, 1, 1)),)), []),  # finished
    (DriftFacts(FUTURE, FUTURE, (("done", date(2026, 1, 1)), ("done", date(2026, 2, 1)))),
     [OUTCOMES_MET]),
    (DriftFacts(None, None, (("done", date(2026, 1, 1)), ("under_way", date(2026, 5, 1)))),
     []),
    (DriftFacts(PAST, PAST, (("not_started", date(2026, 1, 1)),)),
     [REVIEW_OVERDUE, VISIT_MISSED, ACTIONS_OVERDUE]),
])
def test_drift_between_conferences(facts, flags):
    assert drift(facts, NOW) == flags


@pytest.mark.parametrize(("day", "ok"), [
    (date(2026, 1, 1), False),  # before the start
    (date(2026, 2, 1), True),
    (date(2026, 11, 23), True),
    (date(2027, 11, 24), True),  # a year ahead (2027-11-24 is 366 days on)
    (date(2027, 11, 25), False),
])
def test_dates_a_meeting_may_be_recorded_on(day, ok):
    problem = date_problem(day, earliest=date(2026, 2, 1), today=date(2026, 11, 23))
    assert (problem == "") == ok
    if day > date(2027, 1, 1) and not ok:
        assert problem == DATE_TOO_FAR_AHEAD
