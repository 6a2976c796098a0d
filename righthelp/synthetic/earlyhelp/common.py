"""What the early help stage shares: its numbers, and an episode being built."""

from dataclasses import dataclass, field
from datetime import date

from righthelp.earlyhelp.models import EarlyHelpEpisode
from righthelp.staff.models import User

from ..population import YEAR, Child, Household
from ..timeline import Work

WINDOW_DAYS = 365  # early help that started this recently gets the early help records
LONGEST_DAYS = 280  # early help lasts at most about this long (pathway.DURATIONS)
REVIEW = "early-help-review"
SETTLING_IN_DAYS = 28  # earlyhelp.rules: a new episode has this long to assess and plan
DRIFT = 0.08  # settled open episodes with no completed assessment or plan yet
LATE_REVIEW = 0.12  # reviews held after the deadline
BEHIND = 0.12  # open episodes with an action past its date and not done
MISSED_REVIEW = 0.07  # open episodes whose latest review deadline passed without a review
DEMO_EPISODES = 3  # open episodes the demo partner leads, at least one in the demo locality
DEMO_LOCALITY = "revoe"  # the demo link worker's (workforce.DEMO_TEAM)
INVITED = 0.2  # episodes with another professional invited into the team around the family
STEP_DOWN_KINDS = ("cafa", "child_in_need")
STEPPED_UP = "Risk escalated: stepped up to the Hub"
CLOSURES = {"Plan ended: outcomes met": "outcomes_met",
            "Family stopped engaging; closed": "consent_withdrawn",
            "Stepped down to universal services": "universal"}
RELATIONSHIP = {"mother": "mother", "father": "father", "grandparent": "grandparent",
                "parents_partner": "parent's partner"}


@dataclass(slots=True, eq=False)
class Episode:
    """An episode being built: the early help works it covers, and the rows hanging off it."""

    household: Household
    works: list[Work]
    kids: list[Child]
    end: date | None
    last: Work  # the work that ends last: how the episode ended
    row: EarlyHelpEpisode | None = None
    lead: User | None = None
    draft: bool = False  # the demo's newest: an assessment half written
    rows: dict = field(default_factory=dict)


def voice_of(child: Child, day: date) -> str:
    age = (day - child.born).days // YEAR if child.born else 0
    return "baby" if age < 2 else "young" if age < 9 else "older"



def sentence(text: str) -> str:
    text = (text or "").strip()
    return f"{text[:1].upper()}{text[1:]}" if text else ""
