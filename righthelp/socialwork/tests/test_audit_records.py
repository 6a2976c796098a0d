"""Every read of a child's record is audited, and each role sees only what its work needs:
each social work page and API operation addressed by a record number, opened by the child's
allocated social worker (200, a "view" event) and by a social worker of another team
(refused, a "deny" event), both naming the child."""

from datetime import date

import pytest
from django.urls import reverse

from righthelp.core.models import AuditEvent
from righthelp.core.testing import bearer, make_user
from righthelp.core.url_policy import POLICY, PUBLIC
from righthelp.people.models import Relationship
from righthelp.socialwork.services.contingency import contingency_plan_record
from righthelp.socialwork.services.plans import child_in_need_plan_start, plan_action_add
from righthelp.staff.models import Role, Team

from .assessments_support import referred
from .plans_support import enquiry_needing_conference, open_episode
from .test_chairs import cp_plan
from .test_section47 import discuss

pytestmark = pytest.mark.django_db


# --- The records, each built through the services the tests of its side use ----------------


def _cin_plan(world):
    return child_in_need_plan_start(episode=open_episode(world),
                                    actor=world.users["social_worker"], start=date(2025, 10, 1))


def _action(world, plan):
    return plan_action_add(plan=plan, actor=world.users["social_worker"], who="Mum",
                           what="Parenting course", by_when=date(2026, 12, 1),
                           how_we_will_know="Certificate")


def _contingency(world):
    mother = Relationship.objects.get(child=world.child, kind="mother")
    return contingency_plan_record(
        episode=open_episode(world), actor=world.users["social_worker"],
        childs_words="I want my mum.", summary="Mum stays the plan.",
        options=[{"kind": "family_network", "relationship": mother, "chosen": True,
                  "why": "Mum is safe with support."}])


BUILD = {
    "person": lambda world: world.child,
    "referred-episode": referred,
    "episode": open_episode,
    # An episode whose Section 47 enquiry found a conference is needed (else the page
    # sends the worker back to the episode's plans).
    "conference-due-episode": lambda world: enquiry_needing_conference(
        world, open_episode(world), date(2026, 9, 2)).episode,
    "assessment": lambda world: referred(world).assessments.get(),
    "section47": lambda world: discuss(world, referred(world, harm_current=True)).section47,
    "cin-plan": _cin_plan,
    "planned-episode": lambda world: _cin_plan(world).episode,  # visits need an open plan
    "cp-plan": cp_plan,
    "cin-action": lambda world: _action(world, _cin_plan(world)),
    "cp-action": lambda world: _action(world, cp_plan(world)),
    "conference": lambda world: cp_plan(world).conferences.get(),
    "contingency": _contingency,
}

# Pages (urls_assessments.py, urls_plans.py) addressed by a record number, with the record.
PAGES = [
    ("sw-child", "person"),
    ("sw-assessment", "assessment"),
    ("sw-assessment-send", "assessment"),
    ("sw-assessment-authorise", "assessment"),
    ("sw-strategy-new", "referred-episode"),
    ("sw-section47", "section47"),
    ("sw-section47-outcome", "section47"),
    ("sw-transfer-new", "referred-episode"),
    ("sw-episode-close", "referred-episode"),
    ("sw-episode-plans", "episode"),
    ("sw-cin-plan", "cin-plan"),
    ("sw-cin-plan-edit", "cin-plan"),
    ("sw-cin-plan-action-new", "cin-plan"),
    ("sw-cin-plan-end", "cin-plan"),
    ("sw-cin-plan-review-new", "cin-plan"),
    ("sw-cin-plan-escalate", "cin-plan"),
    ("sw-cp-plan", "cp-plan"),
    ("sw-cp-plan-edit", "cp-plan"),
    ("sw-cp-plan-action-new", "cp-plan"),
    ("sw-cp-plan-midway-new", "cp-plan"),
    ("sw-plan-action-edit", "cin-action"),
    ("sw-plan-action-edit", "cp-action"),
    ("sw-conference-new", "conference-due-episode"),
    ("sw-conference", "conference"),
    ("sw-visit-new", "planned-episode"),
    ("sw-reassessment-new", "episode"),
    ("sw-contingency-new", "episode"),
    ("sw-contingency", "contingency"),
]

# API reads (api_assessments.py, api_plans.py) addressed by a record number, and the one
# operation on a plan action (it has no read of its own), with a body that passes validation.
API_OPERATIONS = [
    ("sw-child-work", "get", "person", None),
    ("sw-assessment-detail", "get", "assessment", None),
    ("sw-section47-detail", "get", "section47", None),
    ("sw-cin-plan-detail", "get", "cin-plan", None),
    ("sw-cp-plan-detail", "get", "cp-plan", None),
    ("sw-conference-detail", "get", "conference", None),
    ("sw-contingency-detail", "get", "contingency", None),
    ("sw-plan-action-update", "patch", "cin-action", {"version": 1, "status": "under_way"}),
    ("sw-plan-action-update", "patch", "cp-action", {"version": 1, "status": "under_way"}),
]


def _social_worker_may(name: str) -> bool:
    rule = POLICY[name]
    return rule == PUBLIC or Role.SOCIAL_WORKER in rule


# A page the URL policy keeps from social workers is refused by role, before any record is
# opened: it is not about need to know, so it is left out here.
SW_PAGES = [p for p in PAGES if _social_worker_may(p[0])]
SW_API = [o for o in API_OPERATIONS if _social_worker_may(f"api-1:{o[0]}")]


def other_team_social_worker():
    return make_user(Role.SOCIAL_WORKER, "other-sw",
                     team=Team.objects.get(code="complex-needs"))


def events(user, action, child):
    return AuditEvent.objects.filter(user=user, action=action, person=child)


def test_the_lists_cover_the_record_pages_and_reads():
    assert {"sw-assessment", "sw-section47", "sw-cin-plan", "sw-cp-plan", "sw-conference",
            "sw-contingency", "sw-plan-action-edit"} <= {name for name, _ in SW_PAGES}
    assert {name for name, *_ in SW_API} >= {
        "sw-assessment-detail", "sw-section47-detail", "sw-cin-plan-detail",
        "sw-cp-plan-detail", "sw-conference-detail", "sw-contingency-detail"}


@pytest.mark.parametrize(("name", "kind"), SW_PAGES, ids=[f"{n}[{k}]" for n, k in SW_PAGES])
def test_page_is_audited_for_the_allocated_worker_and_refused_to_another_team(
        client, world, name, kind):
    record = BUILD[kind](world)
    url = reverse(name, args=[record.pk])
    worker = world.users["social_worker"]
    before = events(worker, "view", world.child).count()

    client.force_login(worker)
    response = client.get(url)
    assert response.status_code == 200
    assert events(worker, "view", world.child).count() == before + 1
    assert events(worker, "view", world.child).first().path == url

    other = other_team_social_worker()
    client.force_login(other)
    refused = client.get(url)
    assert refused.status_code == 403
    assert events(other, "deny", world.child).count() == 1
    assert events(other, "deny", world.child).get().path == url
    assert not events(other, "view", world.child).exists()


@pytest.mark.parametrize(("name", "method", "kind", "body"), SW_API,
                         ids=[f"{n}[{k}]" for n, _, k, _ in SW_API])
def test_api_read_is_audited_for_the_allocated_worker_and_refused_to_another_team(
        client, world, name, method, kind, body):
    record = BUILD[kind](world)
    url = reverse(f"api-1:{name}", args=[record.pk])
    extra = {} if body is None else {"data": body, "content_type": "application/json"}
    worker = world.users["social_worker"]
    before = events(worker, "view", world.child).count()

    response = getattr(client, method)(url, **extra, **bearer(worker))
    assert response.status_code == 200, response.content
    assert events(worker, "view", world.child).count() == before + 1
    assert events(worker, "view", world.child).first().channel == "api"

    other = other_team_social_worker()
    refused = getattr(client, method)(url, **extra, **bearer(other))
    # The modules say "403 refusals; 404 unknown numbers" (api_plans.py, api_assessments.py),
    # and righthelp/api.py answers an AccessDenied with 403: the record exists, it is refused.
    assert refused.status_code == 403
    assert events(other, "deny", world.child).count() == 1
    assert events(other, "deny", world.child).get().channel == "api"
    assert not events(other, "view", world.child).exists()


# The record pages the URL policy gives to one other role: the team manager of the team
# holding the work, and the child's conference chair. Each is refused to the same role in
# another team.
MANAGER_PAGES = [(name, kind) for name, kind in PAGES if (name, kind) not in SW_PAGES]


def _role_for(name: str) -> str:
    (role,) = POLICY[name]
    return role


def test_the_other_roles_pages_are_the_managers_and_the_chairs():
    assert {(name, _role_for(name)) for name, _ in MANAGER_PAGES} == {
        ("sw-assessment-authorise", Role.TEAM_MANAGER), ("sw-section47-outcome", Role.TEAM_MANAGER),
        ("sw-transfer-new", Role.TEAM_MANAGER), ("sw-episode-close", Role.TEAM_MANAGER),
        ("sw-cp-plan-midway-new", Role.CP_CHAIR)}


@pytest.mark.parametrize(("name", "kind"), MANAGER_PAGES,
                         ids=[f"{n}[{k}]" for n, k in MANAGER_PAGES])
def test_manager_and_chair_pages_are_audited_and_refused_to_another_team(
        client, world, name, kind):
    record = BUILD[kind](world)
    url = reverse(name, args=[record.pk])
    role = _role_for(name)
    holder = world.users[role]
    before = events(holder, "view", world.child).count()

    client.force_login(holder)
    assert client.get(url).status_code == 200
    assert events(holder, "view", world.child).count() == before + 1

    other = make_user(role, f"other-{role}", team=Team.objects.get(code="complex-needs"))
    client.force_login(other)
    assert client.get(url).status_code == 403
    assert events(other, "deny", world.child).count() == 1
    assert not events(other, "view", world.child).exists()
