"""A deadline on a child's work: which rule set it, when it falls, and whether it was met, or
stopped because the work it was for closed or is no longer needed (``core.deadlines``)."""

from django.conf import settings
from django.db import models


class Deadline(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="deadlines")
    rule = models.SlugField(max_length=80, help_text="The timescale code that set this deadline.")
    rule_name = models.CharField(max_length=200)
    subject = models.CharField(max_length=200, help_text="What must be done, in plain words.")
    started_at = models.DateTimeField()
    due_at = models.DateTimeField(db_index=True)
    met_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(
        null=True, blank=True,
        help_text="When the clock stopped without the work being done (the work closed or is "
                  "no longer needed). A stopped deadline is never met.")
    stopped_reason = models.CharField(max_length=200, blank=True,
                                      help_text="Why the clock stopped, in plain words.")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deadlines",
    )
    team = models.ForeignKey(
        "staff.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="deadlines"
    )

    class Meta:
        ordering = ["due_at"]
        indexes = [
            models.Index(fields=["owner", "met_at", "due_at"]),
            models.Index(fields=["team", "met_at", "due_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(met_at__isnull=True) | models.Q(stopped_at__isnull=True),
                name="deadline_met_or_stopped_not_both"),
            models.CheckConstraint(
                condition=models.Q(stopped_at__isnull=True) | ~models.Q(stopped_reason=""),
                name="deadline_stopped_says_why"),
        ]

    @property
    def is_open(self) -> bool:
        """Still on the clock: neither met nor stopped."""
        return self.met_at is None and self.stopped_at is None

    def __str__(self) -> str:
        return f"{self.subject} due {self.due_at:%d %b %Y}"
