"""Need-to-know access: who may open a child's record, refusals, grants and break-glass."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from righthelp.core import access
from righthelp.core.models import AuditEvent, BreakGlassGrant, RestrictedAccessGrant
from righthelp.core.testing import make_user
from righthelp.people.models import Family, FamilyMember, Person
from righthelp.staff.models import Allocation, Role, Team

pytestmark = pytest.mark.django_db


def can_open(user, person) -> bool:
    return access.decide(user, person).allowed


def test_allocated_worker_and_their_team_may_open(world):
    assert can_open(world.users["social_worker"], world.child)
    assert can_open(world.users["senior_social_worker"], world.child)  # same team
    assert can_open(world.users["team_manager"], world.child)  # manages that team
    assert can_open(world.users["social_worker"], world.mother)  # an adult in the network


def test_workers_without_need_to_know_may_not(world):
    for role in ("fostering_worker", "awaken_worker", "iro", "personal_adviser", "analyst",
                 "administrator", "early_help_practitioner"):
        assert not can_open(world.users[role], world.child), role


def test_service_wide_duty_sees_unrestricted_records(world):
    assert can_open(world.users["hub_worker"], world.unallocated_child)
    world.unallocated_child.restricted = True
    world.unallocated_child.save()
    assert not can_open(world.users["hub_worker"], world.unallocated_child)


def test_partner_sees_only_the_children_they_lead_for(world):
    partner = world.users["partner_lead_professional"]
    assert can_open(partner, world.child)
    assert not can_open(partner, world.unallocated_child)


def test_an_ended_allocation_ends_access(world):
    Allocation.objects.filter(worker=world.users["partner_lead_professional"]).update(
        end=timezone.localdate() - timedelta(days=1))
    assert not can_open(world.users["partner_lead_professional"], world.child)


def test_allocation_to_a_family_opens_its_children(world):
    family = Family.objects.create(name="Khan family")
    FamilyMember.objects.create(family=family, person=world.unallocated_child)
    worker = world.users["early_help_practitioner"]
    Allocation.objects.create(family=family, worker=worker, kind="early_help_worker",
                              team=Team.objects.get(code="early-help-revoe"))
    assert can_open(worker, world.unallocated_child)


def test_restricted_record_needs_a_named_grant(world):
    world.child.restricted = True
    world.child.save()
    worker = world.users["social_worker"]
    assert not can_open(worker, world.child)
    RestrictedAccessGrant.objects.create(person=world.child, user=worker,
                                         granted_by=world.users["team_manager"], reason="Adoption")
    assert can_open(worker, world.child)
    with pytest.raises(ValidationError, match="restricted"):
        access.break_glass(world.users["fostering_worker"], world.child, "A child is at risk now")


def test_refusal_is_audited_on_the_page(client, world):
    worker = world.users["fostering_worker"]
    client.force_login(worker)
    response = client.get(reverse("person-record", args=[world.child.pk]))
    assert response.status_code == 403
    assert "Ask for emergency access" in response.content.decode()
    event = AuditEvent.objects.get(user=worker, person=world.child)
    assert event.action == "deny"
    assert event.ip_address == "127.0.0.1"


def test_break_glass_grants_audits_and_flags_the_manager(client, world):
    worker = world.users["fostering_worker"]
    fostering = Team.objects.get(code="fostering")
    manager = make_user(Role.TEAM_MANAGER, username="fostering-manager", team=fostering)
    client.force_login(worker)
    url = reverse("break-glass", args=[world.child.pk])
    short = client.post(url, {"reason": "need it"})
    assert "at least 10 characters" in short.content.decode()
    assert not BreakGlassGrant.objects.exists()
    response = client.post(url, {"reason": "Police called: carer asks if child is known"})
    assert response.status_code == 302
    assert client.get(reverse("person-record", args=[world.child.pk])).status_code == 200
    actions = list(AuditEvent.objects.filter(user=worker, person=world.child)
                   .order_by("at").values_list("action", flat=True))
    assert actions == ["break_glass", "view"]
    view = AuditEvent.objects.get(user=worker, person=world.child, action="view")
    assert view.detail["basis"] == "break-glass"
    flagged = list(access.break_glass_to_review(manager))
    assert [g.user for g in flagged] == [worker]
    client.force_login(manager)
    page = client.get(reverse("break-glass-review")).content.decode()
    assert "Police called" in page


def test_break_glass_expires(world):
    worker = world.users["fostering_worker"]
    grant = access.break_glass(worker, world.child, "Urgent call from the police about him")
    assert can_open(worker, world.child)
    BreakGlassGrant.objects.filter(pk=grant.pk).update(expires_at=timezone.now())
    assert not can_open(worker, world.child)


def test_merged_record_redirects_to_the_survivor(client, world):
    duplicate = Person.objects.create(given_names="J", family_name="Smith",
                                      date_of_birth=date(2015, 4, 3), merged_into=world.child)
    client.force_login(world.users["hub_worker"])
    response = client.get(reverse("person-record", args=[duplicate.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("person-record", args=[world.child.pk])
