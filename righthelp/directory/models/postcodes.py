"""Postcode centroids, loaded from open data (``manage.py load_postcodes <file>``)."""

from django.db import models


class Postcode(models.Model):
    """One postcode's centre point, from the ONS Postcode Directory or similar open data."""

    postcode = models.CharField(max_length=8, unique=True,
                                help_text="Normalised: upper case, one space, like FY1 5AB.")
    district = models.CharField(max_length=4, db_index=True, help_text="The outward code: FY1.")
    latitude = models.FloatField()
    longitude = models.FloatField()
    source = models.CharField(max_length=200, blank=True,
                              help_text="The file this row came from.")
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode
