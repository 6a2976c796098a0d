"""The child's episode with children's social care: received from the Hub, and closed.

``episode_receive`` is the receiver the Hub's ``hand_on`` calls (registered in
``SocialWorkConfig.ready`` for the involvement kinds "cafa" and "section_47"), inside the
decision's transaction. ``episode_close`` is used by both sides of social work.
Shared checks (who may act for the team holding the work) live here too.
"""

from datetime import date, datetime, time

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.clocks import LONDON
from righthelp.core.deadlines import deadline_stop
from righthelp.core.models import Deadline
from righthelp.people.models import ChronologyEntry, Involvement, Person
from righthelp.people.services import EditConflict
from righthelp.staff.models import Allocation, Role, Team, TeamMembership, User

from ..codes import ClosureReason, PrimaryNeed
from ..models import (
    Assessment,
    ChildInNeedEpisode,
    ChildInNeedPlan,
    ChildProtectionPlan,
    Section47Enquiry,
)
from ..rules.assessments import Referrer, referral_source

SOCIAL_WORK_ROLES = {Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER, Role.TEAM_MANAGER}
NOT_IN_TEAM = "Only the social workers of the team holding this child's work ({team}) can do this."
ONLY_TEAM_MANAGER = "Only a team manager of {team}, the team holding this work, can do this."
EPISODE_CLOSED = "This child's episode with social care is closed."
CLOSE_REASON_UNKNOWN = "Choose the reason for closing from the census list (RC1 to RC9)."
CLOSE_SUMMARY_NEEDED = "Summarise why the work is closing, in plain words."
CLOSE_BEFORE_REFERRAL = "The closure date cannot be before the referral ({referral:%d %B %Y})."
DATE_IN_FUTURE = "The date cannot be in the future."
PLANS_STILL_OPEN = ("End the child's open {plans} before closing: a plan is ended with its "
                    "own reason and review.")
ASSESSMENT_UNFINISHED = ("The assessment is not finished: the team manager authorises its "
                         "outcome before the episode closes.")
SECTION47_UNFINISHED = ("The Section 47 enquiry has no outcome yet: the team manager records "
                        "it before the episode closes.")

ONLY_SOCIAL_WORK_CLOSES = "Only social care (or a conference's chair) closes a child's episode."
# Who may close an episode: social work, and a Child Protection chair after a conference.
CLOSERS = SOCIAL_WORK_ROLES | {Role.CP_CHAIR}
# Involvement kinds that are social care's work on an episode (ended when it closes).
SOCIAL_WORK_KINDS = (Involvement.Kind.CHILD_AND_FAMILY_ASSESSMENT, Involvement.Kind.SECTION_47,
                     Involvement.Kind.CHILD_IN_NEED, Involvement.Kind.CHILD_PROTECTION)
CAFA_RULE = "child-and-family-assessment"
STRATEGY_RULE = "strategy-discussion"
ICPC_RULE = "initial-child-protection-conference"
CIN_IN_ASSESSMENT_TEAM_RULE = "child-in-need-in-assessment-team"
CLOCK_STOPPED_AT_CLOSE = "The social work episode closed."


# --- Shared checks and helpers ------------------------------------------------------------


def is_member(user: User, team: Team, *, manager: bool = False, on: date | None = None) -> bool:
    on = on or timezone.localdate()
    memberships = TeamMembership.objects.filter(user=user, team=team, start__lte=on).filter(
        Q(end__isnull=True) | Q(end__gte=on))
    if manager:
        memberships = memberships.filter(is_manager=True)
    return memberships.exists()


def check_worker(actor: User, episode: ChildInNeedEpisode) -> None:
    """A social worker, senior or team manager of the team holding the work."""
    if actor.role not in SOCIAL_WORK_ROLES or not is_member(actor, episode.team):
        raise PermissionDenied(NOT_IN_TEAM.format(team=episode.team))


def check_manager(actor: User, episode: ChildInNeedEpisode) -> None:
    """A team manager of the team holding the work."""
    if actor.role != Role.TEAM_MANAGER or not is_member(actor, episode.team, manager=True):
        raise PermissionDenied(ONLY_TEAM_MANAGER.format(team=episode.team))


def check_open(episode: ChildInNeedEpisode) -> None:
    if not episode.is_open:
        raise ValidationError(EPISODE_CLOSED)


def check_not_future(on: date, field: str) -> None:
    if on > timezone.localdate():
        raise ValidationError({field: DATE_IN_FUTURE})


def moment(on: date | None) -> datetime:
    """When something recorded for day ``on`` happened: now for today, else midday."""
    if on is None or on == timezone.localdate():
        return timezone.now()
    return datetime.combine(on, time(12, 0), tzinfo=LONDON)


def lock(model, obj, version: int | None):
    """Lock ``obj``'s row; refuse the write (EditConflict) if saved since ``version``."""
    current = model.objects.select_for_update().get(pk=obj.pk)
    if version is not None and current.version != version:
        raise EditConflict()
    current.version += 1
    return current


def open_deadline(person: Person, rule: str) -> Deadline | None:
    """The person's oldest deadline on ``rule`` still open (neither met nor stopped)."""
    return (Deadline.objects.filter(person=person, rule=rule, met_at__isnull=True,
                                    stopped_at__isnull=True)
            .order_by("started_at", "pk").first())


def chronology(person: Person, actor: User | None, kind: str, summary: str,
               involvement: Involvement | None = None) -> None:
    ChronologyEntry.objects.create(person=person, occurred_at=timezone.now(), kind=kind,
                                   summary=summary, recorded_by=actor, involvement=involvement)


# --- Receiving the Hub's decision ---------------------------------------------------------


def referrer_of(rfs) -> Referrer:
    """What the request says about who asked, for the referral source rule."""
    agency = rfs.referrer_agency
    user = rfs.referrer
    if agency is None and user is not None:
        agency = user.agency
    staff_role = ""
    if user is not None and user.role != Role.PARTNER_LEAD_PROFESSIONAL:
        staff_role = user.role
    try:
        stepped_up = rfs.early_help_step_up is not None
    except (ObjectDoesNotExist, AttributeError):
        stepped_up = False
    return Referrer(source=rfs.source, agency_kind=agency.kind if agency else "",
                    role=rfs.referrer_role or "", staff_role=staff_role, stepped_up=stepped_up)


def allocated_worker(person: Person, team: Team) -> User | None:
    """The child's allocated social worker in ``team`` today, if there is one."""
    today = timezone.localdate()
    allocation = (Allocation.objects.filter(person=person, team=team, worker__isnull=False,
                                            kind=Allocation.Kind.SOCIAL_WORKER, start__lte=today)
                  .filter(Q(end__isnull=True) | Q(end__gte=today))
                  .select_related("worker").order_by("-start").first())
    return allocation.worker if allocation else None


def episode_receive(*, actor: User, decision, person: Person, involvement: Involvement,
                    **_: object) -> ChildInNeedEpisode:
    """The Hub's decision reaches Assessment and Support (or back to Strengthening and
    Supporting Families): open the child's episode, or reuse the open one, then open the
    Child and Family Assessment on the clock the Hub started; a Section 47 decision waits
    for the strategy discussion (the Hub started its clock)."""
    from .assessments import assessment_open

    rfs = decision.request
    received = timezone.localtime(rfs.received_at or rfs.created_at, LONDON)
    with transaction.atomic():
        episode = (ChildInNeedEpisode.objects.select_for_update()
                   .filter(person=person, closure_date__isnull=True).first())
        if episode is None:
            episode = ChildInNeedEpisode.objects.create(
                person=person, referral_date=received.date(),
                referral_source=referral_source(referrer_of(rfs)),
                primary_need=PrimaryNeed.NOT_STATED, request=rfs, hub_decision=decision,
                involvement=involvement, team=involvement.team)
            opened = True
        else:
            episode.involvement = involvement
            episode.version += 1
            episode.save()
            opened = False
        audit.record(user=actor, action=audit.Action.CREATE if opened else audit.Action.CHANGE,
                     person=person, obj=episode,
                     detail={"received": involvement.kind, "request": rfs.pk,
                             "referral_source": episode.referral_source})
        if involvement.kind == Involvement.Kind.CHILD_AND_FAMILY_ASSESSMENT:
            # The clock the Hub started for this request (from its receipt), if it did.
            hub_clock = (Deadline.objects.filter(person=person, rule=CAFA_RULE,
                                                 met_at__isnull=True, stopped_at__isnull=True,
                                                 started_at=rfs.received_at or rfs.created_at)
                         .order_by("-pk").first())
            assessment_open(episode=episode, actor=actor, started_on=received.date(),
                            deadline=hub_clock or open_deadline(person, CAFA_RULE))
        else:
            chronology(person, actor, "social_care",
                       f"Referral received by {episode.team}: significant harm suspected and "
                       "current. A strategy discussion decides on a Section 47 enquiry.",
                       involvement)
    return episode


# --- Closing --------------------------------------------------------------------------------


def _open_plans(episode: ChildInNeedEpisode) -> list[str]:
    plans = []
    if ChildInNeedPlan.objects.filter(episode=episode, status="open").exists():
        plans.append("child in need plan")
    if ChildProtectionPlan.objects.filter(episode=episode, status="open").exists():
        plans.append("child protection plan")
    return plans


def episode_close(
    *, episode: ChildInNeedEpisode, actor: User, on: date, reason: str, summary: str,
    http_request: HttpRequest | None = None,
) -> ChildInNeedEpisode:
    """Close the child's episode with its census reason. Ends the open social work
    involvements; open plans, an unfinished assessment or a Section 47 without an outcome
    must be finished first. Allocations stay: the team manager ends them.

    Both sides call this: the team manager's authorised outcome, the end of a plan, a
    conference's decision. The close page and API operation let only the team manager of the
    team holding the work close directly (``check_manager`` before calling this)."""
    if actor.role not in CLOSERS:
        raise PermissionDenied(ONLY_SOCIAL_WORK_CLOSES)
    check_open(episode)
    errors: dict[str, str] = {}
    if reason not in ClosureReason.values:
        errors["reason"] = CLOSE_REASON_UNKNOWN
    if not (summary or "").strip():
        errors["summary"] = CLOSE_SUMMARY_NEEDED
    if on > timezone.localdate():
        errors["on"] = DATE_IN_FUTURE
    elif on < episode.referral_date:
        errors["on"] = CLOSE_BEFORE_REFERRAL.format(referral=episode.referral_date)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        episode = ChildInNeedEpisode.objects.select_for_update().get(pk=episode.pk)
        check_open(episode)
        plans = _open_plans(episode)
        if plans:
            raise ValidationError(PLANS_STILL_OPEN.format(plans=" and ".join(plans)))
        if episode.assessments.exclude(status=Assessment.Status.AUTHORISED).exists():
            raise ValidationError(ASSESSMENT_UNFINISHED)
        if Section47Enquiry.objects.filter(episode=episode, completed_on__isnull=True).exists():
            raise ValidationError(SECTION47_UNFINISHED)
        no_work_done = not (episode.assessments.exists()
                            or episode.section47_enquiries.exists())
        episode.closure_date, episode.closure_reason = on, reason
        episode.closure_summary, episode.closed_by = summary.strip(), actor
        episode.referral_nfa = no_work_done and reason == ClosureReason.NO_FURTHER_ACTION
        episode.version += 1
        episode.full_clean()
        episode.save()
        label = ClosureReason(reason).label
        ended = Involvement.objects.filter(
            person=episode.person, end__isnull=True, kind__in=SOCIAL_WORK_KINDS,
            team__service=Team.Service.SOCIAL_WORK)
        ended_ids = list(ended.values_list("pk", flat=True))
        for involvement in Involvement.objects.filter(pk__in=ended_ids):
            involvement.end, involvement.outcome = max(on, involvement.start), label[:200]
            involvement.save()
        # The child in need clock of Assessment and Support stops (not met): the work ended.
        kept = open_deadline(episode.person, CIN_IN_ASSESSMENT_TEAM_RULE)
        if kept is not None:
            deadline_stop(deadlines=kept, actor=actor, reason=CLOCK_STOPPED_AT_CLOSE,
                          at=moment(on), request=http_request, detail={"episode": episode.pk})
        chronology(episode.person, actor, "social_care",
                   f"Social care closed the episode ({reason}: {label}). {summary.strip()}")
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=episode.person, obj=episode,
                     detail={"closed": on.isoformat(), "reason": reason,
                             "involvements_ended": ended_ids})
    return episode
