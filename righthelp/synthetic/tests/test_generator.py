"""The synthetic council: deterministic, the right size, valid, and ready to sign in to."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from righthelp.people import matching
from righthelp.people.identifiers import nhs_number_is_valid, upn_is_valid
from righthelp.people.models import (
    Address,
    Involvement,
    Person,
    PersonName,
    Relationship,
    category_of,
)
from righthelp.staff.models import Allocation, Role, TeamMembership, User
from righthelp.synthetic.generator import flush, synthesise
from righthelp.synthetic.workforce import DEMO_PASSWORD, demo_sign_ins

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)
SCALE = 0.01


def load(seed: int = 7, scale: float = SCALE) -> list[str]:
    lines: list[str] = []
    synthesise(seed=seed, scale=scale, today=TODAY, write=lines.append)
    return lines


def digest() -> tuple[list, list, list]:
    """What must not change between two runs with one seed (ids may differ after a flush)."""
    people = list(Person.objects.order_by("pk").values_list(
        "kind", "given_names", "family_name", "known_as", "date_of_birth", "upn", "nhs_number"))
    work = list(Involvement.objects.order_by("pk").values_list(
        "person__given_names", "kind", "team__code", "start", "end", "outcome"))
    allocations = list(Allocation.objects.order_by("pk").values_list(
        "person__given_names", "worker__username", "kind", "start", "end"))
    return people, work, allocations


def test_same_seed_gives_the_same_council():
    load(seed=7)
    first = digest()
    flush(write=lambda line: None)
    load(seed=7)
    assert digest() == first
    flush(write=lambda line: None)
    load(seed=8)
    assert digest()[0] != first[0]


def test_counts_are_in_proportion_to_the_scale():
    lines = load()
    children = Person.objects.filter(kind="child").count()
    assert children == round(29_000 * SCALE)
    assert Person.objects.filter(kind="unborn", date_of_birth__isnull=True,
                                 expected_date__isnull=False).exists()
    requests = Involvement.objects.filter(kind="request_for_support").count()
    assert 0.9 * 11_800 * SCALE * 4 <= requests <= 1.15 * 11_800 * SCALE * 4
    assessments = Involvement.objects.filter(kind="cafa").count()
    assert 0.38 <= assessments / requests <= 0.55
    looked_after = Involvement.objects.filter(kind="looked_after", end__isnull=True).count()
    assert abs(looked_after - 600 * SCALE) <= 3  # sibling groups come into care together
    assert any(line.startswith("people: ") and line.endswith("s") for line in lines)


def test_identifiers_are_valid_and_unique():
    load()
    upns = list(Person.objects.exclude(upn="").values_list("upn", flat=True))
    nhs = list(Person.objects.exclude(nhs_number="").values_list("nhs_number", flat=True))
    assert upns and nhs
    assert all(upn_is_valid(u) for u in upns) and len(set(upns)) == len(upns)
    assert all(nhs_number_is_valid(n) for n in nhs) and len(set(nhs)) == len(nhs)


def test_search_keys_categories_and_postcodes_are_set_as_save_would():
    load()
    for person in Person.objects.all():
        assert person.given_key == matching.given_key(person.known_as or person.given_names)
        assert person.family_key == matching.family_key(person.family_name)
    for name in PersonName.objects.all():
        assert name.family_key == matching.family_key(name.family_name)
    assert all(r.category == category_of(r.kind) for r in Relationship.objects.all())
    for address in Address.objects.filter(end__isnull=True).select_related("person"):
        assert address.person.current_postcode == address.postcode
        assert address.postcode[:3] in {"FY1", "FY2", "FY3", "FY4"}


def test_demo_users_exist_for_every_role():
    load()
    for role in Role:
        user = User.objects.get(username=role.value.replace("_", "-"))
        assert user.role == role
    assert len(demo_sign_ins()) == len(Role)
    social_worker = User.objects.get(username="social-worker")
    assert social_worker.check_password(DEMO_PASSWORD)
    team = TeamMembership.objects.get(user=social_worker).team
    assert TeamMembership.objects.filter(team=team, is_manager=True,
                                         user__username="team-manager").exists()
    assert Allocation.objects.filter(worker=social_worker, end__isnull=True).exists()
    assert User.objects.get(username="administrator").is_superuser
    assert User.objects.get(username="partner-lead-professional").agency is not None


def test_open_work_is_allocated():
    load()
    for involvement in Involvement.objects.filter(end__isnull=True):
        assert Allocation.objects.filter(person=involvement.person, end__isnull=True).exists()


def test_command_refuses_a_loaded_database_unless_flushed():
    out = StringIO()
    call_command("synthesise", "--status", stdout=out)
    assert out.getvalue().strip() == "empty"
    load()
    with pytest.raises(CommandError, match="--flush"):
        call_command("synthesise", "--scale", str(SCALE), stdout=StringIO())
    out = StringIO()
    call_command("synthesise", "--scale", str(SCALE), "--today", "2025-06-02", "--flush",
                 stdout=out)
    assert "social-worker" in out.getvalue() and DEMO_PASSWORD in out.getvalue()
    assert Person.objects.filter(kind="child").count() == round(29_000 * SCALE)
