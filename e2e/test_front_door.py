"""The front door's acceptance journey, in the browser: a partner asks, the Hub triages with
a multi-agency check answered by a second partner, a manager authorises, the partner sees it."""

import pytest
from playwright.sync_api import expect

from righthelp.core.models import PartnerAgency
from righthelp.core.testing import PASSWORD, make_user, make_world
from righthelp.frontdoor.models import RequestForSupport
from righthelp.staff.models import Role

from .front_door_pages import HubManager, HubWorker, PartnerChecks, Referrer
from .pages import App

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_request_triaged_checked_decided_authorised_and_seen_by_the_referrer(live_server, page):
    world = make_world()
    officer = make_user(Role.PARTNER_LEAD_PROFESSIONAL, username="pc-jones")
    officer.first_name, officer.last_name = "Pat", "Jones"
    officer.agency = PartnerAgency.objects.get(code="lancashire-police")
    officer.save()
    app = App(page, live_server.url)

    app.sign_in("partner-lead-professional", PASSWORD)
    referrer = Referrer(page)
    referrer.start_request()
    referrer.name_child(1, "Jonathan", "Smith", "03/04/2015", "FY1 5AB")
    referrer.describe(worries="Bruising on his arm; he says he is scared to go home.",
                      working_well="He loves football club; his gran is close.",
                      childs_words="I don't want to go home tonight.")
    referrer.ask_for("Level 4: a safeguarding worry", "Urgent: today")
    referrer.consent_not_sought("Asking the parents could put him at risk.")
    referrer.send()
    number = RequestForSupport.objects.get().pk
    app.sign_out()

    app.sign_in("hub-worker", PASSWORD)
    hub = HubWorker(page)
    hub.open_from_queue(number)
    hub.take()
    hub.link_child("Jonathan Smith", world.child.pk)
    hub.ask_check("Lancashire Constabulary", "Pat Jones (Lancashire Constabulary)",
                  "Any call-outs to the family home?")
    app.sign_out()

    app.sign_in("pc-jones", PASSWORD)
    PartnerChecks(page).answer_first("Two domestic call-outs in May; no arrests.")
    app.sign_out()

    app.sign_in("hub-worker", PASSWORD)
    hub.open_from_queue(number)
    expect(page.locator("#checks")).to_contain_text("Two domestic call-outs in May")
    hub.decide(["There are worries of significant harm",
                "Significant harm is suspected and current"],
               "Level 4: safeguarding", "Injury, fear of going home, police call-outs.",
               "I don't want to go home tonight.", expect_proposal="Section 47")
    app.sign_out()

    app.sign_in("hub-manager", PASSWORD)
    HubManager(page).authorise(number, "Agreed: strategy discussion today.")
    app.sign_out()

    app.sign_in("partner-lead-professional", PASSWORD)
    referrer.open_my_request(number)
    expect(page.locator("#outcome")).to_contain_text("Assessment and Support")
    expect(page.locator("#outcome")).to_contain_text("Level 4")
    expect(page.locator("#outcome")).not_to_contain_text("police call-outs")
