"""Access granted beyond need-to-know: explicit grants to restricted records, and break-glass."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class RestrictedAccessGrant(models.Model):
    """A named person may see a restricted record (a staff member's family, adoption...)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField()
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_open_restricted_grant",
            )
        ]


class BreakGlassGrant(models.Model):
    """Emergency access without need-to-know: a reason, an expiry, and a flag to the manager."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "person", "expires_at"])]

    def is_live(self, now=None) -> bool:
        return self.expires_at > (now or timezone.now())
