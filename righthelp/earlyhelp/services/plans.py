"""The family's plan, co-produced: actions with who, what, by when and how the family will know
it worked; agreed with the family (which starts the review clock); shared in plain language."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit, plain_language
from righthelp.core.deadlines import deadline_start
from righthelp.staff.models import User

from ..models import (
    ActionOwner,
    ActionStatus,
    AssessmentStatus,
    EarlyHelpAssessment,
    EarlyHelpEpisode,
    FamilyPlan,
    PlanAction,
)
from ..models.plans import council_services
from .common import check_may_edit, children, chronology, locality_team, lock, require_open

ACTION_FIELDS = ("who", "council_service", "partner_name", "what", "by_when",
                 "how_we_will_know", "status", "directory_service")
NEED_WHAT = "Say what will be done."
NEED_BY_WHEN = "Say by when."
NEED_HOW_WE_WILL_KNOW = "Say how the family will know it worked."
NEED_WHO = "Say who will do it."
NEED_SERVICE = "Choose which council service."
NOT_A_SERVICE = "Choose one of the council's services: {offered}."
NEED_PARTNER = "Say which partner."
BY_WHEN_PAST = "The date it will be done by cannot be in the past."
NOT_PUBLISHED = "Choose a service published in the family services directory."
NEED_ASSESSMENT = "Complete the Early Help Assessment before agreeing the plan."
NEED_ACTIONS = "Add at least one action before agreeing the plan."
NEED_WHAT_WE_WANT = "Say, in the family's words, what will be different when the plan worked."
NEED_AGREED_WITH = "Say who in the family agreed the plan."
NOT_AGREED = "Agree the plan with the family before sharing it."
PLAIN_LANGUAGE_FOUND = ("The plan has words the family may find hard or hurtful. Change them, "
                        "or confirm that they are right for this family.")
REVIEW_SUBJECT = "Review the family's early help plan"
REVIEW_RULE = "early-help-review"
# Why a review deadline stopped without a review: the episode closed first.
REVIEW_STOPPED = "The early help episode closed."


def _plan_for(actor: User, episode: EarlyHelpEpisode) -> FamilyPlan:
    plan = FamilyPlan.objects.filter(episode=episode).first()
    return plan or FamilyPlan.objects.create(episode=episode)


def plan_save(
    *, actor: User, episode: EarlyHelpEpisode, what_we_want: str, version: int | None = None,
    http_request=None,
) -> FamilyPlan:
    check_may_edit(actor, episode)
    require_open(episode)
    with transaction.atomic():
        plan = lock(_plan_for(actor, episode), version)
        plan.what_we_want = what_we_want.strip()
        plan.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=plan,
                     detail={"early_help_episode": episode.pk})
    return plan


def _offered(code: str, current: str = "") -> bool:
    """One of the council's early help services offered now (or the one the action named
    already, even if the council no longer offers it)."""
    return code == current or any(s.code == code for s in council_services())


def _check_action(data: dict, creating: bool, current: str = "") -> dict:
    errors = {}
    who = data.get("who")
    if creating or "who" in data:
        if who not in ActionOwner.values:
            errors["who"] = NEED_WHO
        elif who == ActionOwner.COUNCIL_SERVICE and not data.get("council_service"):
            errors["council_service"] = NEED_SERVICE
        elif who == ActionOwner.COUNCIL_SERVICE and not _offered(data["council_service"],
                                                                  current):
            errors["council_service"] = NOT_A_SERVICE.format(offered=", ".join(
                f"{s.code} ({s.name})" for s in council_services()))
        elif who == ActionOwner.OTHER_PARTNER and not (data.get("partner_name") or "").strip():
            errors["partner_name"] = NEED_PARTNER
    for name, message in (("what", NEED_WHAT), ("how_we_will_know", NEED_HOW_WE_WILL_KNOW)):
        if (creating or name in data) and not (data.get(name) or "").strip():
            errors[name] = message
    if creating or "by_when" in data:
        by_when = data.get("by_when")
        if not isinstance(by_when, date):
            errors["by_when"] = NEED_BY_WHEN
        elif creating and by_when < timezone.localdate():
            errors["by_when"] = BY_WHEN_PAST
    if "status" in data and data["status"] not in ActionStatus.values:
        errors["status"] = "Choose a status."
    service = data.get("directory_service")
    if service is not None and service.status != "published":
        errors["directory_service"] = NOT_PUBLISHED
    return errors


def _tidy(action: PlanAction, data: dict) -> None:
    for name in ACTION_FIELDS:
        if name in data:
            value = data[name]
            setattr(action, name, value.strip() if isinstance(value, str) else value)
    if action.who != ActionOwner.COUNCIL_SERVICE:
        action.council_service = ""
    if action.who != ActionOwner.OTHER_PARTNER:
        action.partner_name = ""


def action_add(
    *, actor: User, episode: EarlyHelpEpisode, data: dict, http_request=None,
) -> PlanAction:
    """Add an action to the family's plan (the plan is made if there is none yet)."""
    check_may_edit(actor, episode)
    require_open(episode)
    errors = _check_action(data, creating=True)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        plan = _plan_for(actor, episode)
        action = PlanAction(plan=plan, created_by=actor)
        _tidy(action, data)
        action.save()
        FamilyPlan.objects.filter(pk=plan.pk).update(version=plan.version + 1)
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=action,
                     detail={"early_help_episode": episode.pk})
    return action


def action_update(
    *, actor: User, action: PlanAction, version: int | None, data: dict, http_request=None,
) -> PlanAction:
    episode = action.plan.episode
    check_may_edit(actor, episode)
    require_open(episode)
    errors = _check_action({"who": action.who, "council_service": action.council_service,
                            **data}, creating=False, current=action.council_service)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        action = lock(action, version)
        _tidy(action, data)
        action.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=action,
                     detail={"early_help_episode": episode.pk, "fields": sorted(data)})
    return action


def plan_agree(
    *, actor: User, episode: EarlyHelpEpisode, agreed_with: str, version: int | None = None,
    http_request=None,
) -> FamilyPlan:
    """The family and lead professional agree the plan: the review clock starts (the council's
    'early-help-review' timescale, every 6 weeks by default)."""
    check_may_edit(actor, episode)
    require_open(episode)
    plan = FamilyPlan.objects.filter(episode=episode).first()
    errors = {}
    assessment = EarlyHelpAssessment.objects.filter(episode=episode).first()
    if assessment is None or assessment.status != AssessmentStatus.COMPLETED:
        errors["assessment"] = NEED_ASSESSMENT
    if plan is None or not plan.actions.exists():
        errors["actions"] = NEED_ACTIONS
    if plan is None or not plan.what_we_want.strip():
        errors["what_we_want"] = NEED_WHAT_WE_WANT
    if not agreed_with.strip():
        errors["agreed_with"] = NEED_AGREED_WITH
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        plan = lock(plan, version)
        first_time = plan.agreed_at is None
        plan.agreed_at, plan.agreed_by = timezone.now(), actor
        plan.agreed_with = agreed_with.strip()
        plan.save()
        if first_time:
            start_review_clock(actor, episode, plan.agreed_at)
            for child in children(episode):
                chronology(actor, child, "The family's early help plan was agreed.")
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=plan,
                     detail={"early_help_episode": episode.pk, "agreed": True})
    return plan


def start_review_clock(actor: User, episode: EarlyHelpEpisode, started_at) -> None:
    """A review deadline for each child, owned by the lead professional."""
    due = None
    for child in children(episode):
        deadline = deadline_start(
            person=child, rule_code=REVIEW_RULE, started_at=started_at, subject=REVIEW_SUBJECT,
            owner=episode.lead_professional, team=locality_team(episode.locality), actor=actor)
        due = deadline.due_at
    EarlyHelpEpisode.objects.filter(pk=episode.pk).update(review_due_at=due)
    episode.review_due_at = due


def plan_texts(plan: FamilyPlan) -> dict[str, str]:
    """The plan's words, by where they are, for the plain language check."""
    texts = {"What we want to be different": plan.what_we_want}
    for number, action in enumerate(plan.actions.all(), start=1):
        texts[f"Action {number}: what"] = action.what
        texts[f"Action {number}: how we will know"] = action.how_we_will_know
    return texts


def plan_share(
    *, actor: User, episode: EarlyHelpEpisode, version: int | None, confirm: bool = False,
    http_request=None,
) -> FamilyPlan:
    """Share the plan with the family. The plain language check runs first: anything it finds
    must be changed, or confirmed as right for this family (what was confirmed is kept)."""
    check_may_edit(actor, episode)
    plan = FamilyPlan.objects.filter(episode=episode).first()
    if plan is None or plan.agreed_at is None:
        raise ValidationError(NOT_AGREED)
    findings = plain_language.check_all(plan_texts(plan))
    if findings and not confirm:
        raise ValidationError({"plain_language": PLAIN_LANGUAGE_FOUND}, code="plain_language")
    with transaction.atomic():
        plan = lock(plan, version)
        plan.shared_at, plan.shared_by = timezone.now(), actor
        plan.plain_language_findings = findings
        plan.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=plan,
                     detail={"early_help_episode": episode.pk, "shared": True,
                             "findings_confirmed": len(findings)})
    return plan
