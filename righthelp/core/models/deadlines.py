"""A deadline on a child's work: which rule set it, when it falls, and whether it was met."""

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

    def __str__(self) -> str:
        return f"{self.subject} due {self.due_at:%d %b %Y}"
