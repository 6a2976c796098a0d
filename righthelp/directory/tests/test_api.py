"""The directory over JSON: search, details and suggestions are open; approving and
withdrawing are for editors."""

import pytest
from django.urls import reverse

from righthelp.core.testing import bearer
from righthelp.core.url_policy import POLICY, POLICY_REFUSAL, PUBLIC
from righthelp.directory import selectors
from righthelp.directory import services as writes
from righthelp.directory.models import Service, ServiceStatus
from righthelp.staff.models import Role

pytestmark = pytest.mark.django_db
API = "/api/v1/directory"


def test_acceptance_search_parenting_within_2_miles_without_a_token(client, services):
    response = client.get(f"{API}/services", {"q": "parenting", "postcode": "fy1 6nn",
                                              "within": 2})
    assert response.status_code == 200
    body = response.json()
    assert (body["postcode"], body["within_miles"]) == ("FY1 6NN", 2)
    assert [(r["name"], r["miles"]) for r in body["results"]] == [
        ("Revoe parents' group", 0.16), ("Triple P parenting course", 1.44)]
    assert body["results"][0]["activity_types"] == ["parenting"]


def test_a_bad_postcode_is_a_422_naming_the_field(client, services):
    response = client.get(f"{API}/services", {"q": "parenting", "postcode": "FY9 9ZZ"})
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "postcode", "message": (
        selectors.UNKNOWN_POSTCODE.format(postcode="FY9 9ZZ"))}]
    malformed = client.get(f"{API}/services", {"q": "parenting", "postcode": "FY1"})
    assert malformed.status_code == 422
    assert malformed.json()["detail"] == [{"field": "postcode",
                                           "message": selectors.BAD_POSTCODE}]
    wrong = client.get(f"{API}/services", {"postcode": "FY1 6NN", "within": 3})
    assert wrong.json()["detail"] == [{"field": "within", "message": selectors.BAD_DISTANCE}]


def test_service_detail_is_public_for_published_services_only(client, services):
    shown = client.get(f"{API}/services/{services['middle'].pk}")
    assert shown.status_code == 200 and shown.json()["postcode"] == "FY1 2AA"
    assert client.get(f"{API}/services/{services['suggested'].pk}").status_code == 404


def test_anyone_suggests_over_the_api(client, postcodes):
    response = client.post(f"{API}/suggestions", {
        "name": "Bump and baby café", "description": "Tea and chat for new parents.",
        "activity_types": ["baby-and-early-years"], "postcode": "FY2 9AA",
        "suggested_by_name": "Kim", "suggested_by_email": "kim@example.org"},
        content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == "suggested"
    service = Service.objects.get(pk=response.json()["id"])
    assert [k.code for k in service.activity_types.all()] == ["baby-and-early-years"]
    missing = client.post(f"{API}/suggestions", {
        "name": "X", "description": "Y", "activity_types": ["juggling"]},
        content_type="application/json")
    assert missing.status_code == 422
    assert {e["field"] for e in missing.json()["detail"]} == {"activity_types"}
    unnamed = client.post(f"{API}/suggestions", {"name": "X", "description": "Y"},
                          content_type="application/json")
    assert {e["field"] for e in unnamed.json()["detail"]} == {"suggested_by_name",
                                                               "suggested_by_email"}


def test_approve_and_withdraw_need_an_editor(client, world, services):
    target = services["suggested"]
    url = f"{API}/services/{target.pk}/approve"
    body = {"version": target.version}
    assert client.post(url, body, content_type="application/json").status_code == 401
    refused = client.post(url, body, content_type="application/json",
                          **bearer(world.users["hub_worker"]))
    assert refused.status_code == 403 and refused.json()["detail"] == writes.NOT_AN_EDITOR
    admin = bearer(world.users["administrator"])
    approved = client.post(url, body, content_type="application/json", **admin)
    assert approved.status_code == 200 and approved.json()["status"] == "published"
    stale = client.post(f"{API}/services/{target.pk}/withdraw",
                        {"version": target.version, "reason": "Closed"},
                        content_type="application/json", **admin)
    assert stale.status_code == 409
    gone = client.post(f"{API}/services/{target.pk}/withdraw",
                       {"version": approved.json()["version"], "reason": "Closed"},
                       content_type="application/json", **admin)
    assert gone.status_code == 200
    assert Service.objects.get(pk=target.pk).status == ServiceStatus.WITHDRAWN


# Each of the directory's API operations with its own method.
OPERATIONS = {
    "directory-search": ("get", ()), "directory-service": ("get", ("service",)),
    "directory-suggest": ("post", ()), "directory-approve": ("post", ("service",)),
    "directory-withdraw": ("post", ("service",)),
}


def test_every_role_against_every_directory_operation(client, world, services):
    names = {n.removeprefix("api-1:") for n in POLICY if n.startswith("api-1:directory-")}
    assert names == set(OPERATIONS)
    failures = []
    for role in Role:
        headers = bearer(world.users[role.value])
        for name, (method, args) in OPERATIONS.items():
            url = reverse(f"api-1:{name}", args=[services["suggested"].pk for _ in args])
            kwargs = {"content_type": "application/json"} if method != "get" else {}
            response = getattr(client, method)(url, {} if method == "get" else "{}",
                                               **kwargs, **headers)
            refused = response.status_code == 403 and POLICY_REFUSAL in response.json()["detail"]
            allowed = POLICY[f"api-1:{name}"] == PUBLIC or role in POLICY[f"api-1:{name}"]
            if refused == allowed:
                failures.append(f"{role.value} {method.upper()} {url}: {response.status_code}")
    assert failures == []
