"""Page objects for statutory social work: what a social worker, a team manager and a Child
Protection chair do on each page (strategy discussion, Section 47 enquiry, assessment, plans
and conferences), so the journey reads like the work."""

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


class ChildSocialWork:
    """The child's social work page: the episode, its assessments, strategy discussions and
    Section 47 enquiries, and the assessment side's deadlines."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open(self, child: int) -> None:
        """From the child's record, follow the link to their social work."""
        self.page.goto(f"{self.base_url}/people/{child}/")
        self.page.get_by_role("link", name="Social work: assessments, Section 47 and plans"
                              ).click()
        expect(self.page.get_by_role("heading", name="Social work", level=1)).to_be_visible()

    def deadline(self, subject: str):
        """The line of the Deadlines column that names ``subject``."""
        return self.page.locator("p.govuk-body").filter(has_text=subject)

    def open_assessment(self) -> None:
        self.page.locator("#assessments").get_by_role(
            "link", name="Child and Family Assessment").click()
        expect(self.page.get_by_role("heading", name="Child and Family Assessment",
                                     level=1)).to_be_visible()


class OpenWork:
    """A social work team's open assessments and Section 47 enquiries (the menu's 'Social
    work')."""

    def __init__(self, page: Page):
        self.page = page

    def open(self) -> None:
        self.page.get_by_role("navigation", name="Menu").get_by_role(
            "link", name="Social work").click()
        expect(self.page.get_by_role("heading", name="Open assessments and enquiries")
               ).to_be_visible()

    def open_enquiry(self, child: str) -> None:
        row = self.page.locator("#open-work tbody tr").filter(has_text=child)
        row.get_by_role("link", name="Section 47 enquiry").click()
        expect(self.page.get_by_role("heading", name="Section 47 enquiry", level=1)
               ).to_be_visible()

    def open_assessment(self, child: str) -> None:
        row = self.page.locator("#open-work tbody tr").filter(has_text=child)
        row.get_by_role("link", name="Child and Family Assessment").click()
        expect(self.page.get_by_role("heading", name="Child and Family Assessment",
                                     level=1)).to_be_visible()


class StrategyDiscussion:
    """The social worker records the strategy discussion held with police and health."""

    def __init__(self, page: Page):
        self.page = page

    def record(self, *, held_at: str, attendees: list[str], worries: str, childs_words: str,
               decision: str, reasons: str) -> None:
        """``held_at`` as the browser's date-time input takes it: 2026-08-03T15:00."""
        page = self.page
        page.get_by_role("link", name="Record a strategy discussion").click()
        expect(page.get_by_role("heading", name="Strategy discussion", level=1)).to_be_visible()
        page.get_by_label("When it was held").fill(held_at)
        page.get_by_label("Who took part").fill("\n".join(attendees))
        page.get_by_label("Worries", exact=True).fill(worries)
        page.get_by_label("The child's own words").fill(childs_words)
        page.get_by_role("group", name="Decision").get_by_label(decision, exact=True).check()
        page.get_by_label("Reasons", exact=True).fill(reasons)
        page.get_by_role("button", name="Record the strategy discussion").click()
        expect(page.get_by_text("Strategy discussion recorded.")).to_be_visible()


class Section47:
    """The Section 47 enquiry: the social worker's findings, the team manager's outcome."""

    def __init__(self, page: Page):
        self.page = page

    def write(self, *, findings: str, childs_words: str, worries: str = "") -> None:
        page = self.page
        expect(page.get_by_role("heading", name="Section 47 enquiry", level=1)).to_be_visible()
        if worries:
            page.get_by_label("Worries", exact=True).fill(worries)
        page.get_by_label("The child's own words").fill(childs_words)
        page.get_by_label("What the enquiry found").fill(findings)
        page.get_by_role("button", name="Save this sitting").click()
        expect(page.get_by_text("Saved. You can come back and carry on.")).to_be_visible()

    def record_outcome(self, *, outcome: str, reasons: str, on: str) -> None:
        page = self.page
        page.get_by_role("link", name="Record the outcome").click()
        expect(page.get_by_role("heading", name="Section 47 enquiry: outcome")).to_be_visible()
        page.get_by_role("group", name="Outcome").get_by_label(outcome, exact=True).check()
        page.get_by_label("Reasons", exact=True).fill(reasons)
        page.get_by_label("Date decided").fill(on)
        page.get_by_role("button", name="Authorise the outcome").click()
        expect(page.get_by_text("Outcome recorded.")).to_be_visible()


class ChildAndFamilyAssessment:
    """The social worker writes and sends the assessment; the team manager authorises it."""

    def __init__(self, page: Page):
        self.page = page

    def write(self, *, strengths: str, worries: str, childs_words: str, familys_words: str,
              what_needs_to_happen: str, factors: list[str]) -> None:
        page = self.page
        page.get_by_label("Strengths", exact=True).fill(strengths)
        page.get_by_label("Worries", exact=True).fill(worries)
        page.get_by_label("The child's own words").fill(childs_words)
        page.get_by_label("The family's words").fill(familys_words)
        page.get_by_label("What needs to happen").fill(what_needs_to_happen)
        factor_boxes = page.get_by_role("group", name="Assessment factors")
        for factor in factors:
            factor_boxes.get_by_label(factor, exact=True).check()
        page.get_by_role("button", name="Save this sitting").click()
        expect(page.get_by_text("Saved. You can come back and carry on.")).to_be_visible()

    def send(self) -> None:
        page = self.page
        page.get_by_role("link", name="Send for authorisation").click()
        expect(page.get_by_role("heading", name="Send for authorisation")).to_be_visible()
        page.get_by_role("button", name="Send to the team manager").click()
        expect(page.get_by_text("Sent to the team manager to authorise.")).to_be_visible()

    def authorise(self, *, outcome: str, primary_need: str, reasons: str, on: str) -> None:
        page = self.page
        page.get_by_role("link", name="Authorise or return").click()
        expect(page.get_by_role("heading", name="Authorise the assessment")).to_be_visible()
        page.get_by_role("group", name="Outcome").get_by_label(outcome, exact=True).check()
        page.get_by_label("The child's primary need").select_option(label=primary_need)
        page.get_by_label("Reasons for the outcome").fill(reasons)
        page.get_by_label("Date authorised").fill(on)
        page.get_by_role("button", name="Authorise the outcome").click()
        expect(page.get_by_text("Outcome authorised.")).to_be_visible()
