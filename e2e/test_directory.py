"""The family services directory's acceptance, in the browser, signed out as a parent would
be: 'parenting' within 2 miles of a Blackpool postcode, nearest first; a bad postcode gets a
clear message."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from righthelp.core.testing import make_world
from righthelp.directory.selectors import BAD_POSTCODE, UNKNOWN_POSTCODE
from righthelp.synthetic.directory import write_directory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class FindServices:
    """The public search page: what a family does on it."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.page.goto(f"{base_url}/directory/")
        expect(page.get_by_role("heading", name="Find family services")).to_be_visible()

    def search(self, words: str = "", postcode: str = "", within: str = "") -> None:
        self.page.get_by_label("What are you looking for?").fill(words)
        self.page.get_by_label("Postcode").fill(postcode)
        if within:
            self.page.get_by_label(within, exact=True).check()
        self.page.get_by_role("button", name="Search").click()

    def results(self) -> list[tuple[str, float]]:
        rows = self.page.locator("#results .directory-result")
        found = []
        for i in range(rows.count()):
            row = rows.nth(i)
            miles = row.locator(".directory-distance").inner_text()
            found.append((row.get_by_role("heading").inner_text(),
                          float(re.match(r"([\d.]+) miles away", miles).group(1))))
        return found


def test_parenting_within_2_miles_nearest_first_and_a_bad_postcode(live_server, page):
    make_world()
    write_directory(date(2026, 11, 23))
    directory = FindServices(page, live_server.url)
    expect(page.get_by_role("button", name=re.compile("Sign out"))).to_have_count(0)

    directory.search("parenting", "fy1 6nn", "Within 2 miles")
    expect(page.locator("#results-heading")).to_contain_text(
        "within 2 miles of FY1 6NN, nearest first")
    results = directory.results()
    assert len(results) >= 5
    assert [miles for _, miles in results] == sorted(miles for _, miles in results)
    assert all(miles <= 2 for _, miles in results)
    names = [name for name, _ in results]
    assert "Triple P parenting course (Revoe)" in names
    assert "Grange Park Family Hub" not in names  # a parenting service, but 2.3 miles away
    page.get_by_role("link", name=names[0]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(names[0])
    page.get_by_role("link", name="Find family services").click()

    directory.search("parenting", "FY9 9ZZ")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(UNKNOWN_POSTCODE.format(postcode="FY9 9ZZ"))
    expect(page.locator("#id_postcode-error")).to_contain_text("We don't know the postcode")
    expect(page.locator("#results")).to_have_count(0)

    directory.search("parenting", "FY1")
    expect(summary).to_contain_text(BAD_POSTCODE)
    summary.get_by_role("link", name=re.compile("Postcode")).click()
    expect(page.get_by_label("Postcode")).to_be_focused()
