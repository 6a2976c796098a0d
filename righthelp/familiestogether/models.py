"""Families Together: referrals by the allocated social worker after a consultation with the
coordinator, Family Together Meetings (family group conferences) with the family's own plan,
and rapid-response crisis work for families at the edge of care."""

from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone

TEAM_CODE = "families-together"

# How soon a family in crisis must hear from the team once the crisis is raised: the council's
# `families-together-first-contact` timescale when it has one (editable in the admin), else
# this default (same-day contact, as rapid response services describe it). The council file
# (councils/blackpool.toml) has no such timescale yet.
FIRST_CONTACT_RULE = "families-together-first-contact"
FIRST_CONTACT_HOURS = 4


def first_contact_rule():
    """The council's rule for first contact in a crisis, or the default of 4 hours."""
    from django.core.exceptions import ValidationError

    from righthelp.core.clocks import Rule, Unit
    from righthelp.core.council_settings import timescale

    try:
        return timescale(FIRST_CONTACT_RULE)
    except ValidationError:
        return Rule(FIRST_CONTACT_RULE, "First contact with a family in crisis",
                    FIRST_CONTACT_HOURS, Unit.HOURS)


class FamiliesTogetherReferral(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", "Family Together Meeting"
        CRISIS = "crisis", "Rapid-response crisis work (edge of care)"

    class Status(models.TextChoices):
        REFERRED = "referred", "Referred: waiting for a decision"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"
        CLOSED = "closed", "Closed"

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT,
                               related_name="families_together_referrals")
    family = models.ForeignKey(
        "people.Family", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="When the work is with the whole family, not only this child.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.TextField()
    childs_words = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REFERRED)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    referred_at = models.DateTimeField(default=timezone.now)
    # The consultation with the coordinator, required before the referral can be accepted.
    consulted_with = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    consulted_on = models.DateField(null=True, blank=True)
    consultation_notes = models.TextField(blank=True)
    consultation_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+")
    # The decision, and the end.
    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-referred_at"]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["person", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"], condition=models.Q(status__in=["referred", "accepted"]),
                name="one_open_families_together_referral_per_kind",
                violation_error_message="This child already has an open referral of this kind.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["referred", "declined", "withdrawn"])
                | models.Q(consulted_on__isnull=False),
                name="families_together_accepted_after_consultation",
                violation_error_message="A referral is accepted only after the consultation.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person}"

    @property
    def consulted(self) -> bool:
        return self.consulted_on is not None and self.consulted_with_id is not None


class FamilyTogetherMeeting(models.Model):
    """A family group conference: the family network meets, has private family time, and
    makes its own plan."""

    referral = models.ForeignKey(FamiliesTogetherReferral, on_delete=models.PROTECT,
                                 related_name="meetings")
    held_on = models.DateField()
    invited = models.ManyToManyField("people.Relationship", related_name="+",
                                     help_text="Chosen from the child's network.")
    attended = models.ManyToManyField("people.Relationship", blank=True, related_name="+")
    others_attending = models.TextField(
        blank=True, help_text="Professionals and anyone else who came, not in the network.")
    child_attended = models.BooleanField(default=False)
    childs_words = models.TextField(blank=True)
    private_family_time = models.BooleanField()
    private_family_time_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(private_family_time=False,
                                   private_family_time_minutes__isnull=True)
                | models.Q(private_family_time=True, private_family_time_minutes__gt=0),
                name="private_family_time_has_length",
                violation_error_message="Say how long the private family time lasted.",
            ),
        ]

    def __str__(self) -> str:
        return f"Family Together Meeting on {self.held_on:%d %B %Y}"


class FamilyPlan(models.Model):
    """The family's own plan from a meeting, in their words. Professionals accept it or ask
    the family to revisit it, with reasons; a revisited plan is recorded again, and every
    version is kept."""

    class Response(models.TextChoices):
        AWAITING = "awaiting", "Waiting for the professionals' response"
        ACCEPTED = "accepted", "Accepted"
        REVISIT = "revisit", "Asked to revisit"

    meeting = models.ForeignKey(FamilyTogetherMeeting, on_delete=models.PROTECT,
                                related_name="plans")
    agreed_by = models.TextField(help_text="Who in the family agreed this plan.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    response = models.CharField(max_length=10, choices=Response.choices,
                                default=Response.AWAITING)
    response_reason = models.TextField(blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=models.Q(response__in=["awaiting", "accepted"]),
                name="one_current_family_plan_per_meeting",
                violation_error_message="This meeting already has a current plan.",
            )
        ]

    def __str__(self) -> str:
        return f"The family's plan ({self.get_response_display()})"


class FamilyPlanItem(models.Model):
    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="items")
    in_familys_words = models.TextField()
    who = models.CharField(max_length=200)
    by_when = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.in_familys_words[:60]


class CrisisResponse(models.Model):
    """Rapid-response work with a family in crisis at the edge of care."""

    class Outcome(models.TextChoices):
        STAYED_HOME = "stayed_home", "Stayed at home"
        CAME_INTO_CARE = "came_into_care", "Came into care"
        STEPPED_DOWN = "stepped_down", "Stepped down"

    referral = models.ForeignKey(FamiliesTogetherReferral, on_delete=models.PROTECT,
                                 related_name="crises")
    raised_at = models.DateTimeField()
    what_happened = models.TextField()
    first_contact_at = models.DateTimeField(null=True, blank=True)
    work_done = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    childs_words = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(first_contact_at__isnull=True)
                | models.Q(first_contact_at__gte=models.F("raised_at")),
                name="crisis_contact_after_raised",
                violation_error_message="First contact cannot be before the crisis was raised.",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="", outcome_on__isnull=True)
                | (~models.Q(outcome="") & models.Q(outcome_on__isnull=False)),
                name="crisis_outcome_has_date",
                violation_error_message="An outcome needs the date it happened.",
            ),
        ]

    def __str__(self) -> str:
        return f"Crisis raised {timezone.localtime(self.raised_at):%d %B %Y %H:%M}"

    @cached_property
    def first_contact_due(self) -> datetime:
        return first_contact_rule().due_at(self.raised_at)

    @property
    def first_contact_on_time(self) -> bool | None:
        from .rules import contact_by

        return contact_by(self.first_contact_at, self.first_contact_due)
