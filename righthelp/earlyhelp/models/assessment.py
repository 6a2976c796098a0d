"""The Early Help Assessment: written over several sittings, every save kept (history)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Being written"
    COMPLETED = "completed", "Completed"


class EarlyHelpAssessment(models.Model):
    """Whole-family needs, child focused; strengths and worries side by side."""

    episode = models.OneToOneField("earlyhelp.EarlyHelpEpisode", on_delete=models.CASCADE,
                                   related_name="assessment")
    status = models.CharField(max_length=20, choices=AssessmentStatus.choices,
                              default=AssessmentStatus.DRAFT)
    life_for_the_child = models.TextField(blank=True, help_text="What life is like for each "
                                          "child: the assessment is child focused.")
    family_needs = models.TextField(blank=True, help_text="The whole family's needs.")
    strengths = models.TextField(blank=True, help_text="What is working well.")
    worries = models.TextField(blank=True, help_text="What we are worried about.")
    childs_words = models.TextField(blank=True, help_text="The child's own words.")
    parents_words = models.TextField(blank=True, help_text="The parents' or carers' words.")
    family_wants_to_change = models.TextField(blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_saved_at = models.DateTimeField(default=timezone.now)
    last_saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+")
    sittings = models.PositiveIntegerField(default=1, help_text="How many times it was saved.")
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="completed")
                | (~models.Q(childs_words="") & ~models.Q(parents_words="")),
                name="early_help_assessment_complete_has_voices",
                violation_error_message="A completed assessment has the child's words and the "
                "parents' words."),
        ]

    def __str__(self) -> str:
        return f"Early Help Assessment ({self.get_status_display()})"
