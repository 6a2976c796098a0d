"""Page objects: what a person does on each page, so journeys read like the work."""

from playwright.sync_api import Page, expect


class App:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url

    def sign_in(self, username: str, password: str) -> None:
        self.page.goto(f"{self.base_url}/sign-in/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        expect(self.page.get_by_role("heading", level=1)).to_be_visible()

    def sign_out(self) -> None:
        self.page.get_by_role("button", name="Sign out").click()
        expect(self.page.get_by_role("heading", name="Sign in to righthelp")).to_be_visible()

    def search(self, text: str) -> None:
        self.page.get_by_role("link", name="Search", exact=True).click()
        self.page.get_by_label("Name, date of birth or postcode").fill(text)
        self.page.get_by_role("button", name="Search").click()

    def open_result(self, name: str) -> None:
        self.page.get_by_role("link", name=name).first.click()
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(name)

    def who_looked(self) -> None:
        self.page.get_by_role("link", name="Who looked at this record").click()
        expect(self.page.get_by_role("heading", name="Who looked at this record")).to_be_visible()
