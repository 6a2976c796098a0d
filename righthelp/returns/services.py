"""Producing the Children in Need census: one service for the page, the API and the command.

A run is first recorded as running, with its audit event (who, when, which year), so only one
runs for a year at a time; ``run_production`` then reads the records (writing its progress to
the row every few hundred children) and keeps what it found, or marks the run failed. The page
runs it in a background thread (``begin_census``); the command and the API wait for it."""

import contextlib
import gzip
import io
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit

from .cin_census import produce, schema
from .cin_census.period import CensusPeriod, last_complete_year
from .models import CensusProduction

logger = logging.getLogger(__name__)

NO_SUCH_YEAR = "Choose a collection year righthelp has the census schema for: {years}."
NOT_ENDED = "The collection year {year} has not ended yet: it ends on 31 March {year}."
ALREADY_RUNNING = ("The census for {period} is already being produced (started at {started}). "
                   "Wait for it to finish: it is listed under Recent runs.")
ALREADY_RUNNING_NOW = ("The census for this year was being produced: look under Recent runs "
                       "before producing it again.")
STOPPED = ("The run stopped without finishing, most likely because righthelp was restarted. "
           "Produce the census again.")
STOPPED_AFTER = timedelta(minutes=30)  # with no progress reported: the thread has gone
PROGRESS_EVERY = 500  # children read between writes of the progress to the row
CHUNK = 1 << 20


def census_years() -> list[int]:
    """The collection years that can be produced: a schema exists and the year has ended."""
    latest = last_complete_year(timezone.localdate())
    return sorted((y for y in schema.SCHEMAS if y <= latest), reverse=True)


def check_year(year: int) -> None:
    if year not in schema.SCHEMAS:
        years = ", ".join(str(y) for y in sorted(schema.SCHEMAS))
        raise ValidationError({"year": NO_SUCH_YEAR.format(years=years)})
    if year > last_complete_year(timezone.localdate()):
        raise ValidationError({"year": NOT_ENDED.format(year=year)})


def produce_census(*, user, year: int, check_only: bool = False, channel: str = "page",
                   request: HttpRequest | None = None, output: Path | None = None,
                   progress: Callable[[int, int], None] | None = None) -> CensusProduction:
    """Extract, check and write the census for ``year`` while the caller waits (the command and
    the API); keep what it found and the file. A failure marks the run failed and is raised."""
    production = start_census(user=user, year=year, check_only=check_only, channel=channel,
                              request=request)
    return run_production(production.pk, output=output, progress=progress)


def start_census(*, user, year: int, check_only: bool = False, channel: str = "page",
                 request: HttpRequest | None = None) -> CensusProduction:
    """Record a run of the census for ``year`` as running, with its audit event (who, when,
    which year); refused while another run for the year is running. ``run_production`` then
    does the work, on the page in the background (``begin_census``)."""
    check_year(year)
    expire_stopped_runs()
    try:
        with transaction.atomic():
            running = CensusProduction.objects.filter(
                year=year, status=CensusProduction.Status.RUNNING).select_related(
                "produced_by").first()
            if running is not None:
                raise ValidationError({"year": already_running(running)})
            now = timezone.now()
            production = CensusProduction.objects.create(
                year=year, status=CensusProduction.Status.RUNNING,
                produced_by=user if user is not None and user.is_authenticated else None,
                channel=channel, started_at=now, progress_at=now, check_only=check_only,
                serial=CensusProduction.objects.filter(year=year).count() + 1,
                schema_file=schema.census_schema(year).filename)
            audit.record(user=user, action=audit.Action.CREATE, request=request,
                         obj=production, channel=channel, detail={
                             "return": "CIN census", "year": year, "check_only": check_only})
    except IntegrityError as error:  # another run for the year began at the same moment
        running = CensusProduction.objects.filter(
            year=year, status=CensusProduction.Status.RUNNING).first()
        raise ValidationError({"year": already_running(running)}) from error
    return production


def already_running(running: CensusProduction | None) -> str:
    if running is None:  # it finished between the refusal and this look
        return ALREADY_RUNNING_NOW
    by = running.produced_by
    who = f" by {by.get_full_name() or by.username}" if by else ""
    return ALREADY_RUNNING.format(
        period=CensusPeriod(running.year).label,
        started=f"{timezone.localtime(running.started_at):%H:%M on %-d %B %Y}{who}")


def begin_census(production: CensusProduction) -> None:
    """Run a production made by ``start_census``: in a background thread (the page), or here
    and now when ``RETURNS_CENSUS_IN_BACKGROUND`` is off (the tests). The thread starts once
    the running row is committed, and closes its own database connection when done."""
    if not getattr(settings, "RETURNS_CENSUS_IN_BACKGROUND", True):
        with contextlib.suppress(Exception):  # recorded on the row as failed
            run_production(production.pk)
        return
    transaction.on_commit(lambda: threading.Thread(
        target=_run_in_thread, args=(production.pk,), daemon=True,
        name=f"cin-census-{production.pk}").start())


def _run_in_thread(pk: int) -> None:
    try:
        run_production(pk)
    except Exception:  # noqa: BLE001 - run_production logged it and marked the run failed
        pass
    finally:
        connection.close()


class _Progress:
    """Passes each ``(done, total)`` on, and writes it to the row every ``every`` children
    (and at the end), not once per child."""

    def __init__(self, pk: int, every: int, then: Callable[[int, int], None] | None):
        self.pk, self.every, self.then, self.written = pk, every, then, 0

    def __call__(self, done: int, total: int) -> None:
        if done - self.written >= self.every or done == total:
            self.written = done
            CensusProduction.objects.filter(pk=self.pk).update(
                children_done=done, children_total=total, progress_at=timezone.now())
        if self.then is not None:
            self.then(done, total)


def run_production(pk: int, *, output: Path | None = None,
                   progress: Callable[[int, int], None] | None = None) -> CensusProduction:
    """Read the records, check and write the census for a running production, then keep its
    counts, failures and file and mark it finished, in one transaction. If anything fails the
    run is marked failed with the reason, keeping nothing it found, and the error is raised."""
    production = CensusProduction.objects.get(pk=pk, status=CensusProduction.Status.RUNNING)
    tracker = _Progress(pk, PROGRESS_EVERY, progress)
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "census.xml"
            outcome = produce.from_records(production.year, path,
                                           timezone.localtime(production.started_at),
                                           production.serial, tracker)
            size = path.stat().st_size
            packed = None if production.check_only else _gzip(path)
            if output is not None:
                shutil.copyfile(path, output)
        production.status = CensusProduction.Status.FINISHED
        production.finished_at = timezone.now()
        production.children, production.episodes = outcome.children, outcome.episodes
        production.children_done = production.children_total = outcome.children
        production.errors, production.queries = len(outcome.errors), len(outcome.queries)
        production.schema_errors = [str(e) for e in outcome.schema_errors]
        production.failures = [f.as_dict() for f in outcome.failures]
        production.xml_gz, production.xml_bytes = packed, size
        with transaction.atomic():
            production.save()
    except BaseException as error:  # an interrupted command too: the year must not stay blocked
        logger.exception("The CIN census run %s for %s failed", pk, production.year)
        CensusProduction.objects.filter(pk=pk).update(
            status=CensusProduction.Status.FAILED, finished_at=timezone.now(),
            error=describe(error), xml_gz=None, failures=[], schema_errors=[])
        raise
    return production


def describe(error: BaseException) -> str:
    return (f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)[:2000]


def expire_stopped_runs() -> int:
    """Mark failed the runs that have reported no progress for ``STOPPED_AFTER``: their
    thread ended with the server (a restart or a deploy) and they will never finish."""
    return CensusProduction.objects.filter(
        status=CensusProduction.Status.RUNNING,
        progress_at__lt=timezone.now() - STOPPED_AFTER).update(
        status=CensusProduction.Status.FAILED, finished_at=timezone.now(), error=STOPPED)


def _gzip(path: Path) -> bytes:
    buffer = io.BytesIO()
    with path.open("rb") as source, gzip.GzipFile(fileobj=buffer, mode="wb") as packed:
        shutil.copyfileobj(source, packed, CHUNK)
    return buffer.getvalue()


def record_download(*, user, production: CensusProduction,
                    request: HttpRequest | None = None) -> None:
    """The census file names every child in it: each download is on the audit trail."""
    with transaction.atomic():
        audit.record(user=user, action=audit.Action.VIEW, request=request, obj=production,
                     detail={"return": "CIN census", "year": production.year,
                             "download": production.filename})


def record_result_view(*, user, production: CensusProduction, children: int, named: int,
                       request: HttpRequest | None = None) -> None:
    """A finished census's failures list children (by LA child ID, and by name for those the
    reader may open): each look at them is on the audit trail, as a download is."""
    with transaction.atomic():
        audit.record(user=user, action=audit.Action.VIEW, request=request, obj=production,
                     detail={"return": "CIN census", "year": production.year,
                             "children_listed": children, "children_named": named})


def file_chunks(production: CensusProduction):
    """The census file, decompressed a chunk at a time."""
    with gzip.GzipFile(fileobj=io.BytesIO(bytes(production.xml_gz)), mode="rb") as packed:
        while chunk := packed.read(CHUNK):
            yield chunk
