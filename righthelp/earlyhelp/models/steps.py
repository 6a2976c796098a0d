"""Stepping up to the Hub when risk escalates, and stepping down from social care."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class RiskChange(models.TextChoices):
    ESCALATED = "escalated", "The risk to the child has gone up"
    NEW_HARM = "new_harm", "Something new has happened that could cause significant harm"
    SAME = "same", "The risk has stayed the same"
    REDUCED = "reduced", "The risk has gone down"


class StepUp(models.Model):
    episode = models.ForeignKey("earlyhelp.EarlyHelpEpisode", on_delete=models.PROTECT,
                                related_name="step_ups")
    risk_change = models.CharField(max_length=20, choices=RiskChange.choices)
    what_changed = models.TextField()
    childs_words = models.TextField(blank=True)
    shared_summary = models.TextField(help_text="The assessment and plan, as shared with the "
                                      "Hub.")
    request = models.OneToOneField("frontdoor.RequestForSupport", on_delete=models.PROTECT,
                                   related_name="early_help_step_up")
    stepped_up_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+")
    stepped_up_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-stepped_up_at"]

    def __str__(self) -> str:
        return f"Step up {self.stepped_up_at:%d %b %Y}"


class StepDown(models.Model):
    episode = models.ForeignKey("earlyhelp.EarlyHelpEpisode", on_delete=models.PROTECT,
                                related_name="step_downs")
    from_involvement = models.ForeignKey("people.Involvement", on_delete=models.PROTECT,
                                         related_name="+")
    handover_plan = models.TextField(help_text="The social work plan, handed over.")
    stepped_down_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                        related_name="+")
    stepped_down_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-stepped_down_at"]

    def __str__(self) -> str:
        return f"Step down {self.stepped_down_at:%d %b %Y}"
