"""The person index: households of children and their parents or carers, with their names,
addresses (and earlier ones) and each child's network of people who matter to them.

Households are built and written a few thousand at a time, so memory stays flat at any
scale; what later stages need of each child (id, birth date, household) is kept as a small
``Child`` record.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from django.db import transaction

from righthelp.core.clocks import LONDON
from righthelp.people import matching
from righthelp.people.models import (
    Address,
    Family,
    FamilyMember,
    Person,
    PersonName,
    Relationship,
    category_of,
)

from . import names, phrases, places
from .bulk import Progress, bulk
from .ids import Identifiers
from .network import NetworkBuilder

YEAR = 365
MAX_CHILD_AGE = 18 * YEAR + 3  # days; a child's 18th birthday is always after "today"
CHUNK = 2500  # households per write
CARE_LEAVERS = 250  # young adults (18 to 20) who left care, at scale 1


@dataclass(slots=True, eq=False)  # compared (and hashed) by identity
class Child:
    pk: int
    born: date | None  # None for an unborn child
    household: "Household | None"  # None for a care leaver living independently


@dataclass(slots=True, eq=False)
class Household:
    pk: int
    surname: str
    locality: str
    risk: float  # how likely the family is to need help (most families never do)
    children: list[Child] = field(default_factory=list)


@dataclass
class Population:
    households: list[Household]
    unborn: list[Child]
    care_leavers: list[Child]  # young adults (18 to 20) who were in care
    counts: dict[str, int]


def _key_fields(person: Person) -> Person:
    person.given_key = matching.given_key(person.known_as or person.given_names)
    person.family_key = matching.family_key(person.family_name)
    return person


def _other_name(person: Person, kind: str, given: str, family: str, until: date | None):
    return PersonName(
        person=person, kind=kind, given_names=given, family_name=family, used_until=until,
        given_key=matching.given_key(given), family_key=matching.family_key(family),
    )


def _relation(child: Person, kind: str, **fields) -> Relationship:
    return Relationship(child=child, kind=kind, category=category_of(kind), **fields)


def _risk(rng: Random) -> float:
    roll = rng.random()
    return 0.0 if roll < 0.4 else 1.0 if roll < 0.8 else 3.0 if roll < 0.95 else 6.0


class PopulationBuilder:
    """Builds households with one random stream, so a seed always gives the same people."""

    def __init__(self, rng: Random, today: date, ids: Identifiers):
        self.rng, self.today, self.ids = rng, today, ids
        self.rows: dict[type, list] = {}
        self.network = NetworkBuilder(rng, today)
        self.counts: dict[str, int] = {}

    # ------------------------------------------------------------------ helpers
    def _add(self, obj):
        self.rows.setdefault(type(obj), []).append(obj)
        return obj

    def _created(self, day: date) -> datetime:
        day = max(day, self.today - timedelta(days=12 * YEAR))
        return datetime.combine(day, time(9, 0), tzinfo=LONDON)

    def _language(self, pool: names.NamePool, adult: bool) -> str:
        if pool.languages and self.rng.random() < (0.85 if adult else 0.45):
            return self.rng.choice(pool.languages)
        return "English"

    def _disability(self, child: bool) -> tuple[str, str]:
        roll = self.rng.random()
        if roll < (0.09 if child else 0.12):
            return "yes", self.rng.choice(phrases.DISABILITIES)
        return ("no", "") if roll < 0.85 else ("unknown", "")

    def _person(self, kind, given, family, born, sex, ethnicity, pool, **extra) -> Person:
        disability, detail = self._disability(kind == "child")
        person = Person(
            kind=kind, given_names=given, family_name=family, date_of_birth=born, sex=sex,
            ethnicity=ethnicity, first_language=self._language(pool, kind == "adult"),
            disability=disability, disability_detail=detail,
            created_at=self._created(born or self.today), **extra,
        )
        return self._add(_key_fields(person))

    # ------------------------------------------------------------------ households
    def _dates_of_birth(self, n: int) -> list[date]:
        """Children's birth dates, eldest first.

        Each age is drawn evenly from 0 to 17, so the index has as many babies as teenagers
        (sibling gaps vary, as they do with half-brothers and sisters); births less than
        ten months apart are drawn again, except for the odd pair of twins.
        """
        rng = self.rng
        ages: list[int] = []
        while len(ages) < n:
            if ages and rng.random() < 0.03:
                ages.append(ages[-1])  # twins
                continue
            age = rng.randrange(MAX_CHILD_AGE)
            if all(abs(age - other) >= 300 for other in ages):
                ages.append(age)
        return [self.today - timedelta(days=age) for age in sorted(ages, reverse=True)]

    def _addresses(self) -> list[tuple[str, str, str, date, date | None]]:
        """The household's addresses, newest first: (line 1, line 2, postcode, start, end)."""
        moves = self.rng.choices([0, 1, 2], weights=[60, 30, 10])[0]
        start = self.today - timedelta(days=self.rng.randint(60, 9 * YEAR))
        history = [(*places.address(self.rng), start, None)]
        for _ in range(moves):
            end = start - timedelta(days=1)
            start = end - timedelta(days=self.rng.randint(180, 5 * YEAR))
            history.append((*places.address(self.rng), start, end))
        return history

    def household(self, n_children: int, unborn: bool) -> tuple[Family, list[Person], Household]:
        rng = self.rng
        ethnicity = rng.choices(names.ETHNICITY_CODES, weights=names.ETHNICITY_WEIGHTS)[0]
        pool = names.POOLS[ethnicity]
        surname = names.pick(rng, pool.family)
        born = self._dates_of_birth(n_children)
        history = self._addresses()
        family = self._add(Family(name=f"{surname} family", created_at=self._created(born[0])))
        adults = self._adults(pool, ethnicity, surname, born)
        father_surname = next((p.family_name for r, p in adults if r == "father"),
                              names.pick(rng, pool.family))
        children = []
        for day in born:
            child_surname = surname if rng.random() < 0.75 else father_surname
            if rng.random() < 0.03 and child_surname != surname:
                child_surname = f"{surname}-{father_surname}"
            children.append(self._child(pool, ethnicity, child_surname, day))
        for role, person in adults + [("child", c) for c in children]:
            self._add(FamilyMember(family=family, person=person, role=role))
            self._addresses_for(person, history)
        for child in children:
            for row in self.network.build(child, adults, children, pool, father_surname):
                self._add(row)
        mother = next((p for r, p in adults if r == "mother"), None)
        if unborn and mother and (self.today - mother.date_of_birth).days < 44 * YEAR:
            children.append(self._unborn(family, mother, pool, ethnicity))
        locality = places.locality_of(rng, history[0][2])
        return family, children, Household(0, surname, locality, _risk(rng))

    def _adults(self, pool, ethnicity, surname,
                children_born: list[date]) -> list[tuple[str, Person]]:
        rng = self.rng
        n = rng.choices([1, 2, 3], weights=[72, 26, 2])[0]
        # A mother between 16 and 38 at her first child, and under 45 at her last.
        span = (children_born[-1] - children_born[0]).days
        mother_born = children_born[0] - timedelta(
            days=rng.randint(16 * YEAR, max(16 * YEAR, min(38 * YEAR, 45 * YEAR - span))))
        first = rng.random()
        if first < 0.92:
            roles = [("mother", "F")]
        elif first < 0.97:
            roles = [("father", "M")]
        else:
            roles = [("grandparent", "F")]  # a grandmother bringing the children up
        if n >= 2:
            roles.append(rng.choices([("father", "M"), ("parents_partner", "M"),
                                      ("parents_partner", "F")], weights=[75, 20, 5])[0])
        if n >= 3:
            roles.append(("grandparent", rng.choice("FM")))
        adults = []
        for role, sex in roles:
            if role == "grandparent":
                born = mother_born - timedelta(days=rng.randint(18 * YEAR, 30 * YEAR))
                given = names.pick(rng, names.GRANDMOTHERS if sex == "F" else names.GRANDFATHERS)
            else:
                born = mother_born if role == "mother" else min(  # a partner: often older
                    mother_born - timedelta(days=rng.randint(-2 * YEAR, 8 * YEAR)),
                    children_born[0] - timedelta(days=16 * YEAR + 4))
                given = names.pick(rng, pool.women if sex == "F" else pool.men)
            family = surname if role != "parents_partner" else names.pick(rng, pool.family)
            adult = self._person(
                "adult", given, family, born, sex, ethnicity, pool,
                nhs_number=self.ids.nhs_number() if rng.random() < 0.7 else "",
            )
            if role == "mother" and rng.random() < 0.35:
                self._add(_other_name(adult, "birth", given, names.pick(rng, pool.family), None))
            adults.append((role, adult))
        return adults

    def _child(self, pool, ethnicity, surname, born: date) -> Person:
        rng = self.rng
        sex = "F" if rng.random() < 0.49 else "M"
        given = names.pick(rng, pool.girls if sex == "F" else pool.boys)
        if rng.random() < 0.4:
            middle = names.pick(rng, pool.girls if sex == "F" else pool.boys)
            given = f"{given} {middle}" if middle != given else given
        first = given.split()[0]
        known_as = rng.choice(names.KNOWN_AS[first]) if (
            first in names.KNOWN_AS and rng.random() < 0.3) else ""
        age = (self.today - born).days // YEAR
        upn = self.ids.upn(born.year + 4) if age >= 3 and rng.random() < 0.95 else ""
        child = self._person(
            "child", given, surname, born, sex, ethnicity, pool, known_as=known_as, upn=upn,
            nhs_number=self.ids.nhs_number() if rng.random() < 0.97 else "",
        )
        roll = rng.random()
        if roll < 0.04:  # took a new family name (a parent's new partner, or a change back)
            until = born + timedelta(days=rng.randint(0, max(1, (self.today - born).days)))
            self._add(_other_name(child, "previous", given, names.pick(rng, pool.family), until))
        elif roll < 0.045 and surname in names.SPELLINGS:  # another agency spells it so
            self._add(_other_name(child, "alias", given, names.SPELLINGS[surname], None))
        return child

    def _addresses_for(self, person: Person, history) -> None:
        born = person.date_of_birth
        for line_1, line_2, postcode, start, end in history:
            if born and end and end < born:
                continue  # the household moved on before this child was born
            start = max(start, born) if born else start
            self._add(Address(person=person, line_1=line_1, line_2=line_2, town="Blackpool",
                              postcode=postcode, start=start, end=end))
        person.current_postcode = history[0][2]

    def _unborn(self, family: Family, mother: Person, pool, ethnicity: str) -> Person:
        expected = self.today + timedelta(days=self.rng.randint(14, 200))
        unborn = self._person("unborn", "", mother.family_name, None, "U", ethnicity, pool,
                              expected_date=expected)
        unborn.created_at = self._created(self.today - timedelta(days=self.rng.randint(1, 90)))
        unborn.current_postcode = mother.current_postcode
        self._add(FamilyMember(family=family, person=unborn, role="unborn"))
        self._add(_relation(unborn, "mother", related_person=mother, important_to_child=True,
                            parental_responsibility=True))
        return unborn

    def care_leaver(self) -> Person:
        """A young adult (18 to 20) who was in care, now living on their own."""
        rng = self.rng
        born = self.today - timedelta(days=rng.randint(18 * YEAR + 5, 21 * YEAR - 5))
        sex = "F" if rng.random() < 0.45 else "M"
        pool = names.BRITISH
        person = self._person(
            "adult", names.pick(rng, pool.girls if sex == "F" else pool.boys),
            names.pick(rng, pool.family), born, sex, "WBRI", pool,
            nhs_number=self.ids.nhs_number(),
        )
        line_1, line_2, postcode = places.address(rng)
        start = born + timedelta(days=18 * YEAR + rng.randint(0, 200))
        self._addresses_for(person, [(line_1, line_2, postcode, min(start, self.today), None)])
        return person

    # ------------------------------------------------------------------ writing
    def write(self) -> None:
        """Insert everything built so far (parents before the rows that point at them)."""
        for model in (Family, Person, PersonName, Address, FamilyMember, Relationship):
            rows = self.rows.pop(model, [])
            bulk(rows)
            if model is Person:
                for person in rows:
                    label = {"child": "children", "unborn": "unborn", "adult": "adults"}
                    self._count(label[person.kind], 1)
            else:
                self._count(LABELS[model], len(rows))

    def _count(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n


LABELS = {Family: "households", PersonName: "other names", Address: "addresses",
          FamilyMember: "household members", Relationship: "relationships"}
CHILDREN_PER_HOUSEHOLD = ([1, 2, 3, 4, 5], [40, 33, 17, 7, 3])


def build_population(rng: Random, today: date, ids: Identifiers, scale: float,
                     progress: Progress | None = None) -> Population:
    """About 29,000 children (at scale 1) in households, a few dozen unborn, and care leavers."""
    builder = PopulationBuilder(rng, today, ids)
    wanted = max(1, round(29_000 * scale))
    unborn_wanted = max(1, round(36 * scale))
    unborn_at = set(rng.sample(range(max(unborn_wanted, wanted // 3)), unborn_wanted))
    households, unborn, made, pending = [], [], 0, 0
    while made < wanted:
        batch = []
        with transaction.atomic():
            while made < wanted and len(batch) < CHUNK:
                n = min(wanted - made, rng.choices(*CHILDREN_PER_HOUSEHOLD)[0])
                pending += len(households) + len(batch) in unborn_at
                family, people, household = builder.household(n, unborn=pending > 0)
                pending -= any(p.kind == "unborn" for p in people)
                batch.append((family, people, household))
                made += n
            builder.write()
        for family, people, household in batch:
            household.pk = family.pk
            for person in people:
                child = Child(person.pk, person.date_of_birth, household)
                (unborn if person.kind == "unborn" else household.children).append(child)
            households.append(household)
        if progress:
            progress.tick("people", made, wanted, "children")
    with transaction.atomic():
        leavers = [builder.care_leaver() for _ in range(max(1, round(CARE_LEAVERS * scale)))]
        builder.write()
    care_leavers = [Child(p.pk, p.date_of_birth, None) for p in leavers]
    return Population(households, unborn, care_leavers, builder.counts)
