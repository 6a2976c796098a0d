"""The main pages against WCAG 2.2 AA (as GOV.UK services must meet), checked by axe-core in
the browser: each page is built with real data through the services, opened as the person who
uses it, and must have no violations.

A rule is turned off for one page only, in ``DISABLED``, with the reason (a GOV.UK Frontend
known issue or a false positive); never for every page.
"""

from datetime import date

import pytest
from playwright.sync_api import expect

from righthelp.core.testing import PASSWORD, make_world
from righthelp.earlyhelp.tests.helpers import open_episode, planned
from righthelp.frontdoor import services as frontdoor
from righthelp.socialwork.tests.assessments_support import referred
from righthelp.synthetic.directory import write_directory

from .axe import assert_accessible
from .pages import App

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Rules turned off for one page, with why. Empty while every page passes every rule.
DISABLED: dict[str, dict[str, str]] = {}


def submitted_request(world):
    partner = world.users["partner_lead_professional"]
    rfs = frontdoor.request_save_draft(actor=partner, data={
        "worries": "Jonathan is often late and tired; mum says mornings are hard.",
        "working_well": "He loves football; his nan is close.",
        "childs_words": "I'm tired.", "level_asked": "support", "consent_given": True,
        "referrer_name": "Ms Green", "referrer_role": "Teacher",
        "referrer_contact": "01253 000000"},
        children=[{"given_names": "Jonathan", "family_name": "Smith",
                   "date_of_birth": date(2015, 4, 3), "postcode": "FY1 5AB"}])
    return frontdoor.request_submit(actor=partner, rfs=rfs)


def sign_in(page, base, world):
    page.goto(f"{base}/sign-in/")
    expect(page.get_by_role("heading", name="Sign in to righthelp")).to_be_visible()


def home(page, base, world):
    App(page, base).sign_in("social-worker", PASSWORD)


def search_results(page, base, world):
    app = App(page, base)
    app.sign_in("social-worker", PASSWORD)
    app.search("Jon Smyth, 3/4/2015")
    expect(page.get_by_role("link", name="Jonathan Smith").first).to_be_visible()


def child_record(page, base, world):
    referred(world)
    App(page, base).sign_in("social-worker", PASSWORD)
    page.goto(f"{base}/people/{world.child.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jonathan Smith")


def my_deadlines(page, base, world):
    referred(world)
    App(page, base).sign_in("social-worker", PASSWORD)
    page.goto(f"{base}/deadlines/")


def hub_queue(page, base, world):
    submitted_request(world)
    App(page, base).sign_in("hub-worker", PASSWORD)
    page.goto(f"{base}/front-door/hub/")


def early_help_episode(page, base, world):
    episode = open_episode(world)
    planned(world, episode)
    App(page, base).sign_in("partner-lead-professional", PASSWORD)
    page.goto(f"{base}/early-help/episodes/{episode.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def early_help_plan_print(page, base, world):
    episode = open_episode(world)
    planned(world, episode)
    App(page, base).sign_in("partner-lead-professional", PASSWORD)
    page.goto(f"{base}/early-help/episodes/{episode.pk}/plan/print/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def directory_results(page, base, world):
    write_directory(date(2026, 11, 23))
    page.goto(f"{base}/directory/?q=parenting&postcode=FY1+6NN&within=2")
    expect(page.locator("#results .directory-result").first).to_be_visible()


def directory_bad_postcode(page, base, world):
    write_directory(date(2026, 11, 23))
    page.goto(f"{base}/directory/?q=parenting&postcode=FY1")
    expect(page.locator(".govuk-error-summary")).to_be_visible()


def caseloads(page, base, world):
    referred(world)
    App(page, base).sign_in("team-manager", PASSWORD)
    page.goto(f"{base}/caseloads/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def social_work_child(page, base, world):
    referred(world)
    App(page, base).sign_in("social-worker", PASSWORD)
    page.goto(f"{base}/social-work/children/{world.child.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Social work")
    expect(page.get_by_text("Jonathan Smith").first).to_be_visible()


def form_with_errors(page, base, world):
    App(page, base).sign_in("social-worker", PASSWORD)
    page.goto(f"{base}/people/add/")
    page.get_by_role("button", name="Add person").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()


def figures(page, base, world):
    App(page, base).sign_in("analyst", PASSWORD)
    page.goto(f"{base}/figures/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


PAGES = {
    "sign-in": sign_in,
    "home": home,
    "search-results": search_results,
    "child-record": child_record,
    "my-deadlines": my_deadlines,
    "hub-queue": hub_queue,
    "early-help-episode": early_help_episode,
    "early-help-plan-print": early_help_plan_print,
    "directory-results": directory_results,
    "directory-bad-postcode": directory_bad_postcode,
    "caseloads": caseloads,
    "social-work-child": social_work_child,
    "form-with-errors": form_with_errors,
    "figures": figures,
}


@pytest.mark.parametrize("name", PAGES)
def test_page_meets_wcag_2_2_aa(name, live_server, page):
    world = make_world()
    PAGES[name](page, live_server.url, world)
    assert page.url.startswith(live_server.url)
    expect(page.get_by_role("heading", name="You cannot open this")).to_have_count(0)
    assert_accessible(page, DISABLED.get(name))
