"""Test data for the plans side: an open episode for the world's child, and dates."""

from datetime import date

from django.utils import timezone

from righthelp.socialwork.models import ChildInNeedEpisode
from righthelp.staff.models import Team


def open_episode(world, referral_date: date | None = None, person=None) -> ChildInNeedEpisode:
    """An open episode with social care, held by Strengthening and Supporting Families."""
    return ChildInNeedEpisode.objects.create(
        person=person or world.child, referral_date=referral_date or date(2025, 9, 1),
        referral_source="2A", team=Team.objects.get(code="strengthening-and-supporting-families"),
    )


def today() -> date:
    return timezone.localdate()
