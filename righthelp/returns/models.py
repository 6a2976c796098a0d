"""What each production of a return found: who made it, when, for which year, its counts,
its validation failures and (unless only checked) the file itself."""

from django.conf import settings
from django.db import models


class CensusProduction(models.Model):
    """One run of the Children in Need census for a collection year.

    A run on the page is made "running" first and carries on in the background, recording how
    many children it has read; only a finished run has counts, failures and a file to show."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"

    year = models.PositiveSmallIntegerField(help_text="The year the collection period ends.")
    produced_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=10, default="page")  # page, api, command
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.FINISHED)
    children_done = models.PositiveIntegerField(
        default=0, help_text="While running: how many children have been read so far.")
    children_total = models.PositiveIntegerField(
        default=0, help_text="While running: how many children the census has (0 until known).")
    progress_at = models.DateTimeField(
        null=True, blank=True, help_text="When the run last reported progress: a run silent for "
        "long is taken to have stopped (the server restarted) and is marked failed.")
    error = models.TextField(blank=True, default="", help_text="Why a failed run failed.")
    check_only = models.BooleanField(default=False)
    serial = models.PositiveIntegerField(default=1)
    children = models.PositiveIntegerField(default=0)
    episodes = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    queries = models.PositiveIntegerField(default=0)
    schema_errors = models.JSONField(default=list, blank=True)
    schema_file = models.CharField(max_length=100, blank=True, default="",
                                   help_text="The schema file the census was checked against.")
    failures = models.JSONField(default=list, blank=True,
                                help_text="Each rule failure: code, message, field, where, child.")
    xml_gz = models.BinaryField(null=True, blank=True, editable=False,
                                help_text="The census file, gzip-compressed.")
    xml_bytes = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["year", "-started_at"])]
        constraints = [models.UniqueConstraint(
            fields=["year"], condition=models.Q(status="running"),
            name="returns_one_running_census_a_year")]

    def __str__(self) -> str:
        return f"CIN census {self.year - 1}-{self.year % 100:02d}, {self.started_at:%d %b %Y %H:%M}"

    @property
    def running(self) -> bool:
        return self.status == self.Status.RUNNING

    @property
    def finished(self) -> bool:
        return self.status == self.Status.FINISHED

    @property
    def failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def has_file(self) -> bool:
        return self.finished and bool(self.xml_gz)

    @property
    def valid_against_schema(self) -> bool:
        return not self.schema_errors

    @property
    def schema(self):
        """The schema the file was checked against (its file name and source), if known."""
        from .cin_census.schema import BY_FILENAME
        return BY_FILENAME.get(self.schema_file)

    @property
    def schema_described(self) -> str:
        found = self.schema
        return str(found) if found else self.schema_file

    @property
    def filename(self) -> str:
        return f"cin-census-{self.year}-{self.serial:03d}.xml"
