"""The workforce: staff for every role, in the council's teams, sized to the open work.

Social work teams have the redesigned shape (a team manager, two senior social workers and
three social workers); Assessment and Support, Strengthening and Supporting Families and
Supporting Our Children get as many teams of that shape as keep caseloads at about 19.
Other teams get enough workers for their open work. One user per role has a predictable
username (the role, with hyphens) for demonstrations; all share one demo password.
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from django.contrib.auth.hashers import make_password
from django.db import transaction

from righthelp.core.clocks import LONDON
from righthelp.core.models import PartnerAgency
from righthelp.staff.models import MANAGER_ROLES, Role, Team, TeamMembership, User

from . import names
from .bulk import bulk

DEMO_PASSWORD = "righthelp-demo"
SYNTHETIC_TEAM = "A further team of the same shape, added by the synthetic council."
CASELOAD = 19  # the council's target average caseload
POD = [Role.TEAM_MANAGER, Role.SENIOR_SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER,
       Role.SOCIAL_WORKER, Role.SOCIAL_WORKER, Role.SOCIAL_WORKER]


@dataclass(frozen=True)
class Pool:
    """Who does one kind of work: a team (or teams of the pod shape) and its case holders."""

    team: str
    role: Role
    caseload: int = CASELOAD
    pods: bool = False
    minimum: int = 2
    manager: Role = Role.TEAM_MANAGER


POOLS = {
    "hub": Pool("request-for-support-hub", Role.HUB_WORKER, caseload=1, minimum=3,
                manager=Role.HUB_MANAGER),
    "assessment": Pool("assessment-and-support", Role.SOCIAL_WORKER, pods=True),
    "families": Pool("strengthening-and-supporting-families", Role.SOCIAL_WORKER, pods=True),
    "our-children": Pool("supporting-our-children", Role.SOCIAL_WORKER, pods=True),
    "families-together": Pool("families-together", Role.SOCIAL_WORKER, pods=True),
    "early-help:revoe": Pool("early-help-revoe", Role.EARLY_HELP_PRACTITIONER, caseload=15),
    "early-help:talbot-brunswick": Pool("early-help-talbot-brunswick",
                                        Role.EARLY_HELP_PRACTITIONER, caseload=15),
    "early-help:grange-park": Pool("early-help-grange-park", Role.EARLY_HELP_PRACTITIONER,
                                   caseload=15),
    "awaken": Pool("awaken", Role.AWAKEN_WORKER, caseload=12),
    "complex-needs": Pool("complex-needs", Role.SOCIAL_WORKER),
    "leaving-care": Pool("leaving-care", Role.PERSONAL_ADVISER, caseload=20),
    "adoption": Pool("adoption", Role.ADOPTION_WORKER, caseload=8, minimum=3),
    "iro": Pool("safeguarding-quality-and-review", Role.IRO, caseload=55),
    "cp-chair": Pool("safeguarding-quality-and-review", Role.CP_CHAIR, caseload=50),
}
# Staff whose work is not a caseload here: (team, role, how many at scale 1, at least one).
OTHER_TEAMS = [
    ("request-for-support-hub", Role.HUB_MANAGER, 1),  # a second Hub manager
    ("early-help-hub", Role.EARLY_HELP_PRACTITIONER, 4),
    ("early-help-revoe", Role.LINK_WORKER, 1), ("early-help-talbot-brunswick", Role.LINK_WORKER, 1),
    ("early-help-grange-park", Role.LINK_WORKER, 1),
    ("together-team", Role.SOCIAL_WORKER, 4),
    ("fostering", Role.FOSTERING_WORKER, 6), ("therapeutic-care-centre", Role.SOCIAL_WORKER, 3),
    ("emergency-duty-team", Role.SOCIAL_WORKER, 6),
]
# Partner lead professionals: (agency code, job title, share of partners).
PARTNERS = [("blackpool-schools", "Designated safeguarding lead", 50),
            ("blackpool-teaching-hospitals", "Health visitor", 25),
            ("blackpool-early-years", "Nursery manager", 15),
            ("voluntary-sector", "Family support worker", 10)]
# Demo sign-ins: the team each demo user belongs to (as in righthelp.core.testing).
DEMO_TEAM = {
    Role.HUB_WORKER: "request-for-support-hub", Role.HUB_MANAGER: "request-for-support-hub",
    Role.SOCIAL_WORKER: "assessment-and-support",
    Role.SENIOR_SOCIAL_WORKER: "assessment-and-support",
    Role.TEAM_MANAGER: "assessment-and-support", Role.EARLY_HELP_PRACTITIONER: "early-help-revoe",
    Role.LINK_WORKER: "early-help-revoe", Role.IRO: "safeguarding-quality-and-review",
    Role.CP_CHAIR: "safeguarding-quality-and-review", Role.AWAKEN_WORKER: "awaken",
    Role.FOSTERING_WORKER: "fostering", Role.ADOPTION_WORKER: "adoption",
    Role.PERSONAL_ADVISER: "leaving-care",
}


def demo_username(role: str) -> str:
    return role.replace("_", "-")


def demo_sign_ins() -> list[tuple[str, str]]:
    """(role, username) for each demo user; every one signs in with ``DEMO_PASSWORD``."""
    return [(role.label, demo_username(role)) for role in Role]


@dataclass
class Workforce:
    """The staff made, by pool, for allocating work."""

    holders: dict[str, list[User]]  # pool -> the workers who hold its cases
    team_of: dict[int, Team]  # user id -> their team
    manager_of: dict[int, User]  # team id -> its manager
    partners: dict[str, list[User]]  # agency code -> partner lead professionals
    teams: dict[str, Team]  # code -> team (including the added pods)
    others: dict[str, list[User]]  # team code -> workers in teams without a caseload here
    counts: dict[str, int] = field(default_factory=dict)


class WorkforceBuilder:
    def __init__(self, rng: Random, today: date, council):
        self.rng, self.today, self.council = rng, today, council
        self.password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow
        self.users: list[User] = []
        self.members: list[TeamMembership] = []
        self.usernames: set[str] = {demo_username(role) for role in Role}
        self.demo_made: set[str] = set()
        self.placed: list[tuple[User, Team]] = []
        self.managers: list[tuple[Team, User]] = []

    def _user(self, role: Role, team: Team | None, manager: bool = False, **extra) -> User:
        """A member of staff; the first of each role in its demo team gets the demo username."""
        rng = self.rng
        first = names.pick(rng, names.WOMEN if rng.random() < 0.75 else names.MEN)
        last = names.pick(rng, names.FAMILY)
        team_code = team.code if team else None
        if role not in self.demo_made and DEMO_TEAM.get(role) == team_code:
            self.demo_made.add(role)
            username = demo_username(role)
        else:
            username = self._username(first, last)
        joined = self.today - timedelta(days=rng.randint(5 * 365, 15 * 365))
        user = User(
            username=username, first_name=first, last_name=last, password=self.password,
            email=f"{username}@righthelp.example", role=role, is_active=True,
            is_staff=role == Role.ADMINISTRATOR, is_superuser=role == Role.ADMINISTRATOR,
            job_title=extra.pop("job_title", role.label),
            date_joined=datetime.combine(joined, time(9), tzinfo=LONDON), **extra,
        )
        self.users.append(user)
        if team is not None:
            self.members.append(TeamMembership(user=user, team=team, is_manager=manager,
                                               start=joined))
            self.placed.append((user, team))
            if manager:
                self.managers.append((team, user))
        return user

    def _username(self, first: str, last: str) -> str:
        base = f"{first}.{last}".lower().replace("'", "").replace(" ", "-")
        username, n = base, 1
        while username in self.usernames:
            n += 1
            username = f"{base}{n}"
        self.usernames.add(username)
        return username

    def _pods(self, base: Team, n: int) -> list[Team]:
        """The council's team and n - 1 more of the same shape (its code with -2, -3...)."""
        teams = [base]
        for number in range(2, n + 1):
            team, _ = Team.objects.update_or_create(
                council=self.council, code=f"{base.code}-{number}",
                defaults={"name": f"{base.name} {number}", "service": base.service,
                          "locality": base.locality, "access_scope": base.access_scope,
                          "description": SYNTHETIC_TEAM})
            teams.append(team)
        return teams

    def _team(self, team: Team, role: Role, n: int, manager: Role) -> list[User]:
        if not any(t is team for t, _ in self.managers):
            self._user(manager, team, manager=True)
        return [self._user(role, team, manager=role in MANAGER_ROLES) for _ in range(n)]

    def build(self, open_work: dict[str, int], partner_led: int, scale: float) -> Workforce:
        """Staff for the open work (``open_work``: pool -> children open to it now)."""
        teams = {t.code: t for t in Team.objects.filter(council=self.council)}
        holders: dict[str, list[User]] = {}
        with transaction.atomic():
            for name, pool in POOLS.items():
                need = max(pool.minimum, math.ceil(open_work.get(name, 0) / pool.caseload))
                base = teams[pool.team]
                if not pool.pods:
                    holders[name] = self._team(base, pool.role, need, pool.manager)
                    continue
                holders[name] = []
                for team in self._pods(base, max(1, math.ceil(need / (len(POD) - 1)))):
                    teams[team.code] = team
                    staff = [self._user(role, team, manager=n == 0) for n, role in enumerate(POD)]
                    holders[name] += staff[1:]
            others: dict[str, list[User]] = {}
            for code, role, at_scale_1 in OTHER_TEAMS:
                n = max(1, round(at_scale_1 * scale))
                others[code] = self._team(teams[code], role, n, Role.TEAM_MANAGER)
            partners = self._partners(max(len(PARTNERS), math.ceil(partner_led / 3)))
            for role in (Role.ANALYST, Role.ANALYST, Role.ADMINISTRATOR):
                self._user(role, None)
            bulk(self.users)
            bulk(self.members)
        counts = {"staff": len(self.users), "teams": len({t.pk for _, t in self.placed}),
                  "partner lead professionals": sum(len(p) for p in partners.values())}
        return Workforce(
            holders=holders, team_of={u.pk: t for u, t in self.placed},
            manager_of={t.pk: u for t, u in self.managers}, partners=partners, teams=teams,
            others=others, counts=counts)

    def _partners(self, n: int) -> dict[str, list[User]]:
        agencies = {a.code: a for a in PartnerAgency.objects.filter(council=self.council)}
        total = sum(share for _, _, share in PARTNERS)
        partners: dict[str, list[User]] = {}
        for code, title, share in PARTNERS:
            partners[code] = [
                self._user(Role.PARTNER_LEAD_PROFESSIONAL, None, agency=agencies[code],
                           job_title=title)
                for _ in range(max(1, round(n * share / total)))
            ]
        return partners
