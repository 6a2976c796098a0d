"""Deciding, authorising and handing on: the Hub's decision opens the next piece of work."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit, handoffs
from righthelp.core.deadlines import deadline_start
from righthelp.people.models import ChronologyEntry, Involvement, Person
from righthelp.staff.models import MANAGER_ROLES, User

from ..models import AssessmentKind, HubDecision, NextStep, RequestForSupport
from ..rules import Facts, route
from .common import lock, team_for

NEED_CHILDS_VOICE = "Record the child's voice: their words, or how they are, for a baby."
NEED_REASONING = "Explain the reasoning for the level of need and the next step."
NEED_DIFFERENT_REASON = "Say why you chose a different next step from the one proposed."
NEED_SIGNPOSTING = "Name the services the family was signposted to."
NEED_LINKED_CHILD = "Find or add each child on the person index before deciding."
LEVEL_RANGE = "The level of need is 1, 2, 3 or 4."
ONLY_MANAGERS = "A Hub manager authorises decisions."
NOT_AWAITING = "This decision is not waiting for authorisation."
OWN_DECISION = "Another manager must authorise a decision you made yourself."


def decision_propose(
    *, actor: User, rfs: RequestForSupport, facts: Facts, level_of_need: int, reasoning: str,
    childs_voice: str, next_step: str | None = None, different_step_reason: str = "",
    signposted_to: str = "", version: int | None = None, http_request=None,
    signposted_services: list | None = None,
) -> HubDecision:
    """Record the worker's decision; the rules propose, the worker may differ with a reason."""
    proposal = route(facts)
    next_step = next_step or proposal.next_step
    errors = {}
    if not childs_voice.strip():
        errors["childs_voice"] = NEED_CHILDS_VOICE
    if not reasoning.strip():
        errors["reasoning"] = NEED_REASONING
    if level_of_need not in (1, 2, 3, 4):
        errors["level_of_need"] = LEVEL_RANGE
    if next_step != proposal.next_step and not different_step_reason.strip():
        errors["different_step_reason"] = NEED_DIFFERENT_REASON
    if next_step == NextStep.SIGNPOST and not signposted_to.strip() and not signposted_services:
        errors["signposted_to"] = NEED_SIGNPOSTING
    if rfs.children.filter(person__isnull=True).exists():
        errors["children"] = NEED_LINKED_CHILD
    if errors:
        raise ValidationError(errors)
    kind = proposal.assessment_kind if next_step == proposal.next_step else _kind_for(next_step,
                                                                                    facts)
    with transaction.atomic():
        rfs = lock(rfs, version)
        if rfs.status != RequestForSupport.Status.IN_QUEUE:
            raise ValidationError("This request is not waiting for a decision.")
        decision = HubDecision.objects.create(
            request=rfs, level_of_need=level_of_need, reasoning=reasoning.strip(),
            childs_voice=childs_voice.strip(), facts=facts.__dict__,
            proposed_step=proposal.next_step, next_step=next_step,
            different_step_reason=different_step_reason.strip(),
            assessment_kind=kind or "", also_awaken=proposal.also_awaken,
            signposted_to=signposted_to.strip(), decided_by=actor, decided_at=timezone.now(),
        )
        decision.signposted_services.set(signposted_services or [])
        rfs.status = RequestForSupport.Status.AWAITING_AUTHORISATION
        rfs.save()
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=decision,
                     detail={"proposed": proposal.next_step, "chosen": next_step})
    return decision


def _kind_for(step: str, facts: Facts) -> str | None:
    if step == NextStep.SPECIALIST:
        return AssessmentKind.SPECIALIST
    if step in (NextStep.ASSESSMENT, NextStep.RETURN_TO_TEAM):
        return AssessmentKind.SECTION_47 if facts.harm_current else AssessmentKind.CHILD_AND_FAMILY
    return None


def _awaiting_under_lock(decision: HubDecision, rfs: RequestForSupport) -> HubDecision:
    """The decision as it is now, read with the request locked: the status the caller saw
    may be stale (two managers on the same decision), and only one of them may act on it."""
    current = HubDecision.objects.select_for_update().get(pk=decision.pk)
    if current.status != HubDecision.Status.AWAITING_AUTHORISATION:
        raise ValidationError(NOT_AWAITING, code="edit_conflict")
    current.request = rfs
    return current


def _check_manager(actor: User, decision: HubDecision) -> None:
    if actor.role not in MANAGER_ROLES:
        raise PermissionDenied(ONLY_MANAGERS)
    if decision.status != HubDecision.Status.AWAITING_AUTHORISATION:
        raise ValidationError(NOT_AWAITING)
    if decision.decided_by_id == actor.pk:
        raise ValidationError(OWN_DECISION)


def decision_authorise(
    *, actor: User, decision: HubDecision, note: str = "", http_request=None,
) -> HubDecision:
    """A manager authorises: the request is decided and the next work is opened."""
    _check_manager(actor, decision)
    with transaction.atomic():
        rfs = lock(decision.request, None)
        decision = _awaiting_under_lock(decision, rfs)
        decision.status = HubDecision.Status.AUTHORISED
        decision.authorised_by, decision.authorised_at = actor, timezone.now()
        decision.manager_note = note.strip()
        decision.save()
        rfs.status = RequestForSupport.Status.DECIDED
        rfs.save()
        opened = hand_on(actor, decision)
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=decision,
                     detail={"authorised": True, "opened": opened})
    return decision


def decision_return(
    *, actor: User, decision: HubDecision, note: str, http_request=None,
) -> HubDecision:
    """A manager sends a decision back to the worker, saying why."""
    _check_manager(actor, decision)
    if not note.strip():
        raise ValidationError({"note": "Say what needs to change."})
    with transaction.atomic():
        rfs = lock(decision.request, None)
        decision = _awaiting_under_lock(decision, rfs)
        decision.status, decision.manager_note = HubDecision.Status.RETURNED, note.strip()
        decision.save()
        rfs.status = RequestForSupport.Status.IN_QUEUE
        rfs.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=decision,
                     detail={"returned": True})
    return decision


# What each next step opens: (team setting, involvement kind).
OPENS = {
    NextStep.ASSESSMENT: ("assessment", None),
    NextStep.RETURN_TO_TEAM: ("return_to_team", None),
    NextStep.SPECIALIST: ("specialist", "complex_needs"),
    NextStep.EARLY_HELP: ("early_help", "early_help"),
}
ASSESSMENT_CLOCK = {
    AssessmentKind.CHILD_AND_FAMILY: ("child-and-family-assessment", "Complete the Child and "
                                      "Family Assessment"),
    AssessmentKind.SPECIALIST: ("child-and-family-assessment", "Complete the specialist "
                                "assessment"),
    # Significant harm suspected and current: the strategy discussion is due first; social
    # work starts the conference clock (15 working days) from the strategy discussion.
    AssessmentKind.SECTION_47: ("strategy-discussion", "Hold the strategy discussion"),
}
# Clocks that run from the Hub's decision rather than from the referral.
CLOCK_FROM_DECISION = {AssessmentKind.SECTION_47}


def hand_on(actor: User, decision: HubDecision) -> list[str]:
    """Open the next piece of work for the receiving team, with its own clock."""
    rfs = decision.request
    opened = []
    people = Person.objects.filter(requests_for_support__request=rfs)
    for person in people:
        Involvement.objects.filter(person=person, kind="request_for_support", end__isnull=True,
                                   summary__startswith=f"#{rfs.pk} ").update(
            end=timezone.localdate(), outcome=decision.get_next_step_display(),
            level_of_need=decision.level_of_need)
        opened += _open_next(actor, decision, person)
        ChronologyEntry.objects.create(
            person=person, occurred_at=timezone.now(), kind="hub_decision", recorded_by=actor,
            summary=f"Hub decision (level {decision.level_of_need}): "
                    f"{decision.get_next_step_display()}. {decision.reasoning}",
        )
    return opened


def _open_next(actor: User, decision: HubDecision, person: Person) -> list[str]:
    opened = []
    if decision.next_step in OPENS:
        team_key, kind = OPENS[decision.next_step]
        team = team_for(team_key)
        kind = kind or decision.assessment_kind
        involvement = Involvement.objects.create(
            person=person, kind=kind, team=team, start=timezone.localdate(),
            level_of_need=decision.level_of_need,
            summary=f"From Hub decision on request #{decision.request_id}")
        # The clock starts first, so the receiving work can take it on.
        if decision.assessment_kind in ASSESSMENT_CLOCK:
            rule, subject = ASSESSMENT_CLOCK[decision.assessment_kind]
            started_at = ((decision.authorised_at or timezone.now())
                          if decision.assessment_kind in CLOCK_FROM_DECISION
                          else (decision.request.received_at or timezone.now()))
            deadline_start(person=person, rule_code=rule, subject=subject, team=team,
                           started_at=started_at, actor=actor)
        handoffs.receive(kind, actor=actor, decision=decision, person=person,
                         involvement=involvement)
        opened.append(f"{kind}:{team.code}")
    if decision.also_awaken:
        awaken = team_for("exploitation")
        if not Involvement.objects.filter(person=person, team=awaken, end__isnull=True).exists():
            Involvement.objects.create(person=person, kind="exploitation", team=awaken,
                                       start=timezone.localdate(),
                                       summary=f"From Hub decision on request "
                                               f"#{decision.request_id}")
            opened.append(f"exploitation:{awaken.code}")
    return opened
