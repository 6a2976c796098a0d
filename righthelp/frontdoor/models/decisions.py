"""The Hub's decision: level of need, reasoning, the child's voice, and the next step."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class NextStep(models.TextChoices):
    """Where a request goes next (pathway section 3)."""

    ASSESSMENT = "assessment", "Assessment and Support: statutory assessment"
    RETURN_TO_TEAM = "return_to_team", "Back to Strengthening and Supporting Families"
    SPECIALIST = "specialist", "Specialist team assessment (complex needs)"
    EARLY_HELP = "early_help", "Early Help Hub: agree the lead agency"
    SIGNPOST = "signpost", "Signpost to services"
    FAMILY_DECLINED = "family_declined", "Family declined, no significant harm: closed"
    UNIVERSAL = "universal", "Universal services: no further action"


class AssessmentKind(models.TextChoices):
    CHILD_AND_FAMILY = "cafa", "Child and Family Assessment"
    SECTION_47 = "section_47", "Section 47 enquiry"
    SPECIALIST = "specialist", "Specialist assessment"


class HubDecision(models.Model):
    class Status(models.TextChoices):
        AWAITING_AUTHORISATION = "awaiting", "Awaiting a manager's authorisation"
        AUTHORISED = "authorised", "Authorised"
        RETURNED = "returned", "Returned to the worker"

    request = models.ForeignKey("frontdoor.RequestForSupport", on_delete=models.CASCADE,
                                related_name="decisions")
    level_of_need = models.PositiveSmallIntegerField()
    reasoning = models.TextField()
    childs_voice = models.TextField(help_text="The child's own words or, for a baby, what they "
                                    "would tell us by how they are.")
    facts = models.JSONField(default=dict, help_text="What the routing rules were given.")
    proposed_step = models.CharField(max_length=20, choices=NextStep.choices)
    next_step = models.CharField(max_length=20, choices=NextStep.choices)
    different_step_reason = models.TextField(blank=True)
    assessment_kind = models.CharField(max_length=20, choices=AssessmentKind.choices, blank=True)
    also_awaken = models.BooleanField(default=False)
    signposted_to = models.TextField(blank=True)
    signposted_services = models.ManyToManyField(
        "directory.Service", blank=True, related_name="signposted_by_decisions",
        help_text="Family services directory entries the family was pointed to.")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices,
                              default=Status.AWAITING_AUTHORISATION)
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    authorised_at = models.DateTimeField(null=True, blank=True)
    manager_note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(level_of_need__gte=1, level_of_need__lte=4),
                                   name="hub_decision_level_1_to_4"),
            models.UniqueConstraint(fields=["request"], condition=~models.Q(status="returned"),
                                    name="one_live_decision_per_request"),
        ]

    def __str__(self) -> str:
        return f"{self.get_next_step_display()} (level {self.level_of_need})"
