"""Supporting Children with Complex Needs: children and young people 0 to 25 with special
educational needs and disabilities (SEND), their Education, Health and Care (EHC) plans, and
planning for the transition to adulthood from 14, with deadlines toward 18."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils import timezone

TEAM_CODE = "complex-needs"

# The service is for children and young people from birth to 25 (SEND Code of Practice 2015:
# support can continue to the 26th birthday).
OLDEST_AGE = 25
# Transition planning starts at 14 (Year 9 annual review, SEND Code of Practice 8.9); the
# deadlines themselves run on the council's timescales below.
TRANSITION_FROM_AGE = 14
TRANSITION_START_RULE = "transition-planning-start"  # councils/*.toml: 168 months from birth
TRANSITION_ADULT_RULE = "transition-to-adulthood"  # councils/*.toml: 216 months from birth
TRANSITION_RULES = (TRANSITION_START_RULE, TRANSITION_ADULT_RULE)
# The final EHC plan is issued within 20 weeks of the request for an EHC needs assessment
# (SEND Regulations 2014 reg. 13(2); SEND Code of Practice 9.40).
EHC_ISSUE_WEEKS = 20
# An EHC plan is reviewed at least every 12 months (Children and Families Act 2014 s.44;
# SEND Regulations 2014 reg. 18).
ANNUAL_REVIEW_MONTHS = 12


class SenProvision(models.TextChoices):
    """DfE school census SEN provision codes."""

    EHC_PLAN = "E", "Education, Health and Care plan"
    SEN_SUPPORT = "K", "SEN support"
    NONE = "N", "No special educational need"


class SenNeed(models.TextChoices):
    """DfE SEN primary (and secondary) type of need codes."""

    SPLD = "SPLD", "Specific learning difficulty"
    MLD = "MLD", "Moderate learning difficulty"
    SLD = "SLD", "Severe learning difficulty"
    PMLD = "PMLD", "Profound and multiple learning difficulty"
    SEMH = "SEMH", "Social, emotional and mental health"
    SLCN = "SLCN", "Speech, language and communication needs"
    HI = "HI", "Hearing impairment"
    VI = "VI", "Vision impairment"
    MSI = "MSI", "Multi-sensory impairment"
    PD = "PD", "Physical disability"
    ASD = "ASD", "Autistic spectrum disorder"
    OTH = "OTH", "Other difficulty or disability"
    NSA = "NSA", "SEN support but no specialist assessment of type of need"


class ComplexNeedsRecord(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT,
                               related_name="complex_needs_records")
    team = models.ForeignKey("staff.Team", on_delete=models.PROTECT, related_name="+")
    sen_provision = models.CharField("SEN provision", max_length=1,
                                     choices=SenProvision.choices)
    primary_need = models.CharField(max_length=4, choices=SenNeed.choices, blank=True)
    secondary_need = models.CharField(max_length=4, choices=SenNeed.choices, blank=True)
    needs_summary = models.TextField(help_text="What the child needs, in plain words.")
    childs_words = models.TextField(blank=True)
    opened_on = models.DateField(default=timezone.localdate)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    closure_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["person__family_name", "person__given_names"]
        indexes = [models.Index(fields=["team", "closed_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(closed_on__isnull=True),
                name="one_open_complex_needs_record",
                violation_error_message="This child already has an open complex needs record.",
            ),
            models.CheckConstraint(
                condition=models.Q(sen_provision="N") | ~models.Q(primary_need=""),
                name="sen_provision_has_primary_need",
                violation_error_message="Give the primary need for SEN support or an EHC plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"Complex needs record for {self.person}"


class EducationHealthCarePlan(models.Model):
    record = models.OneToOneField(ComplexNeedsRecord, on_delete=models.CASCADE,
                                  related_name="ehc_plan")
    requested_on = models.DateField(help_text="When the EHC needs assessment was requested.")
    assessment_started_on = models.DateField(null=True, blank=True)
    issued_on = models.DateField(null=True, blank=True)
    last_annual_review_on = models.DateField(null=True, blank=True)
    next_annual_review_due = models.DateField(null=True, blank=True, editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = "Education, Health and Care plan"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(assessment_started_on__isnull=True)
                | models.Q(assessment_started_on__gte=models.F("requested_on")),
                name="ehc_assessment_after_request",
                violation_error_message="The assessment cannot start before the request.",
            ),
            models.CheckConstraint(
                condition=models.Q(issued_on__isnull=True)
                | models.Q(issued_on__gte=models.F("requested_on")),
                name="ehc_issued_after_request",
                violation_error_message="The plan cannot be issued before the request.",
            ),
            models.CheckConstraint(
                condition=models.Q(last_annual_review_on__isnull=True)
                | models.Q(issued_on__isnull=False,
                           last_annual_review_on__gte=models.F("issued_on")),
                name="ehc_review_after_issue",
                violation_error_message="A plan is reviewed only after it is issued.",
            ),
        ]

    def __str__(self) -> str:
        return f"EHC plan for {self.record.person}"

    @property
    def issue_due(self) -> date:
        return issue_due(self.requested_on)

    @property
    def issued_on_time(self) -> bool | None:
        return None if self.issued_on is None else self.issued_on <= self.issue_due


def issue_due(requested_on: date) -> date:
    return requested_on + timedelta(weeks=EHC_ISSUE_WEEKS)


def next_review_due(issued_on: date | None, last_review_on: date | None) -> date | None:
    """Twelve months after the last review, or after the plan was issued if none yet."""
    since = last_review_on or issued_on
    return since + relativedelta(months=ANNUAL_REVIEW_MONTHS) if since else None


class TransitionPlan(models.Model):
    """Preparing for adulthood, from 14: adult services, education or work, housing, health,
    and the young person's own words."""

    record = models.OneToOneField(ComplexNeedsRecord, on_delete=models.CASCADE,
                                  related_name="transition_plan")
    adult_services = models.TextField("Adult services involved")
    education_employment = models.TextField("Education, training or employment")
    housing = models.TextField("Where they will live")
    health = models.TextField("Health")
    young_persons_words = models.TextField("The young person's own words")
    review_on = models.DateField("Next review")
    handed_over_on = models.DateField(
        "Handed over to adult services on", null=True, blank=True,
        help_text="When adult services took over; this meets the transition deadline.")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    def __str__(self) -> str:
        return f"Transition plan for {self.record.person}"
