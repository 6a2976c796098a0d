"""Social work records for tests: one child's referral shaped like ``factories.good_child``."""

from datetime import date, datetime

from righthelp.core.clocks import LONDON
from righthelp.socialwork.models import (
    Assessment,
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from righthelp.staff.models import Team


def referral(person, worker, chair, *, referred=date(2025, 5, 6), closed=date(2026, 2, 27),
             reason="RC7", authorised=date(2025, 6, 20), cp_end=date(2025, 11, 28),
             cin_end=date(2026, 2, 27), reviews=(date(2025, 8, 22), date(2025, 11, 28))):
    team = Team.objects.get(code="assessment-and-support")
    episode = ChildInNeedEpisode.objects.create(
        person=person, referral_date=referred, referral_source="2A", primary_need="N1",
        team=team, closure_date=closed, closure_reason=reason if closed else "")
    Assessment.objects.create(
        episode=episode, started_on=referred, worker=worker,
        status="authorised" if authorised else "in_progress", completed_on=authorised,
        authorised_on=authorised, authorised_by=worker if authorised else None,
        factors=["3B", "16A"] if authorised else [], outcome="child_protection" if authorised
        else "")
    discussion = StrategyDiscussion.objects.create(
        episode=episode, held_at=datetime(2025, 5, 12, 10, tzinfo=LONDON),
        worries="Bruising.", decision="section_47", reasons="Harm suspected.",
        recorded_by=worker)
    enquiry = Section47Enquiry.objects.create(
        episode=episode, strategy_discussion=discussion, started_on=date(2025, 5, 12),
        icpc_target=date(2025, 6, 2), worker=worker, completed_on=date(2025, 5, 30),
        outcome="conference")
    plan = ChildProtectionPlan.objects.create(
        episode=episode, start=date(2025, 5, 30), end=cp_end,
        status="ended" if cp_end else "open", end_reason="to_cin" if cp_end else "",
        team=team, created_by=worker, initial_category="NEG", latest_category="NEG")
    ChildProtectionConference.objects.create(
        episode=episode, kind="initial", section47=enquiry, cp_plan=plan,
        held_on=date(2025, 5, 30), chair=chair, childs_words="I want it calm.",
        decision="plan", category="NEG", reasons="Risk of harm.", recorded_by=chair,
        family_attended=True)
    for held in reviews:
        ChildProtectionConference.objects.create(
            episode=episode, kind="review", cp_plan=plan, held_on=held, chair=chair,
            childs_words="Better.", decision="end" if held == cp_end else "continue",
            category="" if held == cp_end else "NEG", reasons="Progress.", recorded_by=chair,
            family_attended=True)
    if cp_end:
        ChildInNeedPlan.objects.create(
            episode=episode, start=cp_end, end=cin_end, status="ended" if cin_end else "open",
            end_reason="outcomes_met" if cin_end else "", team=team, created_by=worker)
    return episode
