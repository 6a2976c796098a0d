"""The pathway as numbers: how the Hub routes requests, how long each kind of work lasts,
and what tends to follow it. Tuned so that, at scale 1, about 45% of requests lead to an
assessment and open caseloads look like Blackpool's (pathway.md); change them here.
"""

from datetime import date, timedelta
from functools import lru_cache
from random import Random

from righthelp.core.clocks import add_working_days

# Pools: the part of the workforce that does a kind of work (see workforce.POOLS).
HUB, ASSESSMENT, FAMILIES, OUR_CHILDREN = "hub", "assessment", "families", "our-children"
AWAKEN, COMPLEX, LEAVING_CARE, ADOPTION = "awaken", "complex-needs", "leaving-care", "adoption"
ROUTES = {  # the Hub's decision, and how often it is made (per 100 new requests)
    "cafa": 51, "section_47": 7, "early_help": 18, "signpost": 11, "declined": 6,
    "exploitation": 4, "complex_needs": 3,
}


@lru_cache(maxsize=200_000)
def working_days_after(day: date, n: int) -> date:
    """Cached: thousands of pieces of work start on each day."""
    return add_working_days(day, n)


def _duration(low: int, high: int, mode: int | None = None):
    def draw(rng: Random, start: date) -> date:
        days = rng.randint(low, high) if mode is None else int(rng.triangular(low, high, mode))
        return start + timedelta(days=days)

    return draw


def _assessment(rng: Random, start: date) -> date:
    """45 working days is the timescale: most assessments finish in time, some late."""
    return working_days_after(start, rng.randint(10, 45) if rng.random() < 0.85
                              else rng.randint(46, 75))


def _care(rng: Random, start: date) -> date:
    roll = rng.random()
    low, high = (14, 180) if roll < 0.25 else (180, 1095) if roll < 0.7 else (1095, 3650)
    return start + timedelta(days=rng.randint(low, high))


EARLY_HELP = ("early_help", None)
CHILD_IN_NEED = ("child_in_need", FAMILIES)
PROTECTION = ("child_protection", FAMILIES)
CARE = ("looked_after", OUR_CHILDREN)
FIRST_STEP = {
    "cafa": ("cafa", ASSESSMENT), "section_47": ("section_47", ASSESSMENT),
    "early_help": EARLY_HELP, "exploitation": ("exploitation", AWAKEN),
    "complex_needs": ("complex_needs", COMPLEX),
}
DEFAULT_POOL = {"cafa": ASSESSMENT, "section_47": ASSESSMENT, "child_in_need": FAMILIES,
                "child_protection": FAMILIES, "looked_after": OUR_CHILDREN,
                "exploitation": AWAKEN, "complex_needs": COMPLEX}
DURATIONS = {
    "cafa": _assessment, "child_in_need": _duration(60, 450, 150),
    ("child_in_need", ASSESSMENT): _duration(30, 92),  # Assessment and Support: up to 3 months
    "child_protection": _duration(90, 600, 240), "looked_after": _care,
    "early_help": _duration(60, 270), "exploitation": _duration(60, 365),
    "complex_needs": _duration(120, 900),
}
S47_SUBSTANTIATED = ("Concerns substantiated: initial child protection conference", PROTECTION)
S47_NOT = ("Concerns not substantiated: the assessment continues", ("cafa", ASSESSMENT))
OUTCOMES = {
    "cafa": [
        (40, "No further action: needs met by universal services", None),
        (26, "Stepped down to early help", EARLY_HELP),
        (28, "Child in need plan", ("child_in_need", ASSESSMENT)),
        (4, "Section 47 enquiry and conference: child protection plan", PROTECTION),
        (2, "Became looked after", CARE),
    ],
    ("child_in_need", ASSESSMENT): [
        (60, "Transferred to Strengthening and Supporting Families", CHILD_IN_NEED),
        (28, "Plan ended: outcomes met", None),
        (12, "Stepped down to early help", EARLY_HELP),
    ],
    "child_in_need": [
        (60, "Plan ended: outcomes met", None),
        (28, "Stepped down to early help", EARLY_HELP),
        (8, "Risk escalated: child protection plan", PROTECTION),
        (4, "Became looked after", CARE),
    ],
    "child_protection": [
        (67, "Plan ended: stepped down to a child in need plan", CHILD_IN_NEED),
        (8, "Became looked after", CARE),
        (25, "Plan ended: no longer at risk of significant harm", None),
    ],
    "looked_after": [
        (50, "Returned home to family", None),
        (25, "Special guardianship order to a relative", None),
        (10, "Adopted", None),
        (15, "Returned home with a child in need plan", CHILD_IN_NEED),
    ],
    "early_help": [
        (60, "Plan ended: outcomes met", None),
        (15, "Family stopped engaging; closed", None),
        (15, "Stepped down to universal services", None),
        (10, "Risk escalated: stepped up to the Hub", ("step_up", None)),
    ],
    "exploitation": [
        (70, "Risk reduced: Awaken plan ended", None),
        (15, "Moved out of the area; plan transferred", None),
        (12, "Child protection plan", PROTECTION),
        (3, "Became looked after", CARE),
    ],
    "complex_needs": [
        (100, "Support plan ended; the education, health and care plan continues", None),
    ],
}
