"""Named test data: one user per role in realistic teams, and a child allocated to some.

Tests and the browser journeys share these, so "the social worker" means the same person
everywhere (in the manner of Zulip's named fixture users).
"""

from dataclasses import dataclass
from datetime import date

from righthelp.core.council_settings import load_council
from righthelp.core.models import Council, PartnerAgency
from righthelp.people.models import Address, Person, Relationship
from righthelp.staff.models import Allocation, ApiToken, Role, Team, TeamMembership, User

PASSWORD = "a-long-test-password"

# Which team each named user belongs to (by the council file's team code).
TEAM_OF_ROLE = {
    Role.HUB_WORKER: "request-for-support-hub",
    Role.HUB_MANAGER: "request-for-support-hub",
    Role.SOCIAL_WORKER: "assessment-and-support",
    Role.SENIOR_SOCIAL_WORKER: "assessment-and-support",
    Role.TEAM_MANAGER: "assessment-and-support",
    Role.EARLY_HELP_PRACTITIONER: "early-help-revoe",
    Role.LINK_WORKER: "early-help-revoe",
    Role.IRO: "safeguarding-quality-and-review",
    Role.CP_CHAIR: "safeguarding-quality-and-review",
    Role.AWAKEN_WORKER: "awaken",
    Role.FOSTERING_WORKER: "fostering",
    Role.ADOPTION_WORKER: "adoption",
    Role.PERSONAL_ADVISER: "leaving-care",
}


def make_user(role: str, username: str | None = None, team: Team | None = None,
              manager: bool = False) -> User:
    agency = None
    if role == Role.PARTNER_LEAD_PROFESSIONAL:
        agency = PartnerAgency.objects.get(code="blackpool-schools")
    user = User.objects.create_user(
        username=username or role.replace("_", "-"), password=PASSWORD, role=role,
        agency=agency, first_name=Role(role).label, last_name="Tester",
        is_staff=role == Role.ADMINISTRATOR, is_superuser=role == Role.ADMINISTRATOR,
    )
    if team is None and role in TEAM_OF_ROLE:
        team = Team.objects.get(code=TEAM_OF_ROLE[role])
    if team is not None:
        TeamMembership.objects.create(
            user=user, team=team, is_manager=manager or role in (Role.TEAM_MANAGER,
                                                                 Role.HUB_MANAGER),
            start=date(2020, 1, 1),
        )
    return user


@dataclass
class World:
    council: Council
    users: dict[str, User]
    child: Person
    mother: Person
    unallocated_child: Person


def make_world() -> World:
    council = load_council()
    users = {role.value: make_user(role) for role in Role}
    child = Person.objects.create(
        given_names="Jonathan", family_name="Smith", date_of_birth=date(2015, 4, 3), sex="M",
        ethnicity="WBRI", nhs_number="9434765919",
    )
    Address.objects.create(person=child, line_1="1 Promenade", town="Blackpool",
                           postcode="FY1 5AB", start=date(2015, 4, 3))
    Person.objects.filter(pk=child.pk).update(current_postcode="FY1 5AB")
    mother = Person.objects.create(kind="adult", given_names="Sarah", family_name="Smith",
                                   date_of_birth=date(1990, 6, 1), sex="F")
    Relationship.objects.create(child=child, related_person=mother, kind="mother",
                                important_to_child=True, in_childs_words="My mum makes me laugh.")
    unallocated = Person.objects.create(given_names="Amira", family_name="Khan",
                                        date_of_birth=date(2012, 9, 9), sex="F")
    social_work = Team.objects.get(code="assessment-and-support")
    Allocation.objects.create(person=child, worker=users["social_worker"], team=social_work,
                              kind=Allocation.Kind.SOCIAL_WORKER, start=date(2024, 1, 1))
    partner = users["partner_lead_professional"]
    Allocation.objects.create(person=child, worker=partner, kind="lead_professional",
                              start=date(2024, 1, 1))
    return World(council, users, child.__class__.objects.get(pk=child.pk), mother, unallocated)


def bearer(user: User) -> dict:
    """Request headers that authenticate an API call as ``user`` with a fresh token."""
    _, key = ApiToken.issue(user, "tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
