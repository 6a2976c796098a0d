"""Team around the family meetings, and reviews of the plan on the council's cadence."""

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.deadlines import deadline_meet
from righthelp.core.models import Deadline
from righthelp.people.models import Person
from righthelp.staff.models import User

from ..models import (
    ActionProgress,
    ActionStatus,
    EarlyHelpEpisode,
    EarlyHelpReview,
    FamilyPlan,
    TeamAroundFamilyMeeting,
)
from .common import check_may_edit, children, chronology, lock, require_open
from .plans import REVIEW_RULE, start_review_clock

NEED_AGREED = "Record what was agreed."
NEED_DATE = "Say when it was held."
DATE_IN_FUTURE = "The date cannot be in the future."
NOT_A_MEMBER = "Choose family members from this episode."
NEED_CHILDS_WORDS = "Record the child's own words at the review."
NEED_AGREED_PLAN = "Agree the family's plan before reviewing it."
NOT_THIS_PLAN = "That action is not in this family's plan."


def _check_date(held_on: date | None) -> dict:
    if held_on is None:
        return {"held_on": NEED_DATE}
    if held_on > timezone.localdate():
        return {"held_on": DATE_IN_FUTURE}
    return {}


def meeting_record(
    *, actor: User, episode: EarlyHelpEpisode, held_on: date | None, agreed: str,
    family_attendees: list[Person] = (), professional_attendees: str = "",
    plan_updates: str = "", childs_words: str = "", http_request=None,
) -> TeamAroundFamilyMeeting:
    """Who came (the family included), what was agreed, and what changed in the plan."""
    check_may_edit(actor, episode)
    require_open(episode)
    errors = _check_date(held_on)
    if not agreed.strip():
        errors["agreed"] = NEED_AGREED
    member_ids = set(episode.memberships.values_list("person_id", flat=True))
    if any(p.pk not in member_ids for p in family_attendees):
        errors["family_attendees"] = NOT_A_MEMBER
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = TeamAroundFamilyMeeting.objects.create(
            episode=episode, held_on=held_on, agreed=agreed.strip(),
            professional_attendees=professional_attendees.strip(),
            plan_updates=plan_updates.strip(), childs_words=childs_words.strip(),
            recorded_by=actor)
        meeting.family_attendees.set(family_attendees)
        for child in children(episode):
            chronology(actor, child, f"Team around the family meeting on {held_on:%d %B %Y}.")
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=meeting,
                     detail={"early_help_episode": episode.pk})
    return meeting


def review_record(
    *, actor: User, episode: EarlyHelpEpisode, held_on: date | None, childs_words: str,
    family_words: str = "", what_is_better: str = "", still_worried_about: str = "",
    progress: dict[int, dict] | None = None, version: int | None = None, http_request=None,
) -> EarlyHelpReview:
    """Review the plan: the child's words, progress on each action. The running review
    deadline is met and the next one starts from the review."""
    check_may_edit(actor, episode)
    require_open(episode)
    progress = progress or {}
    plan = FamilyPlan.objects.filter(episode=episode).first()
    errors = _check_date(held_on)
    if plan is None or plan.agreed_at is None:
        errors["plan"] = NEED_AGREED_PLAN
    if not childs_words.strip():
        errors["childs_words"] = NEED_CHILDS_WORDS
    actions = {a.pk: a for a in plan.actions.all()} if plan else {}
    for action_id, entry in progress.items():
        if action_id not in actions:
            errors["progress"] = NOT_THIS_PLAN
        elif entry.get("status") and entry["status"] not in ActionStatus.values:
            errors["progress"] = "Choose a status for each action."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        episode = lock(episode, version)
        review = EarlyHelpReview.objects.create(
            episode=episode, held_on=held_on, childs_words=childs_words.strip(),
            family_words=family_words.strip(), what_is_better=what_is_better.strip(),
            still_worried_about=still_worried_about.strip(), recorded_by=actor)
        for action_id, entry in progress.items():
            action = actions[action_id]
            status = entry.get("status") or action.status
            ActionProgress.objects.create(review=review, action=action, status=status,
                                          note=(entry.get("note") or "").strip())
            if status != action.status:
                action.status = status
                action.version += 1
                action.save()
        kids = children(episode)
        met_at = min(timezone.make_aware(datetime.combine(held_on, time(12, 0))), timezone.now())
        for deadline in Deadline.objects.filter(person__in=kids, rule=REVIEW_RULE,
                                                met_at__isnull=True, stopped_at__isnull=True):
            deadline_meet(deadline=deadline, met_at=met_at, actor=actor)
        episode.save()
        start_review_clock(actor, episode, met_at)
        review.next_review_due = episode.review_due_at
        review.save(update_fields=["next_review_due"])
        for child in kids:
            chronology(actor, child, f"Early help plan reviewed on {held_on:%d %B %Y}.")
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=review,
                     detail={"early_help_episode": episode.pk})
    return review
