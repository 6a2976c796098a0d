"""Page objects for Families Together and complex needs: what the allocated social worker and
the Families Together coordinator do on each page, so the journeys read like the work."""

from playwright.sync_api import Page, expect


class FamiliesTogether:
    """The Families Together list and a referral's page, as anyone who works on it."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open_list(self) -> None:
        self.page.goto(f"{self.base_url}/families-together/")
        expect(self.page.get_by_role("heading", name="Families Together", level=1)
               ).to_be_visible()

    def open_referral(self, child: str) -> None:
        self.open_list()
        self.page.locator("#referrals").get_by_role("link", name=child).first.click()
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(child)

    def status(self):
        return self.page.locator("#status")

    def consultation(self):
        return self.page.locator("#consultation")

    def family_plan(self):
        return self.page.locator(".family-plan").first

    def saved(self, message: str) -> None:
        expect(self.page.get_by_text(message)).to_be_visible()


class SocialWorker(FamiliesTogether):
    """The child's allocated social worker: refers after the consultation, then responds to
    the family's plan."""

    def refer(self, child: str, *, kind: str, reason: str, childs_words: str,
              coordinator: str, consulted_on: str, discussed: str) -> None:
        page = self.page
        self.open_list()
        page.get_by_role("link", name=f"Refer {child}").click()
        expect(page.get_by_role("heading", name=f"Refer {child} to Families Together")
               ).to_be_visible()
        page.get_by_label(kind, exact=True).check()
        page.get_by_label("Why does the family need Families Together?").fill(reason)
        page.get_by_label("What the child says, in their own words").fill(childs_words)
        page.get_by_label("Coordinator you consulted").select_option(label=coordinator)
        page.get_by_label("Date of the consultation").fill(consulted_on)
        page.get_by_label("What you discussed with the coordinator").fill(discussed)
        page.get_by_role("button", name="Send referral").click()
        self.saved("Referral sent to Families Together.")

    def respond_to_plan(self, *, accept: bool, reason: str) -> None:
        page = self.page
        page.get_by_role("link", name="Respond to the family's plan").click()
        expect(page.get_by_role("heading", name="Respond to the family's plan")).to_be_visible()
        page.get_by_label("Accept the family's plan" if accept
                          else "Ask the family to revisit it").check()
        page.get_by_label("Your reasons").fill(reason)
        page.get_by_role("button", name="Save").click()
        self.saved("Response recorded.")


class Coordinator(FamiliesTogether):
    """The Families Together coordinator: accepts the referral, arranges and records the
    Family Together Meeting, and writes down the family's own plan as they said it."""

    def accept(self, worker: str, note: str) -> None:
        page = self.page
        page.get_by_role("link", name="Accept or decline").click()
        page.get_by_label("Accept", exact=True).check()
        page.get_by_label("Families Together worker").select_option(label=worker)
        page.get_by_label("Reasons").fill(note)
        page.get_by_role("button", name="Save").click()
        self.saved("Decision recorded.")

    def start_meeting(self) -> None:
        self.page.get_by_role("link", name="Record a meeting").click()
        expect(self.page.get_by_role("heading", name="Record a Family Together Meeting")
               ).to_be_visible()

    def network_offered(self) -> list[str]:
        """Who the form offers to invite: the child's own network, nobody else."""
        invited = self.page.get_by_role("group", name="Who from the family network was invited")
        return [label.strip() for label in invited.locator("label").all_inner_texts()]

    def record_meeting(self, *, held_on: str, invited: list[str], came: list[str],
                       private_minutes: int, childs_words: str, others: str = "") -> None:
        page = self.page
        page.get_by_label("Date of the meeting").fill(held_on)
        invites = page.get_by_role("group", name="Who from the family network was invited")
        for person in invited:
            invites.get_by_label(person, exact=True).check()
        attended = page.get_by_role("group", name="Who came")
        for person in came:
            attended.get_by_label(person, exact=True).check()
        if others:
            page.get_by_label("Anyone else who came").fill(others)
        page.get_by_label("The child came").check()
        page.get_by_label("What the child said, in their own words").fill(childs_words)
        page.get_by_role("group", name="Was there private family time?").get_by_label(
            "Yes", exact=True).check()
        page.get_by_label("How long, in minutes").fill(str(private_minutes))
        page.get_by_role("button", name="Save").click()
        self.saved("Meeting recorded.")

    def record_familys_plan(self, *, agreed_by: str, items: list[tuple[str, str, str]]) -> None:
        """Each item as the family said it: (what, who, by when)."""
        page = self.page
        page.get_by_role("link", name="Record the family's plan").click()
        expect(page.get_by_role("heading", name="The family's own plan")).to_be_visible()
        expect(page.get_by_text("This is their plan: do not reword it.")).to_be_visible()
        page.get_by_label("Who in the family agreed the plan").fill(agreed_by)
        for n, (what, who, by_when) in enumerate(items, start=1):
            row = page.get_by_role("group", name=f"Plan item {n}", exact=True)
            row.get_by_label("What the family will do, in their words").fill(what)
            row.get_by_label("Who", exact=True).fill(who)
            row.get_by_label("By when").fill(by_when)
        page.get_by_role("button", name="Save").click()
        self.saved("The family's plan is recorded.")


class ComplexNeeds:
    """A child's complex needs record, as the Supporting Children with Complex Needs team."""

    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def open_record(self, person_pk: int, name: str) -> None:
        self.page.goto(f"{self.base_url}/complex-needs/children/{person_pk}/")
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(name)

    def open_a_record(self, *, provision: str, primary_need: str, needs: str,
                      childs_words: str) -> None:
        page = self.page
        page.get_by_role("link", name="Open a record").click()
        page.get_by_label(provision, exact=True).check()
        page.get_by_label("Primary type of need").select_option(label=primary_need)
        page.get_by_label("What the child needs, in plain words").fill(needs)
        page.get_by_label("What the child says, in their own words").fill(childs_words)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Record opened.")).to_be_visible()

    def record_ehc_plan(self, *, requested_on: str, issued_on: str) -> None:
        page = self.page
        page.get_by_role("link", name="Record the EHC plan's dates").click()
        page.get_by_label("EHC needs assessment requested on").fill(requested_on)
        page.get_by_label("Plan issued on").fill(issued_on)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("EHC plan saved.")).to_be_visible()

    def deadlines(self):
        return self.page.locator("#deadlines")

    def ehc(self):
        return self.page.locator("#ehc")
