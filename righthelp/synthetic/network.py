"""A child's network: the household, brothers and sisters, and the wider family, friends
and professionals, some of them "important to me" in the child's own words."""

from datetime import date
from random import Random

from righthelp.people.models import Person, Relationship, category_of

from . import names, phrases, places

HOUSEHOLD_KINDS = {"mother": "mother", "father": "father", "parents_partner": "parents_partner",
                   "grandparent": "carer"}
IMPORTANT = {"mother": 0.75, "father": 0.5, "parents_partner": 0.3, "carer": 0.8,
             "sibling": 0.5, "grandparent": 0.7, "aunt_uncle": 0.5, "friend": 0.8,
             "teacher": 0.4, "youth_worker": 0.6, "health_visitor": 0.0, "gp": 0.0}


def _phone(rng: Random) -> str:
    return f"07700 900{rng.randrange(1000):03d}"  # Ofcom's range kept for drama and fiction


class NetworkBuilder:
    def __init__(self, rng: Random, today: date):
        self.rng, self.today = rng, today

    def _relation(self, child: Person, kind: str, age: int, **fields) -> Relationship:
        important = self.rng.random() < IMPORTANT.get(kind, 0.2)
        words = ""
        if important and age >= 4 and kind in phrases.CHILDS_WORDS:
            words = self.rng.choice(phrases.CHILDS_WORDS[kind])
        return Relationship(child=child, kind=kind, category=category_of(kind),
                            important_to_child=important, in_childs_words=words, **fields)

    def build(self, child: Person, adults: list[tuple[str, Person]], children: list[Person],
              pool: names.NamePool, father_surname: str) -> list[Relationship]:
        rng = self.rng
        age = (self.today - child.date_of_birth).days // 365
        rows = []
        for role, adult in adults:
            kind = HOUSEHOLD_KINDS[role]
            rows.append(self._relation(
                child, kind, age, related_person=adult, lives_with_child=True,
                parental_responsibility=kind in ("mother", "father") or
                (kind == "carer" and rng.random() < 0.7),
                start=child.date_of_birth))
        for other in children:
            if other is not child:
                kind = "sibling" if other.family_name == child.family_name else "half_sibling"
                rows.append(self._relation(child, kind, age, related_person=other,
                                           lives_with_child=True, start=other.date_of_birth
                                           if other.date_of_birth > child.date_of_birth
                                           else child.date_of_birth))
        if not any(role == "father" for role, _ in adults) and rng.random() < 0.6:
            rows.append(self._relation(
                child, "father", age, name=f"{names.pick(rng, pool.men)} {father_surname}",
                parental_responsibility=rng.random() < 0.6, contact=_phone(rng)))
        rows += self._wider(child, age, pool)
        return rows

    def _wider(self, child: Person, age: int, pool: names.NamePool) -> list[Relationship]:
        rng = self.rng
        rows = []

        def named(kind: str, name: str, organisation: str = "", contact: str = ""):
            rows.append(self._relation(child, kind, age, name=name, organisation=organisation,
                                       contact=contact))

        if rng.random() < 0.35:
            grand = names.GRANDMOTHERS if rng.random() < 0.7 else names.GRANDFATHERS
            named("grandparent", f"{names.pick(rng, grand)} {names.pick(rng, pool.family)}",
                  contact=_phone(rng))
        if rng.random() < 0.12:
            adults = pool.women + pool.men
            named("aunt_uncle", f"{names.pick(rng, adults)} {child.family_name}",
                  contact=_phone(rng))
        if age >= 5 and rng.random() < 0.2:
            mates = pool.girls if child.sex == "F" else pool.boys
            named("friend", f"{names.pick(rng, mates)} {names.pick(rng, names.FAMILY)}")
        if 4 <= age <= 16 and rng.random() < 0.35:
            school = rng.choice(places.PRIMARY_SCHOOLS if age < 11 else places.SECONDARY_SCHOOLS)
            title = rng.choice(["Miss", "Mrs", "Mr", "Ms"])
            named("teacher", f"{title} {names.pick(rng, names.FAMILY)}", school)
        if age < 5 and rng.random() < 0.4:
            visitor = f"{names.pick(rng, names.WOMEN)} {names.pick(rng, names.FAMILY)}"
            named("health_visitor", visitor, "Blackpool Teaching Hospitals",
                  f"01632 960{rng.randrange(1000):03d}")
        if rng.random() < 0.1:
            named("gp", f"Dr {names.pick(rng, names.FAMILY)}", rng.choice(places.SURGERIES))
        if age >= 11 and rng.random() < 0.08:
            named("youth_worker", f"{names.pick(rng, names.MEN + names.WOMEN)} "
                                  f"{names.pick(rng, names.FAMILY)}", "Blackpool Youth Service")
        return rows
