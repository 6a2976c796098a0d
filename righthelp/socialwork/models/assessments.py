"""Assessment and Support: Child and Family Assessments, strategy discussions, Section 47."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .episodes import ChildInNeedEpisode


class PracticeModelFields(models.Model):
    """The practice model's parts of any assessment or plan: strengths and worries side by
    side, the child's words and the family's words, and what needs to happen."""

    strengths = models.TextField(blank=True)
    worries = models.TextField(blank=True)
    childs_words = models.TextField("the child's own words", blank=True)
    familys_words = models.TextField("the family's words", blank=True)
    what_needs_to_happen = models.TextField(blank=True)

    class Meta:
        abstract = True


class Assessment(PracticeModelFields):
    """A Child and Family Assessment (CAFA) or a specialist assessment, and its outcome,
    authorised by the team manager."""

    class Kind(models.TextChoices):
        CHILD_AND_FAMILY = "cafa", "Child and Family Assessment"
        SPECIALIST = "specialist", "Specialist assessment"

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        AWAITING_AUTHORISATION = "awaiting", "Awaiting the team manager's authorisation"
        AUTHORISED = "authorised", "Authorised"

    class Outcome(models.TextChoices):
        CLOSE = "close", "Close: no further action"
        STEP_DOWN_EARLY_HELP = "early_help", "Step down to early help"
        STEP_DOWN_UNIVERSAL = "universal", "Step down to universal services"
        CHILD_IN_NEED = "child_in_need", "Child in need plan"
        CHILD_PROTECTION = "child_protection", "Child protection (strategy discussion)"
        CARE = "care", "Care (looked after)"

    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="assessments")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.CHILD_AND_FAMILY)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True,
                                    help_text="When the worker finished it (sent to authorise).")
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               help_text="Empty until a worker in the team takes it on.")
    factors = models.JSONField(default=list, blank=True,
                               help_text="DfE assessment factor codes (codes.ASSESSMENT_FACTORS).")
    support_during_assessment = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_reasons = models.TextField(blank=True)
    manager_comments = models.TextField(blank=True)
    deadline = models.ForeignKey("core.Deadline", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(fields=["episode"], condition=~Q(status="authorised"),
                                    name="one_unfinished_assessment_per_episode",
                                    violation_error_message="This child already has an "
                                    "assessment in progress."),
            models.CheckConstraint(
                condition=~Q(status="authorised")
                | Q(authorised_on__isnull=False, completed_on__isnull=False, outcome__gt=""),
                name="authorised_assessment_complete",
                violation_error_message="An authorised assessment needs its completion date, "
                "authorisation date and outcome."),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on:%d %b %Y}"

    @property
    def factors_named(self) -> str:
        """The DfE assessment factors as code and name ("4B Mental health: parent or
        carer"), for the team manager reading the assessment."""
        from ..codes import ASSESSMENT_FACTORS

        return "; ".join(f"{code} {ASSESSMENT_FACTORS.get(code, '')}".strip()
                         for code in self.factors)


class StrategyDiscussion(models.Model):
    """Police, health and social care decide together whether to start a Section 47 enquiry
    (significant harm suspected and current). The ICPC clock runs from here."""

    class Decision(models.TextChoices):
        SECTION_47 = "section_47", "Start a Section 47 enquiry"
        NO_SECTION_47 = "no_section_47", "No Section 47: continue with assessment or support"

    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="strategy_discussions")
    held_at = models.DateTimeField()
    attendees = models.JSONField(default=list, help_text="[{name, agency, role}]")
    worries = models.TextField(help_text="What significant harm is suspected, and why now.")
    childs_words = models.TextField("the child's own words", blank=True)
    decision = models.CharField(max_length=16, choices=Decision.choices)
    reasons = models.TextField()
    safety_actions = models.TextField(blank=True,
                                      help_text="What keeps the child safe while we enquire.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_at"]


class Section47Enquiry(PracticeModelFields):
    """An enquiry under section 47 of the Children Act 1989 where significant harm is
    suspected and current; ends by deciding whether an Initial Child Protection Conference
    (ICPC) is needed."""

    class Outcome(models.TextChoices):
        CONFERENCE = "conference", "Hold an Initial Child Protection Conference"
        NO_CONFERENCE = "no_conference", "No conference: concerns not substantiated or a plan "\
            "without one keeps the child safe"

    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="section47_enquiries")
    strategy_discussion = models.OneToOneField(StrategyDiscussion, on_delete=models.PROTECT,
                                               related_name="section47")
    started_on = models.DateField()
    icpc_target = models.DateField(help_text="15 working days from the strategy discussion "
                                   "(the council's timescale).")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    findings = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=14, choices=Outcome.choices, blank=True)
    outcome_reasons = models.TextField(blank=True)
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    deadline = models.ForeignKey("core.Deadline", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+",
                                 help_text="The ICPC deadline.")
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on"]
        verbose_name = "Section 47 enquiry"
        verbose_name_plural = "Section 47 enquiries"
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(outcome__gt=""),
                name="completed_section47_has_outcome",
                violation_error_message="A finished Section 47 enquiry needs its outcome."),
        ]

    @property
    def icpc_not_required(self) -> bool:
        return self.outcome == self.Outcome.NO_CONFERENCE
