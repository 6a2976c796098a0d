"""The synthetic council: deterministic, the right size, valid, and ready to sign in to."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from righthelp.core.clocks import LONDON
from righthelp.frontdoor import figures, selectors
from righthelp.frontdoor.models import (
    AdviceConsultation,
    HubDecision,
    MultiAgencyCheck,
    RequestChild,
    RequestForSupport,
)
from righthelp.frontdoor.services.advice import identifying_details
from righthelp.people import matching
from righthelp.people.identifiers import nhs_number_is_valid, upn_is_valid
from righthelp.people.models import (
    Address,
    Involvement,
    Person,
    PersonName,
    Relationship,
    category_of,
)
from righthelp.staff.models import Allocation, Role, TeamMembership, User
from righthelp.synthetic import phrases
from righthelp.synthetic.generator import flush, synthesise
from righthelp.synthetic.workforce import DEMO_PASSWORD, demo_sign_ins

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)
SCALE = 0.01


def load(seed: int = 7, scale: float = SCALE) -> list[str]:
    lines: list[str] = []
    synthesise(seed=seed, scale=scale, today=TODAY, write=lines.append)
    return lines


def digest() -> tuple[list, ...]:
    """What must not change between two runs with one seed (ids may differ after a flush)."""
    people = list(Person.objects.order_by("pk").values_list(
        "kind", "given_names", "family_name", "known_as", "date_of_birth", "upn", "nhs_number"))
    work = list(Involvement.objects.order_by("pk").values_list(
        "person__given_names", "kind", "team__code", "start", "end", "outcome"))
    allocations = list(Allocation.objects.order_by("pk").values_list(
        "person__given_names", "worker__username", "kind", "start", "end"))
    requests = list(RequestForSupport.objects.order_by("pk").values_list(
        "kind", "source", "status", "urgency", "referrer__username", "referrer_name",
        "received_at", "decision_due_at", "worries", "locality__code", "working_on__username"))
    named = list(RequestChild.objects.order_by("pk").values_list(
        "person__given_names", "given_names", "postcode"))
    decisions = list(HubDecision.objects.order_by("pk").values_list(
        "next_step", "level_of_need", "decided_by__username", "decided_at", "childs_voice",
        "status"))
    checks = list(MultiAgencyCheck.objects.order_by("pk").values_list(
        "agency__code", "asked_of__username", "asked_at", "answered_at"))
    advice = list(AdviceConsultation.objects.order_by("pk").values_list(
        "at", "agency__code", "locality__code", "worry", "request_advised"))
    return people, work, allocations, requests, named, decisions, checks, advice


def test_same_seed_gives_the_same_council():
    load(seed=7)
    first = digest()
    flush(write=lambda line: None)
    load(seed=7)
    assert digest() == first
    flush(write=lambda line: None)
    load(seed=8)
    assert digest()[0] != first[0]


def test_counts_are_in_proportion_to_the_scale():
    lines = load()
    children = Person.objects.filter(kind="child").count()
    assert children == round(29_000 * SCALE)
    assert Person.objects.filter(kind="unborn", date_of_birth__isnull=True,
                                 expected_date__isnull=False).exists()
    requests = Involvement.objects.filter(kind="request_for_support").count()
    assert 0.9 * 11_800 * SCALE * 4 <= requests <= 1.15 * 11_800 * SCALE * 4
    assessments = Involvement.objects.filter(kind="cafa").count()
    assert 0.38 <= assessments / requests <= 0.55
    looked_after = Involvement.objects.filter(kind="looked_after", end__isnull=True).count()
    assert abs(looked_after - 600 * SCALE) <= 3  # sibling groups come into care together
    assert any(line.startswith("people: ") and line.endswith("s") for line in lines)


def test_identifiers_are_valid_and_unique():
    load()
    upns = list(Person.objects.exclude(upn="").values_list("upn", flat=True))
    nhs = list(Person.objects.exclude(nhs_number="").values_list("nhs_number", flat=True))
    assert upns and nhs
    assert all(upn_is_valid(u) for u in upns) and len(set(upns)) == len(upns)
    assert all(nhs_number_is_valid(n) for n in nhs) and len(set(nhs)) == len(nhs)


def test_search_keys_categories_and_postcodes_are_set_as_save_would():
    load()
    for person in Person.objects.all():
        assert person.given_key == matching.given_key(person.known_as or person.given_names)
        assert person.family_key == matching.family_key(person.family_name)
    for name in PersonName.objects.all():
        assert name.family_key == matching.family_key(name.family_name)
    assert all(r.category == category_of(r.kind) for r in Relationship.objects.all())
    for address in Address.objects.filter(end__isnull=True).select_related("person"):
        assert address.person.current_postcode == address.postcode
        assert address.postcode[:3] in {"FY1", "FY2", "FY3", "FY4"}


def test_demo_users_exist_for_every_role():
    load()
    for role in Role:
        user = User.objects.get(username=role.value.replace("_", "-"))
        assert user.role == role
    assert len(demo_sign_ins()) == len(Role)
    social_worker = User.objects.get(username="social-worker")
    assert social_worker.check_password(DEMO_PASSWORD)
    team = TeamMembership.objects.get(user=social_worker).team
    assert TeamMembership.objects.filter(team=team, is_manager=True,
                                         user__username="team-manager").exists()
    assert Allocation.objects.filter(worker=social_worker, end__isnull=True).exists()
    assert User.objects.get(username="administrator").is_superuser
    assert User.objects.get(username="partner-lead-professional").agency is not None


def test_open_work_is_allocated():
    load()
    for involvement in Involvement.objects.filter(end__isnull=True):
        assert Allocation.objects.filter(person=involvement.person, end__isnull=True).exists()


def test_command_refuses_a_loaded_database_unless_flushed():
    out = StringIO()
    call_command("synthesise", "--status", stdout=out)
    assert out.getvalue().strip() == "empty"
    load()
    with pytest.raises(CommandError, match="--flush"):
        call_command("synthesise", "--scale", str(SCALE), stdout=StringIO())
    out = StringIO()
    call_command("synthesise", "--scale", str(SCALE), "--today", "2025-06-02", "--flush",
                 stdout=out)
    assert "social-worker" in out.getvalue() and DEMO_PASSWORD in out.getvalue()
    assert Person.objects.filter(kind="child").count() == round(29_000 * SCALE)


def test_front_door_records_follow_the_casework():
    lines = load()
    assert any(line.startswith("front door: ") for line in lines)
    decided = RequestForSupport.objects.filter(status=RequestForSupport.Status.DECIDED)
    assert decided.exists()
    assert not RequestChild.objects.filter(person__isnull=True).exclude(
        request__status=RequestForSupport.Status.DRAFT).exists()
    assert not decided.filter(locality__isnull=True).exists()
    for rfs in decided.prefetch_related("children", "decisions"):
        decision = rfs.decisions.get()
        assert decision.status == HubDecision.Status.AUTHORISED
        assert decision.childs_voice.strip() and decision.reasoning.strip()
        assert decision.authorised_by.role == "hub_manager"
        assert decision.decided_by.role == "hub_worker"
        assert rfs.queued_at >= rfs.received_at and decision.decided_at >= rfs.queued_at
        if rfs.out_of_hours:
            assert rfs.handed_over and rfs.edt_actions
        assert rfs.referrer_id or rfs.referrer_name
    # The next step is what the child's record says followed the request.
    assessment = decided.filter(decisions__next_step="assessment").first()
    if assessment:
        person = assessment.children.first().person
        start = assessment.received_at.astimezone(LONDON).date()
        outcome = Involvement.objects.get(person=person, kind="request_for_support",
                                          start=start, end__isnull=False).outcome
        assert "Assessment" in outcome or "Section 47" in outcome
    assert MultiAgencyCheck.objects.filter(answered_at__isnull=False,
                                           answered_by__agency__isnull=False).exists()


def test_the_hub_has_a_queue_and_the_partner_has_work():
    load()
    open_requests = RequestForSupport.objects.filter(status__in=selectors.OPEN_STATUSES)
    assert open_requests.count() >= 5
    assert open_requests.filter(working_on__isnull=False).exists()
    assert HubDecision.objects.filter(status=HubDecision.Status.AWAITING_AUTHORISATION).exists()
    assert open_requests.filter(out_of_hours=True, handed_over=True).exists()
    assert selectors.queue().exists()  # TODAY is in the past: everything has arrived
    for involvement in Involvement.objects.filter(kind="request_for_support", end__isnull=True):
        assert involvement.summary.startswith("#")  # the request's number, as intake writes it
    partner = User.objects.get(username="partner-lead-professional")
    assert selectors.checks_for(partner).count() >= 3
    statuses = [r.status for r in selectors.requests_made_by(partner)]
    assert statuses.count("draft") == 1 and "in_queue" in statuses
    assert statuses.count("decided") >= 2


def test_hub_figures_are_sensible():
    load(scale=0.03)
    received = figures.requests_received()
    assert received.total > 100
    conversion = figures.conversion()
    assert 30 <= conversion.percent <= 60
    on_time = figures.decisions_on_time()
    assert 70 <= on_time.percent <= 100
    assert figures.repeat_requests().requests == received.total
    advice = figures.advice_by_agency_kind()
    assert advice.total > 0 and 0 < advice.request_advised < advice.total
    locality = figures.localities()[0].code
    assert figures.requests_received(locality=locality).total > 0


def test_advice_is_anonymous():
    for text in phrases.ADVICE_WORRIES + phrases.ADVICE_REQUEST + phrases.ADVICE_NO_REQUEST:
        assert identifying_details(text) == [], text
    load()
    consultations = list(AdviceConsultation.objects.all())
    assert consultations
    for consultation in consultations:
        assert identifying_details(consultation.worry) == []
        assert identifying_details(consultation.advice_given) == []
        assert consultation.agency_kind == consultation.agency.kind
