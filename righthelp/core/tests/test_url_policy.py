"""Every role against every URL of the app, checked against the one written policy."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from righthelp.core.url_policy import POLICY, POLICY_REFUSAL, PUBLIC, allows, policy_for
from righthelp.staff.models import Allocation, Role


def all_url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= all_url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def test_every_url_has_a_policy_entry():
    missing = sorted(n for n in all_url_names() if policy_for(n) is None)
    assert missing == [], f"Add these URL names to core/url_policy.py POLICY: {missing}"


def test_policy_names_no_url_that_does_not_exist():
    names = all_url_names()
    stale = [n for n in POLICY if not n.endswith(":*") and n not in names]
    assert stale == []


# Admin has dozens of URLs behind one entry: check a representative few.
CHECKED_ADMIN = {"admin:index", "admin:core_timescale_changelist", "admin:staff_team_changelist"}


def _urls_to_check(world):
    allocation = Allocation.objects.filter(person=world.child).first()
    for name in sorted(all_url_names()):
        if name.startswith("admin:") and name not in CHECKED_ADMIN:
            continue
        if name.startswith("api-1:") and policy_for(name) != PUBLIC:
            # API operations share paths across methods: staff/tests/test_api.py runs every
            # role against every operation with its own method, against this same POLICY.
            continue
        for args in ([], [world.child.pk], [allocation.pk]):
            try:
                url = reverse(name, args=args)
            except Exception:  # noqa: BLE001 - try the next set of arguments
                continue
            if name == "allocation-end":
                url = reverse(name, args=[allocation.pk])
            yield name, url
            break


def _refused_by_policy(response) -> bool:
    return response.status_code in (401, 403) and POLICY_REFUSAL in response.content.decode()


@pytest.mark.django_db
def test_every_role_against_every_url(client, world):
    failures = []
    urls = list(_urls_to_check(world))
    pages = {n for n in all_url_names() if not n.startswith(("admin:", "api-1:"))}
    assert pages <= {name for name, _ in urls}  # every page URL is exercised
    for role in Role:
        client.force_login(world.users[role.value])
        for name, url in urls:
            rule = policy_for(name)
            allowed = rule == PUBLIC or role in rule
            response = client.get(url)
            if allowed == _refused_by_policy(response):
                failures.append(f"{role.value} GET {url} ({name}): {response.status_code}")
        client.logout()
    assert failures == []


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    for name, url in _urls_to_check(world):
        if policy_for(name) == PUBLIC or url.startswith("/api/"):
            continue
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], name


@pytest.mark.django_db
def test_menu_and_figures_offer_only_pages_the_role_may_use(client, world):
    from righthelp.core.context_processors import NAVIGATION

    for role, user in world.users.items():
        client.force_login(user)
        page = client.get("/").content.decode()
        for label, name, _roles in NAVIGATION:
            if f">{label}</a>" in page:
                assert allows(name, user), f"{role} is offered {name}"
        figures = client.get("/figures/")
        assert figures.status_code == (200 if allows("figures", user) else 403)
        if figures.status_code == 200:
            text = figures.content.decode()
            assert "Children in Need census" in text and "Early help" in text
    client.force_login(world.users["social_worker"])
    page = client.get("/").content.decode()
    for label in ("Social work", "Families Together", "Complex needs", "Family services"):
        assert f">{label}</a>" in page, label
