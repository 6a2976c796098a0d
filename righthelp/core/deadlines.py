"""Starting, meeting and stopping deadlines: the one place work puts a child's clock on,
and takes it off.

A deadline ends one of two ways. It is *met* when the work was done (on time or late). It is
*stopped* when the work it was for closed or is no longer needed (an episode closed before a
review, a record closed before transition planning): nothing was done, so it is never counted
as met; it leaves every worklist, and its status says "Stopped", or "Missed, then stopped"
when it was already overdue.
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import audit, clocks
from .council_settings import timescale
from .models import Deadline

STOP_REASON_NEEDED = "Say why the deadline is stopped."
DEADLINE_NOT_OPEN = "This deadline is already met or stopped."
DEADLINE_STOPPED = "This deadline was stopped, so it cannot be met."


def deadline_start(
    *, person, rule_code: str, started_at: datetime, subject: str, owner=None, team=None,
    actor=None,
) -> Deadline:
    """Put a deadline on the clock by the council's named timescale."""
    rule = timescale(rule_code)
    with transaction.atomic():
        deadline = Deadline.objects.create(
            person=person, rule=rule.code, rule_name=rule.describe(), subject=subject,
            started_at=started_at, due_at=rule.due_at(started_at), owner=owner, team=team,
        )
        audit.record(user=actor, action=audit.Action.CREATE, person=person, obj=deadline,
                     detail={"rule": rule.code, "due_at": deadline.due_at.isoformat()})
    return deadline


def deadline_meet(*, deadline: Deadline, met_at: datetime | None = None, actor=None) -> Deadline:
    """Record that the work was done; the status then says on time or late."""
    if deadline.stopped_at is not None:
        raise ValidationError(DEADLINE_STOPPED)
    with transaction.atomic():
        deadline.met_at = met_at or timezone.now()
        deadline.save(update_fields=["met_at"])
        audit.record(user=actor, action=audit.Action.CHANGE, person=deadline.person,
                     obj=deadline, detail={"met_at": deadline.met_at.isoformat()})
    return deadline


def deadline_stop(
    *, deadlines: Deadline | Iterable[Deadline], actor, reason: str,
    at: datetime | None = None, request=None, detail: dict | None = None,
) -> list[Deadline]:
    """Stop the clock on open deadlines because their work closed or is no longer needed.

    Each is kept (never deleted), marked stopped at ``at`` (now by default) with ``reason``,
    and audited in the same transaction with whether it was already overdue; ``detail`` adds
    the caller's context (the episode that closed) to each audit event. A deadline already
    met or stopped is refused: nothing is stopped then. Returns the deadlines as saved.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": STOP_REASON_NEEDED})
    if isinstance(deadlines, Deadline):
        deadlines = [deadlines]
    wanted = [d.pk for d in deadlines]
    if not wanted:
        return []
    at = at or timezone.now()
    stopped = []
    with transaction.atomic():
        locked = list(Deadline.objects.select_for_update().filter(pk__in=wanted)
                      .select_related("person").order_by("pk"))
        if len(locked) != len(set(wanted)) or not all(d.is_open for d in locked):
            raise ValidationError(DEADLINE_NOT_OPEN)
        for deadline in locked:
            deadline.stopped_at, deadline.stopped_reason = at, reason[:200]
            deadline.save(update_fields=["stopped_at", "stopped_reason"])
            audit.record(user=actor, action=audit.Action.CHANGE, request=request,
                         person=deadline.person, obj=deadline,
                         detail={**(detail or {}), "stopped_at": at.isoformat(),
                                 "stopped_reason": deadline.stopped_reason,
                                 "rule": deadline.rule, "subject": deadline.subject,
                                 "due_at": deadline.due_at.isoformat(),
                                 "status": clocks.status(deadline.due_at, None, at,
                                                         stopped=at).value})
            stopped.append(deadline)
    return stopped
