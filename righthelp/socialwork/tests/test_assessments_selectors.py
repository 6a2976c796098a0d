"""Reads of the assessments side: need to know, audited; a team's open work with its clocks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from righthelp.core.access import AccessDenied
from righthelp.core.models import AuditEvent
from righthelp.people.models import Person
from righthelp.socialwork import selectors
from righthelp.socialwork.models import ChildInNeedEpisode
from righthelp.socialwork.services.assessments import assessment_open
from righthelp.staff.models import Team

from .assessments_support import other_team_worker, referred

pytestmark = pytest.mark.django_db


def test_the_childs_social_work_is_read_through_need_to_know(world):
    episode = referred(world)
    worker = world.users["social_worker"]
    work = selectors.child_social_work(worker, world.child.pk)
    assert work.open_episode.episode == episode
    assert [a.kind for a in work.open_episode.assessments] == ["cafa"]
    assert [c.deadline.rule for c in work.open_episode.clocks] == [
        "child-and-family-assessment"]
    assert AuditEvent.objects.filter(user=worker, person=world.child, action="view").exists()


def test_a_worker_from_another_team_is_refused_and_the_refusal_audited(world):
    episode = referred(world)
    stranger = other_team_worker()
    with pytest.raises(AccessDenied):
        selectors.child_social_work(stranger, world.child.pk)
    with pytest.raises(AccessDenied):
        selectors.assessment_for(stranger, episode.assessments.get().pk)
    assert AuditEvent.objects.filter(user=stranger, person=world.child,
                                     action="deny").count() == 2


def test_the_teams_open_work_soonest_first_in_flat_queries(world):
    referred(world)
    team = Team.objects.get(code="assessment-and-support")
    manager = world.users["team_manager"]
    with CaptureQueriesContext(connection) as one:
        rows = selectors.team_open_work(manager)
    assert [(r.kind, r.person) for r in rows] == [("assessment", world.child)]
    assert rows[0].clock.status in ("due", "due_soon")
    for number in range(3):
        child = Person.objects.create(given_names=f"Child {number}", family_name="Jones")
        episode = ChildInNeedEpisode.objects.create(person=child, referral_date=child.created_at
                                                    .date(), referral_source="2A", team=team)
        assessment_open(episode=episode, actor=manager, started_on=episode.referral_date)
    with CaptureQueriesContext(connection) as four:
        rows = selectors.team_open_work(manager)
    assert len(rows) == 4 and len(four) == len(one)
    assert selectors.team_open_work(other_team_worker()) == []
