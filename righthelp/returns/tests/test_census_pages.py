"""The census page, its API and the command: produce, see failures by child and field,
download; every production and download on the audit trail; other roles refused."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree

from righthelp.core.models import AuditEvent
from righthelp.core.policy_roles import FIGURES, POLICY_REFUSAL
from righthelp.core.testing import PASSWORD, bearer
from righthelp.people.models import Person
from righthelp.returns.models import CensusProduction
from righthelp.returns.services import NO_SUCH_YEAR
from righthelp.staff.models import Role

from .records import referral

pytestmark = pytest.mark.django_db


def sign_in(client, world, role):
    client.login(username=world.users[role].username, password=PASSWORD)


def a_referral(world, **kwargs):
    return referral(world.child, world.users["social_worker"], world.users["cp_chair"],
                    **kwargs)


def test_a_team_manager_produces_the_census_and_sees_failures_by_child(client, world):
    a_referral(world)  # the child's disability is "not known": rule 8540 fails
    sign_in(client, world, "team_manager")
    page = client.get(reverse("cin-census"))
    assert page.status_code == 200 and b"1 April 2025 to 31 March 2026" in page.content
    listed = page.content.decode()  # which schema each year's file is checked against
    assert "<code>cin_census_2025_26.xsd</code>" in listed
    assert "derived from the Department for Education&#x27;s CIN census schema 2023-24" in listed
    response = client.post(reverse("cin-census"), {"year": "2026"})
    production = CensusProduction.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cin-census-result", args=[production.pk])
    assert production.children == 1 and production.schema_errors == []
    assert production.schema_file == "cin_census_2025_26.xsd"
    assert {f["code"] for f in production.failures} >= {"8540"}
    result = client.get(response.url).content.decode()
    assert "8540" in result and "Disability" in result and 'id="by-rule"' in result
    assert "valid against the census schema <code>cin_census_2025_26.xsd</code>" in result
    assert "Open Government Licence v3" in result and "liia-tools" in result
    assert f"LA child ID {world.child.pk}" in result
    assert reverse("person-record", args=[world.child.pk]) in result  # theirs to open
    event = AuditEvent.objects.get(action="create", object_type="returns.CensusProduction")
    assert event.user == world.users["team_manager"] and event.detail["year"] == 2026


def test_an_analyst_sees_the_la_child_id_but_not_the_name(client, world):
    a_referral(world)
    sign_in(client, world, "analyst")
    response = client.post(reverse("cin-census"), {"year": "2026"}, follow=True)
    page = response.content.decode()
    assert f"LA child ID {world.child.pk}" in page
    assert "Jonathan Smith" not in page
    assert reverse("person-record", args=[world.child.pk]) not in page


def test_the_file_downloads_and_each_download_is_audited(client, world):
    a_referral(world)
    Person.objects.filter(pk=world.child.pk).update(disability="no")
    sign_in(client, world, "analyst")
    client.post(reverse("cin-census"), {"year": "2026"})
    production = CensusProduction.objects.get()
    response = client.get(reverse("cin-census-download", args=[production.pk]))
    assert response["Content-Disposition"].endswith(f'"{production.filename}"')
    root = etree.fromstring(b"".join(response.streaming_content))
    assert root.findtext("Children/Child/ChildIdentifiers/LAchildID") == str(world.child.pk)
    assert AuditEvent.objects.filter(action="view", object_type="returns.CensusProduction",
                                     user=world.users["analyst"]).count() == 1


def test_check_only_keeps_no_file(client, world):
    a_referral(world)
    sign_in(client, world, "team_manager")
    client.post(reverse("cin-census"), {"year": "2026", "check_only": "on"})
    production = CensusProduction.objects.get()
    assert production.check_only and production.xml_gz is None
    assert client.get(reverse("cin-census-download", args=[production.pk])).status_code == 404


def test_a_year_there_is_no_census_for_is_refused_on_its_field(client, world):
    sign_in(client, world, "team_manager")
    response = client.post(reverse("cin-census"), {"year": "2019"})
    assert response.status_code == 200 and b"Choose the collection year." in response.content
    assert not CensusProduction.objects.exists()


def test_roles_without_figures_are_refused(client, world):
    for role in (Role.SOCIAL_WORKER, Role.HUB_WORKER, Role.PARTNER_LEAD_PROFESSIONAL):
        assert role not in FIGURES
        client.force_login(world.users[role.value])
        response = client.get(reverse("cin-census"))
        assert response.status_code == 403 and POLICY_REFUSAL in response.content.decode()


def test_the_api_produces_lists_details_and_serves_the_file(client, world):
    a_referral(world)
    headers = bearer(world.users["analyst"])
    url = reverse("api-1:cin-census-produce")
    made = client.post(url, json.dumps({"year": 2026}), content_type="application/json",
                       **headers)
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["children"] == 1 and body["schema_valid"] and body["has_file"]
    assert body["schema_file"] == "cin_census_2025_26.xsd"
    failure = next(f for f in body["failures"] if f["code"] == "8540")
    assert failure["la_child_id"] == str(world.child.pk) and failure["name"] == ""
    listed = client.get(reverse("api-1:cin-census-list"), **headers).json()
    assert [p["id"] for p in listed] == [body["id"]]
    detail = client.get(reverse("api-1:cin-census-detail", args=[body["id"]]), **headers)
    assert detail.json()["errors"] == body["errors"]
    file = client.get(reverse("api-1:cin-census-file", args=[body["id"]]), **headers)
    assert b"<CINreferralDate>2025-05-06</CINreferralDate>" in b"".join(file.streaming_content)
    # Produced, its failures looked at (they list children), and downloaded.
    assert sorted(AuditEvent.objects.filter(channel="api", object_type="returns.CensusProduction"
                                            ).values_list("action", flat=True)) == [
        "create", "view", "view"]


def test_the_api_names_the_year_when_there_is_no_census_for_it(client, world):
    response = client.post(reverse("api-1:cin-census-produce"), json.dumps({"year": 2019}),
                           content_type="application/json", **bearer(world.users["analyst"]))
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "year", "message": NO_SUCH_YEAR.format(
        years="2026")}]


# Each API operation with its method (the staff app's table covers the older apps).
OPERATIONS = {"cin-census-list": ("get", False), "cin-census-produce": ("post", False),
              "cin-census-detail": ("get", True), "cin-census-file": ("get", True)}


def test_every_role_against_every_census_api_operation(client, world):
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, with_id) in OPERATIONS.items():
            url = reverse(f"api-1:{name}", args=[999] if with_id else [])
            kwargs = {"content_type": "application/json"} if method == "post" else {}
            response = getattr(client, method)(url, "{}" if method == "post" else {},
                                               **kwargs, **headers)
            refused = response.status_code == 403 and POLICY_REFUSAL in response.json()[
                "detail"]
            if refused == (role in FIGURES):
                failures.append(f"{role.value} {name}: {response.status_code}")
    assert failures == []


def test_the_command_prints_progress_and_a_summary_and_writes_the_file(world, tmp_path):
    a_referral(world)
    out = StringIO()
    path = tmp_path / "cin.xml"
    call_command("cin_census", "--year", "2026", "--output", str(path), stdout=out)
    text = out.getvalue()
    assert "children read: 1 of 1" in text and "1 children, 1 episodes" in text
    assert "8540" in text and "valid against the census schema cin_census_2025_26.xsd" in text
    assert ("Checked against the census schema cin_census_2025_26.xsd (derived from the "
            "Department for Education's CIN census schema 2023-24 (Open Government Licence "
            "v3), as republished in Social Finance's liia-tools") in text
    assert etree.parse(str(path)).findtext(".//LAchildID") == str(world.child.pk)
    assert CensusProduction.objects.get().channel == "command"
    with pytest.raises(CommandError, match="1 DfE error rule failures"):
        call_command("cin_census", "--year", "2026", "--strict", stdout=StringIO())
    with pytest.raises(CommandError, match="Choose a collection year"):
        call_command("cin_census", "--year", "2019", stdout=StringIO())
