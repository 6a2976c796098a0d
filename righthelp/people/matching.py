"""Person matching: name keys for blocking, free-text parsing and scoring.

Candidates are chosen by cheap indexed keys (a phonetic key of the given name's nickname group,
the family name's phonetic key, the date of birth and its day-month swap, the postcode). They
are then scored in Python with rapidfuzz, so search tolerates typos, nicknames, swapped names
and day-month confusion without scanning the whole index.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import jellyfish
from rapidfuzz.distance import JaroWinkler

from .nicknames import NICKNAME_GROUPS

POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)
DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})\b"), ("d", "m", "yy")),
)


def _build_groups() -> dict[str, str]:
    """Map each name to its group's head, joining groups that share a name (union-find)."""
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    for line in NICKNAME_GROUPS:
        names = line.split()
        for other in names[1:]:
            a, b = find(names[0]), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {name: find(name) for name in parent}


NAME_GROUP = _build_groups()


def fold(text: str) -> str:
    """Lower case, no accents, letters only: "O'Connor-Smith" -> "oconnor smith"."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z ]", "", text.lower().replace("-", " ")).strip()


def first_word(text: str) -> str:
    words = fold(text).split()
    return words[0] if words else ""


def given_key(given_names: str) -> str:
    """Phonetic key of the first given name's nickname group."""
    name = first_word(given_names)
    return jellyfish.metaphone(NAME_GROUP.get(name, name))[:12] if name else ""


def family_key(family_name: str) -> str:
    name = fold(family_name).replace(" ", "")
    return jellyfish.metaphone(name)[:12] if name else ""


def normalise_postcode(value: str) -> str:
    match = POSTCODE_RE.search(value or "")
    return f"{match.group(1)} {match.group(2)}".upper() if match else (value or "").strip().upper()


def date_variants(value: date) -> list[date]:
    """The date and, where it is a valid date, its day-month swap (3/4 for 4/3)."""
    variants = [value]
    if value.day <= 12 and value.day != value.month:
        variants.append(value.replace(month=value.day, day=value.month))
    return variants


@dataclass(frozen=True)
class SearchTerms:
    given: str = ""
    family: str = ""
    date_of_birth: date | None = None
    postcode: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.given or self.family or self.date_of_birth or self.postcode)


def _century(two_digits: int) -> int:
    """A two-digit year is this century unless that would put it in the future."""
    this_year = date.today().year
    return 2000 + two_digits if 2000 + two_digits <= this_year else 1900 + two_digits


def _parse_date(text: str) -> tuple[date | None, str]:
    for pattern, order in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
        year = parts["y"] if "y" in parts else _century(parts["yy"])
        readings = [(parts["m"], parts["d"])]
        if order[0] == "d":
            # UK order first; if that is no date but month-first is (4/13/2015), take that.
            readings.append((parts["d"], parts["m"]))
        for month, day in readings:
            try:
                return date(year, month, day), text.replace(match.group(0), " ")
            except ValueError:
                continue
    return None, text


def parse_query(text: str) -> SearchTerms:
    """Read "Jon Smyth, 3/4/2015, FY1 5AB" into name, date of birth (UK order) and postcode."""
    text = text or ""
    postcode = ""
    match = POSTCODE_RE.search(text)
    if match:
        postcode = normalise_postcode(match.group(0))
        text = text.replace(match.group(0), " ")
    dob, text = _parse_date(text)
    words = [w for w in re.split(r"[\s,]+", text) if fold(w)]
    if not words:
        return SearchTerms(date_of_birth=dob, postcode=postcode)
    if len(words) == 1:
        return SearchTerms(family=words[0], date_of_birth=dob, postcode=postcode)
    return SearchTerms(
        given=" ".join(words[:-1]), family=words[-1], date_of_birth=dob, postcode=postcode
    )


def _spelling_similarity(a: str, b: str) -> float:
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return JaroWinkler.similarity(a.replace(" ", ""), b.replace(" ", ""))


def _name_similarity(a: str, b: str) -> float:
    """Family names: spelling, with names that sound the same (Smith, Smyth) at least 0.9."""
    score = _spelling_similarity(a, b)
    a, b = fold(a), fold(b)
    if a and b and score < 0.9 and jellyfish.metaphone(a) == jellyfish.metaphone(b):
        score = 0.9
    return score


def _given_similarity(query: str, candidate: str) -> float:
    q, c = first_word(query), first_word(candidate)
    if q and c and NAME_GROUP.get(q, q) == NAME_GROUP.get(c, c):
        return 1.0 if q == c else 0.92
    # Different given names that merely look or sound alike count for much less. No
    # sounds-alike floor here: short given names share coarse phonetic keys (Jon, Jane, June
    # and Jean are all "JN"), and spelling variants that matter belong in the nickname groups.
    return _spelling_similarity(query, candidate) ** 2


GIVEN_WEIGHT, FAMILY_WEIGHT = 0.4, 0.6
SWAP_MINIMUM = 0.5  # a swapped reading must explain both names, each at least this well
SWAP_PENALTY = 0.95


def _names(given: str, family: str, candidate_given: str, candidate_family: str) -> float:
    """Weighted similarity of a (given, family) reading against one pair of the candidate's."""
    total = 0.0
    if given:
        total += GIVEN_WEIGHT * _given_similarity(given, candidate_given)
    if family:
        total += FAMILY_WEIGHT * _name_similarity(family, candidate_family)
    return total


def _swapped(given: str, family: str, candidate_given: str, candidate_family: str) -> float:
    """The reading with the search's names the other way round ("Smyth Jon")."""
    as_given = _given_similarity(family, candidate_given)
    as_family = _name_similarity(given, candidate_family)
    if min(as_given, as_family) < SWAP_MINIMUM:
        return 0.0  # one name resembling the other half is coincidence, not a swap
    return GIVEN_WEIGHT * as_given + FAMILY_WEIGHT * as_family


def _dob_similarity(query: date, candidate: date | None) -> float:
    if candidate is None:
        return 0.0
    if query == candidate:
        return 1.0
    if candidate in date_variants(query):
        return 0.85
    same_year = query.year == candidate.year
    if same_year and (query.month == candidate.month or query.day == candidate.day):
        return 0.5
    return 0.0


@dataclass(frozen=True)
class Candidate:
    """What scoring needs to know of a person; names include previous names and 'known as'."""

    given_names: tuple[str, ...]
    family_names: tuple[str, ...]
    date_of_birth: date | None
    postcode: str


def score(terms: SearchTerms, candidate: Candidate) -> float:
    """0 to 1: how well a candidate matches, weighting only the parts the search gave."""
    parts: list[tuple[float, float]] = []
    if terms.given or terms.family:
        pairs = [
            (g, f)
            for g in candidate.given_names or ("",)
            for f in candidate.family_names or ("",)
        ]
        straight = max(_names(terms.given, terms.family, g, f) for g, f in pairs)
        swapped = 0.0
        if terms.given and terms.family:
            swapped = max(_swapped(terms.given, terms.family, g, f) for g, f in pairs)
        weight = (GIVEN_WEIGHT if terms.given else 0) + (FAMILY_WEIGHT if terms.family else 0)
        parts.append((max(straight, swapped * SWAP_PENALTY) / weight, 0.55))
    if terms.date_of_birth:
        parts.append((_dob_similarity(terms.date_of_birth, candidate.date_of_birth), 0.35))
    if terms.postcode:
        # Either side may be typed loosely ("fy15ab"): compare the normalised forms.
        wanted, held = normalise_postcode(terms.postcode), normalise_postcode(candidate.postcode)
        same = wanted == held
        district = bool(held) and wanted.split(" ")[0] == held.split(" ")[0]
        parts.append((1.0 if same else 0.4 if district else 0.0, 0.1))
    total = sum(weight for _, weight in parts)
    return round(sum(value * weight for value, weight in parts) / total, 3) if total else 0.0
