"""Page objects for plans and conferences: what a social worker and a Child Protection chair
do on each page, so the journey reads like the work."""

from playwright.sync_api import Page, expect


class Plans:
    """The child's plans, conferences and visits for one episode."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open(self, episode: int) -> None:
        self.page.goto(f"{self.base_url}/social-work/episodes/{episode}/plans/")
        expect(self.page.get_by_role("heading", name="Plans, conferences and visits",
                                     level=1)).to_be_visible()

    def open_plan(self, name: str) -> None:
        self.page.locator("#plans").get_by_role("link", name=name).first.click()
        expect(self.page.get_by_role("heading", name=name, level=1)).to_be_visible()

    def deadlines(self):
        return self.page.locator("#plan-clocks")


class Conference:
    """Recording an initial or review conference."""

    def __init__(self, page: Page):
        self.page = page

    def start(self, heading: str) -> None:
        self.page.get_by_role("link", name="Record a conference").click()
        expect(self.page.get_by_role("heading", name=heading)).to_be_visible()

    def start_review(self) -> None:
        self.page.get_by_role("link", name="Record the review conference").click()
        expect(self.page.get_by_role("heading", name="Record the review conference")
               ).to_be_visible()

    def record(self, *, held_on: str, chair: str, family: str, professionals: str,
               childs_words: str, decision: str, reasons: str, category: str = "",
               step_to: str = "") -> None:
        page = self.page
        page.get_by_label("Date of the conference").fill(held_on)
        page.get_by_label("Child Protection chair").select_option(label=chair)
        page.get_by_label("Family members who attended").fill(family)
        page.get_by_label("Professionals who attended").fill(professionals)
        page.get_by_label("The child's own words").fill(childs_words)
        page.get_by_label(decision, exact=True).check()
        if category:
            page.get_by_role("group", name="Category of abuse").get_by_label(
                category, exact=True).check()
        if step_to:
            page.get_by_role("group", name="Where the child goes next").get_by_label(
                step_to, exact=True).check()
        page.get_by_label("The reasons for the decision").fill(reasons)
        page.get_by_role("button", name="Record the conference").click()
        expect(page.get_by_text("recorded:")).to_be_visible()


class Visits:
    def __init__(self, page: Page):
        self.page = page

    def record(self, on: str, childs_words: str, alone: bool = True) -> None:
        page = self.page
        page.get_by_role("link", name="Record a visit").click()
        page.get_by_label("Date of the visit").fill(on)
        page.get_by_label("The child was seen", exact=True).check()
        if alone:
            page.get_by_label("The child was seen alone").check()
        page.get_by_label("What the child said, in their own words").fill(childs_words)
        page.get_by_role("button", name="Record the visit").click()
        expect(page.get_by_text("Visit recorded.")).to_be_visible()


class Chair:
    """A Child Protection chair between conferences."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open_drift(self, show_all: bool = True) -> None:
        self.page.goto(f"{self.base_url}/social-work/chairs/" + ("?show=all" if show_all
                                                                  else ""))
        expect(self.page.get_by_role("heading", name="Plans between conferences")
               ).to_be_visible()

    def midway_review(self, child: str, on: str, progress: str, childs_words: str,
                      reasons: str) -> None:
        page = self.page
        page.get_by_role("link", name=f"Record a midway review for {child}").click()
        page.get_by_label("Date of the midway review").fill(on)
        page.get_by_label("Progress against the plan").fill(progress)
        page.get_by_label("The child's own words").fill(childs_words)
        page.get_by_label("Continue the plan").check()
        page.get_by_label("The reasons").fill(reasons)
        page.get_by_role("button", name="Record the midway review").click()
        expect(page.get_by_text("Midway review recorded.")).to_be_visible()


class ChildInNeedPlan:
    def __init__(self, page: Page):
        self.page = page

    def end_and_close(self, on: str, summary: str) -> None:
        page = self.page
        page.get_by_role("link", name="End the plan").click()
        page.get_by_label("When the plan ended").fill(on)
        page.get_by_label("Outcomes met: celebrate positive changes").check()
        page.get_by_label("What has changed for the child").fill(summary)
        page.get_by_label("Close the child's time with social care too").check()
        page.get_by_role("button", name="End the plan").click()
        expect(page.get_by_text("The child in need plan has ended.")).to_be_visible()
