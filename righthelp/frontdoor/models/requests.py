"""A contact at the front door: a request for support, a call, a police notification, a
missing report or a request for information. One kind of record, with its source named."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class RequestForSupport(models.Model):
    class Kind(models.TextChoices):
        REQUEST_FOR_SUPPORT = "request_for_support", "Request for support"
        MISSING = "missing", "Missing from home or care"
        INFORMATION_REQUEST = "information_request", "Request for information"

    class Source(models.TextChoices):
        ONLINE_FORM = "online_form", "Online form from a partner"
        PHONE = "phone", "Phone call to the Hub"
        POLICE = "police", "Police notification"
        EMAIL = "email", "Email or letter"
        OUT_OF_HOURS = "out_of_hours", "Emergency Duty Team (out of hours)"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_QUEUE = "in_queue", "In the Hub's queue"
        AWAITING_AUTHORISATION = "awaiting_authorisation", "Decision awaiting authorisation"
        DECIDED = "decided", "Decided"
        ANSWERED = "answered", "Answered"

    class Urgency(models.IntegerChoices):
        IMMEDIATE = 1, "Immediate: significant harm now"
        URGENT = 2, "Urgent: today"
        STANDARD = 3, "Standard"

    class LevelAsked(models.TextChoices):
        SUPPORT = "support", "Level 2 or 3: support for the family"
        SAFEGUARDING = "safeguarding", "Level 4: a safeguarding worry"

    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.REQUEST_FOR_SUPPORT)
    source = models.CharField(max_length=20, choices=Source.choices)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT)
    urgency = models.PositiveSmallIntegerField(choices=Urgency.choices, default=Urgency.STANDARD)
    # Who is asking.
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="requests_made", help_text="The partner who submitted it online.",
    )
    referrer_name = models.CharField(max_length=120, blank=True)
    referrer_role = models.CharField(max_length=120, blank=True)
    referrer_agency = models.ForeignKey(
        "core.PartnerAgency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referrer_contact = models.CharField(max_length=120, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="requests_recorded", help_text="The Hub or EDT worker who took it.",
    )
    # What the request says.
    worries = models.TextField(blank=True)
    working_well = models.TextField(blank=True)
    childs_words = models.TextField(blank=True, help_text="What the child says, in their words.")
    family_details = models.TextField(blank=True, help_text="Parents, carers, others at home.")
    level_asked = models.CharField(max_length=20, choices=LevelAsked.choices, blank=True)
    consent_given = models.BooleanField(null=True)
    consent_dispensed_reason = models.TextField(blank=True)
    exploitation_worry = models.BooleanField(default=False)
    missing_worry = models.BooleanField(default=False)
    # Out of hours: what the Emergency Duty Team already did.
    out_of_hours = models.BooleanField(default=False)
    handed_over = models.BooleanField(default=False)
    edt_actions = models.TextField(blank=True)
    # A request for information has its own answer.
    information_requested_by = models.CharField(max_length=200, blank=True)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Clock.
    created_at = models.DateTimeField(default=timezone.now)
    received_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True, db_index=True)
    decision_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    working_on = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    locality = models.ForeignKey(
        "core.Locality", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "request for support"
        verbose_name_plural = "requests for support"
        ordering = ["urgency", "decision_due_at"]
        indexes = [models.Index(fields=["status", "urgency", "decision_due_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source="out_of_hours") | models.Q(out_of_hours=True),
                name="edt_contacts_are_out_of_hours",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class RequestChild(models.Model):
    """A child named in a request: as the referrer wrote it, and the index record once found."""

    request = models.ForeignKey(RequestForSupport, on_delete=models.CASCADE,
                                related_name="children")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT,
        related_name="requests_for_support",
    )
    given_names = models.CharField(max_length=120, blank=True)
    family_name = models.CharField(max_length=120, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date = models.DateField(null=True, blank=True, help_text="For an unborn baby.")
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "person"], name="child_once_per_request")
        ]

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}".strip() or "A child"
