"""Team around the family meetings, and reviews of the plan on the council's cadence."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class TeamAroundFamilyMeeting(models.Model):
    episode = models.ForeignKey("earlyhelp.EarlyHelpEpisode", on_delete=models.CASCADE,
                                related_name="meetings")
    held_on = models.DateField()
    family_attendees = models.ManyToManyField("people.Person", blank=True, related_name="+")
    professional_attendees = models.TextField(blank=True, help_text="Other people there, one "
                                              "per line, with their agency.")
    childs_words = models.TextField(blank=True)
    agreed = models.TextField(help_text="What was agreed.")
    plan_updates = models.TextField(blank=True, help_text="Changes made to the plan.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Team around the family meeting {self.held_on:%d %b %Y}"


class EarlyHelpReview(models.Model):
    """A review of the plan: meets the running review deadline and starts the next."""

    episode = models.ForeignKey("earlyhelp.EarlyHelpEpisode", on_delete=models.CASCADE,
                                related_name="reviews")
    held_on = models.DateField()
    childs_words = models.TextField(help_text="The child's own words at the review.")
    family_words = models.TextField(blank=True)
    what_is_better = models.TextField(blank=True)
    still_worried_about = models.TextField(blank=True)
    next_review_due = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Review {self.held_on:%d %b %Y}"


class ActionProgress(models.Model):
    review = models.ForeignKey(EarlyHelpReview, on_delete=models.CASCADE,
                               related_name="progress")
    action = models.ForeignKey("earlyhelp.PlanAction", on_delete=models.CASCADE,
                               related_name="progress")
    status = models.CharField(max_length=20)
    note = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "action"],
                                               name="early_help_progress_once_per_review")]
