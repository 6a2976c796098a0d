"""Review of audit and need-to-know for every complex needs page and API read: each GET that
shows a young person's record is audited, and a practitioner whose role may use the page but
whose work does not involve the young person is refused, the refusal audited."""

from datetime import date

import pytest
from django.urls import reverse

from righthelp.complexneeds import services
from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer, make_user
from righthelp.staff.models import Role, Team

from .factories import cn_worker, young_person

pytestmark = pytest.mark.django_db

# URL name -> whether it takes the child's pk or the record's.
PAGES = {"cn-record": "child", "cn-record-new": "child", "cn-record-edit": "record",
         "cn-ehc": "record", "cn-transition": "record", "cn-record-close": "record"}
API_READS = {"api-1:cn-record": "child"}


@pytest.fixture
def work(world):
    worker = cn_worker()
    person = young_person(date(2010, 5, 1))
    record = services.record_open(actor=worker, person=person, sen_provision="E",
                                  primary_need="SLD", needs_summary="Needs 1:1 support.")
    return {"worker": worker, "child": person, "record": record}


def outsiders() -> list:
    other = Team.objects.get(code="strengthening-and-supporting-families")
    return [make_user(Role.SOCIAL_WORKER, "other-sw", team=other),
            make_user(Role.TEAM_MANAGER, "other-tm", team=other)]


def _args(work, name, table):
    return [work["child" if table[name] == "child" else "record"].pk]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_audits_the_read_and_refuses_outsiders(client, world, work, name):
    client.force_login(work["worker"])
    assert client.get(reverse(name, args=_args(work, name, PAGES))).status_code == 200
    assert AuditEvent.objects.filter(user=work["worker"], action="view",
                                     person=work["child"]).exists()
    for user in outsiders():
        client.force_login(user)
        response = client.get(reverse(name, args=_args(work, name, PAGES)))
        assert response.status_code == 403
        assert AuditEvent.objects.filter(user=user, action="deny",
                                         person=work["child"]).exists()
        assert not AuditEvent.objects.filter(user=user, action="view").exists()


@pytest.mark.parametrize("name", sorted(API_READS))
def test_api_reads_are_audited_and_refused_to_outsiders(client, world, work, name):
    path = reverse(name, args=_args(work, name, API_READS))
    assert client.get(path, **bearer(work["worker"])).status_code == 200
    assert AuditEvent.objects.filter(user=work["worker"], action="view", channel="api",
                                     person=work["child"]).exists()
    for user in outsiders():
        assert client.get(path, **bearer(user)).status_code in (403, 404)
        assert AuditEvent.objects.filter(user=user, action="deny", channel="api",
                                         person=work["child"]).exists()


def test_the_team_list_is_audited_like_a_search(client, world, work):
    client.force_login(work["worker"])
    assert work["child"].full_name in client.get(reverse("cn-list")).content.decode()
    listed = client.get(reverse("api-1:cn-list"), **bearer(work["worker"])).json()
    assert [row["person_id"] for row in listed] == [work["child"].pk]
    searches = AuditEvent.objects.filter(user=work["worker"], action="search")
    assert sorted(searches.values_list("channel", flat=True)) == ["api", "page"]
    assert {e.detail["results"] for e in searches} == {1}
    # Another team's social worker may use the page, and sees no one.
    outsider = outsiders()[0]
    client.force_login(outsider)
    assert work["child"].full_name not in client.get(reverse("cn-list")).content.decode()
