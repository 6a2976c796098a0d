"""The person pages: the child's record, search, add with the duplicate check, edit, merge."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.people.models import Person, Relationship
from righthelp.people.services import EDIT_CONFLICT

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_social_worker_opens_allocated_childs_record(client, world):
    response = signed_in(client, world.users["social_worker"]).get(
        reverse("person-record", args=[world.child.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jonathan Smith" in page
    assert "My mum makes me laugh." in page  # who is important to me, in the child's words
    assert AuditEvent.objects.filter(
        user=world.users["social_worker"], person=world.child, action="view").count() == 1


def test_record_query_count_does_not_grow_with_the_network(client, world):
    client = signed_in(client, world.users["social_worker"])
    url = reverse("person-record", args=[world.child.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(15):
        friend = Person.objects.create(kind="adult", given_names=f"Friend{n}", family_name="X")
        Relationship.objects.create(child=world.child, related_person=friend, kind="friend",
                                    important_to_child=n % 2 == 0)
        Relationship.objects.create(child=world.child, name=f"Teacher {n}", kind="teacher")
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert "Friend14" in response.content.decode()
    assert len(large) == len(small)
    assert len(small) <= 25


def test_search_finds_nickname_typo_and_uk_date(client, world):
    response = signed_in(client, world.users["hub_worker"]).get(
        reverse("search"), {"q": "Jon Smyth, 3/4/2015"})
    assert response.status_code == 200
    results = response.context["results"]
    assert results[0].person == world.child
    assert AuditEvent.objects.filter(action="search", user=world.users["hub_worker"]).exists()


def test_search_query_count_is_flat(client, world):
    client = signed_in(client, world.users["hub_worker"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("search"), {"q": "Smith"})
    for n in range(40):
        Person.objects.create(given_names=f"Kid{n}", family_name="Smith",
                              date_of_birth=date(2010, 1, 1 + n % 28))
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("search"), {"q": "Smith"})
    assert len(response.context["results"]) > 20
    assert len(many) == len(few)


def test_caseload_query_count_is_flat(client, world):
    from righthelp.staff.models import Allocation, Team

    worker = world.users["social_worker"]
    client = signed_in(client, worker)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home"))
    team = Team.objects.get(code="assessment-and-support")
    for n in range(20):
        child = Person.objects.create(given_names=f"Child{n}", family_name="Jones")
        Allocation.objects.create(person=child, worker=worker, team=team, kind="social_worker")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("home"))
    assert len(response.context["caseload"]) == 21
    assert len(many) == len(few)


NEW_CHILD = {
    "kind": "child", "given_names": "Jonathan", "family_name": "Smith",
    "date_of_birth": "03/04/2015", "sex": "M", "ethnicity": "WBRI", "disability": "unknown",
}


def test_adding_the_same_child_again_offers_the_duplicate(client, world):
    client = signed_in(client, world.users["hub_worker"])
    data = {**NEW_CHILD, "given_names": "Jon", "family_name": "Smyth"}
    response = client.post(reverse("person-add"), data)
    assert response.status_code == 200
    assert [p for p, _ in response.context["duplicates"]] == [world.child]
    assert Person.objects.filter(family_name="Smyth").count() == 0
    # The worker checks and confirms it is someone new: then it is added.
    response = client.post(reverse("person-add"), {**data, "confirm": "new"})
    assert response.status_code == 302
    assert Person.objects.filter(family_name="Smyth").count() == 1


def test_bad_input_keeps_what_was_typed_and_names_the_field(client, world):
    client = signed_in(client, world.users["hub_worker"])
    data = {**NEW_CHILD, "family_name": "Unique", "nhs_number": "9434765918", "upn": "bad"}
    response = client.post(reverse("person-add"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "NHS number: Enter a valid NHS number" in page
    assert "UPN: Enter a valid UPN" in page
    assert 'value="Unique"' in page  # what the person typed is kept
    assert not Person.objects.filter(family_name="Unique").exists()


def test_second_save_of_the_same_record_is_refused(client, world):
    first = signed_in(client, world.users["social_worker"])
    url = reverse("person-edit", args=[world.child.pk])
    form = first.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(date_of_birth="03/04/2015", known_as="Jonny", version=world.child.version)
    assert first.post(url, data).status_code == 302  # the first save lands
    data.update(known_as="JJ")  # the second editor loaded the same version
    response = first.post(url, data)
    assert response.status_code == 200
    assert EDIT_CONFLICT in response.content.decode()
    world.child.refresh_from_db()
    assert world.child.known_as == "Jonny"


def test_merge_keeps_both_histories(client, world):
    duplicate = Person.objects.create(given_names="Jon", family_name="Smyth",
                                      date_of_birth=date(2015, 4, 3), upn="")
    Relationship.objects.create(child=duplicate, name="Mrs Patel", kind="teacher")
    manager = world.users["hub_manager"]
    client = signed_in(client, manager)
    client.get(reverse("person-record", args=[duplicate.pk]))
    response = client.post(reverse("person-merge", args=[world.child.pk]),
                           {"duplicate": duplicate.pk, "reason": "Same child, typo at the Hub"})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == world.child
    assert world.child.network.filter(name="Mrs Patel").exists()
    assert world.child.other_names.filter(given_names="Jon", family_name="Smyth").exists()
    assert AuditEvent.objects.filter(action="merge", person=duplicate).exists()
    assert AuditEvent.objects.filter(action="merge", person=world.child).exists()
    # The audit of the duplicate (the view above) shows on the kept record's trail.
    audit = client.get(reverse("person-audit", args=[world.child.pk]))
    assert any(e.person_id == duplicate.pk for e in audit.context["events"])


def test_search_finds_swapped_names_with_a_nickname(client, world):
    client.force_login(world.users["hub_worker"])
    response = client.get(reverse("search"), {"q": "Smyth Jon"})
    assert response.context["results"][0].person == world.child
