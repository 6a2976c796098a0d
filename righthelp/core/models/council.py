"""The council's own settings, loaded from councils/<name>.toml and editable in the admin.

Nothing council-specific is written in code: teams, localities, office hours, timescales and
targets all live here, with Blackpool's values shipped as the default file.
"""

from datetime import time

from django.db import models
from simple_history.models import HistoricalRecords

from ..clocks import Rule, Unit


class CouncilQuerySet(models.QuerySet):
    def current(self) -> "Council":
        """The council this deployment serves (the one marked active)."""
        return self.get(active=True)


class Council(models.Model):
    code = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    active = models.BooleanField(default=True)
    office_opens = models.TimeField(default=time(9, 0))
    office_closes = models.TimeField(default=time(17, 0))
    due_soon_working_days = models.PositiveSmallIntegerField(
        default=2, help_text="A deadline is 'due soon' this many working days before it falls."
    )
    break_glass_hours = models.PositiveSmallIntegerField(
        default=4, help_text="How long emergency (break-glass) access to a record lasts."
    )
    front_door = models.JSONField(
        default=dict, blank=True,
        help_text="The front door's routing: which team receives each next step (team codes).",
    )
    history = HistoricalRecords()

    objects = CouncilQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=models.Q(active=True), name="one_active_council"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Locality(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="localities")
    code = models.SlugField()
    name = models.CharField(max_length=200)
    postcode_districts = models.CharField(
        max_length=500, blank=True, help_text="Postcode districts served, separated by spaces."
    )

    class Meta:
        verbose_name_plural = "localities"
        constraints = [
            models.UniqueConstraint(fields=["council", "code"], name="unique_locality_code")
        ]

    def __str__(self) -> str:
        return self.name


class FamilyHub(models.Model):
    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="family_hubs")
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.name


class PartnerAgency(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "school", "School or college"
        HEALTH = "health", "Health"
        POLICE = "police", "Police"
        EARLY_YEARS = "early_years", "Nursery or early years"
        PROBATION = "probation", "Probation"
        HOUSING = "housing", "Housing"
        VOLUNTARY = "voluntary", "Voluntary sector"
        PROVIDER = "provider", "Care provider"
        OTHER_AUTHORITY = "other_authority", "Another local authority"
        OTHER = "other", "Other"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="agencies")
    code = models.SlugField()
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name_plural = "partner agencies"
        constraints = [
            models.UniqueConstraint(fields=["council", "code"], name="unique_agency_code")
        ]

    def __str__(self) -> str:
        return self.name


class Timescale(models.Model):
    """A statutory or local timescale, e.g. 'Child and Family Assessment: 45 working days'."""

    Unit = Unit

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="timescales")
    code = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    amount = models.PositiveIntegerField()
    unit = models.CharField(max_length=20, choices=Unit.choices)
    starts_from = models.CharField(max_length=200, help_text="The event the clock starts from.")
    source = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "code"], name="unique_timescale_code")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.amount} {self.get_unit_display()}"

    def as_rule(self) -> Rule:
        return Rule(code=self.code, name=self.name, amount=self.amount, unit=self.unit)


class Target(models.Model):
    """A figure the council aims for, e.g. average caseload 19."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="targets")
    code = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    value = models.DecimalField(max_digits=12, decimal_places=2)
    unit = models.CharField(max_length=40, blank=True)
    baseline = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "code"], name="unique_target_code")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.value} {self.unit}".strip()
