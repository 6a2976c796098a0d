"""Page objects for the front door: what a referrer, a partner answering a check, a Hub
worker and a Hub manager do on each page, so the journey reads like the work."""

from playwright.sync_api import Page, expect


class Referrer:
    """A partner who asks the Hub for support and later reads the outcome."""

    def __init__(self, page: Page):
        self.page = page

    def start_request(self) -> None:
        self.page.get_by_role("link", name="Make a request for support").first.click()
        expect(self.page.get_by_role("heading", name="Make a request for support")).to_be_visible()

    def name_child(self, number: int, given: str, family: str, born: str, postcode: str) -> None:
        row = self.page.get_by_role("group", name=f"Child {number}")
        row.get_by_label("Given names").fill(given)
        row.get_by_label("Family name").fill(family)
        row.get_by_label("Date of birth").fill(born)
        row.get_by_label("Postcode").fill(postcode)

    def describe(self, worries: str, working_well: str, childs_words: str) -> None:
        self.page.get_by_label("What are you worried about?").fill(worries)
        self.page.get_by_label("What is working well for the family?").fill(working_well)
        self.page.get_by_label("What does the child say?").fill(childs_words)

    def ask_for(self, level: str, urgency: str) -> None:
        self.page.get_by_label(level).check()
        self.page.get_by_label(urgency).check()

    def consent_not_sought(self, reason: str) -> None:
        self.page.get_by_role("group", name="Has the family agreed to this request?") \
            .get_by_label("No").check()
        self.page.get_by_label("If not, why was consent not sought?").fill(reason)

    def send(self) -> None:
        self.page.get_by_role("button", name="Send to the Hub").click()
        expect(self.page.get_by_text("Sent to the Hub")).to_be_visible()

    def open_my_request(self, number: int) -> None:
        self.page.get_by_role("link", name="My requests").first.click()
        self.page.get_by_role("link", name=f"Request {number}", exact=True).click()
        expect(self.page.get_by_role("heading", name=f"Request {number}")).to_be_visible()


class PartnerChecks:
    """A partner answering the Hub's multi-agency check for their agency."""

    def __init__(self, page: Page):
        self.page = page

    def answer_first(self, answer: str) -> None:
        self.page.get_by_role("link", name="Checks to answer").first.click()
        self.page.get_by_role("link", name="Answer").first.click()
        expect(self.page.get_by_role("heading", name="Answer a check")).to_be_visible()
        self.page.get_by_label("Your agency's answer").fill(answer)
        self.page.get_by_role("button", name="Send answer").click()
        expect(self.page.get_by_text("Your answer has been sent to the Hub.")).to_be_visible()


class HubWorker:
    """Triage: open a request from the queue, find the child, gather information, decide."""

    def __init__(self, page: Page):
        self.page = page

    def open_from_queue(self, number: int) -> None:
        self.page.get_by_role("navigation", name="Menu").get_by_role(
            "link", name="Hub queue").click()
        self.page.locator("#queue").get_by_role(
            "link", name=f"Request for support {number}", exact=True).click()
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(str(number))

    def take(self) -> None:
        self.page.get_by_role("button", name="I'm working on this").click()
        expect(self.page.locator("#working-on")).to_have_text("You are working on this.")

    def link_child(self, written_as: str, record: int) -> None:
        self.page.get_by_role("link", name=f"Find or add {written_as}").click()
        self.page.get_by_role("button", name=f"record {record}").click()
        expect(self.page.get_by_text("is linked to")).to_be_visible()

    def ask_check(self, agency: str, person: str, question: str) -> None:
        self.page.get_by_role("link", name="Ask a multi-agency check").click()
        self.page.get_by_label("Agency to ask").select_option(label=agency)
        self.page.get_by_label("Person to answer").select_option(label=person)
        self.page.get_by_label("What would you like to know?").fill(question)
        self.page.get_by_role("button", name="Send check").click()
        expect(self.page.get_by_text(f"Check sent to {agency}.")).to_be_visible()

    def decide(self, facts: list[str], level: str, reasoning: str, childs_voice: str,
               expect_proposal: str) -> None:
        self.page.get_by_role("link", name="Record the decision").click()
        for fact in facts:
            self.page.get_by_label(fact).check()
        self.page.get_by_label(level).check()
        self.page.get_by_label("Your reasoning").fill(reasoning)
        self.page.get_by_label("The child's voice").fill(childs_voice)
        self.page.get_by_role("button", name="Check the proposed next step").click()
        expect(self.page.locator("#proposal")).to_contain_text(expect_proposal)
        self.page.get_by_role("button", name="Record the decision").click()
        expect(self.page.get_by_text("Decision recorded.")).to_be_visible()


class HubManager:
    def __init__(self, page: Page):
        self.page = page

    def authorise(self, number: int, note: str) -> None:
        self.page.get_by_role("navigation", name="Menu").get_by_role(
            "link", name="Hub queue").click()
        self.page.get_by_role("link", name=f"Authorise request {number}").click()
        expect(self.page.get_by_role("heading", name="Authorise the decision")).to_be_visible()
        self.page.get_by_label("Your note").fill(note)
        self.page.get_by_role("button", name="Authorise", exact=True).click()
        expect(self.page.get_by_text("Decision authorised.")).to_be_visible()
