"""Suggesting, approving, changing and withdrawing services; who may do it."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError

from righthelp.core.models import AuditEvent
from righthelp.directory import rules, services
from righthelp.directory.models import ActivityType, Service, ServiceStatus
from righthelp.people.services import EditConflict

pytestmark = pytest.mark.django_db

DETAILS = {"name": "Little Movers", "description": "Music and movement for toddlers.",
           "postcode": "fy1 6ns", "cost_kind": "free", "age_min": 1, "age_max": 4}


def suggest(**extra):
    return services.service_suggest(
        data={**DETAILS, **extra}, activity_types=list(ActivityType.objects.filter(
            code="play-and-stay")), suggested_by_name="Dawn Ellis",
        suggested_by_email="dawn@example.org")


def test_anyone_suggests_a_service_kept_unseen_until_approved(postcodes):
    service = suggest()
    assert service.status == ServiceStatus.SUGGESTED and service.suggested_by is None
    assert (service.postcode, service.suggested_by_name) == ("FY1 6NS", "Dawn Ellis")
    assert service.latitude == pytest.approx(53.8017, abs=1e-3)  # placed by its postcode
    assert [k.code for k in service.activity_types.all()] == ["play-and-stay"]
    assert AuditEvent.objects.filter(object_type="directory.Service",
                                     object_id=str(service.pk), action="create").exists()


def test_a_suggestion_names_what_is_missing_or_wrong(postcodes):
    with pytest.raises(ValidationError) as refused:
        services.service_suggest(data={**DETAILS, "name": "", "postcode": "FY1",
                                       "age_min": 9, "age_max": 4})
    errors = refused.value.message_dict
    assert errors["postcode"] == [services.POSTCODE_NOT_REAL]
    assert errors["age_max"] == [services.AGES_OUT_OF_ORDER]
    assert errors["suggested_by_name"] == [services.NEED_SUGGESTER_NAME]
    assert errors["suggested_by_email"] == [services.NEED_SUGGESTER_EMAIL]
    assert "name" in errors and not Service.objects.exists()


def test_a_signed_in_suggester_needs_no_name_or_email(world, postcodes):
    practitioner = world.users["early_help_practitioner"]
    service = services.service_suggest(data=DETAILS, actor=practitioner)
    assert service.suggested_by == practitioner


def test_an_unknown_but_real_postcode_is_kept_without_a_point(postcodes):
    service = suggest(postcode="PR1 2HE")
    assert (service.postcode, service.latitude) == ("PR1 2HE", None)


def test_an_editor_approves_with_who_and_when(world, postcodes):
    admin = world.users["administrator"]  # administrators are superusers: every permission
    service = suggest()
    published = services.service_publish(service=service, actor=admin, version=1)
    assert (published.status, published.approved_by, published.version) == (
        ServiceStatus.PUBLISHED, admin, 2)
    assert published.approved_at is not None
    statuses = list(published.history.values_list("status", flat=True))  # newest first
    assert statuses[0] == "published" and "suggested" in statuses


def test_only_editors_approve_and_the_permission_can_be_given(world, postcodes):
    worker = world.users["hub_worker"]
    service = suggest()
    with pytest.raises(PermissionDenied, match="directory editors"):
        services.service_publish(service=service, actor=worker, version=1)
    worker.user_permissions.add(Permission.objects.get(codename="approve_service"))
    worker = type(worker).objects.get(pk=worker.pk)  # permissions are cached per object
    assert rules.can_edit_directory(worker)
    services.service_publish(service=service, actor=worker, version=1)


def test_a_stale_version_is_refused(world, postcodes):
    admin = world.users["administrator"]
    service = suggest()
    services.service_update(service=service, actor=admin, version=1,
                            data={**DETAILS, "name": "Little Movers (Revoe)"})
    with pytest.raises(EditConflict):
        services.service_publish(service=service, actor=admin, version=1)


def test_withdraw_needs_a_reason_and_hides_the_service(world, postcodes):
    admin = world.users["administrator"]
    service = services.service_publish(service=suggest(), actor=admin, version=1)
    with pytest.raises(ValidationError) as refused:
        services.service_withdraw(service=service, actor=admin, version=2, reason=" ")
    assert refused.value.message_dict == {"reason": [services.NEED_WITHDRAW_REASON]}
    gone = services.service_withdraw(service=service, actor=admin, version=2,
                                     reason="The group has closed.")
    assert (gone.status, gone.withdrawn_by, gone.withdrawn_reason) == (
        ServiceStatus.WITHDRAWN, admin, "The group has closed.")
    with pytest.raises(ValidationError, match=services.CANNOT_WITHDRAW):
        services.service_withdraw(service=gone, actor=admin, version=3, reason="Again")


@pytest.mark.parametrize("current, to, allowed", [
    ("suggested", "published", True), ("suggested", "withdrawn", True),
    ("published", "withdrawn", True), ("published", "published", False),
    ("withdrawn", "published", True), ("withdrawn", "withdrawn", False),
])
def test_status_changes(current, to, allowed):
    assert rules.can_move(current, to) is allowed
