"""Child in need and child protection plans, co-produced with the family: actions with who,
what and by when, visits, reviews, escalation, reassessment and contingency planning."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..codes import CategoryOfAbuse
from .assessments import PracticeModelFields
from .episodes import ChildInNeedEpisode


class Plan(PracticeModelFields):
    """What child in need and child protection plans share."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ENDED = "ended", "Ended"

    class EndReason(models.TextChoices):
        OUTCOMES_MET = "outcomes_met", "Outcomes met: celebrate positive changes"
        STEPPED_DOWN_TO_CHILD_IN_NEED = "to_cin", "Stepped down to a child in need plan"
        ESCALATED_TO_CHILD_PROTECTION = "to_cp", "Escalated to a child protection plan"
        STEPPED_DOWN_TO_EARLY_HELP = "to_early_help", "Stepped down to early help"
        CAME_INTO_CARE = "care", "Came into care"
        MOVED_AWAY = "moved", "Moved to another council"
        OTHER = "other", "Other"

    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="%(class)ss")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=16, choices=EndReason.choices, blank=True)
    end_summary = models.TextField(blank=True)
    safety_plan = models.TextField(blank=True, help_text="Who does what to keep the child safe.")
    team = models.ForeignKey("staff.Team", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True
        ordering = ["-start"]

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class ChildInNeedPlan(Plan):
    """A plan under section 17: the usual start after an assessment."""

    review_deadline = models.ForeignKey("core.Deadline", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    visit_deadline = models.ForeignKey("core.Deadline", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+",
                                       help_text="The running clock for the next visit.")
    reassessment_deadline = models.ForeignKey(
        "core.Deadline", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The running clock for the next reassessment of protective factors, "
        "assets and threats (Strengthening and Supporting Families).")
    history = HistoricalRecords()

    class Meta(Plan.Meta):
        constraints = [
            models.UniqueConstraint(fields=["episode"], condition=Q(status="open"),
                                    name="one_open_child_in_need_plan",
                                    violation_error_message="This child already has an open "
                                    "child in need plan."),
            models.CheckConstraint(condition=Q(status="open") | Q(end__isnull=False,
                                                                  end_reason__gt=""),
                                   name="ended_cin_plan_has_end",
                                   violation_error_message="An ended plan needs its end date "
                                   "and reason."),
        ]


class ChildProtectionPlan(Plan):
    """A plan decided by a child protection conference, with its category of abuse."""

    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    review_deadline = models.ForeignKey("core.Deadline", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    visit_deadline = models.ForeignKey("core.Deadline", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+",
                                       help_text="The running clock for the next visit.")
    reassessment_deadline = models.ForeignKey(
        "core.Deadline", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The running clock for the next reassessment of protective factors, "
        "assets and threats (Strengthening and Supporting Families).")
    history = HistoricalRecords()

    class Meta(Plan.Meta):
        constraints = [
            models.UniqueConstraint(fields=["episode"], condition=Q(status="open"),
                                    name="one_open_child_protection_plan",
                                    violation_error_message="This child already has an open "
                                    "child protection plan."),
            models.CheckConstraint(condition=Q(status="open") | Q(end__isnull=False,
                                                                  end_reason__gt=""),
                                   name="ended_cp_plan_has_end",
                                   violation_error_message="An ended plan needs its end date "
                                   "and reason."),
        ]


class PlanAction(models.Model):
    """One item of a plan: who does what, by when, and how we will know it worked."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        UNDER_WAY = "under_way", "Under way"
        DONE = "done", "Done"
        NOT_DONE = "not_done", "Not done"

    cin_plan = models.ForeignKey(ChildInNeedPlan, null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="actions")
    cp_plan = models.ForeignKey(ChildProtectionPlan, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="actions")
    who = models.CharField(max_length=200)
    what = models.TextField()
    by_when = models.DateField()
    how_we_will_know = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    outcome = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["by_when", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cin_plan__isnull=False, cp_plan__isnull=True)
                | Q(cin_plan__isnull=True, cp_plan__isnull=False),
                name="plan_action_belongs_to_one_plan",
                violation_error_message="An action belongs to exactly one plan."),
        ]


class Visit(models.Model):
    """A visit to the child: was the child seen, and seen alone."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="social_work_visits")
    cin_plan = models.ForeignKey(ChildInNeedPlan, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="visits")
    cp_plan = models.ForeignKey(ChildProtectionPlan, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="visits")
    visited_on = models.DateField()
    seen = models.BooleanField()
    seen_alone = models.BooleanField()
    childs_words = models.TextField("the child's own words", blank=True)
    notes = models.TextField(blank=True)
    visited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["-visited_on"]
        constraints = [
            models.CheckConstraint(condition=Q(seen=True) | Q(seen_alone=False),
                                   name="seen_alone_means_seen",
                                   violation_error_message="A child seen alone was seen."),
        ]


class PlanReview(models.Model):
    """A child in need plan review, or a chair's midway review of a child protection plan
    between conferences."""

    class Kind(models.TextChoices):
        CHILD_IN_NEED_REVIEW = "cin_review", "Child in need plan review"
        MIDWAY = "midway", "Midway review by the Child Protection chair"

    class Decision(models.TextChoices):
        CONTINUE = "continue", "Continue the plan"
        STEP_DOWN = "step_down", "Step down"
        ESCALATE = "escalate", "Escalate: harm has escalated"
        END = "end", "End: outcomes met"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    cin_plan = models.ForeignKey(ChildInNeedPlan, null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="reviews")
    cp_plan = models.ForeignKey(ChildProtectionPlan, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="midway_reviews")
    held_on = models.DateField()
    attendees = models.JSONField(default=list, blank=True)
    progress = models.TextField()
    childs_words = models.TextField("the child's own words", blank=True)
    familys_words = models.TextField("the family's words", blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reasons = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["-held_on"]


class Escalation(models.Model):
    """A child in need plan moving to child protection: only when harm has escalated, and
    what changed is recorded ("if risk escalates, not if it just stays the same")."""

    cin_plan = models.ForeignKey(ChildInNeedPlan, on_delete=models.PROTECT,
                                 related_name="escalations")
    what_changed = models.TextField(help_text="How harm escalated, in plain words.")
    strategy_discussion = models.ForeignKey("socialwork.StrategyDiscussion",
                                            null=True, blank=True, on_delete=models.SET_NULL,
                                            related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)


class Reassessment(models.Model):
    """Strengthening and Supporting Families' regular reassessment of protective factors,
    assets and threats."""

    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="reassessments")
    held_on = models.DateField()
    protective_factors = models.TextField()
    assets = models.TextField()
    threats = models.TextField()
    childs_words = models.TextField("the child's own words")
    familys_words = models.TextField("the family's words", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["-held_on"]


class ContingencyPlan(models.Model):
    """Where a child may not be able to stay at home: the options considered, the family
    network first, then foster care, and why each was or wasn't chosen."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="contingency_plans")
    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="contingency_plans")
    summary = models.TextField(blank=True)
    childs_words = models.TextField("the child's own words", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()


class ContingencyOption(models.Model):
    class Kind(models.TextChoices):
        FAMILY_NETWORK = "family_network", "Someone in the family network"
        FOSTER_CARE = "foster_care", "Foster care"
        OTHER = "other", "Other"

    plan = models.ForeignKey(ContingencyPlan, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(help_text="1 is the first choice.")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    relationship = models.ForeignKey("people.Relationship", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     help_text="For the family network: who, from the "
                                     "child's network.")
    description = models.CharField(max_length=200, blank=True)
    considered = models.BooleanField(default=True)
    chosen = models.BooleanField(default=False)
    why = models.TextField(help_text="Why this option was or wasn't chosen.")

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.CheckConstraint(condition=~Q(kind="family_network")
                                   | Q(relationship__isnull=False),
                                   name="family_option_names_the_person",
                                   violation_error_message="A family network option names "
                                   "the person from the child's network."),
        ]
