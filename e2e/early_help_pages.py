"""Page objects for early help: what a lead professional, a link worker and the family's copy
of the plan look like, so the journey reads like the work."""

import re

from playwright.sync_api import Page, expect


class LeadProfessional:
    """A school's lead professional working with a family they know."""

    def __init__(self, page: Page):
        self.page = page

    def go_to_early_help(self) -> None:
        self.page.get_by_role("link", name="Early help", exact=True).first.click()
        expect(self.page.get_by_role("heading", name="Early help", level=1)).to_be_visible()

    def open_for_new_family(self, child: tuple[str, str, str], parent: tuple[str, str, str],
                            area: str, why: str, agreed_by: str) -> None:
        self.page.get_by_role("link", name="Open early help for a family").click()
        self.page.get_by_label("Child's first names").fill(child[0])
        self.page.get_by_label("Child's last name").fill(child[1])
        self.page.get_by_label("Child's date of birth").fill(child[2])
        self.page.get_by_label("Parent or carer's first names").fill(parent[0])
        self.page.get_by_label("Parent or carer's last name").fill(parent[1])
        self.page.get_by_label("Who they are to the child").fill(parent[2])
        self.page.get_by_label("Family hub area").select_option(label=area)
        self.page.get_by_label("Why the family needs help").fill(why)
        self.page.get_by_label("Who in the family agreed to early help").fill(agreed_by)
        self.page.get_by_role("checkbox", name="The family agreed to early help").check()
        self.page.get_by_role("button", name="Open early help").click()
        expect(self.page.get_by_text("Early help is open")).to_be_visible()

    def open_episode(self, family: str) -> None:
        self.go_to_early_help()
        self.page.get_by_role("link", name=f"{family} family").first.click()
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(family)

    def write_assessment(self, answers: dict[str, str], complete: bool = False) -> None:
        self.page.get_by_role("link", name=re.compile("(Start|Carry on with) the assessment"))\
            .click()
        for label, text in answers.items():
            self.page.get_by_label(label).fill(text)
        if complete:
            self.page.get_by_role("button", name="Save and complete").click()
            expect(self.page.get_by_text("Assessment completed.")).to_be_visible()
        else:
            self.page.get_by_role("button", name="Save and come back later").click()
            expect(self.page.get_by_text("Saved. You can come back")).to_be_visible()

    def back_to_episode(self) -> None:
        self.page.get_by_role("link", name="Back to the episode").click()

    def write_plan(self, what_we_want: str, actions: list[dict], agreed_with: str) -> None:
        self.page.get_by_role("link", name="The family's plan").click()
        self.page.get_by_label("What will be different when the plan has worked").fill(
            what_we_want)
        self.page.get_by_role("button", name="Save", exact=True).click()
        for action in actions:
            self.page.get_by_role("link", name="Add an action").click()
            self.page.get_by_label("Who will do it").select_option(label=action["who"])
            if "service" in action:
                self.page.get_by_label("Which council service").select_option(
                    label=action["service"])
            self.page.get_by_label("What will be done").fill(action["what"])
            self.page.get_by_label("By when").fill(action["by_when"])
            self.page.get_by_label("How the family will know it worked").fill(action["how"])
            self.page.get_by_role("button", name="Add the action").click()
            expect(self.page.get_by_text("Action added to the plan.")).to_be_visible()
        self.page.get_by_label("Who in the family agreed the plan").fill(agreed_with)
        self.page.get_by_role("button", name="Agree the plan").click()
        expect(self.page.get_by_text("The plan is agreed.")).to_be_visible()

    def record_review(self, held_on: str, childs_words: str, better: str) -> None:
        self.page.get_by_role("link", name="Record a review").click()
        self.page.get_by_label("When the review was held").fill(held_on)
        self.page.get_by_label("The child's own words").fill(childs_words)
        self.page.get_by_label("What is better").fill(better)
        self.page.get_by_role("button", name="Record the review").click()
        expect(self.page.get_by_text("Review recorded.")).to_be_visible()

    def share_plan(self) -> None:
        self.page.get_by_role("link", name="Share with the family").click()
        expect(self.page.locator("#plain")).to_be_visible()  # nothing for the check to flag
        self.page.get_by_role("button", name="Share the plan").click()
        expect(self.page.get_by_role("heading", name="Our family's plan")).to_be_visible()

    def step_up(self, risk: str, what_changed: str) -> None:
        self.page.get_by_role("link", name=re.compile("Step up to the Hub")).click()
        self.page.get_by_label("How has the risk to the child changed").select_option(label=risk)
        self.page.get_by_label("What has changed").fill(what_changed)
        self.page.get_by_label("The family knows and agrees").check()
        self.page.get_by_role("button", name="Send to the Hub").click()


class LinkWorker:
    def __init__(self, page: Page):
        self.page = page

    def coached(self) -> None:
        self.page.get_by_role("link", name="Early help", exact=True).first.click()
        self.page.get_by_role("link", name="Lead professionals I coach").click()
        expect(self.page.get_by_role("heading", name="Lead professionals I coach")).to_be_visible()
