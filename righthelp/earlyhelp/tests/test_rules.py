"""Early help rules, one row per rule of pathway.md sections 2 and 4."""

from datetime import UTC, date, datetime

import pytest

from righthelp.earlyhelp import rules
from righthelp.earlyhelp.rules import DriftFacts

ESCALATED, NEW, SAME, DOWN = "escalated", "new_harm", "same", "reduced"
LONG = ("Last night the police were called to the home after dad hit mum in front of the "
        "children; Jonathan has bruises on his arm")


@pytest.mark.parametrize(
    ("current", "to", "legal"),
    [
        ("agreeing_lead", "open", True),
        ("agreeing_lead", "closed", True),
        ("agreeing_lead", "stepped_up", False),
        ("open", "stepped_up", True),
        ("open", "closed", True),
        ("open", "agreeing_lead", False),
        ("stepped_up", "open", True),
        ("stepped_up", "closed", True),
        ("closed", "open", False),
        ("closed", "stepped_up", False),
    ],
)
def test_transitions(current, to, legal):
    assert rules.may_move(current, to) is legal


@pytest.mark.parametrize(
    ("role", "level", "allowed", "message"),
    [
        ("partner_lead_professional", 2, True, ""),
        ("partner_lead_professional", 3, False, rules.PARTNER_LEVEL_3),
        ("early_help_practitioner", 3, True, ""),
        ("early_help_practitioner", 4, False, rules.LEVEL_2_OR_3),
        ("social_worker", 2, False, rules.NOT_A_DIRECT_OPENER),
        ("hub_worker", 2, False, rules.NOT_A_DIRECT_OPENER),
    ],
)
def test_who_opens_directly(role, level, allowed, message):
    verdict = rules.direct_open_verdict(role, level)
    assert (verdict.allowed, verdict.message) == (allowed, message)


@pytest.mark.parametrize(
    ("risk", "what_changed", "allowed", "message"),
    [
        # Risk escalated, and described: a step up.
        (ESCALATED, LONG, True, ""),
        (NEW, "Mum's new partner has a conviction for harming a child and moved in", True, ""),
        # "If risk escalates, not if it just stays the same".
        (SAME, LONG, False, rules.STEP_UP_NOT_ESCALATION),
        (DOWN, LONG, False, rules.STEP_UP_NOT_ESCALATION),
        ("", LONG, False, rules.STEP_UP_NOT_ESCALATION),
        # Escalated, but nothing (or almost nothing) described.
        (ESCALATED, "", False, rules.STEP_UP_DESCRIBE),
        (ESCALATED, "worse now", False, rules.STEP_UP_DESCRIBE),
        # Escalated chosen, but the words say nothing changed.
        (ESCALATED, "Risk stayed the same as last month for the family", False,
         rules.STEP_UP_SAME_IN_WORDS),
        (ESCALATED, "No change since the last review, ongoing concerns about school",
         False, rules.STEP_UP_SAME_IN_WORDS),
        # A long account that mentions "nothing changed" in passing is judged on the rest.
        (ESCALATED, "Nothing changed until Tuesday. " + LONG, True, ""),
    ],
)
def test_step_up_needs_a_described_escalation(risk, what_changed, allowed, message):
    verdict = rules.step_up_verdict(risk, what_changed)
    assert (verdict.allowed, verdict.message) == (allowed, message)


def test_completion_names_every_missing_part():
    missing = rules.missing_for_completion({"strengths": "Loves football", "worries": "  "})
    assert missing == {
        "childs_words": "the child's own words",
        "parents_words": "the parents' words",
        "worries": "what we are worried about",
        "family_wants_to_change": "what the family wants to change",
    }
    assert rules.missing_for_completion(
        dict.fromkeys(rules.REQUIRED_TO_COMPLETE, "said")) == {}


NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("facts", "flags"),
    [
        # A new episode has time to assess and plan before it drifts.
        (DriftFacts("open", date(2026, 11, 10), False, False, None), []),
        (DriftFacts("open", date(2026, 9, 1), False, False, None),
         [rules.NO_PLAN, rules.NO_ASSESSMENT]),
        (DriftFacts("open", date(2026, 9, 1), True, True,
                    datetime(2026, 11, 20, tzinfo=UTC)), [rules.REVIEW_OVERDUE]),
        (DriftFacts("open", date(2026, 9, 1), True, True,
                    datetime(2026, 12, 20, tzinfo=UTC), (date(2026, 11, 1),)),
         [rules.ACTIONS_OVERDUE]),
        (DriftFacts("open", date(2026, 9, 1), True, True,
                    datetime(2026, 12, 20, tzinfo=UTC), (date(2026, 11, 30),)), []),
        # Only open episodes drift.
        (DriftFacts("closed", date(2026, 9, 1), False, False, None), []),
        (DriftFacts("agreeing_lead", date(2026, 9, 1), False, False, None), []),
    ],
)
def test_drift(facts, flags):
    assert rules.drift(facts, NOW) == flags
