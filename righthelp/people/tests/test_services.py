"""Person services: history of every earlier value, audit in the same transaction, unborn."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from righthelp.core import access, audit
from righthelp.core.models import AuditEvent
from righthelp.people import services
from righthelp.people.models import Person

pytestmark = pytest.mark.django_db


def test_change_history_keeps_every_earlier_value(world):
    worker = world.users["social_worker"]
    child = world.child
    for n, name in enumerate(["Jonny", "JJ", "Jon"]):
        child = services.person_update(actor=worker, person=child, version=child.version,
                                       changes={"known_as": name})
        assert child.version == world.child.version + n + 1
    values = list(child.history.order_by("history_date").values_list("known_as", flat=True))
    assert values == ["", "Jonny", "JJ", "Jon"]
    changes = AuditEvent.objects.filter(person=child, action="change")
    assert changes.count() == 3
    assert changes.first().detail["fields"] == ["known_as"]


def test_invalid_change_saves_nothing(world):
    with pytest.raises(ValidationError) as error:
        services.person_update(actor=world.users["social_worker"], person=world.child,
                               version=world.child.version,
                               changes={"nhs_number": "1234567890", "known_as": "Jonny"})
    assert "nhs_number" in error.value.message_dict
    world.child.refresh_from_db()
    assert world.child.known_as == ""
    assert not AuditEvent.objects.filter(action="change").exists()


def test_a_read_is_not_returned_without_its_audit_row(world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        access.open_person(world.users["social_worker"], world.child.pk)


def test_unborn_child_needs_expected_date(world):
    actor = world.users["hub_worker"]
    with pytest.raises(ValidationError) as error:
        services.person_create(actor=actor, data={"kind": "unborn", "family_name": "Smith"})
    assert "expected" in str(error.value)
    unborn = services.person_create(actor=actor, data={
        "kind": "unborn", "family_name": "Smith", "expected_date": date(2027, 2, 1)})
    assert unborn.full_name == "Smith"
    assert Person.objects.get(pk=unborn.pk).date_of_birth is None
