"""Sign in, search, open a child's record, and see that view in the audit."""

import pytest
from playwright.sync_api import expect

from righthelp.core.testing import PASSWORD, make_world

from .pages import App

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hub_worker_finds_child_and_manager_sees_the_view_in_the_audit(live_server, page):
    make_world()
    app = App(page, live_server.url)

    app.sign_in("hub-worker", PASSWORD)
    app.search("Jon Smyth, 3/4/2015")
    expect(page.get_by_role("heading", level=2)).to_contain_text("possible match")
    app.open_result("Jonathan Smith")
    expect(page.locator("#summary")).to_contain_text("3 April 2015")
    expect(page.get_by_text("My mum makes me laugh.")).to_be_visible()
    app.sign_out()

    app.sign_in("hub-manager", PASSWORD)
    app.search("Jonathan Smith")
    app.open_result("Jonathan Smith")
    app.who_looked()
    rows = page.locator("#audit tbody tr")
    expect(rows.filter(has_text="Hub worker Tester").filter(has_text="Viewed")).to_have_count(1)
    expect(rows.filter(has_text="Hub worker Tester").filter(has_text="Searched")).to_have_count(0)


def test_refused_worker_uses_break_glass(live_server, page):
    make_world()
    app = App(page, live_server.url)
    app.sign_in("fostering-worker", PASSWORD)
    app.search("Jonathan Smith 3/4/2015")
    page.get_by_role("link", name="Jonathan Smith").first.click()
    expect(page.get_by_role("heading", name="You cannot open this")).to_be_visible()
    page.get_by_role("link", name="Ask for emergency access").click()
    page.get_by_label("Why do you need this record now?").fill(
        "Police at the door asking whether he is known to us")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jonathan Smith")
    expect(page.get_by_text("Emergency access granted")).to_be_visible()
