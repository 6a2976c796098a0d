"""Early help figures for managers, from hand-built records with known answers."""

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from righthelp.core.clocks import LONDON
from righthelp.core.models import Deadline, Locality, PartnerAgency
from righthelp.earlyhelp import figures
from righthelp.earlyhelp.figures import Month, Period
from righthelp.earlyhelp.models import EarlyHelpEpisode, EpisodeMember, StepDown, StepUp
from righthelp.frontdoor.models import RequestForSupport
from righthelp.people.models import Family, Involvement, Person
from righthelp.staff.models import ApiToken, Role, Team, User

pytestmark = pytest.mark.django_db
PERIOD = Period(date(2026, 3, 1), date(2026, 4, 30))
MARCH, APRIL = Month(2026, 3), Month(2026, 4)
URL = "/early-help/figures/"


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=LONDON)


@dataclass
class Data:
    world: object
    schools: User
    health: User
    council: User
    team: Team
    children: dict

    def episode(self, opened, *, lead=None, locality="revoe", status="open", closed=None,
                reason="", kids=()):
        partner = lead is not None and lead.role == Role.PARTNER_LEAD_PROFESSIONAL
        episode = EarlyHelpEpisode.objects.create(
            family=Family.objects.create(name="A family"), status=status,
            opened_via="partner", level_of_need=2, opened_at=opened,
            opened_by=self.world.users["early_help_practitioner"], lead_professional=lead,
            lead_agency=lead.agency if partner else None,
            lead_team=self.team if lead is not None and not partner else None,
            locality=Locality.objects.get(code=locality) if locality else None,
            closed_at=closed, closure_reason=reason)
        for name in kids:
            EpisodeMember.objects.create(episode=episode, person=self.children[name],
                                         is_child=True, added_by=episode.opened_by)
        return episode

    def step_up(self, episode, when):
        rfs = RequestForSupport.objects.create(
            kind="request_for_support", source="online_form", status="in_queue",
            referrer=self.schools, received_at=when)
        return StepUp.objects.create(episode=episode, risk_change="escalated",
                                     what_changed="The police were called to the home.",
                                     shared_summary="Summary.", request=rfs,
                                     stepped_up_by=self.schools, stepped_up_at=when)

    def step_down(self, episode, when, child="A"):
        involvement = Involvement.objects.create(person=self.children[child], kind="cafa",
                                                 start=date(2025, 1, 1), end=when.date())
        return StepDown.objects.create(episode=episode, from_involvement=involvement,
                                       handover_plan="The plan.",
                                       stepped_down_by=self.world.users["social_worker"],
                                       stepped_down_at=when)

    def review_deadline(self, due_day, met=None, rule=figures.REVIEW_RULE):
        return Deadline.objects.create(
            person=self.children["A"], rule=rule, rule_name="Review", subject="Review",
            started_at=at(2026, 1, 1), due_at=datetime.combine(due_day, datetime.max.time(),
                                                               tzinfo=LONDON).replace(
                                                                   microsecond=0),
            met_at=met)

    def work(self, child, kind, start):
        return Involvement.objects.create(person=self.children[child], kind=kind, start=start)


def _partner(username: str, agency: str) -> User:
    return User.objects.create_user(username=username, password="x", role="partner_lead_"
                                    "professional", agency=PartnerAgency.objects.get(code=agency))


@pytest.fixture
def data(world):
    """Episodes around March and April 2026 with known figures (see each line)."""
    children = {name: Person.objects.create(given_names=name, family_name="Child")
                for name in "ABCD"}
    d = Data(world, world.users["partner_lead_professional"],
             _partner("health-visitor", "blackpool-teaching-hospitals"),
             world.users["early_help_practitioner"], Team.objects.get(code="early-help-revoe"),
             children)
    d.episode(at(2026, 1, 10), lead=d.schools)  # e1: open, schools, Revoe
    e2 = d.episode(at(2026, 3, 5, 10), lead=d.council)  # e2: council-led, opened March
    d.step_down(e2, at(2026, 3, 5, 10))  # a March step-down
    # e3: a health visitor, opened late on 31 March (local time: still March).
    e3 = d.episode(at(2026, 3, 31, 23, 30), lead=d.health, locality="grange-park")
    d.step_down(e3, at(2026, 3, 31, 23, 30))
    # e4: just after midnight on 1 April: April; the lead not agreed yet, no locality.
    e4 = d.episode(at(2026, 4, 1, 0, 30), status="agreeing_lead", locality=None)
    d.step_down(e4, at(2026, 4, 1, 0, 30))
    # e5: closed in March with outcomes met (children A and B).
    d.episode(at(2025, 11, 1), lead=d.schools, locality="talbot-brunswick", status="closed",
              closed=at(2026, 3, 15, 12), reason="outcomes_met", kids="AB")
    # e6: closed in April, consent withdrawn (child C); stepped up in February first.
    e6 = d.episode(at(2026, 2, 1), lead=d.council, status="closed",
                   closed=at(2026, 4, 10, 12), reason="consent_withdrawn", kids="C")
    d.step_up(e6, at(2026, 2, 20, 10))
    # e7: opened in March, closed in May: open on 30 April.
    d.episode(at(2026, 3, 2), lead=d.schools, status="closed", closed=at(2026, 5, 5),
              reason="outcomes_met")
    d.episode(at(2026, 5, 10), lead=d.schools)  # e8: after the period
    # e9: stepped up in March and waiting for the Hub; child A is in it too.
    e9 = d.episode(at(2025, 12, 1), lead=d.schools, locality="grange-park",
                   status="stepped_up", kids="A")
    d.step_up(e9, at(2026, 3, 25, 10))
    # e10: stepped up in April, then closed as social care leads (child D): not in the
    # "stepped up again" cohort.
    e10 = d.episode(at(2025, 10, 1), lead=d.schools, status="closed",
                    closed=at(2026, 4, 20, 12), reason="stepped_up", kids="D")
    d.step_up(e10, at(2026, 4, 18, 10))
    # Social care work after closing: B's starts the day e5 closed (not after it) and again
    # after the lookback; C's within it; D's does not count (closed by a step up).
    d.work("B", "cafa", date(2026, 3, 15))
    d.work("B", "cafa", date(2027, 3, 16))
    d.work("B", "early_help", date(2026, 6, 1))  # early help again is not social care
    d.work("C", "child_in_need", date(2026, 6, 1))
    d.work("D", "cafa", date(2026, 6, 1))
    # Review deadlines.
    d.review_deadline(date(2026, 3, 10), met=at(2026, 3, 9, 12))  # on time
    d.review_deadline(date(2026, 3, 20), met=at(2026, 3, 20, 23, 59, 59, 400000))  # on time
    d.review_deadline(date(2026, 4, 5), met=at(2026, 4, 8, 12))  # late
    d.review_deadline(date(2026, 4, 25))  # overdue
    d.review_deadline(date(2026, 5, 2))  # due after the period
    d.review_deadline(date(2026, 2, 27), met=at(2026, 2, 27, 9))  # due before it
    d.review_deadline(date(2026, 3, 15), rule="child-protection-review")  # another clock
    return d


def counts(rows) -> dict:
    return {row.label: row.count for row in rows}


def test_open_episodes_by_locality_and_by_who_leads(data):
    result = figures.open_episodes(PERIOD)
    assert result.total == 6  # e1, e2, e3, e4, e7, e9
    assert counts(result.by_locality) == {
        "Grange Park": 2, "Revoe": 3, "Talbot and Brunswick": 0, figures.NO_LOCALITY: 1}
    assert {row.code: row.count for row in result.by_lead} == {
        "blackpool-schools": 3, "blackpool-teaching-hospitals": 1, "early-help-revoe": 1,
        "": 1}
    assert result.by_lead[-1].label == figures.NOT_AGREED
    assert (result.partner_led, result.council_led, result.not_agreed) == (4, 1, 1)
    assert result.partner_percent == 80.0
    assert result.by_lead[0].count == 3  # the largest partner first
    early = figures.open_episodes(Period(date(2026, 1, 1), date(2026, 3, 1)))
    assert early.total == 5  # e1, e5, e6, e9, e10 (e7 opened on 2 March)


def test_agency_names_come_from_the_council_settings(data):
    names = {row.code: row.label for row in figures.open_episodes(PERIOD).by_lead}
    assert names["blackpool-schools"] == PartnerAgency.objects.get(
        code="blackpool-schools").name
    assert names["early-help-revoe"] == "Early Help: Revoe"


def test_who_leads_the_episodes_opened_each_month(data):
    result = figures.partner_led_by_month(PERIOD)
    march, april = result.months
    assert march == figures.MonthLeads(MARCH, 2, 1, 0)  # e3 (late on 31 March), e7; e2
    assert march.partner_percent == 66.7 and march.opened == 3
    assert april == figures.MonthLeads(APRIL, 0, 0, 1)  # e4, just after midnight
    assert april.partner_percent is None
    assert (result.opened, result.partner_led, result.council_led) == (4, 2, 1)
    assert result.partner_percent == 66.7


def test_reviews_on_time_from_the_review_deadlines(data):
    assert figures.reviews_on_time(PERIOD, at(2026, 5, 15)) == figures.Reviews(4, 2, 1, 1)
    assert figures.reviews_on_time(PERIOD, at(2026, 5, 15)).percent == 50.0
    # Before the last one fell due, only three were due.
    before = figures.reviews_on_time(PERIOD, at(2026, 4, 20))
    assert before == figures.Reviews(3, 2, 1, 0) and before.percent == 66.7
    assert figures.reviews_on_time(Period(date(2026, 6, 1), date(2026, 6, 30)),
                                   at(2026, 7, 1)).percent is None


def test_step_ups_and_step_downs_per_month(data):
    result = figures.steps_by_month(PERIOD)
    assert result.months == [figures.MonthSteps(MARCH, 1, 2), figures.MonthSteps(APRIL, 1, 1)]
    assert (result.ups, result.downs, result.largest) == (2, 3, 2)
    february = figures.steps_by_month(Period(date(2026, 2, 1), date(2026, 2, 28)))
    assert (february.ups, february.downs) == (1, 0)


def test_episodes_closed_with_outcomes_met(data):
    result = figures.closures(PERIOD)
    assert (result.total, result.outcomes_met, result.percent) == (3, 1, 33.3)
    assert {row.code: row.count for row in result.by_reason if row.count} == {
        "outcomes_met": 1, "consent_withdrawn": 1, "stepped_up": 1}


def test_children_stepped_up_within_the_lookback_of_closing(data):
    assert figures.lookback_months() == 12  # councils/blackpool.toml
    result = figures.stepped_up_after_closing(PERIOD)
    # A (a later episode stepped up) and C (a child in need plan); not B; D is not counted.
    assert (result.months, result.children, result.stepped_up) == (12, 3, 2)
    assert result.percent == 66.7
    # With a lookback of one month, C's plan (June) is too late.
    assert figures.stepped_up_after_closing(PERIOD, months=1).stepped_up == 1


def test_periods_are_checked_per_field():
    today = date(2026, 11, 23)
    assert figures.default_period(today) == Period(date(2025, 12, 1), today)
    assert len(figures.default_period(today).months) == 12
    assert figures.period_from("", "", today) == figures.default_period(today)
    assert figures.period_from("2026-03-01", "2026-04-30", today) == PERIOD
    with pytest.raises(ValidationError) as error:
        figures.period_from("2026-13-01", "31/04/2026", today)
    assert error.value.message_dict == {"first": [figures.BAD_DATE], "last": [figures.BAD_DATE]}
    with pytest.raises(ValidationError) as error:
        figures.period_from("2026-05-01", "2026-04-30", today)
    assert error.value.message_dict == {"first": [figures.START_AFTER_END]}
    with pytest.raises(ValidationError) as error:
        figures.period_from("2020-01-01", "2026-04-30", today)
    assert error.value.message_dict == {"first": [figures.TOO_LONG]}


def test_a_fixed_number_of_queries_whatever_the_data(data):
    with CaptureQueriesContext(connection) as few:
        figures.early_help_figures(PERIOD, at(2026, 5, 15))
    for day in range(1, 20):
        episode = data.episode(at(2026, 3, day, 9), lead=data.health, status="closed",
                               closed=at(2026, 4, day, 9), reason="outcomes_met", kids="BC")
        data.step_up(episode, at(2026, 3, day, 10))
        data.step_down(episode, at(2026, 3, day, 9), child="C")
        data.review_deadline(date(2026, 4, day), met=at(2026, 4, day, 9))
    with CaptureQueriesContext(connection) as many:
        result = figures.early_help_figures(PERIOD, at(2026, 5, 15))
    assert len(few) == len(many) == figures.FIGURES_QUERIES
    assert result.closures.total == 22 and result.steps.ups == 21
    assert result.reviews == figures.Reviews(23, 21, 1, 1)


# --- The page and the API ---------------------------------------------------------------------


def test_the_page_shows_the_figures_for_the_period(client, data):
    client.force_login(data.world.users["hub_manager"])
    response = client.get(URL, {"first": "2026-03-01", "last": "2026-04-30"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Showing: 1 March 2026 to 30 April 2026" in page
    assert 'id="open">6<' in page
    assert "80.0%" in page and "4 led by a partner" in page
    assert "50.0%" in page and "2 of 4 reviews due held by the deadline" in page
    assert 'id="step-ups">2<' in page and 'id="step-downs">3<' in page
    assert "1 (33.3%)" in page and "of 3 episodes closed" in page
    assert "2 of 3 children" in page
    assert page.count("<svg") == 2 and "Mar 2026" in page


def test_the_page_defaults_to_the_last_twelve_months(client, data):
    client.force_login(data.world.users["analyst"])
    response = client.get(URL)
    assert response.status_code == 200
    period = response.context["figures"].period
    assert period == figures.default_period(period.last) and len(period.months) == 12


def test_the_page_explains_bad_dates(client, data):
    client.force_login(data.world.users["team_manager"])
    response = client.get(URL, {"first": "2026-13-01", "last": "2026-04-30"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert escape(figures.BAD_DATE) in page and response.context["figures"] is None
    response = client.get(URL, {"first": "2026-05-01", "last": "2026-04-30"})
    assert escape(figures.START_AFTER_END) in response.content.decode()


def test_the_page_is_for_managers_and_analysts_only(client, world):
    for role in Role:
        client.force_login(world.users[role.value])
        status = client.get(URL).status_code
        assert status == (200 if role in figures_roles() else 403), role


def figures_roles():
    from righthelp.core.policy_roles import FIGURES

    return FIGURES


def test_the_page_runs_a_fixed_number_of_queries(client, data):
    client.force_login(data.world.users["hub_manager"])
    params = {"first": "2026-03-01", "last": "2026-04-30"}
    with CaptureQueriesContext(connection) as few:
        client.get(URL, params)
    for day in range(1, 15):
        episode = data.episode(at(2026, 3, day, 9), lead=data.schools, kids="B")
        data.step_down(episode, at(2026, 4, day, 9), child="B")
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL, params).status_code == 200
    assert len(few) == len(many)


def test_the_figures_over_the_api(client, data):
    _, key = ApiToken.issue(data.world.users["analyst"], "tests")
    url = reverse("api-1:early-help-figures")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    good = client.get(url, {"first": "2026-03-01", "last": "2026-04-30"}, **headers)
    assert good.status_code == 200, good.json()
    body = good.json()
    assert body["period"] == {"first": "2026-03-01", "last": "2026-04-30"}
    assert body["open"]["total"] == 6 and body["open"]["partner_percent"] == 80.0
    assert body["partner_led"]["months"][0]["month"] == {"code": "2026-03", "label": "Mar 2026"}
    assert body["steps"]["ups"] == 2 and body["closures"]["outcomes_met"] == 1
    assert body["stepped_up_again"] == {"months": 12, "children": 3, "stepped_up": 2,
                                        "percent": 66.7}
    bad = client.get(url, {"first": "May", "last": "2026-04-30"}, **headers)
    assert bad.status_code == 422
    assert bad.json()["detail"] == [{"field": "first", "message": figures.BAD_DATE}]
    _, partner_key = ApiToken.issue(data.world.users["partner_lead_professional"], "tests")
    refused = client.get(url, HTTP_AUTHORIZATION=f"Bearer {partner_key}")
    assert refused.status_code == 403
