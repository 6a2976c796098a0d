"""Test data for the assessments side: referrals through the real Hub, and a frozen clock."""

from contextlib import contextmanager
from datetime import date, datetime, time
from unittest import mock

from righthelp.core.clocks import LONDON
from righthelp.core.testing import make_user
from righthelp.frontdoor import services as frontdoor
from righthelp.frontdoor.rules import Facts
from righthelp.socialwork.models import ChildInNeedEpisode
from righthelp.staff.models import Role, Team

CHILD = {"given_names": "Jonathan", "family_name": "Smith", "date_of_birth": None}
CONTACT = {
    "source": "phone", "referrer_name": "Ms Patel", "referrer_role": "Head teacher",
    "worries": "Bruising on his arm, and he says he is scared to go home.",
    "childs_words": "I don't want to go home tonight.", "level_asked": "safeguarding",
    "consent_given": False, "consent_dispensed_reason": "Asking could put him at risk.",
}
PRACTICE = {
    "strengths": "Mum takes him to football; his gran is close.",
    "worries": "Bruising and shouting at home; mum's low mood.",
    "childs_words": "I like it when gran picks me up.",
    "familys_words": "Mum: 'I need help with the shouting.'",
    "what_needs_to_happen": "Mum sees her GP; gran helps after school; family time plan.",
    "support_during_assessment": "Family support worker twice a week.",
    "factors": ["4B", "3B"],
}


@contextmanager
def at(moment: datetime):
    """Freeze the clock at ``moment`` (London time when naive)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LONDON)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def on(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=LONDON)


def referred(world, *, harm_current: bool = False, received_at: datetime | None = None,
             agency: str = "blackpool-schools", referrer_role: str = "Head teacher",
             back_to_families: bool = False):
    """A contact the Hub records and decides (significant harm), authorised by the Hub
    manager: the decision hands the child on to Assessment and Support. Returns the episode."""
    from righthelp.core.models import PartnerAgency

    hub, manager = world.users["hub_worker"], world.users["hub_manager"]
    data = {**CONTACT, "referrer_role": referrer_role,
            "referrer_agency": PartnerAgency.objects.get(code=agency) if agency else None}
    rfs = frontdoor.contact_record(actor=hub, data=data, children=[CHILD],
                                   received_at=received_at)
    frontdoor.child_link(actor=hub, child=rfs.children.get(), person=world.child)
    decision = frontdoor.decision_propose(
        actor=hub, rfs=rfs, facts=Facts(significant_harm=True, harm_current=harm_current,
                                        open_to_return_team_recently=back_to_families),
        level_of_need=4, reasoning="Injury and fear of going home.",
        childs_voice="I don't want to go home.")
    frontdoor.decision_authorise(actor=manager, decision=decision, note="Agreed.")
    return ChildInNeedEpisode.objects.get(person=world.child, closure_date__isnull=True)


def families_worker(username: str = "ssf-worker"):
    """A social worker in Strengthening and Supporting Families."""
    team = Team.objects.get(code="strengthening-and-supporting-families")
    return make_user(Role.SOCIAL_WORKER, username=username, team=team)


def other_team_worker(username: str = "other-worker"):
    """A social worker in Families Together: not the team holding the child's work."""
    return make_user(Role.SOCIAL_WORKER, username=username,
                     team=Team.objects.get(code="families-together"))
