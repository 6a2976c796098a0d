"""From the records to the census: who is in it, what the reference date shows, and queries
that do not grow with the children."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from righthelp.people.models import Person
from righthelp.returns.cin_census import extract
from righthelp.returns.cin_census.period import CensusPeriod
from righthelp.returns.cin_census.rules import check_child

from .factories import UPN, good_child
from .records import referral

pytestmark = pytest.mark.django_db
PERIOD = CensusPeriod(2026)


def census(period=PERIOD):
    return list(extract.children(period))


def make(world, person=None, **kwargs):
    return referral(person or world.child, world.users["social_worker"],
                    world.users["cp_chair"], **kwargs)


def test_a_referral_becomes_the_census_shape(world):
    make(world)
    Person.objects.filter(pk=world.child.pk).update(disability="no", upn=UPN)
    [child] = census()
    expected = good_child()
    assert child.identifiers.la_child_id == str(world.child.pk)
    assert child.identifiers.birth_date == date(2015, 4, 3) and child.identifiers.sex == "M"
    assert child.characteristics.disabilities == ["NONE"]
    [episode], [want] = child.episodes, expected.episodes
    assert (episode.referral_date, episode.closure_date, episode.closure_reason) == (
        want.referral_date, want.closure_date, want.closure_reason)
    assert [(a.start, a.authorised, a.factors) for a in episode.assessments] == [
        (a.start, a.authorised, a.factors) for a in want.assessments]
    assert [(s.start, s.icpc_date, s.icpc_not_required) for s in episode.section47s] == [
        (s.start, s.icpc_date, s.icpc_not_required) for s in want.section47s]
    assert [(p.start, p.end, p.reviews, p.previous_plans) for p in episode.cp_plans] == [
        (p.start, p.end, p.reviews, p.previous_plans) for p in want.cp_plans]
    assert [(p.start, p.end) for p in episode.cin_plans] == [
        (p.start, p.end) for p in want.cin_plans]
    assert episode.icpc_date is None  # recorded on the Section 47 only (rule 2884)
    assert check_child(child, PERIOD) == []


def test_only_children_open_in_the_year_are_counted(world):
    make(world, referred=date(2024, 1, 8), closed=date(2025, 3, 28))  # closed before April
    assert census() == []
    assert census(CensusPeriod(2025))[0].identifiers.la_child_id == str(world.child.pk)


def test_what_happened_after_31_march_is_left_out(world):
    make(world, closed=date(2026, 6, 1), cp_end=None, cin_end=None,
         reviews=(date(2025, 8, 22), date(2026, 2, 20), date(2026, 5, 15)))
    [child] = census()
    [episode] = child.episodes
    assert episode.closure_date is None and episode.closure_reason == ""
    assert episode.cp_plans[0].end is None
    assert episode.cp_plans[0].reviews == [date(2025, 8, 22), date(2026, 2, 20)]


def test_an_unfinished_assessment_shows_no_authorisation_or_factors(world):
    make(world, authorised=None, closed=None)
    [child] = census()
    [assessment] = child.episodes[0].assessments
    assert assessment.authorised is None and assessment.factors == []


def test_work_finished_before_the_year_is_left_out(world):
    make(world, referred=date(2024, 11, 4))
    previous = make(world, person=world.unallocated_child, referred=date(2024, 11, 4),
                    closed=None)
    previous.assessments.update(started_on=date(2024, 11, 4), authorised_on=date(2025, 1, 10),
                                completed_on=date(2025, 1, 10))
    by_id = {c.identifiers.la_child_id: c for c in census()}
    episode = by_id[str(world.unallocated_child.pk)].episodes[0]
    assert episode.assessments == []


def test_disabilities_come_from_the_record(world):
    make(world)
    Person.objects.filter(pk=world.child.pk).update(disability="yes",
                                                    disability_detail="Autism and ADHD")
    assert census()[0].characteristics.disabilities == ["AUT", "BEH"]
    Person.objects.filter(pk=world.child.pk).update(disability="unknown")
    [child] = census()
    assert child.characteristics.disabilities == []
    [failure] = [f for f in check_child(child, PERIOD) if f.code == "8540"]
    assert failure.field == "Disability" and failure.person_id == world.child.pk


def test_queries_do_not_grow_with_the_children(world):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            census()
        return len(queries)

    make(world)
    few = count()
    for n in range(5):
        person = Person.objects.create(given_names=f"Child{n}", family_name="Test",
                                       date_of_birth=date(2016, 1, 1 + n), sex="F")
        make(world, person=person)
    assert len(census()) == 6
    assert count() == few
