"""Producing the Children in Need census: one service for the page, the API and the command,
in one transaction with its audit event (who, when, which year)."""

import gzip
import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit

from .cin_census import produce, schema
from .cin_census.period import last_complete_year
from .models import CensusProduction

NO_SUCH_YEAR = "Choose a collection year righthelp has the census schema for: {years}."
NOT_ENDED = "The collection year {year} has not ended yet: it ends on 31 March {year}."
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
    """Extract, check and write the census for ``year``; keep what it found and the file."""
    check_year(year)
    started = timezone.now()
    serial = CensusProduction.objects.filter(year=year).count() + 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "census.xml"
        outcome = produce.from_records(year, path, timezone.localtime(started), serial, progress)
        size = path.stat().st_size
        packed = None if check_only else _gzip(path)
        if output is not None:
            shutil.copyfile(path, output)
    with transaction.atomic():
        production = CensusProduction.objects.create(
            year=year, produced_by=user if user is not None and user.is_authenticated else None,
            channel=channel, started_at=started, finished_at=timezone.now(),
            check_only=check_only, serial=serial, children=outcome.children,
            episodes=outcome.episodes, errors=len(outcome.errors), queries=len(outcome.queries),
            schema_errors=[str(e) for e in outcome.schema_errors],
            schema_file=schema.census_schema(year).filename,
            failures=[f.as_dict() for f in outcome.failures], xml_gz=packed,
            xml_bytes=size)
        audit.record(user=user, action=audit.Action.CREATE, request=request, obj=production,
                     channel=channel, detail={
                         "return": "CIN census", "year": year, "children": outcome.children,
                         "errors": production.errors, "queries": production.queries,
                         "schema_errors": len(production.schema_errors),
                         "schema_file": production.schema_file,
                         "check_only": check_only})
    return production


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


def file_chunks(production: CensusProduction):
    """The census file, decompressed a chunk at a time."""
    with gzip.GzipFile(fileobj=io.BytesIO(bytes(production.xml_gz)), mode="rb") as packed:
        while chunk := packed.read(CHUNK):
            yield chunk
