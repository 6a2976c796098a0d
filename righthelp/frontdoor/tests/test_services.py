"""The front door's services: intake, out of hours, checks, decisions and handing on."""

from datetime import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from righthelp.core.clocks import LONDON
from righthelp.core.models import Deadline, PartnerAgency
from righthelp.core.testing import make_user
from righthelp.frontdoor import selectors, services
from righthelp.frontdoor.models import AdviceConsultation, RequestForSupport
from righthelp.frontdoor.rules import Facts
from righthelp.people.models import Involvement
from righthelp.staff.models import Role, Team

pytestmark = pytest.mark.django_db

CHILD = {"given_names": "Jonathan", "family_name": "Smith", "date_of_birth": None}
REQUEST = {
    "worries": "Bruising on his arm, and he says he is scared to go home.",
    "working_well": "He loves football club; his gran is close.",
    "childs_words": "I don't want to go home tonight.",
    "level_asked": "safeguarding", "consent_given": False,
    "consent_dispensed_reason": "Asking the parents could put him at risk.",
}


def submitted_request(world, **extra):
    partner = world.users["partner_lead_professional"]
    rfs = services.request_save_draft(actor=partner, data={**REQUEST, **extra}, children=[CHILD])
    rfs = services.request_submit(actor=partner, rfs=rfs, version=rfs.version)
    services.child_link(actor=world.users["hub_worker"], child=rfs.children.get(),
                        person=world.child)
    return rfs


def test_draft_keeps_what_was_typed_and_submission_names_missing_fields(world):
    partner = world.users["partner_lead_professional"]
    rfs = services.request_save_draft(actor=partner, data={"worries": "Not eating"},
                                      children=[])
    with pytest.raises(ValidationError) as error:
        services.request_submit(actor=partner, rfs=rfs, version=rfs.version)
    fields = error.value.message_dict
    assert set(fields) >= {"children", "working_well", "level_asked", "consent_given"}
    rfs.refresh_from_db()
    assert rfs.status == "draft" and rfs.worries == "Not eating"


def test_stale_draft_save_is_refused(world):
    partner = world.users["partner_lead_professional"]
    rfs = services.request_save_draft(actor=partner, data={"worries": "A"}, children=[])
    services.request_save_draft(actor=partner, rfs=rfs, version=rfs.version,
                                data={"worries": "B"})
    with pytest.raises(ValidationError, match="Someone else saved"):
        services.request_save_draft(actor=partner, rfs=rfs, version=rfs.version,
                                    data={"worries": "C"})
    rfs.refresh_from_db()
    assert rfs.worries == "B"


def test_edt_contact_friday_night_before_bank_holiday_lands_tuesday(world):
    edt = make_user(Role.SOCIAL_WORKER, username="edt-worker",
                    team=Team.objects.get(code="emergency-duty-team"))
    friday_night = datetime(2026, 5, 1, 23, 0, tzinfo=LONDON)  # Monday 4 May: bank holiday
    rfs = services.contact_record(
        actor=edt, received_at=friday_night, children=[CHILD],
        data={**REQUEST, "source": "out_of_hours", "referrer_name": "Police control room",
              "edt_actions": "Police attended; child stayed with his gran overnight."},
    )
    assert rfs.out_of_hours and rfs.handed_over
    assert rfs.queued_at == datetime(2026, 5, 5, 9, 0, tzinfo=LONDON)
    assert rfs.decision_due_at == datetime(2026, 5, 5, 17, 0, tzinfo=LONDON)
    saturday = datetime(2026, 5, 2, 10, 0, tzinfo=LONDON)
    with mock.patch("django.utils.timezone.now", return_value=saturday):
        assert rfs not in selectors.queue()
    tuesday = datetime(2026, 5, 5, 9, 1, tzinfo=LONDON)
    with mock.patch("django.utils.timezone.now", return_value=tuesday):
        assert list(selectors.queue()) == [rfs]


def test_edt_contact_must_say_what_edt_did(world):
    with pytest.raises(ValidationError) as error:
        services.contact_record(actor=world.users["hub_worker"], children=[CHILD],
                                data={**REQUEST, "source": "out_of_hours", "referrer_name": "A"})
    assert "edt_actions" in error.value.message_dict
    assert not RequestForSupport.objects.exists()


def test_decision_proposed_authorised_and_handed_on_with_a_clock(world):
    rfs = submitted_request(world)
    worker, manager = world.users["hub_worker"], world.users["hub_manager"]
    police = PartnerAgency.objects.get(code="lancashire-police")
    officer = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="pc")
    officer.agency = police
    officer.save()
    check = services.check_ask(actor=worker, rfs=rfs, agency=police, asked_of=officer,
                               question="Any call-outs to this address?")
    with pytest.raises(PermissionDenied):
        services.check_answer(actor=world.users["partner_lead_professional"], check=check,
                              answer="No")
    services.check_answer(actor=officer, check=check, answer="Two domestic call-outs in May.")
    facts = Facts(significant_harm=True, harm_current=True)
    with pytest.raises(ValidationError) as error:
        services.decision_propose(actor=worker, rfs=rfs, facts=facts, level_of_need=4,
                                  reasoning="Injury and fear of going home.", childs_voice="",
                                  next_step="early_help")
    assert {"childs_voice", "different_step_reason"} <= set(error.value.message_dict)
    decision = services.decision_propose(
        actor=worker, rfs=rfs, facts=facts, level_of_need=4,
        reasoning="Injury and fear of going home.", childs_voice="I don't want to go home.")
    assert decision.next_step == "assessment" and decision.assessment_kind == "section_47"
    with pytest.raises(PermissionDenied, match="Hub manager"):
        services.decision_authorise(actor=worker, decision=decision)
    services.decision_authorise(actor=manager, decision=decision, note="Agreed.")
    rfs.refresh_from_db()
    assert rfs.status == "decided"
    opened = Involvement.objects.get(person=world.child, kind="section_47")
    assert opened.team.code == "assessment-and-support"
    # The strategy discussion is due first; the conference clock starts from it (social work).
    assert Deadline.objects.filter(person=world.child, rule="strategy-discussion").exists()
    assert not Deadline.objects.filter(person=world.child,
                                       rule="initial-child-protection-conference").exists()
    closed = Involvement.objects.get(person=world.child, kind="request_for_support")
    assert closed.end is not None and closed.level_of_need == 4


def test_missing_report_also_goes_to_awaken(world):
    hub = world.users["hub_worker"]
    rfs = services.contact_record(actor=hub, children=[CHILD], data={
        "kind": "missing", "source": "police", "referrer_name": "PC Jones",
        "worries": "Missing since 6pm, last seen at the pier."})
    services.child_link(actor=hub, child=rfs.children.get(), person=world.child)
    assert Involvement.objects.filter(person=world.child, team__code="awaken").exists()


def test_advice_line_warns_on_identifying_details(world):
    hub = world.users["hub_worker"]
    data = {"worry": "Teacher worried about Jonathan Smith, born 3/4/2015.",
            "advice_given": "Make a request for support.", "request_advised": True}
    with pytest.raises(ValidationError) as error:
        services.advice_record(actor=hub, data=data)
    message = error.value.message_dict["worry"][0]
    assert "a name ('Jonathan')" in message and "a date" in message
    assert not AdviceConsultation.objects.exists()
    services.advice_record(actor=hub, data={**data, "worry": "A teacher is worried about a "
                                                           "boy in year 5 with bruises."})
    assert AdviceConsultation.objects.count() == 1
    field_names = {f.name for f in AdviceConsultation._meta.get_fields()}
    assert not field_names & {"person", "name", "date_of_birth", "address", "phone", "child"}
