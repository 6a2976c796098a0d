"""Strategy discussions and Section 47 enquiries.

Where significant harm is suspected and current, police, health and social care hold a
strategy discussion (its clock started by the Hub's decision, or by an assessment's child
protection outcome). A decision to enquire opens the Section 47 enquiry, with the Initial
Child Protection Conference due 15 working days from the strategy discussion (the council's
``initial-child-protection-conference`` timescale). The team manager authorises the
enquiry's outcome: a conference (held by the plans side, which meets the ICPC clock stored on
the enquiry) or no conference.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.clocks import LONDON
from righthelp.core.deadlines import deadline_meet, deadline_start
from righthelp.people.models import Involvement
from righthelp.staff.models import User

from ..models import (
    ChildInNeedEpisode,
    ChildInNeedPlan,
    Escalation,
    Section47Enquiry,
    StrategyDiscussion,
)
from ..rules.plans import child_protection_from_cin_verdict
from .assessments import assessment_open
from .episodes import (
    ICPC_RULE,
    STRATEGY_RULE,
    check_manager,
    check_open,
    check_worker,
    chronology,
    lock,
    moment,
    open_deadline,
)

HELD_IN_FUTURE = "The strategy discussion cannot be in the future."
HELD_BEFORE_REFERRAL = ("The strategy discussion cannot be before the referral "
                        "({referral:%d %B %Y}).")
NEED_ATTENDEES = ("Record who took part, with their name and agency: at least social care and "
                  "the police or health.")
ATTENDEE_INCOMPLETE = "Attendee {number}: give their name and agency."
NEED_WORRIES = "Say what significant harm is suspected, and why now."
NEED_CHILDS_WORDS = ("Record the child's own words (for a baby, what they would tell us by "
                     "how they are).")
NEED_DECISION = "Choose whether to start a Section 47 enquiry."
NEED_REASONS = "Give the reasons for the decision."
SECTION47_OPEN = "This child already has a Section 47 enquiry without an outcome."
ENQUIRY_FINISHED = "This Section 47 enquiry has its outcome; it can no longer be changed."
NEED_OUTCOME = "Choose whether an Initial Child Protection Conference is needed."
NEED_OUTCOME_REASONS = "Give the reasons for the outcome."
NEED_FINDINGS = "Record what the enquiry found before its outcome is authorised."
OUTCOME_BEFORE_START = "The outcome cannot be before the enquiry started ({start:%d %B %Y})."
DATE_IN_FUTURE = "The date cannot be in the future."
HUB_ESCALATION = ("A new request: the Hub decided significant harm is suspected and current. "
                  "{worries}")

ENQUIRY_FIELDS = ("strengths", "worries", "childs_words", "familys_words",
                  "what_needs_to_happen", "findings")


def _aware(moment_: datetime) -> datetime:
    return moment_ if timezone.is_aware(moment_) else moment_.replace(tzinfo=LONDON)


def _attendee_errors(attendees: list[dict]) -> list[str]:
    errors = []
    for number, row in enumerate(attendees, start=1):
        if not str(row.get("name", "")).strip() or not str(row.get("agency", "")).strip():
            errors.append(ATTENDEE_INCOMPLETE.format(number=number))
    agencies = {str(r.get("agency", "")).strip().lower() for r in attendees} - {""}
    if len(agencies) < 2:
        errors.insert(0, NEED_ATTENDEES)
    return errors


def _discussion_errors(episode: ChildInNeedEpisode, held_at: datetime, attendees: list[dict],
                       worries: str, childs_words: str, decision: str,
                       reasons: str) -> dict:
    errors: dict = {}
    local = timezone.localtime(held_at, LONDON)
    if held_at > timezone.now():
        errors["held_at"] = HELD_IN_FUTURE
    elif local.date() < episode.referral_date:
        errors["held_at"] = HELD_BEFORE_REFERRAL.format(referral=episode.referral_date)
    attendee_problems = _attendee_errors(attendees)
    if attendee_problems:
        errors["attendees"] = attendee_problems
    if not worries.strip():
        errors["worries"] = NEED_WORRIES
    if not childs_words.strip():
        errors["childs_words"] = NEED_CHILDS_WORDS
    if decision not in StrategyDiscussion.Decision.values:
        errors["decision"] = NEED_DECISION
    if not reasons.strip():
        errors["reasons"] = NEED_REASONS
    return errors


def strategy_discussion_record(
    *, episode: ChildInNeedEpisode, actor: User, held_at: datetime, attendees: list[dict],
    worries: str, childs_words: str, decision: str, reasons: str, safety_actions: str = "",
    http_request: HttpRequest | None = None,
) -> StrategyDiscussion:
    """Record the strategy discussion: it meets the strategy discussion clock; a decision to
    enquire opens the Section 47 enquiry with the ICPC clock running from ``held_at``. The
    episode's Child and Family Assessment (the framework the enquiry uses) opens if it has
    none. For a child on a child in need plan, a Section 47 enquiry needs the escalation of
    harm recorded first (``escalation_record``, or the Hub's decision on a new request); the
    discussion answers the plan's escalations."""
    check_worker(actor, episode)
    check_open(episode)
    held_at = _aware(held_at)
    attendees = [{k: str(v).strip() for k, v in row.items()} for row in attendees or []]
    errors = _discussion_errors(episode, held_at, attendees, worries or "",
                                childs_words or "", decision, reasons or "")
    if errors:
        raise ValidationError(errors)
    person = episode.person
    with transaction.atomic():
        episode = lock(ChildInNeedEpisode, episode, None)
        episode.save()
        enquiring = decision == StrategyDiscussion.Decision.SECTION_47
        if enquiring and Section47Enquiry.objects.filter(
                episode=episode, completed_on__isnull=True).exists():
            raise ValidationError({"decision": SECTION47_OPEN})
        cin_plan = ChildInNeedPlan.objects.filter(episode=episode, status="open").first()
        answered = _escalations_answered(cin_plan, enquiring)
        discussion = StrategyDiscussion.objects.create(
            episode=episode, held_at=held_at, attendees=attendees, worries=worries.strip(),
            childs_words=childs_words.strip(), decision=decision, reasons=reasons.strip(),
            safety_actions=(safety_actions or "").strip(), recorded_by=actor)
        _answer_escalations(answered, cin_plan, discussion, actor)
        clock = open_deadline(person, STRATEGY_RULE)
        if clock is not None:
            deadline_meet(deadline=clock, met_at=held_at, actor=actor)
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request,
                     person=person, obj=discussion, detail={"decision": decision})
        chronology(person, actor, "strategy_discussion",
                   f"Strategy discussion: {discussion.get_decision_display()}. "
                   f"{discussion.reasons}")
        if enquiring:
            _open_enquiry(discussion, episode, actor)
        if not episode.assessments.exists():
            assessment_open(episode=episode, actor=actor,
                            started_on=timezone.localtime(held_at, LONDON).date())
    return discussion


def _hub_found_harm_since(episode: ChildInNeedEpisode, since: date) -> bool:
    """Whether the Hub decided, on a request received since ``since``, that significant harm
    is suspected and current (it handed the child on for a Section 47)."""
    involvement = episode.involvement
    return (involvement is not None and involvement.kind == Involvement.Kind.SECTION_47
            and involvement.start >= since)


def _escalations_answered(cin_plan: ChildInNeedPlan | None,
                          enquiring: bool) -> tuple[list[Escalation], bool]:
    """The child in need plan's escalations this strategy discussion answers (those no
    discussion has answered yet), and whether the Hub's decision on a new request is the
    record instead. A Section 47 enquiry for a child on a child in need plan is refused
    unless the escalation of harm is recorded."""
    if cin_plan is None:
        return [], False
    pending = list(Escalation.objects.filter(cin_plan=cin_plan,
                                             strategy_discussion__isnull=True))
    from_hub = not pending and _hub_found_harm_since(cin_plan.episode, cin_plan.start)
    if enquiring:
        verdict = child_protection_from_cin_verdict(
            on_cin_plan=True, escalation_recorded=bool(pending), hub_found_harm=from_hub)
        if not verdict.allowed:
            raise ValidationError({verdict.field: verdict.message})
    return pending, from_hub and enquiring


def _answer_escalations(answered: tuple[list[Escalation], bool],
                        cin_plan: ChildInNeedPlan | None, discussion: StrategyDiscussion,
                        actor: User) -> None:
    """Link the escalations to the discussion that answered them; when the Hub decided on a
    new request that significant harm is suspected and current, record the escalation on the
    plan from it."""
    pending, from_hub = answered
    for escalation in pending:
        escalation.strategy_discussion = discussion
        escalation.save(update_fields=["strategy_discussion"])
    if from_hub and cin_plan is not None:
        escalation = Escalation.objects.create(
            cin_plan=cin_plan, decided_by=actor, strategy_discussion=discussion,
            what_changed=HUB_ESCALATION.format(worries=discussion.worries))
        audit.record(user=actor, action=audit.Action.CREATE, person=cin_plan.episode.person,
                     obj=escalation, detail={"from": "hub_decision"})


def _open_enquiry(discussion: StrategyDiscussion, episode: ChildInNeedEpisode,
                  actor: User) -> Section47Enquiry:
    person = episode.person
    clock = deadline_start(person=person, rule_code=ICPC_RULE, started_at=discussion.held_at,
                           subject="Hold the Initial Child Protection Conference (if the "
                                   "Section 47 enquiry needs one)",
                           owner=actor, team=episode.team, actor=actor)
    enquiry = Section47Enquiry.objects.create(
        episode=episode, strategy_discussion=discussion,
        started_on=timezone.localtime(discussion.held_at, LONDON).date(),
        icpc_target=timezone.localtime(clock.due_at, LONDON).date(), worker=actor,
        deadline=clock)
    if not Involvement.objects.filter(person=person, kind=Involvement.Kind.SECTION_47,
                                      team=episode.team, end__isnull=True).exists():
        Involvement.objects.create(person=person, kind=Involvement.Kind.SECTION_47,
                                   team=episode.team, start=enquiry.started_on,
                                   summary="Section 47 enquiry after a strategy discussion")
    audit.record(user=actor, action=audit.Action.CREATE, person=person, obj=enquiry,
                 detail={"icpc_target": enquiry.icpc_target.isoformat()})
    chronology(person, actor, "section_47",
               f"Section 47 enquiry started; an Initial Child Protection Conference, if "
               f"needed, by {enquiry.icpc_target:%d %B %Y}.")
    return enquiry


def section47_save(
    *, enquiry: Section47Enquiry, actor: User, version: int, changes: dict,
    http_request: HttpRequest | None = None,
) -> Section47Enquiry:
    """Save a sitting of the enquiry (practice model and findings); stale saves refused."""
    check_worker(actor, enquiry.episode)
    cleaned = {f: (v or "").strip() for f, v in changes.items() if f in ENQUIRY_FIELDS}
    with transaction.atomic():
        current = lock(Section47Enquiry, enquiry, version)
        if current.completed_on is not None:
            raise ValidationError(ENQUIRY_FINISHED)
        changed = sorted(f for f, v in cleaned.items() if getattr(current, f) != v)
        for field in changed:
            setattr(current, field, cleaned[field])
        current.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=current.episode.person, obj=current, detail={"fields": changed})
    return current


def section47_complete(
    *, enquiry: Section47Enquiry, actor: User, outcome: str, reasons: str,
    on: date | None = None, version: int | None = None, http_request: HttpRequest | None = None,
) -> Section47Enquiry:
    """The team manager authorises the enquiry's outcome. With no conference the ICPC clock
    stops (met: no conference is needed) and the enquiry's involvement ends; a conference is
    then held by the Child Protection chair, whose record meets the clock."""
    check_manager(actor, enquiry.episode)
    on = on or timezone.localdate()
    errors = {}
    if outcome not in Section47Enquiry.Outcome.values:
        errors["outcome"] = NEED_OUTCOME
    if not (reasons or "").strip():
        errors["reasons"] = NEED_OUTCOME_REASONS
    if on > timezone.localdate():
        errors["on"] = DATE_IN_FUTURE
    elif on < enquiry.started_on:
        errors["on"] = OUTCOME_BEFORE_START.format(start=enquiry.started_on)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = lock(Section47Enquiry, enquiry, version)
        if current.completed_on is not None:
            raise ValidationError(ENQUIRY_FINISHED)
        missing = {}
        if not current.findings.strip():
            missing["findings"] = NEED_FINDINGS
        if not current.childs_words.strip():
            missing["childs_words"] = NEED_CHILDS_WORDS
        if missing:
            raise ValidationError(missing)
        current.completed_on, current.outcome = on, outcome
        current.outcome_reasons, current.authorised_by = reasons.strip(), actor
        current.save()
        person = current.episode.person
        if current.icpc_not_required:
            if current.deadline_id and current.deadline.met_at is None:
                deadline_meet(deadline=current.deadline, met_at=moment(on), actor=actor)
            for involvement in Involvement.objects.filter(
                    person=person, kind=Involvement.Kind.SECTION_47, end__isnull=True):
                involvement.end = max(on, involvement.start)
                involvement.outcome = "Section 47: no conference needed"
                involvement.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=person, obj=current,
                     detail={"outcome": outcome, "completed": on.isoformat()})
        chronology(person, actor, "section_47",
                   f"Section 47 enquiry outcome, authorised by {actor}: "
                   f"{current.get_outcome_display()}. {current.outcome_reasons}")
    return current
