"""The directory's pages: open to everyone without signing in; editing for editors only."""

import pytest
from django.urls import reverse

from righthelp.directory import selectors, views
from righthelp.directory import services as writes
from righthelp.directory.models import Service, ServiceStatus
from righthelp.directory.services import NOT_AN_EDITOR
from righthelp.people.services import EDIT_CONFLICT

pytestmark = pytest.mark.django_db
SEARCH = reverse("directory-search")
EDITOR_PAGES = {"directory-editor", "directory-review", "directory-withdraw"}


def test_acceptance_parenting_within_2_miles_on_the_page(client, services):
    """Signed out: 'parenting' within 2 miles of FY1 6NN, nearest first, with distances."""
    page = client.get(SEARCH, {"q": "parenting", "postcode": "FY1 6NN", "within": "2"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "2 services within 2 miles of FY1 6NN, nearest first" in html
    near, middle = html.index("Revoe parents&#x27; group"), html.index("Triple P parenting")
    assert near < middle and "Grange Park parenting" not in html
    assert "0.2 miles away" in html and "1.4 miles away" in html


def test_a_bad_postcode_gets_a_clear_message_on_the_page(client, services):
    page = client.get(SEARCH, {"q": "parenting", "postcode": "FY9 9ZZ", "within": "2"})
    html = page.content.decode()
    message = selectors.UNKNOWN_POSTCODE.format(postcode="FY9 9ZZ").replace("'", "&#x27;")
    assert "There is a problem" in html and f"Postcode: {message}" in html
    assert 'href="#id_postcode"' in html and "govuk-form-group--error" in html
    malformed = client.get(SEARCH, {"postcode": "12345"}).content.decode()
    assert "Postcode: Enter a real postcode, like FY1 5AB" in malformed


def test_public_pages_show_no_staff_navigation(client, services):
    for url in (SEARCH, reverse("directory-service", args=[services["near"].pk]),
                reverse("directory-suggest")):
        html = client.get(url).content.decode()
        assert "Sign out" not in html and "Hub queue" not in html and "My deadlines" not in html
        assert "govuk-service-navigation" not in html


def test_a_service_page_shows_published_services_only(client, services):
    page = client.get(reverse("directory-service", args=[services["middle"].pk]))
    assert page.status_code == 200 and "Triple P parenting course" in page.content.decode()
    for hidden in ("suggested", "withdrawn"):
        assert client.get(reverse("directory-service", args=[services[hidden].pk])
                          ).status_code == 404


def test_anyone_suggests_a_service_and_it_waits_for_an_editor(client, world, services):
    page = client.post(reverse("directory-suggest"), {
        "name": "Dads' Saturday club", "description": "Play and breakfast for dads and kids.",
        "activity_types": ["parenting"], "postcode": "FY3 8aa", "cost_kind": "free",
        "suggested_by_name": "Lee Moss", "suggested_by_email": "lee@example.org"}, follow=True)
    assert views.SUGGESTION_THANKS.format(name="Dads' Saturday club").replace(
        "'", "&#x27;") in page.content.decode()
    service = Service.objects.get(name="Dads' Saturday club")
    assert (service.status, service.postcode) == (ServiceStatus.SUGGESTED, "FY3 8AA")
    assert "0 services" in client.get(SEARCH, {"q": "dads"}).content.decode()
    # The editor publishes it; now families find it.
    client.force_login(world.users["administrator"])
    listing = client.get(reverse("directory-editor")).content.decode()
    assert "Dads&#x27; Saturday club" in listing and "Lee Moss" in listing
    form = client.get(reverse("directory-review", args=[service.pk]))
    assert form.status_code == 200
    response = client.post(reverse("directory-review", args=[service.pk]), {
        "version": service.version, "publish": "1", "name": "Dads' Saturday club",
        "description": "Play and breakfast for dads and their children.", "postcode": "FY3 8AA",
        "activity_types": ["parenting"], "cost_kind": "free"})
    assert response.status_code == 302
    client.logout()
    found = client.get(SEARCH, {"q": "dads", "postcode": "FY3 8AB", "within": "1"})
    assert "Dads&#x27; Saturday club" in found.content.decode()


def test_a_suggestion_with_mistakes_names_each_field(client, postcodes):
    page = client.post(reverse("directory-suggest"), {"name": "", "postcode": "FY",
                                                      "cost_kind": "free", "age_min": "8",
                                                      "age_max": "3"})
    html = page.content.decode()
    assert "Your name: " + writes.NEED_SUGGESTER_NAME in html
    assert "Postcode: " + writes.POSTCODE_NOT_REAL in html
    assert "Oldest age (years): " + writes.AGES_OUT_OF_ORDER in html
    assert not Service.objects.exists()


def test_editor_pages_need_the_permission(client, world, services):
    target = services["suggested"]
    for url in (reverse("directory-editor"), reverse("directory-review", args=[target.pk]),
                reverse("directory-withdraw", args=[target.pk])):
        assert "/sign-in/" in client.get(url)["Location"]
        client.force_login(world.users["hub_worker"])
        refused = client.get(url)
        assert refused.status_code == 403 and NOT_AN_EDITOR.replace("'", "&#x27;") in \
            refused.content.decode()
        client.logout()


def test_an_editor_withdraws_a_service_with_a_reason(client, world, services):
    service = services["middle"]
    client.force_login(world.users["administrator"])
    url = reverse("directory-withdraw", args=[service.pk])
    refused = client.post(url, {"version": service.version, "reason": ""})
    assert services_message(refused) and Service.objects.get(pk=service.pk).is_published
    client.post(url, {"version": service.version, "reason": "The course has moved online."})
    assert Service.objects.get(pk=service.pk).status == ServiceStatus.WITHDRAWN
    stale = client.post(reverse("directory-review", args=[service.pk]), {
        "version": service.version, "save": "1", "name": "X", "description": "Y",
        "cost_kind": "free"})
    assert EDIT_CONFLICT in stale.content.decode()  # the page still showed the old version


def services_message(response) -> bool:
    return writes.NEED_WITHDRAW_REASON in response.content.decode()


def test_every_role_against_every_directory_page(client, world, services):
    """The core policy test, for this app's pages: public pages open to all, editor pages
    reachable by every role (the view then checks the permission, never the policy)."""
    from righthelp.core.url_policy import POLICY, POLICY_REFUSAL
    from righthelp.staff.models import Role

    pk = services["suggested"].pk
    urls = {"directory-search": SEARCH, "directory-suggest": reverse("directory-suggest"),
            "directory-service": reverse("directory-service", args=[services["near"].pk]),
            "directory-editor": reverse("directory-editor"),
            "directory-review": reverse("directory-review", args=[pk]),
            "directory-withdraw": reverse("directory-withdraw", args=[pk])}
    assert set(urls) == {n for n in POLICY if n.startswith("directory-")}
    failures = []
    for role in Role:
        client.force_login(world.users[role.value])
        for name, url in urls.items():
            response = client.get(url)
            refused = name in EDITOR_PAGES and role != Role.ADMINISTRATOR  # not an editor
            expected = 403 if refused else 200
            if response.status_code != expected or POLICY_REFUSAL in response.content.decode():
                failures.append(f"{role.value} {name}: {response.status_code}")
    assert failures == []
