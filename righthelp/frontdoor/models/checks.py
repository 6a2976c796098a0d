"""Gathering information: multi-agency checks answered by partners, and visits."""

from django.conf import settings
from django.db import models


class MultiAgencyCheck(models.Model):
    request = models.ForeignKey("frontdoor.RequestForSupport", on_delete=models.CASCADE,
                                related_name="checks")
    agency = models.ForeignKey("core.PartnerAgency", on_delete=models.PROTECT, related_name="+")
    asked_of = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="checks_to_answer", help_text="The partner user who answers for the agency.",
    )
    question = models.TextField()
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    asked_at = models.DateTimeField()
    due_at = models.DateTimeField()
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at"]
        indexes = [models.Index(fields=["asked_of", "answered_at"])]

    def __str__(self) -> str:
        return f"Check with {self.agency}"


class HomeVisit(models.Model):
    request = models.ForeignKey("frontdoor.RequestForSupport", on_delete=models.CASCADE,
                                related_name="visits")
    arranged_for = models.DateTimeField()
    visitor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="+")
    outcome = models.TextField(blank=True)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Visit {self.arranged_for:%d %b %Y}"
