"""Early help decisions as pure functions over plain data (pathway sections 2 and 4).

- Which moves between an episode's states are legal.
- Who may open an episode directly, without a request to the Hub.
- Whether a described change is an escalation that justifies a step up to the Hub
  ("if risk escalates, not if it just stays the same").
- What an assessment still needs before it can be completed.
- Drift: a missed review, no plan yet, actions past their date.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from .models.episodes import EpisodeStatus
from .models.steps import RiskChange

S = EpisodeStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.AGREEING_LEAD: frozenset({S.OPEN, S.CLOSED}),
    S.OPEN: frozenset({S.STEPPED_UP, S.CLOSED}),
    # After a step up the Hub may send the family back to early help, or social care leads.
    S.STEPPED_UP: frozenset({S.OPEN, S.CLOSED}),
    S.CLOSED: frozenset(),
}


def may_move(current: str, to: str) -> bool:
    return to in TRANSITIONS.get(current, frozenset())


ILLEGAL_MOVE = "An episode that is '{current}' cannot become '{to}'."


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    message: str = ""
    field: str | None = None


ALLOWED = Verdict(True)

# --- Opening directly -----------------------------------------------------------------------

PARTNER = "partner_lead_professional"
EARLY_HELP_PRACTITIONER = "early_help_practitioner"
DIRECT_OPENERS = {PARTNER, EARLY_HELP_PRACTITIONER}
LEVEL_2_OR_3 = "Early help is at Level 2 (Universal Plus) or Level 3 (Intensive)."
PARTNER_LEVEL_3 = ("A partner opens early help directly at Level 2. For Level 3 (intensive) "
                   "help, send a request for support: the Early Help Hub agrees who leads.")
NOT_A_DIRECT_OPENER = ("Only a partner lead professional or an early help practitioner opens "
                       "early help directly; others send a request for support to the Hub.")


def direct_open_verdict(role: str, level_of_need: int) -> Verdict:
    if role not in DIRECT_OPENERS:
        return Verdict(False, NOT_A_DIRECT_OPENER)
    if level_of_need not in (2, 3):
        return Verdict(False, LEVEL_2_OR_3, "level_of_need")
    if role == PARTNER and level_of_need != 2:
        return Verdict(False, PARTNER_LEVEL_3, "level_of_need")
    return ALLOWED


# --- Step up --------------------------------------------------------------------------------

STEP_UP_NOT_ESCALATION = (
    "Step up to the Hub only when the risk to the child has gone up. If the risk has stayed the "
    "same, keep working on the family's plan and talk it through with your link worker.")
STEP_UP_DESCRIBE = ("Describe what has changed: what has happened that makes the risk to the "
                    "child higher than before.")
STEP_UP_SAME_IN_WORDS = (
    "What you wrote says the risk has stayed the same, which is not a reason to step up. "
    "Describe what has happened that makes the risk higher.")
ESCALATIONS = {RiskChange.ESCALATED, RiskChange.NEW_HARM}
MIN_DESCRIPTION_WORDS = 6
# Descriptions that only say things are as they were. A long account that mentions one of
# these in passing ("nothing changed until Tuesday, when...") is judged on the rest of it.
SAME_RISK_PHRASES = (
    "stayed the same", "stays the same", "still the same", "the same as before",
    "same as before", "no change", "no changes", "nothing has changed", "nothing changed",
    "nothing new", "unchanged", "ongoing concerns", "continuing concerns", "as before",
    "no different", "not changed", "hasn't changed", "has not changed",
)
LONG_ENOUGH_TO_JUDGE = 15


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def step_up_verdict(risk_change: str, what_changed: str) -> Verdict:
    """Whether this described change is an escalation that justifies a step up."""
    if risk_change not in ESCALATIONS:
        return Verdict(False, STEP_UP_NOT_ESCALATION, "risk_change")
    text = " ".join(_words(what_changed or ""))
    if len(text.split()) < MIN_DESCRIPTION_WORDS:
        return Verdict(False, STEP_UP_DESCRIBE, "what_changed")
    same = [phrase for phrase in SAME_RISK_PHRASES if phrase in text]
    if same:
        rest = text
        for phrase in same:
            rest = rest.replace(phrase, " ")
        if len(rest.split()) < LONG_ENOUGH_TO_JUDGE:
            return Verdict(False, STEP_UP_SAME_IN_WORDS, "what_changed")
    return ALLOWED


# --- The assessment -------------------------------------------------------------------------

# The parts a completed assessment must have, with the label each is shown by.
REQUIRED_TO_COMPLETE = {
    "childs_words": "the child's own words",
    "parents_words": "the parents' words",
    "strengths": "what is working well",
    "worries": "what we are worried about",
    "family_wants_to_change": "what the family wants to change",
}


def missing_for_completion(fields: dict[str, str]) -> dict[str, str]:
    """The required parts still empty: {field: label}."""
    return {name: label for name, label in REQUIRED_TO_COMPLETE.items()
            if not (fields.get(name) or "").strip()}


# --- Drift ----------------------------------------------------------------------------------

REVIEW_OVERDUE = "review_overdue"
NO_PLAN = "no_plan"
ACTIONS_OVERDUE = "actions_overdue"
NO_ASSESSMENT = "no_assessment"
FLAG_TEXT = {
    REVIEW_OVERDUE: "The review is overdue",
    NO_PLAN: "No plan agreed yet",
    ACTIONS_OVERDUE: "Actions are past their date",
    NO_ASSESSMENT: "No assessment completed yet",
}
# A new episode has this long to complete its assessment and agree a plan before it drifts.
SETTLING_IN_DAYS = 28


@dataclass(frozen=True)
class DriftFacts:
    status: str
    opened_on: date
    assessment_completed: bool
    plan_agreed: bool
    review_due_at: datetime | None
    open_action_dates: tuple[date, ...] = ()


def drift(facts: DriftFacts, now: datetime) -> list[str]:
    """Where an open episode needs help: each flag once, most serious first."""
    if facts.status != S.OPEN:
        return []
    today = now.date()
    flags = []
    if facts.review_due_at is not None and facts.review_due_at < now:
        flags.append(REVIEW_OVERDUE)
    settled = (today - facts.opened_on).days > SETTLING_IN_DAYS
    if not facts.plan_agreed and settled:
        flags.append(NO_PLAN)
    if not facts.assessment_completed and settled:
        flags.append(NO_ASSESSMENT)
    if any(when < today for when in facts.open_action_dates):
        flags.append(ACTIONS_OVERDUE)
    return flags
