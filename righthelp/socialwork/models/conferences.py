"""Child protection conferences, chaired by a Child Protection chair."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..codes import CategoryOfAbuse
from .assessments import Section47Enquiry
from .episodes import ChildInNeedEpisode
from .plans import ChildProtectionPlan


class ChildProtectionConference(models.Model):
    """An Initial Child Protection Conference (ICPC) or a review conference."""

    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial Child Protection Conference"
        REVIEW = "review", "Review conference"

    class Decision(models.TextChoices):
        PLAN = "plan", "The child needs a child protection plan"
        NO_PLAN = "no_plan", "No child protection plan"
        CONTINUE = "continue", "Continue the child protection plan"
        END = "end", "End the child protection plan"

    class StepTo(models.TextChoices):
        CHILD_IN_NEED = "cin", "Child in need plan"
        EARLY_HELP = "early_help", "Early help"
        UNIVERSAL = "universal", "Universal services"
        NONE = "none", "Close"

    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="conferences")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    section47 = models.ForeignKey(Section47Enquiry, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="conferences")
    cp_plan = models.ForeignKey(ChildProtectionPlan, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="conferences")
    held_on = models.DateField()
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+")
    attendees = models.JSONField(default=list,
                                 help_text="[{name, role or relationship, family: bool}]")
    family_attended = models.BooleanField(default=False)
    family_absent_reason = models.TextField(
        "why the family were not there", blank=True,
        help_text="Needed when no one from the family attended, in plain words.")
    childs_words = models.TextField("the child's own words")
    familys_words = models.TextField("the family's words", blank=True)
    strengths = models.TextField(blank=True)
    worries = models.TextField(blank=True)
    decision = models.CharField(max_length=8, choices=Decision.choices)
    category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True,
                                help_text="The category of abuse, when there is a plan.")
    step_to = models.CharField(max_length=10, choices=StepTo.choices, blank=True,
                               help_text="Where the child goes when there is no plan or it ends.")
    reasons = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision__in=["plan", "continue"]) | Q(category__gt=""),
                name="plan_decision_has_category",
                violation_error_message="A decision for a plan names the category of abuse."),
            models.CheckConstraint(
                condition=Q(kind="review", decision__in=["continue", "end"])
                | Q(kind="initial", decision__in=["plan", "no_plan"]),
                name="conference_decision_fits_kind",
                violation_error_message="An initial conference decides plan or no plan; a "
                "review continues or ends the plan."),
            models.CheckConstraint(
                condition=Q(family_attended=True) | Q(family_absent_reason__gt=""),
                name="family_absence_has_reason",
                violation_error_message="A conference the family did not attend says why."),
        ]
