"""Rules on child in need plans, alone and alongside child protection plans."""

from .base import before, day, referral, rule


def _plans(child):
    for episode in child.episodes:
        for plan in episode.cin_plans:
            yield episode, plan


def _label(plan) -> str:
    return f"the child in need plan started {day(plan.start)}"


def _within(value, start, end) -> bool:
    return value is not None and start is not None and start <= value <= end


@rule("4001", "A CIN Plan cannot run concurrently with a Child Protection Plan", "CINPlanEndDate")
def open_cin_and_cp_plans(child, period):
    for episode in child.episodes:
        if (any(p.end is None for p in episode.cin_plans)
                and any(p.end is None for p in episode.cp_plans)):
            yield referral(episode)


@rule("4003", "A CPP review date is shown as being held at the same time as an open CIN Plan.",
      "CPPreviewDate")
def review_during_cin_plan(child, period):
    for episode in child.episodes:
        for cp_plan in episode.cp_plans:
            for review in cp_plan.reviews:
                if review is None or review == cp_plan.end:
                    continue
                if any(_within(review, p.start, p.end or period.end) for p in episode.cin_plans):
                    yield f"the review of {day(review)}"


@rule("4004", "This child is showing more than one open CIN Plan, i.e. with no End Date",
      "CINPlanEndDate")
def several_open_cin_plans(child, period):
    for episode in child.episodes:
        if sum(1 for p in episode.cin_plans if p.end is None) > 1:
            yield referral(episode)


@rule("4008", "CIN Plan shown as starting after the child's Date of Death.", "CINPlanStartDate")
def cin_plan_after_death(child, period):
    for _, plan in _plans(child):
        if before(child.identifiers.death_date, plan.start):
            yield _label(plan)


@rule("4009", "CIN Plan cannot end after the child's Date of Death", "CINPlanEndDate")
def cin_plan_ends_after_death(child, period):
    died = child.identifiers.death_date
    for _, plan in _plans(child):
        if died and (plan.end is None or plan.end > died):
            yield _label(plan)


@rule("4010", "CIN Plan start date is missing or out of data collection period",
      "CINPlanStartDate")
def cin_plan_start_missing(child, period):
    for _, plan in _plans(child):
        if plan.start is None or plan.start > period.end:
            yield _label(plan)


@rule("4011", "CIN Plan End Date earlier than Start Date", "CINPlanEndDate")
def cin_plan_ends_before_start(child, period):
    for _, plan in _plans(child):
        if before(plan.end, plan.start):
            yield _label(plan)


@rule("4012Q", "CIN Plan shown as starting and ending on the same day - please check",
      "CINPlanEndDate")
def cin_plan_one_day(child, period):
    for _, plan in _plans(child):
        if plan.end and plan.end == plan.start:
            yield _label(plan)


@rule("4013", "CIN Plan end date must fall within the census year", "CINPlanEndDate")
def cin_plan_end_outside_period(child, period):
    for _, plan in _plans(child):
        if plan.end and plan.end not in period:
            yield _label(plan)


@rule("4014", "CIN Plan data contains overlapping dates", "CINPlanStartDate")
def cin_plans_overlap(child, period):
    plans = [plan for _, plan in _plans(child)]
    for plan in plans:
        if any(other is not plan and _within(plan.start, other.start, other.end or period.end)
               for other in plans):
            yield _label(plan)


@rule("4015", "The CIN Plan start date cannot be before the referral date", "CINPlanStartDate")
def cin_plan_before_referral(child, period):
    for episode, plan in _plans(child):
        if before(plan.start, episode.referral_date):
            yield _label(plan)


@rule("4016", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
      "CINPlanStartDate")
def cin_plan_starts_during_cp_plan(child, period):
    cp_plans = [p for e in child.episodes for p in e.cp_plans]
    for _, plan in _plans(child):
        if any(plan.start != cp.end and _within(plan.start, cp.start, cp.end or period.end)
               for cp in cp_plans):
            yield _label(plan)


@rule("4017", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
      "CPPstartDate")
def cp_plan_starts_during_cin_plan(child, period):
    cin_plans = [plan for _, plan in _plans(child)]
    for episode in child.episodes:
        for cp in episode.cp_plans:
            if any(cp.start != plan.end and _within(cp.start, plan.start, plan.end or period.end)
                   for plan in cin_plans):
                yield f"the child protection plan started {day(cp.start)}"
