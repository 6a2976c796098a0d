"""A child's time open to children's social care: the referral, its teams, its closure."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..codes import ClosureReason, PrimaryNeed, ReferralSource


class ChildInNeedEpisode(models.Model):
    """One referral to children's social care, from the referral date to its closure.

    CIN (child in need) is the sector's word for a child social care works with under
    section 17; this episode is the census's ``CINdetails`` block. A child has at most one
    open episode at a time.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT,
                               related_name="social_care_episodes")
    referral_date = models.DateField(help_text="The date the request reached the Hub.")
    referral_source = models.CharField(max_length=3, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices,
                                    default=PrimaryNeed.NOT_STATED)
    request = models.ForeignKey("frontdoor.RequestForSupport", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="social_care_episodes")
    hub_decision = models.ForeignKey("frontdoor.HubDecision", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    involvement = models.ForeignKey("people.Involvement", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    help_text="The involvement the Hub opened for this work.")
    team = models.ForeignKey("staff.Team", on_delete=models.PROTECT, related_name="+",
                             help_text="The team holding the work now.")
    referral_nfa = models.BooleanField(
        "no further action on the referral", default=False,
        help_text="Closed at referral, with no assessment (the census's ReferralNFA).")
    closure_date = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ClosureReason.choices, blank=True)
    closure_summary = models.TextField(blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-referral_date"]
        indexes = [models.Index(fields=["referral_date", "closure_date"])]
        constraints = [
            models.UniqueConstraint(fields=["person"], condition=Q(closure_date__isnull=True),
                                    name="one_open_social_care_episode",
                                    violation_error_message="This child already has an open "
                                    "episode with children's social care."),
            models.CheckConstraint(
                condition=Q(closure_date__isnull=True)
                | Q(closure_date__gte=models.F("referral_date"), closure_reason__gt=""),
                name="episode_closure_complete",
                violation_error_message="A closure needs a date on or after the referral and a "
                "reason."),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.referral_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.closure_date is None


class Transfer(models.Model):
    """The work moving between teams (Assessment and Support to Strengthening and Supporting
    Families): who, when and why, with what the receiving team needs to know."""

    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE,
                                related_name="transfers")
    from_team = models.ForeignKey("staff.Team", on_delete=models.PROTECT, related_name="+")
    to_team = models.ForeignKey("staff.Team", on_delete=models.PROTECT, related_name="+")
    to_worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    transferred_on = models.DateField()
    reason = models.TextField()
    handover = models.TextField(blank=True, help_text="What the receiving team needs to know.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-transferred_on"]
