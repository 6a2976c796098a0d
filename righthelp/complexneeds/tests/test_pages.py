"""Complex needs pages: opening a record, the EHC plan and transition plan, the team's list
with transition deadlines (query count flat), and who may see what."""

from datetime import date
from html import escape

import pytest
from django.urls import reverse

from righthelp.complexneeds import services
from righthelp.complexneeds.models import ComplexNeedsRecord

from .factories import cn_worker, young_person

pytestmark = pytest.mark.django_db


def _open(worker, person):
    return services.record_open(actor=worker, person=person, sen_provision="E",
                                primary_need="SLD", needs_summary="Needs 1:1 support.")


def test_open_a_record_and_keep_its_plans(client, world):
    worker = cn_worker()
    maya = young_person(date(2011, 9, 1))  # 15
    # The Hub's routing gives the team the child; here the team is given the involvement.
    from righthelp.people.models import Involvement
    Involvement.objects.create(person=maya, kind="complex_needs", team=worker.memberships.get(
    ).team, start=date(2026, 11, 1))
    client.force_login(worker)
    page = client.get(reverse("cn-record", args=[maya.pk])).content.decode()
    assert "No complex needs record." in page and reverse("cn-record-new", args=[maya.pk]) in page
    bad = client.post(reverse("cn-record-new", args=[maya.pk]),
                      {"sen_provision": "E", "needs_summary": "x"})
    assert "Primary type of need: " + services.PRIMARY_NEED_NEEDED in bad.content.decode()
    client.post(reverse("cn-record-new", args=[maya.pk]), {
        "sen_provision": "E", "primary_need": "SLD", "needs_summary": "Needs 1:1 support.",
        "childs_words": "I love swimming."})
    record = ComplexNeedsRecord.objects.get(person=maya)
    client.post(reverse("cn-ehc", args=[record.pk]), {
        "requested_on": "06/01/2025", "issued_on": "20/05/2025",
        "last_annual_review_on": "15/05/2026"})
    client.post(reverse("cn-transition", args=[record.pk]), {
        "young_persons_words": "I want to go to college.", "adult_services": "Adult social care",
        "education_employment": "College", "housing": "Home", "health": "GP",
        "review_on": "01/05/2027"})
    page = client.get(reverse("cn-record", args=[maya.pk])).content.decode()
    assert "15 May 2027" in page  # the next annual review, 12 months on
    assert "Within 20 weeks" in page
    assert "I want to go to college." in page
    assert "Met late" in page or "Met on time" in page
    stale = client.post(reverse("cn-record-edit", args=[record.pk]), {
        "version": "0", "sen_provision": "K", "primary_need": "MLD", "needs_summary": "x"})
    assert "Someone else saved changes" in stale.content.decode()


def test_age_refusal_is_shown(client, world):
    worker = cn_worker()
    old = young_person(date(1995, 1, 1))
    from righthelp.people.models import Involvement
    Involvement.objects.create(person=old, kind="complex_needs", team=worker.memberships.get(
    ).team, start=date(2026, 11, 1))
    client.force_login(worker)
    page = client.post(reverse("cn-record-new", args=[old.pk]), {
        "sen_provision": "N", "needs_summary": "x"}).content.decode()
    assert escape(services.AGE_OUTSIDE_SERVICE.format(age=31)) in page


def test_team_list_with_deadlines_and_flat_queries(client, world, django_assert_max_num_queries):
    worker = cn_worker()
    for year in (2010, 2012):
        _open(worker, young_person(date(year, 6, 1), given=f"Young{year}"))
    client.force_login(worker)
    with django_assert_max_num_queries(20) as few:
        page = client.get(reverse("cn-list")).content.decode()
    assert page.index("Young2010") < page.index("Young2012")  # soonest deadline first
    # Both are past 14 with no transition plan: planning is overdue.
    assert "Start transition planning (14th birthday)" in page and "Overdue" in page
    for n in range(6):
        _open(worker, young_person(date(2009 + n, 1, 1), given=f"More{n}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("cn-list")).content.decode()
    assert page.count("More") == 6
    plan = {"adult_services": "a", "education_employment": "b", "housing": "c", "health": "d",
            "young_persons_words": "e", "review_on": date(2027, 1, 1)}
    young = ComplexNeedsRecord.objects.get(person__given_names="Young2010")
    services.transition_plan_save(actor=worker, record=young, version=None, **plan)
    due = client.get(reverse("cn-list") + "?due=1").content.decode()
    assert "Young2012" in due
    assert "Young2010" not in due  # planning met; 18 in June 2028 is not due soon


def test_who_sees_what(client, world):
    worker = cn_worker()
    record = _open(worker, world.child)
    client.force_login(world.users["social_worker"])  # allocated: can read, not write
    assert "Needs 1:1 support." in client.get(
        reverse("cn-record", args=[world.child.pk])).content.decode()
    refused = client.post(reverse("cn-record-edit", args=[record.pk]), {
        "version": "1", "sen_provision": "K", "primary_need": "MLD", "needs_summary": "x"})
    assert refused.status_code == 403
    assert "open to the team" not in client.get(reverse("cn-list")).content.decode()
    client.force_login(world.users["awaken_worker"])  # no need to know
    assert client.get(reverse("cn-record", args=[world.child.pk])).status_code == 403
    client.force_login(world.users["analyst"])
    assert client.get(reverse("cn-list")).status_code == 403
