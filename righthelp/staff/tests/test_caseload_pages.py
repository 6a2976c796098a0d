"""Caseloads: each team's and worker's children against the council's target (19), a worker's
allocations and transfers over time, and team managers reallocating work; pages and API."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from righthelp.core.models import AuditEvent
from righthelp.core.testing import make_user
from righthelp.people.models import Family, FamilyMember, Person
from righthelp.staff import selectors, services
from righthelp.staff.models import Allocation, AllocationTransfer, Role, Team
from righthelp.staff.tests.test_api import API, bearer, post

pytestmark = pytest.mark.django_db
TEAM = "assessment-and-support"


def team() -> Team:
    return Team.objects.get(code=TEAM)


def allocate_children(worker, n, *, name="Child", start=date(2025, 1, 1)) -> list[Allocation]:
    allocations = []
    for i in range(n):
        child = Person.objects.create(given_names=f"{name}{i}", family_name="Caseload",
                                      date_of_birth=date(2016, 1, 1), sex="F")
        allocations.append(Allocation.objects.create(
            person=child, worker=worker, team=team(), kind=Allocation.Kind.SOCIAL_WORKER,
            start=start))
    return allocations


def allocate_family(worker, children=2) -> Family:
    family = Family.objects.create(name="Brown")
    for i in range(children):
        child = Person.objects.create(given_names=f"Kid{i}", family_name="Brown",
                                      date_of_birth=date(2018, 1, 1), sex="M")
        FamilyMember.objects.create(family=family, person=child, role="child")
    parent = Person.objects.create(kind="adult", given_names="Pat", family_name="Brown",
                                   date_of_birth=date(1985, 1, 1), sex="F")
    FamilyMember.objects.create(family=family, person=parent, role="parent")
    Allocation.objects.create(family=family, worker=worker, team=team(),
                              kind=Allocation.Kind.FAMILIES_TOGETHER, start=date(2025, 1, 1))
    return family


def loads_of(response) -> dict:
    [load] = [t for t in response.context["teams"] if t.team.code == TEAM]
    return load


def the_allocation(world) -> Allocation:
    return Allocation.objects.get(person=world.child, worker=world.users["social_worker"])


def other_team_manager():
    ssf = Team.objects.get(code="strengthening-and-supporting-families")
    return make_user(Role.TEAM_MANAGER, "ssf-manager", team=ssf)


# The team caseloads page.

def test_each_workers_children_against_the_target(client, world):
    senior = world.users["senior_social_worker"]
    allocate_family(senior, children=2)  # the family's two children count, its adult does not
    allocate_children(senior, 1)
    ended = allocate_children(senior, 1, name="Ended")[0]
    ended.end = timezone.localdate() - timedelta(days=1)
    ended.save()
    client.force_login(world.users["team_manager"])
    response = client.get(reverse("caseloads"))
    assert response.status_code == 200
    load = loads_of(response)
    counts = {w.worker.username: w.children for w in load.workers}
    assert counts == {"social-worker": 1, "senior-social-worker": 3, "team-manager": 0}
    assert load.target == Decimal(19) and load.total == 4
    assert load.caseworkers == 2 and load.average == Decimal("2.0")  # the manager is not counted
    assert not load.over_target and not any(w.over_target for w in load.workers)
    page = response.content.decode()
    assert "average of <strong>19</strong> children" in page and "Within target" in page
    assert reverse("caseload-worker", args=[senior.pk]) in page


def test_a_worker_over_the_target_is_flagged(client, world):
    allocate_children(world.users["senior_social_worker"], 20)  # 20 > 19
    allocate_children(world.users["social_worker"], 19)  # 1 + 19 = 20 > 19
    client.force_login(world.users["team_manager"])
    response = client.get(reverse("caseloads"))
    load = loads_of(response)
    flagged = {w.worker.username for w in load.workers if w.over_target}
    assert flagged == {"social-worker", "senior-social-worker"}
    assert load.average == Decimal("20.0") and load.over_target
    page = response.content.decode()
    assert page.count("Over target") == 2 and "Average over target" in page


def test_the_target_comes_from_the_councils_setting(client, world):
    world.council.targets.filter(code="average-caseload").update(value=1)
    allocate_children(world.users["social_worker"], 1)  # 2 children
    assert selectors.caseload_target() == Decimal(1)
    client.force_login(world.users["team_manager"])
    load = loads_of(client.get(reverse("caseloads")))
    assert [w.worker.username for w in load.workers if w.over_target] == ["social-worker"]


def test_an_analyst_sees_every_team_as_figures_without_childrens_names(client, world):
    client.force_login(world.users["analyst"])
    response = client.get(reverse("caseloads"))
    codes = {t.team.code for t in response.context["teams"]}
    assert {TEAM, "request-for-support-hub", "awaken"} <= codes
    page = response.content.decode()
    assert "Jonathan" not in page and "/caseloads/workers/" not in page


def test_caseloads_are_in_the_menu_and_figures_for_managers_only(client, world):
    client.force_login(world.users["team_manager"])
    assert ">Caseloads</a>" in client.get(reverse("home")).content.decode()
    assert reverse("caseloads") in client.get(reverse("figures")).content.decode()
    client.force_login(world.users["social_worker"])
    assert ">Caseloads</a>" not in client.get(reverse("home")).content.decode()
    assert client.get(reverse("caseloads")).status_code == 403


def test_the_team_page_query_count_does_not_grow_with_workers(
        client, world, django_assert_max_num_queries):
    manager = world.users["team_manager"]
    allocate_family(world.users["senior_social_worker"])  # so both runs read family members
    client.force_login(manager)
    client.get(reverse("caseloads"))  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("caseloads"))
    for i in range(12):
        worker = make_user(Role.SOCIAL_WORKER, f"extra-{i}", team=team())
        allocate_children(worker, 2, name=f"W{i}-")
        if i % 3 == 0:
            allocate_family(worker)
    with django_assert_max_num_queries(len(few)):
        response = client.get(reverse("caseloads"))
    assert len(loads_of(response).workers) == 15


# A worker's caseload page.

def test_a_workers_page_lists_their_children_with_the_date_allocated(client, world):
    client.force_login(world.users["team_manager"])
    worker = world.users["social_worker"]
    response = client.get(reverse("caseload-worker", args=[worker.pk]))
    assert response.status_code == 200
    load = response.context["load"]
    assert [e.allocation.person for e in load.current] == [world.child]
    assert load.children == 1 and load.target == Decimal(19)
    page = response.content.decode()
    assert "Jonathan Smith" in page and "1 Jan 2024" in page
    assert reverse("caseload-reallocate", args=[the_allocation(world).pk]) in page
    event = AuditEvent.objects.get(action="view", object_type="staff.User")
    assert event.user == world.users["team_manager"] and event.object_id == str(worker.pk)
    assert event.detail["children_shown"] == [world.child.pk]


def test_a_restricted_child_is_counted_but_not_named(client, world):
    Person.objects.filter(pk=world.child.pk).update(restricted=True)
    client.force_login(world.users["team_manager"])
    response = client.get(reverse("caseload-worker", args=[world.users["social_worker"].pk]))
    assert response.context["load"].children == 1
    page = response.content.decode()
    assert "Restricted record" in page and "Jonathan" not in page


def test_a_familys_restricted_child_is_counted_but_not_named(client, world):
    senior = world.users["senior_social_worker"]
    family = allocate_family(senior, children=2)
    hidden = family.members.get(given_names="Kid1")
    Person.objects.filter(pk=hidden.pk).update(restricted=True)
    client.force_login(world.users["team_manager"])
    response = client.get(reverse("caseload-worker", args=[senior.pk]))
    assert response.context["load"].children == 2
    page = response.content.decode()
    assert "Kid0 Brown" in page and "Kid1" not in page
    assert "Brown family: " in page and "and 1 restricted record" in page
    api = client.get(f"{API}/caseloads/workers/{senior.pk}",
                     **bearer(world.users["team_manager"])).json()
    assert api["current"][0]["children_ids"] == [family.members.get(given_names="Kid0").pk]


def test_a_manager_of_another_team_is_refused_and_the_refusal_audited(client, world):
    outsider = other_team_manager()
    worker, allocation = world.users["social_worker"], the_allocation(world)
    client.force_login(outsider)
    page = client.get(reverse("caseload-worker", args=[worker.pk]))
    assert page.status_code == 403
    assert selectors.CASELOAD_NOT_YOURS in page.content.decode()
    form = client.get(reverse("caseload-reallocate", args=[allocation.pk]))
    assert form.status_code == 403
    assert selectors.ALLOCATION_NOT_YOURS in form.content.decode()
    refusals = AuditEvent.objects.filter(user=outsider, action="deny")
    assert {e.detail["view"] for e in refusals} == {"caseload-worker", "caseload-reallocate"}
    assert not AuditEvent.objects.filter(user=outsider, action="view").exists()
    # The other team does not even show on their caseloads page.
    assert TEAM not in {t.team.code for t in client.get(reverse("caseloads")).context["teams"]}


# Reallocating work.

def test_a_team_manager_reallocates_and_it_shows_in_history(client, world):
    manager, senior = world.users["team_manager"], world.users["senior_social_worker"]
    old = the_allocation(world)
    client.force_login(manager)
    url = reverse("caseload-reallocate", args=[old.pk])
    form = client.get(url)
    assert form.status_code == 200
    choices = form.content.decode()
    assert "Senior social worker Tester (0 children)" in choices
    assert AuditEvent.objects.filter(user=manager, person=world.child, action="view").exists()
    response = client.post(url, {"to_worker": senior.pk, "reason": "Balancing caseloads.",
                                 "version": old.version})
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == reverse("caseload-worker", args=[senior.pk])
    old.refresh_from_db()
    assert old.end == timezone.localdate() and old.version == 2
    transfer = AllocationTransfer.objects.get(from_allocation=old)
    assert (transfer.to_allocation.worker, transfer.transferred_by) == (senior, manager)
    # The old worker's caseload no longer holds the child; their history says where it went.
    before = client.get(reverse("caseload-worker", args=[world.users["social_worker"].pk]))
    assert before.context["load"].children == 0 and before.context["load"].current == []
    history = before.content.decode()
    assert "Moved to Senior social worker Tester by Team manager Tester" in history
    assert "Balancing caseloads." in history
    after = client.get(reverse("caseload-worker", args=[senior.pk]))
    assert [e.allocation for e in after.context["load"].current] == [transfer.to_allocation]
    assert "Moved from Social worker Tester by Team manager Tester" in after.content.decode()
    counts = {w.worker.username: w.children
              for w in loads_of(client.get(reverse("caseloads"))).workers}
    assert counts["senior-social-worker"] == 1 and counts["social-worker"] == 0


def test_reallocation_without_a_reason_names_the_field(client, world):
    old = the_allocation(world)
    client.force_login(world.users["team_manager"])
    response = client.post(reverse("caseload-reallocate", args=[old.pk]),
                           {"to_worker": world.users["senior_social_worker"].pk,
                            "reason": "", "version": old.version})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == [services.TRANSFER_REASON_REQUIRED]
    page = response.content.decode()
    assert f'<a href="#id_reason">Why the work is moving: {services.TRANSFER_REASON_REQUIRED}' \
        in page
    assert "govuk-textarea--error" in page
    old.refresh_from_db()
    assert old.end is None and AllocationTransfer.objects.count() == 0


def test_the_service_refuses_a_worker_from_outside_the_team_on_the_form(client, world):
    old = the_allocation(world)
    client.force_login(world.users["team_manager"])
    response = client.post(reverse("caseload-reallocate", args=[old.pk]),
                           {"to_worker": world.users["awaken_worker"].pk, "reason": "x",
                            "version": old.version})
    assert "to_worker" in response.context["form"].errors  # not a choice offered
    assert AllocationTransfer.objects.count() == 0


def test_a_second_manager_with_a_stale_page_is_refused_and_nothing_changes(client, world):
    deputy = make_user(Role.TEAM_MANAGER, "deputy", team=team())
    old = the_allocation(world)
    url = reverse("caseload-reallocate", args=[old.pk])
    read_version = old.version  # both managers open the form now
    client.force_login(world.users["team_manager"])
    first = client.post(url, {"to_worker": world.users["senior_social_worker"].pk,
                              "reason": "First move.", "version": read_version})
    assert first.status_code == 302
    client.force_login(deputy)
    second = client.post(url, {"to_worker": deputy.pk, "reason": "Second move.",
                               "version": read_version})
    assert second.status_code == 200
    assert services.TRANSFER_CONFLICT in second.content.decode()
    assert AllocationTransfer.objects.count() == 1
    assert not Allocation.objects.filter(worker=deputy).exists()
    assert Allocation.objects.get(person=world.child, end__isnull=True,
                                  kind="social_worker").worker == world.users[
                                      "senior_social_worker"]
    # Opening the form again now says the work has moved on.
    assert "there is nothing to reallocate" in client.get(url).content.decode()


# The JSON API.

def test_api_lists_team_caseloads_against_the_target(client, world):
    allocate_children(world.users["senior_social_worker"], 20)
    response = client.get(f"{API}/caseloads", **bearer(world.users["team_manager"]))
    assert response.status_code == 200
    [load] = response.json()
    assert (load["team_code"], load["target"], load["total"], load["average"]) == (
        TEAM, 19.0, 21, 10.5)
    workers = {w["name"]: (w["children"], w["over_target"]) for w in load["workers"]}
    assert workers["Senior social worker Tester"] == (20, True)
    assert workers["Social worker Tester"] == (1, False)
    analyst = client.get(f"{API}/caseloads", **bearer(world.users["analyst"])).json()
    assert len(analyst) > 1


def test_api_worker_caseload_with_history_and_reallocation(client, world):
    manager, senior = world.users["team_manager"], world.users["senior_social_worker"]
    old = the_allocation(world)
    moved = post(client, f"/caseloads/allocations/{old.pk}/reallocation", manager,
                 {"to_worker_id": senior.pk, "reason": "Balancing.", "version": old.version})
    assert moved.status_code == 201
    assert (moved.json()["worker_id"], moved.json()["person_id"]) == (senior.pk, world.child.pk)
    response = client.get(f"{API}/caseloads/workers/{world.users['social_worker'].pk}",
                          **bearer(manager))
    assert response.status_code == 200
    body = response.json()
    assert body["children"] == 0 and body["current"] == [] and body["target"] == 19.0
    [ended] = body["history"]
    assert ended["person_name"] == "Jonathan Smith" and ended["end"] == str(
        timezone.localdate())
    assert ended["transferred_out"]["to_worker_name"] == str(senior)
    assert ended["transferred_out"]["transferred_by_name"] == str(manager)
    assert ended["transferred_out"]["reason"] == "Balancing."
    now = client.get(f"{API}/caseloads/workers/{senior.pk}", **bearer(manager)).json()
    assert now["current"][0]["transferred_in"]["from_worker_name"] == str(
        world.users["social_worker"])
    assert now["current"][0]["can_reallocate"] is True


def test_api_reallocation_errors_per_field(client, world):
    manager, old = world.users["team_manager"], the_allocation(world)
    path = f"/caseloads/allocations/{old.pk}/reallocation"
    missing = post(client, path, manager, {"to_worker_id": world.users[
        "senior_social_worker"].pk, "version": old.version})
    assert missing.status_code == 422
    assert missing.json()["detail"] == [
        {"field": "reason", "message": services.TRANSFER_REASON_REQUIRED}]
    outsider = post(client, path, manager, {"to_worker_id": world.users["awaken_worker"].pk,
                                            "reason": "x", "version": old.version})
    assert outsider.json()["detail"] == [
        {"field": "to_worker_id", "message": services.TRANSFER_WORKER_NOT_IN_TEAM}]
    shape = post(client, path, manager, {"reason": "x"})
    assert shape.status_code == 422
    assert {e["field"] for e in shape.json()["detail"]} == {"to_worker_id", "version"}
    assert AllocationTransfer.objects.count() == 0


def test_api_stale_version_is_409_and_nothing_changes(client, world):
    manager, old = world.users["team_manager"], the_allocation(world)
    path = f"/caseloads/allocations/{old.pk}/reallocation"
    body = {"to_worker_id": world.users["senior_social_worker"].pk, "reason": "Move.",
            "version": old.version}
    assert post(client, path, manager, body).status_code == 201
    again = post(client, path, manager, {**body, "to_worker_id": manager.pk})
    assert again.status_code == 409
    assert again.json()["detail"] == services.TRANSFER_CONFLICT
    assert AllocationTransfer.objects.count() == 1


def test_api_another_teams_work_is_not_found_and_the_refusal_audited(client, world):
    outsider, old = other_team_manager(), the_allocation(world)
    worker = client.get(f"{API}/caseloads/workers/{world.users['social_worker'].pk}",
                        **bearer(outsider))
    assert worker.status_code == 404
    assert worker.json()["detail"] == selectors.CASELOAD_NOT_YOURS
    moved = post(client, f"/caseloads/allocations/{old.pk}/reallocation", outsider,
                 {"to_worker_id": outsider.pk, "reason": "Mine.", "version": old.version})
    assert moved.status_code == 404
    refusals = AuditEvent.objects.filter(user=outsider, action="deny", channel="api")
    assert {e.detail["refused"] for e in refusals} == {
        selectors.CASELOAD_NOT_YOURS, selectors.ALLOCATION_NOT_YOURS}
    assert AllocationTransfer.objects.count() == 0
    teams = client.get(f"{API}/caseloads", **bearer(outsider)).json()
    assert [t["team_code"] for t in teams] == ["strengthening-and-supporting-families"]
