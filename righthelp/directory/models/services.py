"""A service in the family services directory (the council's "FYI" directory)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ActivityType(models.Model):
    """What a service does: parenting, play and stay, SEND support, youth club..."""

    code = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested, waiting for approval"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CostKind(models.TextChoices):
    FREE = "free", "Free"
    PAID = "paid", "There is a cost"


class Service(models.Model):
    """A service families can use. Only published services are shown to the public."""

    name = models.CharField(max_length=200)
    description = models.TextField()
    who_for = models.TextField("Who it is for", blank=True)
    activity_types = models.ManyToManyField(ActivityType, blank=True, related_name="services")
    locality = models.ForeignKey("core.Locality", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="directory_services")
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True,
                                help_text="Normalised: upper case, one space.")
    latitude = models.FloatField(null=True, blank=True,
                                 help_text="From the postcode's centroid; empty if unknown.")
    longitude = models.FloatField(null=True, blank=True)
    opening_times = models.TextField(blank=True)
    cost_kind = models.CharField(max_length=10, choices=CostKind.choices, default=CostKind.FREE)
    cost_details = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    age_min = models.PositiveSmallIntegerField("Youngest age (years)", null=True, blank=True)
    age_max = models.PositiveSmallIntegerField("Oldest age (years)", null=True, blank=True)
    status = models.CharField(max_length=12, choices=ServiceStatus.choices,
                              default=ServiceStatus.SUGGESTED, db_index=True)
    suggested_by_name = models.CharField(max_length=200, blank=True)
    suggested_by_email = models.EmailField(blank=True)
    suggested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    suggested_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[activity_types])

    class Meta:
        ordering = ["name"]
        permissions = [
            ("approve_service",
             "Can approve, edit and withdraw services in the family services directory"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True) | models.Q(age_max__isnull=True)
                | models.Q(age_min__lte=models.F("age_max")),
                name="directory_service_age_range_in_order"),
        ]
        indexes = [models.Index(fields=["latitude", "longitude"], name="directory_service_latlon")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == ServiceStatus.PUBLISHED
