"""Opening early help (directly, from the Hub, or stepping down from social care), agreeing
who leads, the family's members, invitations, consent, and closing."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.deadlines import deadline_stop
from righthelp.core.models import Deadline, Locality, PartnerAgency
from righthelp.people.models import Family, Involvement, Person
from righthelp.staff.models import Role, User

from .. import rules
from ..access import in_early_help_hub
from ..models import (
    ActionOutcome,
    ClosureReason,
    EarlyHelpEpisode,
    EpisodeInvitation,
    EpisodeMember,
    EpisodeStatus,
    OpenedVia,
    PlanAction,
    StepDown,
)
from ..models.episodes import LIVE_STATUSES
from .common import (
    NewMember,
    add_member,
    check_may_edit,
    check_not_in_other_episode,
    children,
    chronology,
    end_lead,
    family_for,
    give_lead,
    link_worker_for,
    locality_of_people,
    locality_team,
    lock,
    move,
    own_early_help_team,
    resolve,
)
from .plans import REVIEW_RULE, REVIEW_STOPPED

NEED_CHILD = "Add at least one child."
NEED_WHY = "Say why the family needs help, in plain words."
NEED_CONSENT = ("Early help is with the family's agreement: say who in the family agreed, "
                "and confirm that they did.")
ONLY_EARLY_HELP_HUB = "The Early Help Hub agrees who leads early help."
NOT_AGREEING_LEAD = "The lead professional for this episode has already been agreed."
NOT_A_LEAD = ("Choose a partner lead professional or a council early help practitioner to "
              "lead.")
NEED_LEAD_FOR_NOW = "Choose who leads."
NEED_HANDOVER = "Hand over the social work plan: what the family and workers agreed."
NEED_FROM_INVOLVEMENT = "Name the social care involvement the family is stepping down from."
NOT_SOCIAL_CARE = "Step down is from a social care involvement (assessment, child in need...)."
NEED_WITHDRAWN_BY = "Say who in the family withdrew their consent."
NEED_FAMILY_OUTCOME = ("Say what changed for the family: the positive changes to celebrate, "
                       "in their words where you can.")
NEED_ACTION_OUTCOME = "Record whether this action worked before closing: '{what}'."
CLOSE_CONSENT_BY_WITHDRAWAL = ("To close because the family withdrew consent, record the "
                               "withdrawal (it keeps the episode open if there is significant "
                               "harm).")
CLOSE_STEPPED_UP_ONLY = "Close as 'stepped up' only after stepping up to the Hub."
NOT_INVITABLE = "Invite an active practitioner or partner lead professional."
ALREADY_INVITED = "{name} is already part of this episode."
STEP_DOWN_KINDS = {"cafa", "section_47", "child_in_need", "child_protection", "looked_after",
                   "complex_needs", "exploitation"}


def _record(actor, episode, http_request, action=audit.Action.CHANGE, **detail):
    audit.record(user=actor, action=action, request=http_request, obj=episode,
                 detail={"early_help_episode": episode.pk, **detail})


def episode_open(
    *, actor: User, members: list[NewMember], level_of_need: int, why_help: str,
    consent_given_by: str, consent_given: bool, locality: Locality | None = None,
    http_request=None,
) -> EarlyHelpEpisode:
    """A lead professional who knows the family opens early help directly (Level 2 for a
    partner; no request to the Hub). They lead it, with the locality's link worker."""
    errors: dict[str, str] = {}
    verdict = rules.direct_open_verdict(actor.role, level_of_need)
    if not verdict.allowed:
        if verdict.field is None:
            raise PermissionDenied(verdict.message)
        errors[verdict.field] = verdict.message
    if not any(m.is_child for m in members):
        errors["members"] = NEED_CHILD
    if not why_help.strip():
        errors["why_help"] = NEED_WHY
    if not consent_given or not consent_given_by.strip():
        errors["consent_given_by"] = NEED_CONSENT
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        people = [(resolve(actor, m, http_request), m) for m in members]
        kids = [p for p, m in people if m.is_child]
        for child in kids:
            check_not_in_other_episode(child, None)
        family = family_for(kids)
        lead_team = None if actor.role == Role.PARTNER_LEAD_PROFESSIONAL else (
            own_early_help_team(actor))
        locality = locality or locality_of_people(kids) or (lead_team and lead_team.locality)
        now = timezone.now()
        episode = EarlyHelpEpisode.objects.create(
            family=family, status=EpisodeStatus.OPEN, opened_via=OpenedVia.DIRECT,
            level_of_need=level_of_need, why_help=why_help.strip(), lead_professional=actor,
            lead_agency=actor.agency if actor.role == Role.PARTNER_LEAD_PROFESSIONAL else None,
            lead_team=lead_team, lead_agreed_at=now, lead_agreed_by=actor, locality=locality,
            link_worker=link_worker_for(locality), consent_given_by=consent_given_by.strip(),
            consent_given_at=now, opened_at=now, opened_by=actor)
        for person, member in people:
            add_member(actor, episode, person, member.is_child, member.relationship)
        _record(actor, episode, http_request, audit.Action.CREATE, opened_via="direct",
                children=[p.pk for p in kids])
    return episode


def receive_from_hub(*, actor: User, decision, person: Person, involvement: Involvement):
    """The Hub decided early help for this child: open an episode for the Early Help Hub to
    agree who leads (or add the child to the family's episode already open). Registered with
    ``core.handoffs`` for the "early_help" kind; runs inside the decision's transaction."""
    episode = (EarlyHelpEpisode.objects.select_for_update()
               .filter(status__in=LIVE_STATUSES, hub_decision=decision).first()
               or EarlyHelpEpisode.objects.select_for_update()
               .filter(status__in=LIVE_STATUSES, memberships__person=person).first())
    if episode is None:
        family = family_for([person])
        episode = EarlyHelpEpisode.objects.select_for_update().filter(
            status__in=LIVE_STATUSES, family=family).first()
    rfs = decision.request
    if episode is None:
        locality = rfs.locality or locality_of_people([person])
        episode = EarlyHelpEpisode.objects.create(
            family=family, status=EpisodeStatus.AGREEING_LEAD,
            opened_via=OpenedVia.HUB_DECISION, hub_decision=decision,
            level_of_need=min(max(decision.level_of_need, 2), 3), why_help=decision.reasoning,
            locality=locality, link_worker=link_worker_for(locality), opened_by=actor,
            consent_given_by=("Given with the request for support" if rfs.consent_given
                              else ""),
            consent_given_at=rfs.received_at if rfs.consent_given else None)
        _record(actor, episode, None, audit.Action.CREATE, opened_via="hub_decision",
                decision=decision.pk)
    elif episode.status == EpisodeStatus.STEPPED_UP:
        # The Hub sent the family back to early help after a step up.
        episode = lock(episode, None)
        move(episode, EpisodeStatus.OPEN)
        episode.save()
        _record(actor, episode, None, back_from_hub=decision.pk)
    member = EpisodeMember.objects.filter(episode=episode, person=person).first()
    if member is not None and member.involvement_id is None:
        member.involvement = involvement
        member.save(update_fields=["involvement"])
    add_member(actor, episode, person, True, involvement=involvement)
    return episode


def episode_agree_lead(
    *, actor: User, episode: EarlyHelpEpisode, version: int | None, lead_professional: User,
    level_of_need: int | None = None, locality: Locality | None = None, http_request=None,
) -> EarlyHelpEpisode:
    """The Early Help Hub agrees which agency, and which professional, leads."""
    if not in_early_help_hub(actor):
        raise PermissionDenied(ONLY_EARLY_HELP_HUB)
    lead = lead_professional
    if not lead.is_active or lead.role not in (Role.PARTNER_LEAD_PROFESSIONAL,
                                               Role.EARLY_HELP_PRACTITIONER):
        raise ValidationError({"lead_professional": NOT_A_LEAD})
    if level_of_need is not None and level_of_need not in (2, 3):
        raise ValidationError({"level_of_need": rules.LEVEL_2_OR_3})
    with transaction.atomic():
        episode = lock(episode, version)
        if episode.status != EpisodeStatus.AGREEING_LEAD:
            raise ValidationError(NOT_AGREEING_LEAD, code="edit_conflict")
        move(episode, EpisodeStatus.OPEN)
        partner = lead.role == Role.PARTNER_LEAD_PROFESSIONAL
        episode.lead_professional = lead
        episode.lead_agency = lead.agency if partner else None
        episode.lead_team = None if partner else own_early_help_team(lead)
        episode.locality = locality or episode.locality or (
            episode.lead_team and episode.lead_team.locality)
        episode.link_worker = link_worker_for(episode.locality) or episode.link_worker
        episode.level_of_need = level_of_need or episode.level_of_need
        episode.lead_agreed_at, episode.lead_agreed_by = timezone.now(), actor
        episode.save()
        team = locality_team(episode.locality) or episode.lead_team
        if team is not None:
            # The child's involvement moves from the Early Help Hub to the team that works
            # with the family.
            Involvement.objects.filter(
                pk__in=episode.memberships.values("involvement_id"), end__isnull=True,
            ).update(team=team, level_of_need=episode.level_of_need)
        give_lead(actor, episode)
        for child in children(episode):
            chronology(actor, child, f"Early help lead agreed: {lead} "
                                     f"({episode.lead_organisation}).")
        _record(actor, episode, http_request, lead_agreed=lead.pk)
    return episode


def episode_open_from_step_down(
    *, actor: User, children: list[Person], family: Family | None = None,
    from_involvement: Involvement, handover_plan: str, lead_professional: User | None = None,
    lead_agency: PartnerAgency | None = None, locality: Locality | None = None,
) -> EarlyHelpEpisode:
    """Social care steps a family down to early help when statutory thresholds are no longer
    met, handing over its plan. Called by social work (keep this signature).

    - ``children``: the children stepping down (people in the index), at least one.
    - ``family``: their family, if known (else the first child's family, or a new one).
    - ``from_involvement``: the social care involvement that is ending (recorded; not ended
      here: social work ends its own work).
    - ``handover_plan``: the social work plan as handed over, required.
    - ``lead_professional`` (and their ``lead_agency`` if a partner): who leads, if agreed
      already. Without one the episode waits for the Early Help Hub to agree the lead.
    - ``locality``: else from the children's postcode.
    If the family already has a live episode (it was stepped up), the children rejoin it and
    it opens again. Level 3 (intensive) by default. Returns the episode.
    """
    errors = {}
    if not children:
        errors["children"] = NEED_CHILD
    if not (handover_plan or "").strip():
        errors["handover_plan"] = NEED_HANDOVER
    if from_involvement is None:
        errors["from_involvement"] = NEED_FROM_INVOLVEMENT
    elif from_involvement.kind not in STEP_DOWN_KINDS:
        errors["from_involvement"] = NOT_SOCIAL_CARE
    if lead_professional is not None and lead_professional.role not in (
            Role.PARTNER_LEAD_PROFESSIONAL, Role.EARLY_HELP_PRACTITIONER):
        errors["lead_professional"] = NOT_A_LEAD
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        family = family_for(children, family)
        episode = EarlyHelpEpisode.objects.select_for_update().filter(
            status__in=LIVE_STATUSES, family=family).first()
        lead = lead_professional
        if episode is None:
            partner = lead is not None and lead.role == Role.PARTNER_LEAD_PROFESSIONAL
            lead_team = own_early_help_team(lead) if lead is not None and not partner else None
            locality = locality or locality_of_people(children) or (
                lead_team and lead_team.locality)
            episode = EarlyHelpEpisode.objects.create(
                family=family,
                status=EpisodeStatus.OPEN if lead else EpisodeStatus.AGREEING_LEAD,
                opened_via=OpenedVia.STEP_DOWN, level_of_need=3,
                why_help="Stepped down from social care.", lead_professional=lead,
                lead_agency=(lead_agency or lead.agency) if partner else None,
                lead_team=lead_team, lead_agreed_at=timezone.now() if lead else None,
                lead_agreed_by=actor if lead else None, locality=locality,
                link_worker=link_worker_for(locality), opened_by=actor)
            _record(actor, episode, None, audit.Action.CREATE, opened_via="step_down",
                    from_involvement=from_involvement.pk)
        elif episode.status == EpisodeStatus.STEPPED_UP:
            episode = lock(episode, None)
            move(episode, EpisodeStatus.OPEN)
            episode.save()
        StepDown.objects.create(episode=episode, from_involvement=from_involvement,
                                handover_plan=handover_plan.strip(), stepped_down_by=actor)
        for child in children:
            add_member(actor, episode, child, True)
            chronology(actor, child, "Stepped down from social care to early help; the social "
                                     "work plan was handed over.")
        _record(actor, episode, None, stepped_down=True, from_involvement=from_involvement.pk)
    return episode


def member_add(
    *, actor: User, episode: EarlyHelpEpisode, member: NewMember, http_request=None,
) -> EpisodeMember:
    """Add a child or an adult of the family to the episode."""
    check_may_edit(actor, episode)
    if not episode.is_live:
        raise ValidationError("This episode is closed; it can no longer be changed.")
    with transaction.atomic():
        person = resolve(actor, member, http_request)
        if member.is_child:
            check_not_in_other_episode(person, episode)
        added = add_member(actor, episode, person, member.is_child, member.relationship)
        _record(actor, episode, http_request, member_added=person.pk)
    return added


def invitation_add(
    *, actor: User, episode: EarlyHelpEpisode, user: User, access: str, reason: str = "",
    http_request=None,
) -> EpisodeInvitation:
    """Invite another professional into the team around the family."""
    check_may_edit(actor, episode)
    if not user.is_active or user.role in (Role.ANALYST, Role.ADMINISTRATOR):
        raise ValidationError({"user": NOT_INVITABLE})
    if user.pk in (episode.lead_professional_id, episode.link_worker_id) or (
            episode.invitations.filter(user=user, ended_at__isnull=True).exists()):
        raise ValidationError({"user": ALREADY_INVITED.format(name=user)})
    with transaction.atomic():
        invitation = EpisodeInvitation.objects.create(
            episode=episode, user=user, access=access, reason=reason.strip(), invited_by=actor)
        _record(actor, episode, http_request, invited=user.pk, access=access)
    return invitation


def invitation_end(*, actor: User, invitation: EpisodeInvitation,
                   http_request=None) -> EpisodeInvitation:
    check_may_edit(actor, invitation.episode)
    with transaction.atomic():
        invitation.ended_at = timezone.now()
        invitation.save(update_fields=["ended_at"])
        _record(actor, invitation.episode, http_request, invitation_ended=invitation.user_id)
    return invitation


def consent_withdraw(
    *, actor: User, episode: EarlyHelpEpisode, version: int | None, withdrawn_by: str,
    significant_harm_reason: str = "", http_request=None,
) -> EarlyHelpEpisode:
    """The family withdraws consent: the episode closes, unless there is significant harm,
    when it stays open with the reason recorded (and the lead should step up)."""
    check_may_edit(actor, episode)
    if not withdrawn_by.strip():
        raise ValidationError({"withdrawn_by": NEED_WITHDRAWN_BY})
    with transaction.atomic():
        episode = lock(episode, version)
        if not episode.is_live:
            raise ValidationError("This episode is already closed.", code="edit_conflict")
        episode.consent_withdrawn_by = withdrawn_by.strip()
        episode.consent_withdrawn_at = timezone.now()
        episode.consent_withdrawal_recorded_by = actor
        reason = significant_harm_reason.strip()
        if reason:
            episode.stays_open_reason = reason
            episode.save()
        else:
            _close(actor, episode, ClosureReason.CONSENT_WITHDRAWN,
                   "The family withdrew their consent.", http_request)
        _record(actor, episode, http_request, consent_withdrawn=True, stays_open=bool(reason))
    return episode


def episode_close(
    *, actor: User, episode: EarlyHelpEpisode, version: int | None, reason: str,
    family_outcome: str = "", action_outcomes: dict[int, tuple[str, str]] | None = None,
    http_request=None,
) -> EarlyHelpEpisode:
    """Close the episode. When outcomes are met ("celebrate positive changes"), the family's
    outcome and each action's outcome are recorded."""
    check_may_edit(actor, episode)
    action_outcomes = action_outcomes or {}
    if reason not in ClosureReason.values:
        raise ValidationError({"reason": "Choose why the episode is closing."})
    if reason == ClosureReason.CONSENT_WITHDRAWN:
        raise ValidationError({"reason": CLOSE_CONSENT_BY_WITHDRAWAL})
    if reason == ClosureReason.STEPPED_UP and episode.status != EpisodeStatus.STEPPED_UP:
        raise ValidationError({"reason": CLOSE_STEPPED_UP_ONLY})
    errors = {}
    actions = list(PlanAction.objects.filter(plan__episode=episode))
    if reason == ClosureReason.OUTCOMES_MET:
        if not family_outcome.strip():
            errors["family_outcome"] = NEED_FAMILY_OUTCOME
        for action in actions:
            outcome = action_outcomes.get(action.pk, ("", ""))[0]
            if outcome not in ActionOutcome.values and not action.outcome:
                errors[f"action_{action.pk}"] = NEED_ACTION_OUTCOME.format(what=action.what[:60])
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        episode = lock(episode, version)
        for action in actions:
            outcome, note = action_outcomes.get(action.pk, ("", ""))
            if outcome in ActionOutcome.values:
                action.outcome, action.outcome_note = outcome, (note or "").strip()
                action.version += 1
                action.save()
        _close(actor, episode, reason, family_outcome.strip(), http_request)
        _record(actor, episode, http_request, closed=reason)
    return episode


def _close(actor: User, episode: EarlyHelpEpisode, reason: str, family_outcome: str,
           http_request=None) -> None:
    move(episode, EpisodeStatus.CLOSED)
    episode.closure_reason, episode.family_outcome = reason, family_outcome
    episode.closed_at, episode.closed_by = timezone.now(), actor
    episode.review_due_at = None
    episode.save()
    end_lead(episode)
    label = ClosureReason(reason).label
    Involvement.objects.filter(pk__in=episode.memberships.values("involvement_id"),
                               end__isnull=True).update(end=timezone.localdate(), outcome=label)
    kids = children(episode)
    stop_review_clock(actor, episode, kids, http_request)
    for child in kids:
        chronology(actor, child, f"Early help episode #{episode.pk} closed: {label}.")


def stop_review_clock(actor: User, episode: EarlyHelpEpisode, kids: list[Person],
                      http_request=None) -> None:
    """The review clock stops with the episode; nothing says a review was held when none was.

    Each child's open review deadline is stopped at the closure (``core.deadlines``) and
    audited: it leaves every worklist and stays on the child's record. One not due yet says
    "Stopped" and no figure counts it; one already overdue says "Missed, then stopped", and
    the figures count it as a review not held.
    """
    deadline_stop(
        deadlines=Deadline.objects.filter(person__in=kids, rule=REVIEW_RULE,
                                          met_at__isnull=True, stopped_at__isnull=True),
        actor=actor, reason=REVIEW_STOPPED, at=episode.closed_at or timezone.now(),
        request=http_request, detail={"early_help_episode": episode.pk})
