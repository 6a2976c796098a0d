"""The census's code sets: DfE's codes, from the records' own code lists where they live."""

from righthelp.people.models import Ethnicity
from righthelp.socialwork.codes import (
    ASSESSMENT_FACTORS,
    CategoryOfAbuse,
    ClosureReason,
    PrimaryNeed,
    ReferralSource,
)

REFERRAL_SOURCES = frozenset(ReferralSource.values)
PRIMARY_NEEDS = frozenset(PrimaryNeed.values)
CLOSURE_REASONS = frozenset(ClosureReason.values)
CATEGORIES_OF_ABUSE = frozenset(CategoryOfAbuse.values)
FACTORS = frozenset(ASSESSMENT_FACTORS)
ETHNICITIES = frozenset(Ethnicity.values)
SEXES = frozenset({"M", "F", "U"})
NO_DISABILITY = "NONE"
DISABILITIES = frozenset({NO_DISABILITY, "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS",
                          "BEH", "CON", "AUT", "DDA"})
UPN_UNKNOWN = frozenset({f"UN{n}" for n in range(1, 8)})
UPN_UNKNOWN_UNDER_SIX = "UN1"  # not yet of school age, no UPN
UPN_UNKNOWN_NFA = "UN7"  # only referrals with no further action
DIED, NO_FURTHER_ACTION = ClosureReason.DIED.value, ClosureReason.NO_FURTHER_ACTION.value
NO_FACTORS = "21"


def _ranges(*spans: tuple[int, int]) -> frozenset[str]:
    return frozenset(f"{n:03d}" for low, high in spans for n in range(low, high + 1))


# DfE's council numbers (post-April 1998) and pseudo council numbers that may appear as
# characters 2 to 4 of a UPN (validation rule 1530, 2023-24 list).
LA_NUMBERS = _ranges(
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384),
    (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808), (810, 813),
    (815, 816), (820, 823), (825, 826), (830, 831), (835, 841), (845, 846), (850, 852),
    (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919), (921, 921),
    (925, 926), (928, 929), (931, 931), (933, 933), (935, 938), (940, 943),
)

# How the words on a child's record map to DfE's disability codes. The record holds whether a
# child is disabled (yes / no / not known) and a description in the family's words; until it
# holds coded disabilities, the extract reads the description with these words and falls back
# to DDA (another disability under the Equality Act) when none match.
DISABILITY_WORDS: tuple[tuple[str, str], ...] = (
    ("autis", "AUT"), ("asperger", "AUT"), ("adhd", "BEH"), ("behaviour", "BEH"),
    ("hearing", "HEAR"), ("deaf", "HEAR"), ("visual", "VIS"), ("sight", "VIS"),
    ("blind", "VIS"), ("cerebral palsy", "MOB"), ("mobility", "MOB"), ("wheelchair", "MOB"),
    ("developmental delay", "LD"), ("learning", "LD"), ("down syndrome", "LD"),
    ("speech", "COMM"), ("communication", "COMM"), ("language", "COMM"),
    ("epilep", "CON"), ("seizure", "CON"), ("continence", "INC"), ("personal care", "PC"),
    ("hand", "HAND"),
)
OTHER_DISABILITY = "DDA"


def disability_codes(status: str, description: str) -> list[str]:
    """DfE disability codes for a child's record: [] when not known."""
    if status == "no":
        return [NO_DISABILITY]
    if status != "yes":
        return []
    words = description.lower()
    found = list(dict.fromkeys(code for word, code in DISABILITY_WORDS if word in words))
    return found or [OTHER_DISABILITY]
