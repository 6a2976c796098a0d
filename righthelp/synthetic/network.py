"""A child's network: the household, brothers and sisters, and the wider family, friends
and professionals, some of them "important to me" in the child's own words."""

from datetime import date
from random import Random

from righthelp.people.models import Person, Relationship, category_of

from . import names, phrases, places

HOUSEHOLD_KINDS = {"mother": "mother", "father": "father", "parents_partner": "parents_partner",
                   "grandparent": "carer"}
IMPORTANT = {"mother": 0.75, "father": 0.5, "parents_partner": 0.3, "carer": 0.8,
             "sibling": 0.5, "half_sibling": 0.5, "grandparent": 0.7, "aunt_uncle": 0.5,
             "friend": 0.8, "teacher": 0.4, "youth_worker": 0.6, "health_visitor": 0.0,
             "gp": 0.0}


def _phone(rng: Random) -> str:
    return f"07700 900{rng.randrange(1000):03d}"  # Ofcom's range kept for drama and fiction


class NetworkBuilder:
    def __init__(self, rng: Random, today: date):
        self.rng, self.today = rng, today

    def _relation(self, child: Person, kind: str, sex: str, age: int, **fields) -> Relationship:
        """One person in the network; ``sex`` ("F" or "M") chooses the child's words."""
        important = self.rng.random() < IMPORTANT.get(kind, 0.2)
        choices = phrases.CHILDS_WORDS.get(f"{kind}:{sex}") or phrases.CHILDS_WORDS.get(kind)
        words = self.rng.choice(choices) if important and age >= 4 and choices else ""
        return Relationship(child=child, kind=kind, category=category_of(kind),
                            important_to_child=important, in_childs_words=words, **fields)

    def build(self, child: Person, adults: list[tuple[str, Person]], children: list[Person],
              pool: names.NamePool, father_surname: str) -> list[Relationship]:
        rng = self.rng
        age = (self.today - child.date_of_birth).days // 365
        rows = []
        for role, adult in adults:
            kind = HOUSEHOLD_KINDS[role]
            responsible = kind in ("mother", "father") or (kind == "carer" and rng.random() < 0.7)
            rows.append(self._relation(
                child, kind, adult.sex, age, related_person=adult, lives_with_child=True,
                parental_responsibility=responsible, start=child.date_of_birth))
        for other in children:
            if other is not child:
                kind = "sibling" if other.family_name == child.family_name else "half_sibling"
                rows.append(self._relation(
                    child, kind, other.sex, age, related_person=other, lives_with_child=True,
                    start=max(other.date_of_birth, child.date_of_birth)))
        if not any(role == "father" for role, _ in adults) and rng.random() < 0.6:
            rows.append(self._relation(
                child, "father", "M", age, name=f"{names.pick(rng, pool.men)} {father_surname}",
                parental_responsibility=rng.random() < 0.6, contact=_phone(rng)))
        return rows + self._wider(child, age, pool)

    def _wider(self, child: Person, age: int, pool: names.NamePool) -> list[Relationship]:
        rng = self.rng
        rows = []

        def named(kind: str, sex: str, name: str, organisation: str = "", contact: str = ""):
            rows.append(self._relation(child, kind, sex, age, name=name,
                                       organisation=organisation, contact=contact))

        def person(sex: str, women: list[str], men: list[str], family: list[str]) -> str:
            return f"{names.pick(rng, women if sex == 'F' else men)} {names.pick(rng, family)}"

        if rng.random() < 0.35:
            sex = "F" if rng.random() < 0.7 else "M"
            named("grandparent", sex, person(sex, names.GRANDMOTHERS, names.GRANDFATHERS,
                                             pool.family), contact=_phone(rng))
        if rng.random() < 0.12:
            sex = rng.choice("FM")
            named("aunt_uncle", sex, person(sex, pool.women, pool.men, [child.family_name]),
                  contact=_phone(rng))
        if age >= 5 and rng.random() < 0.2:
            named("friend", child.sex, person(child.sex, pool.girls, pool.boys, names.FAMILY))
        if 4 <= age <= 16 and rng.random() < 0.35:
            school = rng.choice(places.PRIMARY_SCHOOLS if age < 11 else places.SECONDARY_SCHOOLS)
            sex = "F" if rng.random() < 0.7 else "M"
            title = rng.choice(["Miss", "Mrs", "Ms"]) if sex == "F" else "Mr"
            named("teacher", sex, f"{title} {names.pick(rng, names.FAMILY)}", school)
        if age < 5 and rng.random() < 0.4:
            named("health_visitor", "F", person("F", names.WOMEN, names.MEN, names.FAMILY),
                  "Blackpool Teaching Hospitals", f"01632 960{rng.randrange(1000):03d}")
        if rng.random() < 0.1:
            named("gp", "", f"Dr {names.pick(rng, names.FAMILY)}", rng.choice(places.SURGERIES))
        if age >= 11 and rng.random() < 0.08:
            sex = rng.choice("FM")
            named("youth_worker", sex, person(sex, names.WOMEN, names.MEN, names.FAMILY),
                  "Blackpool Youth Service")
        return rows
