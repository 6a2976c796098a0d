"""The synthetic council's statutory social work: consistent with the casework and in the
order the national rules and DfE's census expect."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from righthelp.core.clocks import is_working_day
from righthelp.people.models import Involvement
from righthelp.socialwork.models import (
    Assessment,
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
)
from righthelp.synthetic.generator import synthesise

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


@pytest.fixture
def council():
    lines: list[str] = []
    synthesise(seed=3, scale=0.05, today=TODAY, write=lines.append)
    return lines


def test_every_referral_to_social_care_has_an_episode(council):
    assert any(line.startswith("social work: ") for line in council)
    assessed = set(Involvement.objects.filter(kind__in=["cafa", "section_47"]).values_list(
        "person_id", flat=True))
    with_episode = set(ChildInNeedEpisode.objects.values_list("person_id", flat=True))
    assert assessed <= with_episode
    for episode in ChildInNeedEpisode.objects.filter(closure_date__isnull=False):
        assert episode.closure_reason and episode.closure_date >= episode.referral_date
    assert not ChildInNeedEpisode.objects.filter(referral_date__gt=TODAY).exists()


def test_assessments_are_authorised_with_factors_in_order(council):
    for assessment in Assessment.objects.select_related("episode"):
        assert assessment.started_on >= assessment.episode.referral_date
        if assessment.status == "authorised":
            assert assessment.started_on <= assessment.completed_on <= assessment.authorised_on
            assert assessment.factors and assessment.outcome
            assert "21" not in assessment.factors or assessment.factors == ["21"]


def test_conferences_follow_section_47_enquiries(council):
    plans = list(ChildProtectionPlan.objects.prefetch_related("conferences"))
    assert plans
    for plan in plans:
        initial = [c for c in plan.conferences.all() if c.kind == "initial"]
        assert len(initial) == 1 and initial[0].held_on == plan.start
        assert is_working_day(plan.start)
        enquiry = initial[0].section47
        assert enquiry and enquiry.started_on <= plan.start
        assert enquiry.icpc_target > enquiry.started_on
    for enquiry in Section47Enquiry.objects.filter(completed_on__isnull=False):
        assert enquiry.outcome and enquiry.completed_on >= enquiry.started_on


def test_review_conferences_are_mostly_within_timescales(council):
    on_time = late = 0
    for plan in ChildProtectionPlan.objects.prefetch_related("conferences"):
        held = sorted(c.held_on for c in plan.conferences.all() if c.kind == "review")
        previous, limit = plan.start, relativedelta(months=3)
        for day in held:
            assert plan.start < day and (plan.end is None or day <= plan.end)
            if day <= previous + limit:
                on_time += 1
            else:
                late += 1
            previous, limit = day, relativedelta(months=6)
    assert on_time > 0 and late / (on_time + late) < 0.2


def test_child_in_need_and_protection_plans_do_not_overlap(council):
    for episode in ChildInNeedEpisode.objects.prefetch_related("childinneedplans",
                                                               "childprotectionplans"):
        for cin in episode.childinneedplans.all():
            assert cin.start >= episode.referral_date
            for cp in episode.childprotectionplans.all():
                cin_end = cin.end or date.max
                cp_end = cp.end or date.max
                assert cin_end <= cp.start or cp_end <= cin.start
    assert ChildInNeedPlan.objects.exists()
    assert ChildProtectionConference.objects.filter(kind="review", decision="end").exists()
