"""Test data for Families Together: the team's coordinator, and referrals at each stage."""

from datetime import date

from righthelp.core.testing import make_user
from righthelp.staff.models import Role, Team

from .. import services
from ..models import FamiliesTogetherReferral


def coordinator(username: str = "ft-coordinator"):
    """A senior social worker in the Families Together team (the coordinator's team)."""
    return make_user(Role.SENIOR_SOCIAL_WORKER, username,
                     team=Team.objects.get(code="families-together"))


def referral(world, kind: str = "meeting", consulted_with=None, accept_by=None
             ) -> FamiliesTogetherReferral:
    made = services.referral_create(actor=world.users["social_worker"], person=world.child,
                                    kind=kind, reason="Family arguments are escalating.",
                                    childs_words="I want my nan to help.")
    if consulted_with is not None:
        made = services.referral_consultation(
            actor=world.users["social_worker"], referral=made, coordinator=consulted_with,
            on=date(2026, 11, 20), discussed="Whether a meeting would help; who to invite.")
    if accept_by is not None:
        made = services.referral_accept(actor=accept_by, referral=made, practitioner=accept_by)
    return made
