"""The Hub manager's figures, from hand-built records with known answers."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from righthelp.core.clocks import LONDON
from righthelp.core.models import Locality, PartnerAgency
from righthelp.frontdoor import figures
from righthelp.frontdoor.models import (
    AdviceConsultation,
    HubDecision,
    NextStep,
    RequestChild,
    RequestForSupport,
)
from righthelp.people.models import Person

pytestmark = pytest.mark.django_db
FIGURES_QUERIES = 6  # received 1, on time 1, conversion 2, repeats 1, advice 1


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


@dataclass
class Data:
    world: object
    a: Person
    b: Person
    c: Person

    def request(self, received, *, child=None, locality="revoe", status="decided",
                kind="request_for_support", due=None):
        rfs = RequestForSupport.objects.create(
            kind=kind, source="online_form", status=status,
            referrer=self.world.users["partner_lead_professional"], received_at=received,
            queued_at=received, decision_due_at=due or (received and received + timedelta(days=1)),
            locality=Locality.objects.get(code=locality) if locality else None,
        )
        if child is not None:
            RequestChild.objects.create(request=rfs, person=child, given_names=child.given_names)
        return rfs

    def decide(self, rfs, decided_at, step, status="authorised"):
        return HubDecision.objects.create(
            request=rfs, level_of_need=3, reasoning="Reasons.", childs_voice="Words.",
            proposed_step=step, next_step=step, decided_by=self.world.users["hub_worker"],
            decided_at=decided_at, status=status,
        )

    def advice(self, when, kind, locality, advised):
        agency = PartnerAgency.objects.filter(kind=kind).first() if kind else None
        return AdviceConsultation.objects.create(
            at=when, recorded_by=self.world.users["hub_worker"], agency=agency,
            agency_kind=kind, locality=Locality.objects.get(code=locality) if locality else None,
            worry="A worry.", advice_given="Advice.", request_advised=advised,
        )


@pytest.fixture
def data(world):
    """Requests in March and April 2026 (and the spring before), with known figures.

    A = Jonathan, B = Amira, C = a third child. Deadlines are one day after arrival.
    """
    c = Person.objects.create(given_names="Chloe", family_name="Ward")
    d = Data(world, world.child, world.unallocated_child, c)
    d.request(at(2025, 3, 1, 10), child=d.a)  # r0: more than 12 months before r1
    d.request(at(2025, 3, 15, 10), child=d.b)  # r00: within 12 months of r2
    r1 = d.request(at(2026, 3, 2, 10), child=d.a)
    d.decide(r1, at(2026, 3, 2, 15), NextStep.ASSESSMENT)  # on time, converted
    r2 = d.request(at(2026, 3, 10, 10), child=d.b)  # repeat (r00)
    d.decide(r2, at(2026, 3, 12, 9), NextStep.EARLY_HELP)  # late, not converted
    r3 = d.request(at(2026, 3, 15, 11), child=d.c, locality="grange-park")
    d.decide(r3, at(2026, 3, 16, 11), NextStep.SPECIALIST)  # exactly at the deadline: on time
    r4 = d.request(at(2026, 3, 20, 10), child=d.a, status="awaiting_authorisation")  # repeat
    d.decide(r4, at(2026, 3, 20, 12), NextStep.ASSESSMENT, status="awaiting")  # not counted
    d.request(None, child=d.b, status="draft")  # r5: a draft is never counted
    r6 = d.request(at(2026, 3, 25, 10), child=d.b)  # repeat (r2)
    d.decide(r6, at(2026, 3, 27, 10), NextStep.RETURN_TO_TEAM)  # late, converted
    d.request(at(2026, 3, 28, 10), kind="missing", locality=None, status="in_queue")  # r7
    r8 = d.request(at(2026, 3, 29, 10), child=d.c, status="in_queue")  # repeat (r3)
    d.decide(r8, at(2026, 3, 29, 12), NextStep.ASSESSMENT, status="returned")  # not counted
    r9 = d.request(at(2026, 4, 2, 10), child=d.a)  # repeat (r1, r4)
    d.decide(r9, at(2026, 4, 6, 10), NextStep.SIGNPOST)  # late, not converted
    d.advice(at(2026, 3, 3, 10), "school", "revoe", True)
    d.advice(at(2026, 3, 4, 10), "school", "grange-park", False)
    d.advice(at(2026, 3, 5, 10), "police", "revoe", True)
    d.advice(at(2026, 3, 31, 23, 30), "", None, False)  # late on the last evening of March
    d.advice(at(2026, 4, 1, 0, 30), "health", "revoe", False)  # just after midnight: April
    return d


def counts(rows) -> dict:
    return {row.code: row.count for row in rows if row.count}


def test_requests_received_counts_submitted_requests_by_kind(data):
    march = figures.requests_received("2026-03")
    assert march.total == 7
    assert counts(march.by_kind) == {"request_for_support": 6, "missing": 1}
    assert figures.requests_received("2026-03", "revoe").total == 5
    assert figures.requests_received("2026-03", "grange-park").total == 1
    assert figures.requests_received().total == 10
    assert figures.requests_received("2026-05").total == 0


def test_decisions_within_one_working_day(data):
    assert figures.decisions_on_time("2026-03") == figures.OnTime(4, 2, 50.0)
    assert figures.decisions_on_time("2026-03", "revoe") == figures.OnTime(3, 1, 33.3)
    assert figures.decisions_on_time() == figures.OnTime(5, 2, 40.0)
    assert figures.decisions_on_time("2026-05") == figures.OnTime(0, 0, None)


def test_conversion_to_social_care_assessments_beside_the_published_figure(data):
    march = figures.conversion("2026-03")
    assert (march.decided, march.converted, march.percent) == (4, 3, 75.0)
    assert march.comparison_percent == 45.0 and "11,800" in march.comparison_source
    revoe = figures.conversion("2026-03", "revoe")
    assert (revoe.decided, revoe.converted, revoe.percent) == (3, 2, 66.7)
    every = figures.conversion()
    assert (every.decided, every.converted, every.percent) == (5, 3, 60.0)


def test_repeat_requests_for_the_same_child_within_twelve_months(data):
    assert figures.repeat_requests("2026-03") == figures.Repeats(7, 4, 57.1)
    assert figures.repeat_requests("2026-03", "revoe") == figures.Repeats(5, 4, 80.0)
    assert figures.repeat_requests("2026-04") == figures.Repeats(1, 1, 100.0)
    assert figures.repeat_requests() == figures.Repeats(10, 5, 50.0)


def test_advice_line_consultations_by_agency_kind(data):
    march = figures.advice_by_agency_kind("2026-03")
    assert (march.total, march.request_advised) == (4, 2)
    assert counts(march.by_agency_kind) == {"school": 2, "police": 1, "": 1}
    assert march.by_agency_kind[-1].label == figures.NOT_RECORDED
    assert march.largest == 2
    revoe = figures.advice_by_agency_kind("2026-03", "revoe")
    assert counts(revoe.by_agency_kind) == {"school": 1, "police": 1}
    assert figures.advice_by_agency_kind("2026-04").total == 1
    assert figures.advice_by_agency_kind().total == 5
    empty = figures.advice_by_agency_kind("2026-05")
    assert empty.total == 0 and empty.largest == 1
    assert {row.code for row in empty.by_agency_kind} == set(PartnerAgency.Kind.values)


def test_filters_are_checked_per_field():
    with pytest.raises(ValidationError) as error:
        figures.month_bounds("2026-13")
    assert error.value.message_dict == {"month": [figures.BAD_MONTH]}
    assert figures.month_bounds("2026-12") == (at(2026, 12, 1), at(2027, 1, 1))
    assert figures.month_bounds("") is None


def test_unknown_locality_is_refused(world):
    with pytest.raises(ValidationError) as error:
        figures.check_filters("May", "atlantis")
    assert set(error.value.message_dict) == {"month", "locality"}
    figures.check_filters("2026-03", "revoe")


def test_a_fixed_number_of_queries_whatever_the_data(data):
    with CaptureQueriesContext(connection) as few:
        figures.hub_figures("2026-03", "revoe")
    for day in range(1, 25):
        rfs = data.request(at(2026, 3, day, 14), child=data.a)
        data.decide(rfs, at(2026, 3, day, 15), NextStep.ASSESSMENT)
        data.advice(at(2026, 3, day, 9), "health", "revoe", True)
    with CaptureQueriesContext(connection) as many:
        result = figures.hub_figures("2026-03", "revoe")
    assert len(few) == len(many) == FIGURES_QUERIES
    assert result.received.total == 29 and result.on_time == figures.OnTime(27, 25, 92.6)


# --- The page -----------------------------------------------------------------------------------


URL = "/front-door/figures/"


def test_the_page_shows_the_filtered_figures(client, data):
    client.force_login(data.world.users["hub_manager"])
    response = client.get(URL, {"month": "2026-03", "locality": "revoe"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Showing: March 2026; Revoe" in page
    assert 'id="received">5<' in page
    assert "33.3%" in page and "1 of 3 authorised decisions" in page
    assert "66.7%" in page and "For comparison: 45%" in page
    assert "4 (80.0%)" in page
    assert "<svg" in page and "School or college" in page


def test_the_page_explains_bad_filters(client, data):
    client.force_login(data.world.users["analyst"])
    response = client.get(URL, {"month": "2026-13", "locality": "atlantis"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert escape(figures.BAD_MONTH) in page and escape(figures.UNKNOWN_LOCALITY) in page
    assert response.context["figures"] is None


def test_the_page_without_filters_shows_everything_and_an_older_month_works(client, data):
    client.force_login(data.world.users["team_manager"])
    page = client.get(URL).content.decode()
    assert "Showing: All months; All localities" in page and 'id="received">10<' in page
    older = client.get(URL, {"month": "2025-03"})
    assert older.status_code == 200 and 'id="received">2<' in older.content.decode()


def test_the_page_is_only_for_managers_and_analysts(client, world):
    client.force_login(world.users["hub_worker"])
    assert client.get(URL).status_code == 403
    client.force_login(world.users["partner_lead_professional"])
    assert client.get(URL).status_code == 403


def test_the_page_runs_a_fixed_number_of_queries(client, data):
    client.force_login(data.world.users["hub_manager"])
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"month": "2026-03"})
    for day in range(1, 20):
        rfs = data.request(at(2026, 3, day, 14), child=data.b, locality="grange-park")
        data.decide(rfs, at(2026, 3, day, 15), NextStep.EARLY_HELP)
        data.advice(at(2026, 3, day, 9), "housing", "grange-park", False)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, {"month": "2026-03"})
    assert response.status_code == 200
    assert len(few) == len(many)
