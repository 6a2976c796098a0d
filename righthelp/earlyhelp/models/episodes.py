"""An early help episode: the work with one family, led by the professional who knows it best."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class EpisodeStatus(models.TextChoices):
    """Legal moves between these are in ``rules.TRANSITIONS``; services refuse any other."""

    AGREEING_LEAD = "agreeing_lead", "Agreeing the lead professional"
    OPEN = "open", "Open"
    STEPPED_UP = "stepped_up", "Stepped up to the Hub"
    CLOSED = "closed", "Closed"


# An episode in one of these is live: a family has at most one live episode.
LIVE_STATUSES = (EpisodeStatus.AGREEING_LEAD, EpisodeStatus.OPEN, EpisodeStatus.STEPPED_UP)


class OpenedVia(models.TextChoices):
    HUB_DECISION = "hub_decision", "A Hub decision (the Early Help Hub agrees the lead)"
    DIRECT = "direct", ("Opened directly by a lead professional who knows the family (no "
                        "request to the Hub)")
    STEP_DOWN = "step_down", "A step down from social care"


class ClosureReason(models.TextChoices):
    OUTCOMES_MET = "outcomes_met", "Outcomes met: the family's plan worked"
    CONSENT_WITHDRAWN = "consent_withdrawn", "The family withdrew consent"
    MOVED = "moved", "The family moved away"
    STEPPED_UP = "stepped_up", "Stepped up: social care now leads"
    UNIVERSAL = "universal", "Needs now met by universal services"


class EarlyHelpEpisode(models.Model):
    family = models.ForeignKey("people.Family", on_delete=models.PROTECT,
                               related_name="early_help_episodes")
    members = models.ManyToManyField("people.Person", through="EpisodeMember",
                                     related_name="early_help_episodes")
    status = models.CharField(max_length=20, choices=EpisodeStatus.choices,
                              default=EpisodeStatus.AGREEING_LEAD)
    opened_via = models.CharField(max_length=20, choices=OpenedVia.choices)
    level_of_need = models.PositiveSmallIntegerField(help_text="2 (Universal Plus) or 3 "
                                                     "(Intensive).")
    why_help = models.TextField(blank=True, help_text="Why the family needs help, in plain words.")
    hub_decision = models.ForeignKey("frontdoor.HubDecision", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="early_help_episodes")
    # Who leads: a partner's professional and agency, or one of the council's own teams.
    lead_professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="early_help_episodes_led")
    lead_agency = models.ForeignKey("core.PartnerAgency", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    lead_team = models.ForeignKey("staff.Team", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", help_text="For a council-led episode.")
    lead_agreed_at = models.DateTimeField(null=True, blank=True)
    lead_agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    locality = models.ForeignKey("core.Locality", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    link_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="early_help_episodes_coached")
    # Consent: the family agrees to early help, and may withdraw it.
    consent_given_by = models.CharField(max_length=200, blank=True,
                                        help_text="Who in the family agreed.")
    consent_given_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawn_by = models.CharField(max_length=200, blank=True)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawal_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+")
    stays_open_reason = models.TextField(
        blank=True, help_text="Consent was withdrawn but there is significant harm: why the "
        "episode stays open.")
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    family_outcome = models.TextField(blank=True, help_text="What changed for the family: the "
                                      "positive changes to celebrate.")
    review_due_at = models.DateTimeField(
        null=True, blank=True, help_text="When the next review of the plan is due (the running "
        "'early-help-review' deadline).")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["status", "locality"]),
            models.Index(fields=["lead_professional", "status"]),
            models.Index(fields=["link_worker", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["family"], condition=models.Q(status__in=LIVE_STATUSES),
                name="one_live_early_help_episode_per_family",
                violation_error_message="This family already has an open early help episode."),
            models.CheckConstraint(
                condition=models.Q(level_of_need__gte=2, level_of_need__lte=3),
                name="early_help_level_2_or_3",
                violation_error_message="Early help is at Level 2 or Level 3."),
            models.CheckConstraint(
                condition=models.Q(status="agreeing_lead")
                | models.Q(lead_professional__isnull=False),
                name="early_help_open_has_lead",
                violation_error_message="An open episode names its lead professional."),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | ~models.Q(closure_reason=""),
                name="early_help_closed_has_reason",
                violation_error_message="Say why the episode closed."),
            models.CheckConstraint(
                condition=~models.Q(opened_via="hub_decision")
                | models.Q(hub_decision__isnull=False),
                name="early_help_from_hub_names_decision"),
        ]

    def __str__(self) -> str:
        return f"Early help with the {self.family} family"

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES

    @property
    def lead_organisation(self) -> str:
        return str(self.lead_agency or self.lead_team or "Not agreed yet")

    @property
    def partner_led(self) -> bool:
        return self.lead_agency_id is not None


class EpisodeMember(models.Model):
    """Someone in the family the episode works with: each child, and the adults."""

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.CASCADE,
                                related_name="memberships")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT,
                               related_name="early_help_memberships")
    is_child = models.BooleanField()
    relationship = models.CharField(max_length=60, blank=True,
                                    help_text="For an adult: who they are to the children.")
    involvement = models.ForeignKey(
        "people.Involvement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The child's early help involvement on their record.")
    allocation = models.ForeignKey(
        "staff.Allocation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The lead professional's allocation to this child, which this episode made "
        "(and ends when it closes).")
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")

    class Meta:
        ordering = ["-is_child", "person__date_of_birth"]
        constraints = [models.UniqueConstraint(fields=["episode", "person"],
                                               name="early_help_member_once")]

    def __str__(self) -> str:
        return str(self.person)


class EpisodeInvitation(models.Model):
    """Another professional invited into the episode (the team around the family)."""

    class Access(models.TextChoices):
        VIEW = "view", "See the episode and the family's plan"
        CONTRIBUTE = "contribute", "See the episode and record meetings, reviews and actions"

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.CASCADE,
                                related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="early_help_invitations")
    access = models.CharField(max_length=20, choices=Access.choices, default=Access.CONTRIBUTE)
    reason = models.TextField(blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    invited_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["episode", "user"], condition=models.Q(ended_at__isnull=True),
            name="early_help_one_live_invitation")]

    def __str__(self) -> str:
        return f"{self.user} invited to {self.episode}"
