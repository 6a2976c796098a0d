"""Allocations and deadlines over the JSON API, and every role against every API operation."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from righthelp.core.models import AuditEvent, Deadline
from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
from righthelp.staff.api import TEAM_DEADLINES_REFUSED, TEAM_NOT_MANAGED, WORKER_NOT_IN_TEAM
from righthelp.staff.models import Allocation, Role, Team

pytestmark = pytest.mark.django_db
API = "/api/v1"


def post(client, path, user, body):
    return client.post(API + path, body, content_type="application/json", **bearer(user))


def fields_of(response) -> list:
    return [error["field"] for error in response.json()["detail"]]


def test_allocation_list_for_a_child_the_caller_may_open(client, world):
    response = client.get(f"{API}/people/{world.child.pk}/allocations",
                          **bearer(world.users["social_worker"]))
    assert response.status_code == 200
    rows = {(row["kind"], row["worker_name"]) for row in response.json()}
    assert ("social_worker", str(world.users["social_worker"])) in rows
    refused = client.get(f"{API}/people/{world.child.pk}/allocations",
                         **bearer(world.users["awaken_worker"]))
    assert refused.status_code == 403


def test_team_manager_allocates_a_worker(client, world):
    manager, senior = world.users["team_manager"], world.users["senior_social_worker"]
    team = Team.objects.get(code="assessment-and-support")
    response = post(client, "/allocations", manager, {
        "person_id": world.child.pk, "team_id": team.pk, "worker_id": senior.pk,
        "kind": "social_worker", "reason": "Second worker for the assessment."})
    assert response.status_code == 201
    allocation = Allocation.objects.get(pk=response.json()["id"])
    assert (allocation.worker, allocation.allocated_by) == (senior, manager)
    assert allocation.start == timezone.localdate()
    assert AuditEvent.objects.filter(user=manager, action="change", channel="api",
                                     object_id=str(allocation.pk)).exists()


def test_allocation_names_bad_fields_and_saves_nothing(client, world):
    manager = world.users["team_manager"]
    not_mine = Team.objects.get(code="awaken")
    before = Allocation.objects.count()
    response = post(client, "/allocations", manager, {
        "person_id": world.child.pk, "team_id": not_mine.pk,
        "worker_id": world.users["awaken_worker"].pk, "kind": "social_worker"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"field": "team_id", "message": TEAM_NOT_MANAGED},
        {"field": "worker_id", "message": WORKER_NOT_IN_TEAM},
    ]
    bad = post(client, "/allocations", manager, {"person_id": world.child.pk, "kind": "boss"})
    assert set(fields_of(bad)) == {"team_id", "kind"}
    assert Allocation.objects.count() == before


def test_allocation_needs_a_child_the_manager_may_open(client, world):
    manager = world.users["team_manager"]
    team = Team.objects.get(code="assessment-and-support")
    response = post(client, "/allocations", manager, {
        "person_id": world.unallocated_child.pk, "team_id": team.pk, "kind": "social_worker"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(user=manager, person=world.unallocated_child,
                                     action="deny").exists()
    assert not Allocation.objects.filter(person=world.unallocated_child).exists()


def add_deadline(world, subject, due_in_days, owner="social_worker"):
    now = timezone.now()
    return Deadline.objects.create(
        person=world.child, rule="child-and-family-assessment",
        rule_name="Child and Family Assessment: 45 working days", subject=subject,
        started_at=now - timedelta(days=30), due_at=now + timedelta(days=due_in_days),
        owner=world.users[owner], team=Team.objects.get(code="assessment-and-support"),
    )


def test_deadlines_mine_and_team(client, world):
    add_deadline(world, "Finish the assessment", -1)
    add_deadline(world, "Visit", 20, owner="senior_social_worker")
    mine = client.get(f"{API}/deadlines", **bearer(world.users["social_worker"])).json()
    assert [(d["subject"], d["status"]) for d in mine] == [("Finish the assessment", "overdue")]
    assert mine[0]["rule"] == "child-and-family-assessment"
    assert mine[0]["rule_name"] == "Child and Family Assessment: 45 working days"
    assert mine[0]["person_name"] == "Jonathan Smith" and mine[0]["due_at"]
    team = client.get(f"{API}/deadlines", {"scope": "team"},
                      **bearer(world.users["team_manager"])).json()
    assert {d["subject"] for d in team} == {"Finish the assessment", "Visit"}
    refused = client.get(f"{API}/deadlines", {"scope": "team"},
                         **bearer(world.users["early_help_practitioner"]))
    assert refused.status_code == 403 and refused.json()["detail"] == TEAM_DEADLINES_REFUSED
    wrong = client.get(f"{API}/deadlines", {"scope": "everyone"},
                       **bearer(world.users["social_worker"]))
    assert wrong.status_code == 422 and fields_of(wrong) == ["scope"]


# Each API operation with its own method; the path's GET may belong to another operation.
OPERATIONS = {
    "person-list": ("get", ()), "person-create": ("post", ()),
    "person-detail": ("get", ("child",)), "person-update": ("patch", ("child",)),
    "person-search": ("get", ()), "network-list": ("get", ("child",)),
    "network-add": ("post", ("child",)), "allocation-list": ("get", ("child",)),
    "allocation-create": ("post", ()), "deadline-list": ("get", ()),
    "break-glass": ("post", ("child",)),
    "caseload-list": ("get", ()), "caseload-worker": ("get", ("child",)),
    "caseload-reallocate": ("post", ("child",)),
}


def _operation_names(*routers) -> set[str]:
    return {f"api-1:{op.url_name}" for router in routers
            for path_view in router.path_operations.values() for op in path_view.operations}


def test_every_role_against_every_api_operation(client, world):
    """The role check comes first: a role the policy allows is never refused *by policy*."""
    from righthelp.frontdoor.api import router as front_door
    from righthelp.frontdoor.tests.test_api import OPERATIONS as FRONT_DOOR
    from righthelp.people.api import router as people
    from righthelp.staff.api import router as staff

    # Between them, this table and the front door's cover every operation of the people, staff
    # and front door routers (every other app's tests run its own table).
    ours = {f"api-1:{name}" for name in {**OPERATIONS, **FRONT_DOOR}}
    assert ours == _operation_names(people, staff, front_door)
    assert ours <= set(POLICY)
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, args) in OPERATIONS.items():
            url = reverse(f"api-1:{name}", args=[world.child.pk for _ in args])
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = (response.status_code == 403
                       and POLICY_REFUSAL in response.json()["detail"])
            if refused == (role in POLICY[f"api-1:{name}"]):
                failures.append(f"{role.value} {method.upper()} {url} ({name}): "
                                f"{response.status_code}")
    assert failures == []
