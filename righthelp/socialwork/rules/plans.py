"""Plans and conferences: decisions as pure functions over plain data (pathway.md sections 1, 5
and 7), table-tested in tests/test_plans_rules.py.

- Escalation from a child in need plan to child protection only when harm has escalated
  ("if risk escalates, not if it just stays the same"), and child protection for a child on a
  child in need plan only after that escalation is recorded.
- Contingency planning: the family network first, then foster care.
- Drift between conferences: overdue actions, missed visits, outcomes met but the plan still
  open ("no plans just in case"), a review conference overdue, a reassessment of protective
  factors overdue, a midway review due.
- Which plans Strengthening and Supporting Families reassess regularly.
- Which dates a meeting or visit may be recorded on.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    message: str = ""
    field: str | None = None


ALLOWED = Verdict(True)

# --- Dates ----------------------------------------------------------------------------------

# Meetings and visits are recorded on the day they happen, or planned ahead within a year.
MAX_DAYS_AHEAD = 366
DATE_BEFORE_START = "Enter a date on or after {earliest:%-d %B %Y}, when {what} started."
DATE_TOO_FAR_AHEAD = "Enter a date no more than a year from today."


def date_problem(day: date, *, earliest: date, today: date, what: str = "the work") -> str:
    """Why ``day`` cannot be used for a meeting, visit or plan date ("" when it can)."""
    if day < earliest:
        return DATE_BEFORE_START.format(earliest=earliest, what=what)
    if day > today + timedelta(days=MAX_DAYS_AHEAD):
        return DATE_TOO_FAR_AHEAD
    return ""


# --- Escalation: child in need to child protection ------------------------------------------

ESCALATION_NEEDS_HARM_ESCALATED = (
    "A child in need plan moves to child protection only when harm to the child has "
    "escalated. Describe what has happened that makes the harm greater than before; if the "
    "risk has stayed the same, keep working on the child in need plan.")
ESCALATION_SAME_IN_WORDS = (
    "What you wrote says the risk has stayed the same, which is not a reason to escalate to "
    "child protection. Describe what has happened that makes the harm greater.")
MIN_DESCRIPTION_WORDS = 6
# Descriptions that only say things are as they were. A longer account that mentions one in
# passing ("no change until Friday, when ...") is judged on the rest of it.
SAME_RISK_PHRASES = (
    "stayed the same", "stays the same", "still the same", "same as before", "no change",
    "no changes", "nothing has changed", "nothing changed", "nothing new", "unchanged",
    "ongoing concerns", "continuing concerns", "as before", "no different", "not changed",
    "hasn't changed", "has not changed", "no escalation", "not escalated", "no new concerns",
    "risk remains", "risks remain", "same risk", "same concerns",
)
LONG_ENOUGH_TO_JUDGE = 15


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", (text or "").lower())


def escalation_verdict(what_changed: str) -> Verdict:
    """Whether the described change is harm escalating, which a move to child protection
    needs. Empty, too short, or "the same as before" is refused."""
    text = " ".join(_words(what_changed))
    if len(text.split()) < MIN_DESCRIPTION_WORDS:
        return Verdict(False, ESCALATION_NEEDS_HARM_ESCALATED, "what_changed")
    same = [phrase for phrase in SAME_RISK_PHRASES if phrase in text]
    if same:
        rest = text
        for phrase in same:
            rest = rest.replace(phrase, " ")
        if len(rest.split()) < LONG_ENOUGH_TO_JUDGE:
            return Verdict(False, ESCALATION_SAME_IN_WORDS, "what_changed")
    return ALLOWED


CP_NEEDS_RECORDED_ESCALATION = (
    "This child is on a child in need plan: child protection follows only a recorded "
    "escalation of harm. Record on the child in need plan how harm to the child has "
    "escalated (Escalate to child protection) first; if the risk has stayed the same, keep "
    "working on the child in need plan.")


def child_protection_from_cin_verdict(*, on_cin_plan: bool, escalation_recorded: bool,
                                      hub_found_harm: bool = False) -> Verdict:
    """Whether a child may move into child protection (a Section 47 enquiry, a conference's
    plan). A child on a child in need plan needs the escalation of harm recorded: on the plan
    (an escalation or a review that escalated), or by the Hub deciding on a new request, since
    the plan started, that significant harm is suspected and current."""
    if on_cin_plan and not (escalation_recorded or hub_found_harm):
        return Verdict(False, CP_NEEDS_RECORDED_ESCALATION, "decision")
    return ALLOWED


# --- Contingency planning -------------------------------------------------------------------

FAMILY_NETWORK = "family_network"
FOSTER_CARE = "foster_care"
CONTINGENCY_NEEDS_OPTIONS = "List the options considered, the family network first."
CONTINGENCY_ONE_CHOSEN = "Choose one option: the one the plan would use."
CONTINGENCY_SAY_WHY = "Say why each option was or wasn't chosen."
CONTINGENCY_FAMILY_FIRST = (
    "Put the family network first: consider the people important to the child before "
    "foster care.")
FOSTER_CARE_WITHOUT_FAMILY = (
    "A contingency plan cannot choose foster care without first considering someone from the "
    "child's family network. Add the people from the network you considered, and why they "
    "can't care for the child.")


@dataclass(frozen=True)
class Option:
    kind: str
    considered: bool
    chosen: bool
    why: str


def contingency_verdict(options: list[Option], network_size: int) -> Verdict:
    """Whether a contingency plan's options are complete and put the family first.

    ``options`` are in the order the plan lists them; ``network_size`` counts the people in
    the child's network who could be asked (relatives and friends, not professionals).
    """
    if not options:
        return Verdict(False, CONTINGENCY_NEEDS_OPTIONS, "options")
    if sum(1 for o in options if o.chosen) != 1:
        return Verdict(False, CONTINGENCY_ONE_CHOSEN, "options")
    if any(not o.why.strip() for o in options):
        return Verdict(False, CONTINGENCY_SAY_WHY, "options")
    family_considered = [o for o in options if o.kind == FAMILY_NETWORK and o.considered]
    chosen = next(o for o in options if o.chosen)
    if chosen.kind == FOSTER_CARE and network_size and not family_considered:
        return Verdict(False, FOSTER_CARE_WITHOUT_FAMILY, "options")
    kinds = [o.kind for o in options if o.considered]
    if FAMILY_NETWORK in kinds and FOSTER_CARE in kinds and (
            kinds.index(FOSTER_CARE) < kinds.index(FAMILY_NETWORK)):
        return Verdict(False, CONTINGENCY_FAMILY_FIRST, "options")
    return ALLOWED


# --- Regular reassessment of protective factors, assets and threats ------------------------


def reassessment_clock_runs(*, team_code: str, assessment_team_code: str | None) -> bool:
    """Whether a plan held by ``team_code`` is reassessed on the council's cadence: the
    longer-term work of Strengthening and Supporting Families, any team but the council's
    assessment team (which assesses, then transfers). A council naming no assessment team
    reassesses every plan."""
    return not assessment_team_code or team_code != assessment_team_code


# --- Drift between conferences --------------------------------------------------------------

ACTIONS_OVERDUE = "actions_overdue"
VISIT_MISSED = "visit_missed"
OUTCOMES_MET = "outcomes_met"
REVIEW_OVERDUE = "review_overdue"
REASSESSMENT_OVERDUE = "reassessment_overdue"
MIDWAY_REVIEW_DUE = "midway_review_due"
FLAG_TEXT = {
    REVIEW_OVERDUE: "The review conference is overdue",
    VISIT_MISSED: "A visit was missed",
    REASSESSMENT_OVERDUE: "The reassessment of protective factors, assets and threats is "
    "overdue",
    MIDWAY_REVIEW_DUE: "Midway review due: half the time to the review conference has "
    "passed",
    ACTIONS_OVERDUE: "Actions are past their date",
    OUTCOMES_MET: "Every action is done but the plan is still open: no plans just in case",
}
OPEN_ACTION = ("not_started", "under_way")


@dataclass(frozen=True)
class DriftFacts:
    review_due_at: datetime | None
    visit_due_at: datetime | None
    actions: tuple[tuple[str, date], ...] = ()  # (status, by when)
    reassessment_due_at: datetime | None = None
    last_conference_on: date | None = None  # the conference that set the running review
    last_midway_on: date | None = None  # the latest midway review, if any


def midway_point(last_conference_on: date, review_due_on: date) -> date:
    """Halfway from the last conference to the date the next review conference is due."""
    return last_conference_on + (review_due_on - last_conference_on) / 2


def midway_review_due(facts: DriftFacts, now: datetime) -> bool:
    """The midway point between the last conference and the next review has passed with no
    midway review since that conference. Not flagged once the review itself is overdue: then
    the conference, not a midway review, is what is missing."""
    if facts.review_due_at is None or facts.last_conference_on is None:
        return False
    if facts.review_due_at < now:
        return False
    reviewed = (facts.last_midway_on is not None
                and facts.last_midway_on >= facts.last_conference_on)
    return not reviewed and now.date() > midway_point(facts.last_conference_on,
                                                      facts.review_due_at.date())


def drift(facts: DriftFacts, now: datetime) -> list[str]:
    """Where an open plan is drifting: each flag once, most serious first. Dates are
    compared in the council's time (``now`` and the due times given in it)."""
    flags = []
    if facts.review_due_at is not None and facts.review_due_at < now:
        flags.append(REVIEW_OVERDUE)
    if facts.visit_due_at is not None and facts.visit_due_at < now:
        flags.append(VISIT_MISSED)
    if facts.reassessment_due_at is not None and facts.reassessment_due_at < now:
        flags.append(REASSESSMENT_OVERDUE)
    if midway_review_due(facts, now):
        flags.append(MIDWAY_REVIEW_DUE)
    today = now.date()
    if any(status in OPEN_ACTION and when < today for status, when in facts.actions):
        flags.append(ACTIONS_OVERDUE)
    if facts.actions and all(status == "done" for status, _ in facts.actions):
        flags.append(OUTCOMES_MET)
    return flags
