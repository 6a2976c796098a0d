"""Test data for complex needs: a team worker and young people of a chosen birth date."""

from datetime import date

from righthelp.core.testing import make_user
from righthelp.people.models import Person
from righthelp.staff.models import Role, Team


def cn_worker(username: str = "cn-worker", role: str = Role.SOCIAL_WORKER, manager=False):
    return make_user(role, username, team=Team.objects.get(code="complex-needs"),
                     manager=manager)


def young_person(born: date, given: str = "Maya") -> Person:
    return Person.objects.create(given_names=given, family_name="Jones", date_of_birth=born,
                                 sex="F")
