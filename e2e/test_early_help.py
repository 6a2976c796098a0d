"""Early help's acceptance journeys, in the browser: a school's lead professional opens an
episode for a family, writes the assessment over two sittings, agrees a plan with three
actions and records a review; the link worker sees it; the family's plan prints in plain
language. Step up needs a described escalation and keeps the lead on the child's team; a lead
professional cannot open an episode they are not part of, and the attempt is audited."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from righthelp.core.models import AuditEvent
from righthelp.core.testing import PASSWORD, make_user, make_world
from righthelp.earlyhelp.models import EarlyHelpEpisode
from righthelp.earlyhelp.rules import STEP_UP_NOT_ESCALATION
from righthelp.staff.models import Role

from .early_help_pages import LeadProfessional, LinkWorker
from .pages import App

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).strftime("%d/%m/%Y")


ACTIONS = [
    {"who": "The family", "what": "Lay out school clothes the night before.",
     "by_when": _date(14), "how": "Mia is at school by 8:45 four days a week."},
    {"who": "A council service", "service": "Families in Need",
     "what": "Parenting sessions for Kerry.", "by_when": _date(42),
     "how": "Kerry says mornings feel calmer."},
    {"who": "The lead professional", "what": "Find Mia a breakfast club place.",
     "by_when": _date(7), "how": "Mia has breakfast at school."},
]


def _opened(app, page) -> LeadProfessional:
    app.sign_in("partner-lead-professional", PASSWORD)
    lead = LeadProfessional(page)
    lead.go_to_early_help()
    lead.open_for_new_family(child=("Mia", "Walsh", "05/06/2016"),
                             parent=("Kerry", "Walsh", "mother"), area="Revoe",
                             why="Mia is late most days and tired; mornings are hard.",
                             agreed_by="Kerry Walsh (mother)")
    return lead


def test_school_lead_assesses_plans_reviews_and_the_family_plan_prints(live_server, page):
    make_world()
    app = App(page, live_server.url)
    lead = _opened(app, page)
    expect(page.locator("#members")).to_contain_text("Kerry Walsh (mother)")

    # The assessment, over two sittings: the first is saved and kept.
    lead.write_assessment({"What is working well": "Mia and Kerry are close.",
                           "What we are worried about": "Mia misses the first lesson."})
    lead.back_to_episode()
    expect(page.locator("#assessment-status")).to_contain_text("Being written (1 sitting")
    lead.write_assessment({"The child's own words": "I want to get to school on time.",
                           "The parents' or carers' words": "I want calmer mornings.",
                           "What the family wants to change": "Getting to school on time."},
                          complete=True)
    expect(page.locator("#assessment-status")).to_contain_text("Completed (2 sittings")

    lead.write_plan("Mia gets to school on time and mornings are calm.", ACTIONS,
                    agreed_with="Kerry and Mia")
    expect(page.locator("#actions")).to_contain_text("Families in Need")
    lead.record_review(timezone.localdate().strftime("%d/%m/%Y"), "Breakfast club is fun.",
                       "On time three days out of five.")
    expect(page.get_by_text('The child said: "Breakfast club is fun."')).to_be_visible()
    app.sign_out()

    app.sign_in("link-worker", PASSWORD)
    LinkWorker(page).coached()
    expect(page.locator("main")).to_contain_text("Walsh family")
    expect(page.locator("main")).to_contain_text("Partner lead professional Tester")
    expect(page.locator("#no-help-needed")).to_be_visible()
    app.sign_out()

    app.sign_in("partner-lead-professional", PASSWORD)
    lead.open_episode("Walsh")
    lead.share_plan()
    expect(page.locator("#actions")).to_contain_text("Us")
    expect(page.locator("#actions")).to_contain_text("Parenting sessions for Kerry.")
    expect(page.locator(".govuk-service-navigation")).to_have_count(0)
    page.emulate_media(media="print")
    expect(page.get_by_text("Use your browser's print button")).to_be_hidden()
    expect(page.get_by_role("heading", name="Our family's plan")).to_be_visible()


def test_step_up_needs_escalation_keeps_the_lead_and_strangers_are_refused(live_server, page):
    make_world()
    make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="other-school")
    app = App(page, live_server.url)
    lead = _opened(app, page)
    episode = EarlyHelpEpisode.objects.get()

    lead.step_up("The risk has stayed the same", "Risk stayed the same; still late.")
    expect(page.locator(".govuk-error-summary")).to_contain_text(STEP_UP_NOT_ESCALATION)
    page.get_by_role("link", name="Back to the episode").click()
    lead.step_up("The risk to the child has gone up",
                 "Last night police were called to the home after a fight between the adults; "
                 "Mia was there and is frightened.")
    expect(page.get_by_text("You stay the lead professional.")).to_be_visible()
    page.get_by_role("link", name="Mia Walsh").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mia Walsh")
    expect(page.locator("main")).to_contain_text("Partner lead professional Tester")
    expect(page.locator("main")).to_contain_text("Lead professional")
    app.sign_out()

    app.sign_in("other-school", PASSWORD)
    response = page.goto(f"{live_server.url}/early-help/episodes/{episode.pk}/")
    assert response.status == 403
    expect(page.locator("main")).to_contain_text("You are not part of this early help episode")
    assert AuditEvent.objects.filter(user__username="other-school", action="deny",
                                     object_id=str(episode.pk)).exists()
