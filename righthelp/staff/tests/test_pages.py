"""Home pages per role, deadlines pages, allocations."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core.models import AuditEvent, Deadline
from righthelp.staff.models import Allocation, Team

pytestmark = pytest.mark.django_db


def add_deadline(world, subject, due_in_days, met=None, owner="social_worker"):
    now = timezone.now()
    return Deadline.objects.create(
        person=world.child, rule="child-and-family-assessment",
        rule_name="Child and Family Assessment: 45 working days", subject=subject,
        started_at=now - timedelta(days=30), due_at=now + timedelta(days=due_in_days),
        met_at=met, owner=world.users[owner], team=Team.objects.get(code="assessment-and-support"),
    )


def test_social_workers_home_shows_caseload_and_deadline_counts(client, world):
    add_deadline(world, "Finish the assessment", -1)
    add_deadline(world, "Visit", 1)
    client.force_login(world.users["social_worker"])
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert "Jonathan Smith" in page
    assert response.context["overdue"] == 1
    assert response.context["due_soon"] == 1
    assert [row.next_deadline.deadline.subject for row in response.context["caseload"]] == [
        "Finish the assessment"]


def test_my_deadlines_shows_status_and_rule(client, world):
    add_deadline(world, "Finish the assessment", 20)
    add_deadline(world, "Already done", -5, met=timezone.now() - timedelta(days=6))
    client.force_login(world.users["social_worker"])
    page = client.get(reverse("my-deadlines")).content.decode()
    assert "Finish the assessment" in page and "Due" in page
    assert "Child and Family Assessment: 45 working days" in page
    assert "Already done" not in page  # met deadlines leave the list


def test_team_deadlines_for_the_manager(client, world):
    add_deadline(world, "Finish the assessment", -2)
    client.force_login(world.users["team_manager"])
    response = client.get(reverse("team-deadlines"))
    assert [v.status for v in response.context["deadlines"]] == ["overdue"]
    assert "Social worker Tester" in response.content.decode()


def test_a_manager_sees_team_caseloads_and_break_glass_link(client, world):
    client.force_login(world.users["team_manager"])
    response = client.get(reverse("home"))
    loads = {w["first_name"]: w["children"] for w in response.context["team_caseloads"]}
    assert loads["Social worker"] == 1
    assert "Emergency access to review (0)" in response.content.decode()


def test_analyst_home_has_no_childrens_names(client, world):
    client.force_login(world.users["analyst"])
    page = client.get(reverse("home")).content.decode()
    assert "Jonathan" not in page
    assert "figures, not individual children" in page


def test_manager_allocates_and_ends_an_allocation(client, world):
    manager = world.users["team_manager"]
    client.force_login(manager)
    url = reverse("allocation-add", args=[world.child.pk])
    team = Team.objects.get(code="assessment-and-support")
    bad = client.post(url, {"team": team.pk, "kind": "social_worker", "start": "not a date"})
    assert "Enter a valid date" in bad.content.decode()
    response = client.post(url, {"team": team.pk, "kind": "social_worker",
                                 "worker": world.users["senior_social_worker"].pk,
                                 "start": "01/02/2026", "reason": "Second worker"})
    assert response.status_code == 302, response.context["form"].errors
    allocation = Allocation.objects.get(worker=world.users["senior_social_worker"])
    early = client.post(reverse("allocation-end", args=[allocation.pk]),
                        {"end": "01/01/2026", "reason": "x"})
    assert "must be on or after the allocation" in early.content.decode()
    client.post(reverse("allocation-end", args=[allocation.pk]), {"end": "02/03/2026"})
    allocation.refresh_from_db()
    assert allocation.end.isoformat() == "2026-03-02"
    assert AuditEvent.objects.filter(action="change", object_type="staff.Allocation").count() == 2
    assert allocation.history.count() == 2  # the earlier (open) value is kept




def test_an_ended_allocation_cannot_be_ended_again(world):
    from django.core.exceptions import ValidationError

    from righthelp.staff.services import ALLOCATION_ALREADY_ENDED, allocation_end

    allocation = Allocation.objects.get(worker=world.users["social_worker"])
    allocation_end(actor=world.users["team_manager"], allocation=allocation,
                   end=timezone.localdate())
    with pytest.raises(ValidationError) as error:
        allocation_end(actor=world.users["team_manager"], allocation=allocation,
                       end=timezone.localdate() + timedelta(days=30))
    assert error.value.message_dict["end"] == [ALLOCATION_ALREADY_ENDED]
    allocation.refresh_from_db()
    assert allocation.end == timezone.localdate()
