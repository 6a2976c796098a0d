"""Advice line consultations: anonymous by design.

There is deliberately no field for a name, date of birth, address or phone number, and no link
to a person: a consultation can never be joined to a child's record.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AdviceConsultation(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    agency = models.ForeignKey("core.PartnerAgency", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    agency_kind = models.CharField(max_length=20, blank=True)
    locality = models.ForeignKey("core.Locality", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    worry = models.TextField(help_text="The worry in general terms, with nothing that names "
                             "or identifies a child or family.")
    advice_given = models.TextField()
    request_advised = models.BooleanField(help_text="Was a request for support advised?")

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"Advice {self.at:%d %b %Y}"
