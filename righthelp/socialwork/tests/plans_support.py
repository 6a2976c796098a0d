"""Test data for the plans side: an open episode for the world's child, and dates."""

from datetime import date, datetime, time

from django.utils import timezone

from righthelp.core.clocks import LONDON
from righthelp.core.deadlines import deadline_start
from righthelp.socialwork.models import ChildInNeedEpisode, Section47Enquiry, StrategyDiscussion
from righthelp.staff.models import Team

ATTENDEES = [{"name": "Sarah Smith", "role": "Mother", "family": True},
             {"name": "Pat Jones", "role": "Social worker", "family": False}]


def open_episode(world, referral_date: date | None = None, person=None) -> ChildInNeedEpisode:
    """An open episode with social care, held by Strengthening and Supporting Families."""
    return ChildInNeedEpisode.objects.create(
        person=person or world.child, referral_date=referral_date or date(2025, 9, 1),
        referral_source="2A", team=Team.objects.get(code="strengthening-and-supporting-families"),
    )


def today() -> date:
    return timezone.localdate()


def enquiry_needing_conference(world, episode, discussed_on: date) -> Section47Enquiry:
    """A strategy discussion on ``discussed_on`` and its Section 47 enquiry, finished with
    "hold a conference", with the ICPC clock (15 working days) running from the discussion."""
    held_at = datetime.combine(discussed_on, time(10, 0), tzinfo=LONDON)
    worker = world.users["social_worker"]
    discussion = StrategyDiscussion.objects.create(
        episode=episode, held_at=held_at, attendees=[{"name": "PC Lee", "agency": "Police"}],
        worries="Bruises seen at school.", decision="section_47", reasons="Harm suspected.",
        recorded_by=worker)
    clock = deadline_start(person=episode.person, rule_code="initial-child-protection-conference",
                           started_at=held_at, subject="Hold the ICPC", team=episode.team)
    return Section47Enquiry.objects.create(
        episode=episode, strategy_discussion=discussion, started_on=discussed_on,
        icpc_target=clock.due_at.date(), worker=worker, completed_on=discussed_on,
        outcome="conference", outcome_reasons="Significant harm substantiated.", deadline=clock)
