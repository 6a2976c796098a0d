"""The census page on a large council: the run carries on in the background, its page shows
how many children have been read and refreshes itself until the run has finished or failed;
a failed run shows why and offers nothing; one run a year at a time."""

import json
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from righthelp.core.models import AuditEvent
from righthelp.core.testing import PASSWORD
from righthelp.returns import services
from righthelp.returns.cin_census import produce
from righthelp.returns.models import CensusProduction
from righthelp.staff.models import ApiToken

from .records import referral

pytestmark = pytest.mark.django_db

RUNNING = CensusProduction.Status.RUNNING


def sign_in(client, world, role="team_manager"):
    client.login(username=world.users[role].username, password=PASSWORD)


def a_referral(world):
    return referral(world.child, world.users["social_worker"], world.users["cp_chair"])


def running(world, done=0, total=0, **fields) -> CensusProduction:
    """A run started on the page and not finished (its thread is not started here)."""
    production = services.start_census(user=world.users["team_manager"], year=2026)
    CensusProduction.objects.filter(pk=production.pk).update(
        children_done=done, children_total=total, **fields)
    production.refresh_from_db()
    return production


def broken(*args, **kwargs):
    raise OSError("No space left on device")


def test_a_running_census_shows_children_read_and_refreshes_itself(client, world):
    production = running(world, done=2000, total=7630)
    sign_in(client, world)
    response = client.get(reverse("cin-census-result", args=[production.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and response["Refresh"] == "2"
    assert "Read 2,000 of 7,630 children" in page and 'id="progress"' in page
    assert "by-rule" not in page and 'id="download"' not in page
    listed = client.get(reverse("cin-census")).content.decode()
    assert "Running</strong> 2000 of 7630 children read" in listed


def test_before_the_children_are_counted_it_says_so(client, world):
    production = running(world)
    sign_in(client, world)
    response = client.get(reverse("cin-census-result", args=[production.pk]))
    assert "Finding the children in the census" in response.content.decode()
    assert response["Refresh"] == "2"


def test_a_finished_census_does_not_refresh(client, world):
    a_referral(world)
    sign_in(client, world)
    response = client.post(reverse("cin-census"), {"year": "2026"}, follow=True)
    production = CensusProduction.objects.get()
    assert production.finished and production.finished_at and production.children == 1
    assert production.children_done == production.children_total == 1
    assert "Refresh" not in response and 'id="by-rule"' in response.content.decode()
    assert "Read 1 of 1" not in response.content.decode()


def test_a_failed_census_says_so_and_offers_nothing(client, world, monkeypatch):
    a_referral(world)
    monkeypatch.setattr(produce, "from_records", broken)
    sign_in(client, world)
    response = client.post(reverse("cin-census"), {"year": "2026"}, follow=True)
    page = response.content.decode()
    production = CensusProduction.objects.get()
    assert production.failed and production.error == "OSError: No space left on device"
    assert production.xml_gz is None and production.finished_at is not None
    assert "Refresh" not in response
    assert "The census could not be produced" in page and "No space left on device" in page
    assert f"run number {production.pk}" in page and "by-rule" not in page
    assert client.get(reverse("cin-census-download", args=[production.pk])).status_code == 404
    assert "Failed</strong>" in client.get(reverse("cin-census")).content.decode()
    # the failure does not block the year: the next run goes ahead
    monkeypatch.undo()
    client.post(reverse("cin-census"), {"year": "2026"})
    assert CensusProduction.objects.filter(status="finished").count() == 1


def test_a_second_run_of_the_year_is_refused_while_one_is_running(client, world):
    first = running(world, done=500, total=7630)
    sign_in(client, world, "analyst")
    response = client.post(reverse("cin-census"), {"year": "2026"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "The census for 1 April 2025 to 31 March 2026 is already being produced" in page
    assert "Wait for it to finish" in page
    assert list(CensusProduction.objects.all()) == [first]
    _, key = ApiToken.issue(user=world.users["analyst"], name="test")
    api = client.post(reverse("api-1:cin-census-produce"), json.dumps({"year": 2026}),
                      content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.status_code == 422 and "already being produced" in api.json()["detail"][0][
        "message"]
    with pytest.raises(CommandError, match="already being produced"):
        call_command("cin_census", "--year", "2026", stdout=StringIO())


def test_the_api_shows_a_running_production_with_its_progress_and_no_file(client, world):
    production = running(world, done=500, total=7630)
    _, key = ApiToken.issue(user=world.users["analyst"], name="test")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    body = client.get(reverse("api-1:cin-census-detail", args=[production.pk]),
                      **headers).json()
    assert body["status"] == "running" and not body["has_file"]
    assert (body["children_done"], body["children_total"]) == (500, 7630)
    file = client.get(reverse("api-1:cin-census-file", args=[production.pk]), **headers)
    assert file.status_code == 404


def test_a_run_that_stopped_reporting_is_marked_failed_and_frees_the_year(client, world):
    stopped = running(world, progress_at=timezone.now() - timedelta(minutes=31))
    sign_in(client, world)
    response = client.get(reverse("cin-census-result", args=[stopped.pk]))
    assert "Refresh" not in response and "righthelp was restarted" in response.content.decode()
    stopped.refresh_from_db()
    assert stopped.failed
    assert services.start_census(user=world.users["analyst"], year=2026).running


def test_the_page_audits_who_started_the_run(client, world):
    a_referral(world)
    sign_in(client, world)
    client.post(reverse("cin-census"), {"year": "2026"})
    event = AuditEvent.objects.get(action="create", object_type="returns.CensusProduction")
    assert event.user == world.users["team_manager"] and event.channel == "page"
    assert event.detail == {"return": "CIN census", "year": 2026, "check_only": False}


def test_progress_is_written_every_few_hundred_children_not_each(world):
    production = running(world)
    seen = []
    tracker = services._Progress(production.pk, 500, lambda done, total: seen.append(done))
    with CaptureQueriesContext(connection) as queries:
        for done in range(100, 1201, 100):
            tracker(done, 1200)
    assert len(queries) == 3  # at 500, 1,000 and the last, 1,200
    production.refresh_from_db()
    assert (production.children_done, production.children_total) == (1200, 1200)
    assert seen == list(range(100, 1201, 100))  # the command's progress lines still get all


def test_an_interrupted_command_leaves_its_run_failed(world, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(produce, "from_records", interrupted)
    with pytest.raises(KeyboardInterrupt):
        call_command("cin_census", "--year", "2026", stdout=StringIO())
    assert CensusProduction.objects.get().error == "KeyboardInterrupt"


@pytest.mark.django_db(transaction=True)
def test_the_page_runs_the_census_in_a_background_thread(client, world, settings,
                                                         monkeypatch):
    """The real thread, against a committed test database (its own connection)."""
    settings.RETURNS_CENSUS_IN_BACKGROUND = True
    ran_in = []
    run = services.run_production

    def watched(pk, **kwargs):
        ran_in.append(threading.current_thread())
        return run(pk, **kwargs)

    monkeypatch.setattr(services, "run_production", watched)
    a_referral(world)
    sign_in(client, world)
    response = client.post(reverse("cin-census"), {"year": "2026"})
    production = CensusProduction.objects.get()
    assert response.url == reverse("cin-census-result", args=[production.pk])
    for thread in threading.enumerate():
        if thread.name == f"cin-census-{production.pk}":
            thread.join(timeout=120)
    assert [t.name for t in ran_in] == [f"cin-census-{production.pk}"]
    assert ran_in[0] is not threading.main_thread() and not ran_in[0].is_alive()
    production.refresh_from_db()
    assert production.finished, production.error
    assert production.children == production.children_done == production.children_total == 1
    page = client.get(response.url)
    assert "Refresh" not in page and 'id="by-rule"' in page.content.decode()
    assert client.get(reverse("cin-census-download", args=[production.pk])).status_code == 200
