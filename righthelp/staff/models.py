"""Staff, their roles and teams, and the allocation of workers to children and families."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    HUB_WORKER = "hub_worker", "Hub worker"
    HUB_MANAGER = "hub_manager", "Hub manager"
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_SOCIAL_WORKER = "senior_social_worker", "Senior social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    EARLY_HELP_PRACTITIONER = "early_help_practitioner", "Early help practitioner"
    LINK_WORKER = "link_worker", "Link worker"
    PARTNER_LEAD_PROFESSIONAL = "partner_lead_professional", "Partner lead professional"
    IRO = "iro", "Independent Reviewing Officer"
    CP_CHAIR = "cp_chair", "Child Protection chair"
    AWAKEN_WORKER = "awaken_worker", "Awaken worker"
    FOSTERING_WORKER = "fostering_worker", "Fostering worker"
    ADOPTION_WORKER = "adoption_worker", "Adoption worker"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    ANALYST = "analyst", "Analyst"
    ADMINISTRATOR = "administrator", "Administrator"


MANAGER_ROLES = {Role.HUB_MANAGER, Role.TEAM_MANAGER}


class User(AbstractUser):
    role = models.CharField(max_length=40, choices=Role.choices, default=Role.SOCIAL_WORKER)
    agency = models.ForeignKey(
        "core.PartnerAgency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="For a partner lead professional: the agency they work for.",
    )
    job_title = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="partner_lead_professional")
                | models.Q(agency__isnull=False),
                name="partner_has_agency",
                violation_error_message="A partner lead professional must name their agency.",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES


class Team(models.Model):
    class Service(models.TextChoices):
        FRONT_DOOR = "front_door", "Front door"
        EARLY_HELP = "early_help", "Early help"
        SOCIAL_WORK = "social_work", "Social work"
        COMPLEX_NEEDS = "complex_needs", "Complex needs"
        OUR_CHILDREN = "our_children", "Our Children"
        EXPLOITATION = "exploitation", "Exploitation and missing"
        FOSTERING = "fostering", "Fostering"
        ADOPTION = "adoption", "Adoption"
        LEAVING_CARE = "leaving_care", "Leaving care"
        OUT_OF_HOURS = "out_of_hours", "Out of hours"
        QUALITY_REVIEW = "quality_review", "Quality and review"
        THERAPEUTIC_CARE = "therapeutic_care", "Therapeutic care"

    class AccessScope(models.TextChoices):
        ALLOCATED = "allocated", "Children allocated to the team"
        SERVICE_WIDE = "service_wide", "Any child (service-wide duty, e.g. triage)"

    council = models.ForeignKey("core.Council", on_delete=models.CASCADE, related_name="teams")
    code = models.SlugField(max_length=60)
    name = models.CharField(max_length=200)
    service = models.CharField(max_length=20, choices=Service.choices)
    locality = models.ForeignKey(
        "core.Locality", null=True, blank=True, on_delete=models.SET_NULL, related_name="teams"
    )
    access_scope = models.CharField(
        max_length=20, choices=AccessScope.choices, default=AccessScope.ALLOCATED
    )
    provider_partner = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["council", "code"], name="unique_team_code")]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    is_manager = models.BooleanField(default=False)
    start = models.DateField(default=timezone.localdate)
    end = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["user", "end"]), models.Index(fields=["team", "end"])]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class Allocation(models.Model):
    """A worker (and their team) allocated to a child, or to a family and so to its children."""

    class Kind(models.TextChoices):
        SOCIAL_WORKER = "social_worker", "Allocated social worker"
        LEAD_PROFESSIONAL = "lead_professional", "Lead professional"
        EARLY_HELP_WORKER = "early_help_worker", "Early help worker"
        IRO = "iro", "Independent Reviewing Officer"
        CP_CHAIR = "cp_chair", "Child Protection chair"
        AWAKEN_WORKER = "awaken_worker", "Awaken worker"
        PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
        SUPERVISING_WORKER = "supervising_worker", "Supervising social worker"
        HUB_WORKER = "hub_worker", "Hub worker"
        FAMILIES_TOGETHER = "families_together", "Families Together"

    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="allocations"
    )
    family = models.ForeignKey(
        "people.Family", null=True, blank=True, on_delete=models.CASCADE, related_name="allocations"
    )
    worker = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    start = models.DateField(default=timezone.localdate)
    end = models.DateField(null=True, blank=True)
    allocated_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    # Raised by every change a service makes (ending, transferring), so a form opened before
    # someone else's change is refused rather than acting on what the allocation used to be.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["worker", "end"]),
            models.Index(fields=["team", "end"]),
            models.Index(fields=["person", "end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, family__isnull=True)
                | models.Q(person__isnull=True, family__isnull=False),
                name="allocation_to_child_or_family",
                violation_error_message="Allocate to a child or to a family, not both.",
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="allocation_ends_after_start",
                violation_error_message="An allocation cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.worker or self.team}"


class AllocationTransfer(models.Model):
    """A child's work moved from one worker (or team) to another: who moved it, when and why.

    The old allocation ends on ``on`` and the new one starts on ``on``; both stay as history.
    """

    from_allocation = models.OneToOneField(
        Allocation, on_delete=models.PROTECT, related_name="transferred_out"
    )
    to_allocation = models.OneToOneField(
        Allocation, on_delete=models.PROTECT, related_name="transferred_in"
    )
    on = models.DateField()
    reason = models.TextField()
    transferred_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    transferred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-transferred_at"]

    def __str__(self) -> str:
        return f"{self.from_allocation} to {self.to_allocation} on {self.on}"


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a hash is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_prefix=key[:8], key_hash=cls.hash_key(key)
        )
        return token, key
