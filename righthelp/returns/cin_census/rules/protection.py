"""Rules on child protection plans and their review conferences."""

from .. import codes
from .base import before, day, referral, rule


def _plans(child):
    for episode in child.episodes:
        for plan in episode.cp_plans:
            yield episode, plan


def _label(plan) -> str:
    return f"the child protection plan started {day(plan.start)}"


@rule("8935", "This child is showing more than one open Child Protection plan, i.e. with no End "
      "Date", "CPPendDate")
def several_open_cp_plans(child, period):
    for episode in child.episodes:
        if sum(1 for p in episode.cp_plans if p.end is None) > 1:
            yield referral(episode)


@rule("8905", "Initial Category of Abuse code missing or invalid (see Category of Abuse table in "
      "CIN Census code set)", "InitialCategoryOfAbuse")
def initial_category_invalid(child, period):
    for _, plan in _plans(child):
        if plan.initial_category not in codes.CATEGORIES_OF_ABUSE:
            yield _label(plan)


@rule("8910", "Latest Category of Abuse code missing or invalid (see Category of Abuse table in "
      "CIN Census code set)", "LatestCategoryOfAbuse")
def latest_category_invalid(child, period):
    for _, plan in _plans(child):
        if plan.latest_category not in codes.CATEGORIES_OF_ABUSE:
            yield _label(plan)


@rule("8720", "Child Protection Plan Start Date missing or out of data collection period",
      "CPPstartDate")
def cp_plan_start_missing(child, period):
    for _, plan in _plans(child):
        if plan.start is None or plan.start > period.end:
            yield _label(plan)


@rule("8915", "Child Protection Plan shown as starting after the child's Date of Death",
      "CPPstartDate")
def cp_plan_after_death(child, period):
    for _, plan in _plans(child):
        if before(child.identifiers.death_date, plan.start):
            yield _label(plan)


@rule("8920", "Child Protection Plan cannot end after the child's Date of Death", "CPPendDate")
def cp_plan_ends_after_death(child, period):
    died = child.identifiers.death_date
    for _, plan in _plans(child):
        if died and (plan.end is None or plan.end > died):
            yield _label(plan)


@rule("8925", "Child Protection Plan End Date earlier than Start Date", "CPPendDate")
def cp_plan_ends_before_start(child, period):
    for _, plan in _plans(child):
        if before(plan.end, plan.start):
            yield _label(plan)


@rule("8930", "Child Protection Plan End Date must fall within the census year", "CPPendDate")
def cp_plan_end_outside_period(child, period):
    for _, plan in _plans(child):
        if plan.end and plan.end not in period:
            yield _label(plan)


@rule("8840", "Child Protection Plan cannot start and end on the same day", "CPPendDate")
def cp_plan_one_day(child, period):
    for _, plan in _plans(child):
        if plan.end and plan.end == plan.start:
            yield _label(plan)


@rule("8841", "The review date cannot be on the same day or before the Child protection Plan "
      "start date.", "CPPreviewDate")
def review_not_after_start(child, period):
    for _, plan in _plans(child):
        for review in plan.reviews:
            if plan.start and review and review <= plan.start:
                yield f"the review of {day(review)}"


@rule("8940", "Child Protection Plan data contains overlapping dates", "CPPstartDate")
def cp_plans_overlap(child, period):
    for episode in child.episodes:
        for plan in episode.cp_plans:
            if plan.start is None:
                continue
            if any(other is not plan and other.start is not None
                   and other.start <= plan.start <= (other.end or period.end)
                   for other in episode.cp_plans):
                yield _label(plan)


@rule("2885", "Child protection plan shown as starting a different day to the initial child "
      "protection conference.", "CPPstartDate")
def cp_plan_not_on_conference_day(child, period):
    for episode in child.episodes:
        conferences = {s.icpc_date for s in episode.section47s} | {episode.icpc_date}
        for plan in episode.cp_plans:
            if plan.start in period and plan.start not in conferences:
                yield _label(plan)


@rule("1105", "The child protection plan start date cannot be before the referral date",
      "CPPstartDate")
def cp_plan_before_referral(child, period):
    for episode, plan in _plans(child):
        if before(plan.start, episode.referral_date):
            yield _label(plan)


@rule("8730", "Total Number of previous Child Protection Plans missing", "NumberOfPreviousCPP")
def previous_plans_missing(child, period):
    for _, plan in _plans(child):
        if plan.previous_plans is None:
            yield _label(plan)


@rule("8842Q", "Please check and either amend or provide a reason: Review Record has a missing "
      "date", "CPPreviewDate")
def review_without_date(child, period):
    for _, plan in _plans(child):
        if any(review is None for review in plan.reviews):
            yield _label(plan)
