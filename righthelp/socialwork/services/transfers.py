"""Transfer from Assessment and Support to Strengthening and Supporting Families: a clear
record of who, when and why, with the handover; the work, its involvements, its plans' team
and its clocks move with it, and the child's social worker is reallocated."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.deadlines import deadline_meet
from righthelp.core.models import Deadline
from righthelp.people.models import Involvement
from righthelp.staff.models import Allocation, Team, User

from ..models import ChildInNeedEpisode, ChildInNeedPlan, ChildProtectionPlan, Transfer
from .episodes import (
    CIN_IN_ASSESSMENT_TEAM_RULE,
    SOCIAL_WORK_KINDS,
    check_manager,
    check_open,
    chronology,
    is_member,
    lock,
    moment,
    open_deadline,
)
from .plans import start_reassessment_clock

SAME_TEAM = "The work is already with {team}: choose the team it is moving to."
NOT_SOCIAL_WORK_TEAM = "Choose a social work team to transfer to."
NEED_REASON = "Say why the work is moving to the other team."
NEED_HANDOVER = "Record what the receiving team needs to know (the handover)."
NEED_WORKER = "Choose the social worker in the receiving team who will hold the work."
WORKER_NOT_IN_TEAM = "Choose a worker who is a current member of {team}."
TRANSFER_BEFORE_REFERRAL = "The transfer cannot be before the referral ({referral:%d %B %Y})."
DATE_IN_FUTURE = "The date cannot be in the future."


def _errors(episode: ChildInNeedEpisode, to_team: Team | None, to_worker: User | None,
            on: date, reason: str, handover: str) -> dict:
    errors: dict = {}
    if to_team is None or to_team.service != Team.Service.SOCIAL_WORK:
        errors["to_team"] = NOT_SOCIAL_WORK_TEAM
    elif to_team.pk == episode.team_id:
        errors["to_team"] = SAME_TEAM.format(team=episode.team)
    if to_worker is None:
        errors["to_worker"] = NEED_WORKER
    elif to_team is not None and (not to_worker.is_active
                                  or not is_member(to_worker, to_team, on=on)):
        errors["to_worker"] = WORKER_NOT_IN_TEAM.format(team=to_team)
    if not reason.strip():
        errors["reason"] = NEED_REASON
    if not handover.strip():
        errors["handover"] = NEED_HANDOVER
    if on > timezone.localdate():
        errors["on"] = DATE_IN_FUTURE
    elif on < episode.referral_date:
        errors["on"] = TRANSFER_BEFORE_REFERRAL.format(referral=episode.referral_date)
    return errors


def _social_worker_allocation(person, team: Team, on: date) -> Allocation | None:
    return (Allocation.objects.filter(person=person, team=team, start__lte=on,
                                      kind=Allocation.Kind.SOCIAL_WORKER)
            .filter(Q(end__isnull=True) | Q(end__gt=on)).order_by("-start").first())


def transfer_record(
    *, episode: ChildInNeedEpisode, actor: User, to_team: Team | None, to_worker: User | None,
    on: date | None = None, reason: str, handover: str, http_request: HttpRequest | None = None,
) -> Transfer:
    """The team manager of the team holding the work transfers it: the episode and its open
    involvements move to ``to_team``, the child's social worker allocation moves to
    ``to_worker`` (the staff app's ``allocation_transfer``), open plans and running clocks
    move team, and the clock for keeping a child in need in Assessment and Support is met."""
    from righthelp.staff.services import allocation_create, allocation_transfer

    check_manager(actor, episode)
    check_open(episode)
    on = on or timezone.localdate()
    reason, handover = (reason or "").strip(), (handover or "").strip()
    errors = _errors(episode, to_team, to_worker, on, reason, handover)
    if errors:
        raise ValidationError(errors)
    person = episode.person
    with transaction.atomic():
        episode = lock(ChildInNeedEpisode, episode, None)
        from_team = episode.team
        transfer = Transfer.objects.create(
            episode=episode, from_team=from_team, to_team=to_team, to_worker=to_worker,
            transferred_on=on, reason=reason, handover=handover, recorded_by=actor)
        episode.team = to_team
        episode.save()
        moved = []
        for involvement in Involvement.objects.filter(person=person, team=from_team,
                                                      kind__in=SOCIAL_WORK_KINDS,
                                                      end__isnull=True):
            involvement.team = to_team
            involvement.save()
            moved.append(involvement.pk)
        allocation = _social_worker_allocation(person, from_team, on)
        if allocation is not None:
            allocation_transfer(allocation=allocation, to_worker=to_worker, to_team=to_team,
                                reason=reason, actor=actor, on=on, request=http_request)
        else:
            allocation_create(actor=actor, worker=to_worker, team=to_team, person=person,
                              kind=Allocation.Kind.SOCIAL_WORKER, start=on, reason=reason,
                              request=http_request)
        for model in (ChildInNeedPlan, ChildProtectionPlan):
            model.objects.filter(episode=episode, status="open").update(team=to_team)
            _reassess_from(model, episode, on, actor)
        kept = open_deadline(person, CIN_IN_ASSESSMENT_TEAM_RULE)
        if kept is not None:
            deadline_meet(deadline=kept, met_at=moment(on), actor=actor)
        Deadline.objects.filter(person=person, team=from_team, met_at__isnull=True,
                                stopped_at__isnull=True).update(
            team=to_team)
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request,
                     person=person, obj=transfer, reason=reason,
                     detail={"from_team": from_team.pk, "to_team": to_team.pk,
                             "to_worker": to_worker.pk, "on": on.isoformat(),
                             "involvements": moved})
        chronology(person, actor, "transfer",
                   f"Work transferred from {from_team} to {to_team} ({to_worker}). {reason}")
    return transfer


def _reassess_from(model, episode: ChildInNeedEpisode, on: date, actor: User) -> None:
    """A plan arriving with Strengthening and Supporting Families is reassessed on the
    council's cadence from the transfer, unless its clock already runs."""
    for plan in (model.objects.select_for_update().filter(episode=episode, status="open")
                 .select_related("team", "episode__person")):
        if plan.reassessment_deadline is not None and plan.reassessment_deadline.is_open:
            continue
        start_reassessment_clock(plan, on, actor)
        plan.save(update_fields=["reassessment_deadline"])
