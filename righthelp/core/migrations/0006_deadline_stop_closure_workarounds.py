"""Deadlines that closures marked as met to take them off the worklists become stopped.

Before deadlines could be stopped, closing an early help episode marked an overdue review as
met at the closure and renamed it "...: not held before the episode closed", and closing a
complex needs record marked an overdue transition deadline as met, its subject ending "...: not
done before the record closed". Neither was met: each becomes stopped at the closure, with its
subject as it was. (Deadlines those closures deleted are gone; the audit trail keeps them.)
"""

from django.db import migrations
from django.db.models import F

REVIEW_RULE = "early-help-review"
REVIEW_SUBJECT = "Review the family's early help plan"
REVIEW_NOT_HELD = "Review the family's early help plan: not held before the episode closed"
TRANSITION_RULES = ("transition-planning-start", "transition-to-adulthood")
NOT_DONE = ": not done before the record closed"


def stop_instead_of_met(apps, schema_editor):
    Deadline = apps.get_model("core", "Deadline")
    Deadline.objects.filter(rule=REVIEW_RULE, subject=REVIEW_NOT_HELD,
                            met_at__isnull=False).update(
        subject=REVIEW_SUBJECT, stopped_at=F("met_at"), met_at=None,
        stopped_reason="The early help episode closed.")
    for deadline in Deadline.objects.filter(rule__in=TRANSITION_RULES, met_at__isnull=False,
                                            subject__endswith=NOT_DONE):
        deadline.subject = deadline.subject[:-len(NOT_DONE)]
        deadline.stopped_at, deadline.met_at = deadline.met_at, None
        deadline.stopped_reason = "The complex needs record closed."
        deadline.save(update_fields=["subject", "stopped_at", "met_at", "stopped_reason"])


class Migration(migrations.Migration):
    dependencies = [("core", "0005_deadline_stopped")]

    operations = [migrations.RunPython(stop_instead_of_met, migrations.RunPython.noop)]
