"""The family's plan, co-produced: each action has who, what, by when, and how the family will
know it worked."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class CouncilService(models.Model):
    """One of the council's own services a plan action can name (in Blackpool: Families in
    Need, For Baby's Sake, ...; pathway section 4). Each council lists its own in its settings
    file (``[[early_help.council_services]]``); editable in the admin. A service the council
    no longer offers is kept, not offered for new actions, so older actions still name it."""

    council = models.ForeignKey("core.Council", on_delete=models.CASCADE,
                                related_name="early_help_services")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the list.")
    active = models.BooleanField(default=True, help_text="Offered for new plan actions.")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["council", "code"],
                                               name="early_help_council_service_code")]

    def __str__(self) -> str:
        return self.name


def council_services(active_only: bool = True) -> list[CouncilService]:
    """The current council's early help services, in its order."""
    found = CouncilService.objects.filter(council__active=True)
    return list(found.filter(active=True) if active_only else found)


def council_service_names() -> dict[str, str]:
    """Code to name of every service of the current council (offered now or before)."""
    return dict(CouncilService.objects.filter(council__active=True).values_list("code", "name"))


def name_services(actions) -> list:
    """Give each action the name of its council service (one query for them all)."""
    actions = list(actions)
    if any(a.council_service for a in actions):
        names = council_service_names()
        for action in actions:
            action.council_service_name = names.get(action.council_service,
                                                    action.council_service)
    return actions


class ActionOwner(models.TextChoices):
    FAMILY = "family", "The family"
    LEAD_PROFESSIONAL = "lead_professional", "The lead professional"
    COUNCIL_SERVICE = "council_service", "A council service"
    OTHER_PARTNER = "other_partner", "Another partner"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    UNDER_WAY = "under_way", "Under way"
    DONE = "done", "Done"
    STOPPED = "stopped", "Stopped"


class ActionOutcome(models.TextChoices):
    MET = "met", "It worked"
    PARTLY_MET = "partly_met", "It partly worked"
    NOT_MET = "not_met", "It did not work"


class FamilyPlan(models.Model):
    episode = models.OneToOneField("earlyhelp.EarlyHelpEpisode", on_delete=models.CASCADE,
                                   related_name="plan")
    what_we_want = models.TextField(blank=True, help_text="In the family's words: what will be "
                                    "different when the plan has worked.")
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    agreed_with = models.CharField(max_length=300, blank=True,
                                   help_text="Who in the family agreed the plan.")
    shared_at = models.DateTimeField(null=True, blank=True)
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    plain_language_findings = models.JSONField(
        default=list, blank=True, help_text="What the plain language check found when the "
        "plan was shared, and was confirmed as it stood.")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Family plan for {self.episode}"


class PlanAction(models.Model):
    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="actions")
    who = models.CharField(max_length=20, choices=ActionOwner.choices)
    council_service = models.CharField(
        max_length=40, blank=True,
        help_text="For a council service: its code in the council's early help services.")
    partner_name = models.CharField(max_length=200, blank=True,
                                    help_text="For another partner: who.")
    what = models.TextField()
    by_when = models.DateField()
    how_we_will_know = models.TextField(help_text="How the family will know it worked.")
    status = models.CharField(max_length=20, choices=ActionStatus.choices,
                              default=ActionStatus.NOT_STARTED)
    directory_service = models.ForeignKey(
        "directory.Service", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The entry in the family services directory this action uses, if any.")
    outcome = models.CharField(max_length=20, choices=ActionOutcome.choices, blank=True)
    outcome_note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["by_when", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(who="council_service") | ~models.Q(council_service=""),
                name="early_help_action_names_council_service",
                violation_error_message="Choose which council service."),
            models.CheckConstraint(
                condition=~models.Q(who="other_partner") | ~models.Q(partner_name=""),
                name="early_help_action_names_partner",
                violation_error_message="Say which partner."),
        ]

    def __str__(self) -> str:
        return self.what[:60]

    @property
    def who_label(self) -> str:
        if self.who == ActionOwner.COUNCIL_SERVICE:
            if not hasattr(self, "council_service_name"):
                name_services([self])
            return self.council_service_name
        if self.who == ActionOwner.OTHER_PARTNER:
            return self.partner_name
        return self.get_who_display()

    @property
    def is_open(self) -> bool:
        return self.status in (ActionStatus.NOT_STARTED, ActionStatus.UNDER_WAY)
