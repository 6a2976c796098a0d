"""A record of each synthetic council load, so tools can tell what the database holds."""

from django.db import models


class SyntheticRun(models.Model):
    """One run of ``manage.py synthesise``: its seed, scale and what it made.

    The benchmark reuses a database only when it holds the same seed and scale, and
    ``bin/serve`` asks whether anything is loaded; both read this row rather than guess.
    """

    seed = models.IntegerField()
    scale = models.FloatField()
    today = models.DateField(help_text="The day the synthetic history runs up to.")
    years = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"seed {self.seed}, scale {self.scale:g}, history to {self.today:%d %b %Y}"
