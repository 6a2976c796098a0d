"""Starting and meeting deadlines: the one place work puts a child's clock on."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import audit
from .council_settings import timescale
from .models import Deadline


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
    with transaction.atomic():
        deadline.met_at = met_at or timezone.now()
        deadline.save(update_fields=["met_at"])
        audit.record(user=actor, action=audit.Action.CHANGE, person=deadline.person,
                     obj=deadline, detail={"met_at": deadline.met_at.isoformat()})
    return deadline
