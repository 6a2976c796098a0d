"""Load postcode centre points from an open data file (``manage.py load_postcodes <file>``).

Any council loads its own file. Three layouts are understood, recognised from the first row:

- a CSV with a header naming a postcode column (``postcode``, ``pcds``, ``pcd``...) and either
  ``latitude``/``longitude`` (``lat``/``long``, as in the ONS Postcode Directory) or
  ``easting``/``northing`` (``oseast1m``/``osnrth1m``); an optional local authority column
  (``laua``, ``lad25cd``, ``admin_district_code``...) lets ``local_authority`` keep one
  council's rows from a national file;
- Ordnance Survey Code-Point Open's headerless CSV (postcode, quality, easting, northing, ...,
  admin district code in the ninth column).

Loading is idempotent: a postcode already held is updated only if its point moved. Rows that
cannot be read are reported with their line number and field, and skipped.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from righthelp.core import audit

from .geo import district_of, grid_to_latlon, normalise_postcode
from .models import Postcode

PROGRESS_EVERY = 10_000
BATCH = 2_000
LOOKUP_CHUNK = 900

POSTCODE_COLUMNS = ("postcode", "pcds", "pcd", "pcd7", "pcd8", "pcd2")
LATITUDE_COLUMNS = ("latitude", "lat")
LONGITUDE_COLUMNS = ("longitude", "long", "lon", "lng")
EASTING_COLUMNS = ("easting", "eastings", "oseast1m", "east1m")
NORTHING_COLUMNS = ("northing", "northings", "osnrth1m", "north1m")
AUTHORITY_COLUMNS = ("local_authority", "laua", "lad25cd", "lad24cd", "lad23cd", "lad22cd",
                     "admin_district_code", "lad")
CODE_POINT_AUTHORITY = 8  # Code-Point Open: Admin_district_code is the ninth column

NO_POSTCODE_COLUMN = (
    "The file's first row names no postcode column (postcode, pcds or pcd), and the file is not "
    "in Code-Point Open's layout (postcode, quality, easting, northing, ...)."
)
NO_POINT_COLUMNS = (
    "The file's header names neither latitude and longitude (lat, long) nor easting and "
    "northing (oseast1m, osnrth1m)."
)
BAD_POSTCODE = "'{value}' is not a full UK postcode, like FY1 5AB."
NOT_A_NUMBER = "'{value}' is not a number."
OUT_OF_RANGE = "{value} is outside Great Britain and Northern Ireland."
NO_POINT = "The postcode has no grid reference (it may be a PO box or no longer in use)."
TOO_FEW_COLUMNS = "The row has {count} columns; this file's rows need at least {needed}."


class PostcodeFileError(Exception):
    """The file as a whole cannot be read (its layout is not one we know)."""


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}, {self.field}: {self.message}"


@dataclass
class LoadReport:
    source: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    other_authority: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def loaded(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class _Layout:
    postcode: int
    latitude: int | None = None
    longitude: int | None = None
    easting: int | None = None
    northing: int | None = None
    authority: int | None = None
    header: bool = True

    @property
    def needed(self) -> int:
        return 1 + max(i for i in (self.postcode, self.latitude, self.longitude, self.easting,
                                   self.northing) if i is not None)


def _find(names: list[str], wanted: tuple[str, ...]) -> int | None:
    for candidate in wanted:
        if candidate in names:
            return names.index(candidate)
    return None


def _layout(first_row: list[str]) -> _Layout:
    if first_row and normalise_postcode(first_row[0]) and len(first_row) >= 4:
        return _Layout(postcode=0, easting=2, northing=3, header=False,
                       authority=CODE_POINT_AUTHORITY if len(first_row) > 8 else None)
    names = [cell.strip().lower() for cell in first_row]
    postcode = _find(names, POSTCODE_COLUMNS)
    if postcode is None:
        raise PostcodeFileError(NO_POSTCODE_COLUMN)
    lat, lon = _find(names, LATITUDE_COLUMNS), _find(names, LONGITUDE_COLUMNS)
    east, north = _find(names, EASTING_COLUMNS), _find(names, NORTHING_COLUMNS)
    authority = _find(names, AUTHORITY_COLUMNS)
    if lat is not None and lon is not None:
        return _Layout(postcode=postcode, latitude=lat, longitude=lon, authority=authority)
    if east is not None and north is not None:
        return _Layout(postcode=postcode, easting=east, northing=north, authority=authority)
    raise PostcodeFileError(NO_POINT_COLUMNS)


def _number(row: list[str], index: int, name: str, line: int,
            low: float, high: float) -> float | RowError:
    value = row[index].strip()
    try:
        number = float(value)
    except ValueError:
        return RowError(line, name, NOT_A_NUMBER.format(value=value) if value else NO_POINT)
    if not low <= number <= high:
        return RowError(line, name, NO_POINT if number in (99.999999, 0.0)
                        else OUT_OF_RANGE.format(value=value))
    return number


def _read_point(row: list[str], layout: _Layout, line: int) -> tuple[float, float] | RowError:
    if layout.latitude is not None:
        lat = _number(row, layout.latitude, "latitude", line, 49.0, 61.0)
        if isinstance(lat, RowError):
            return lat
        lon = _number(row, layout.longitude, "longitude", line, -9.0, 2.5)
        return lon if isinstance(lon, RowError) else (lat, lon)
    east = _number(row, layout.easting, "easting", line, 1.0, 700_000.0)
    if isinstance(east, RowError):
        return east
    north = _number(row, layout.northing, "northing", line, 1.0, 1_300_000.0)
    if isinstance(north, RowError):
        return north
    lat, lon = grid_to_latlon(east, north)
    return round(lat, 6), round(lon, 6)


def _rows(lines: Iterable[str]) -> Iterable[tuple[int, list[str]]]:
    for number, row in enumerate(csv.reader(lines), start=1):
        if row and any(cell.strip() for cell in row):
            yield number, row


def load_postcodes(source: str | Path | io.TextIOBase, *, local_authority: str = "",
                   progress: Callable[[str], None] | None = None) -> LoadReport:
    """Load (or refresh) postcode centres from ``source``; see the module's docstring."""
    if isinstance(source, str | Path):
        with open(source, encoding="utf-8-sig", newline="") as handle:
            return load_postcodes(handle, local_authority=local_authority, progress=progress)
    name = str(getattr(source, "name", "file"))
    report = LoadReport(source=Path(name).name)
    rows = _rows(source)
    first = next(rows, None)
    if first is None:
        return report
    layout = _layout(first[1])
    pending: dict[str, tuple[float, float]] = {}
    with transaction.atomic():
        if not layout.header:
            _take(first, layout, local_authority, report, pending)
        for item in rows:
            _take(item, layout, local_authority, report, pending)
            if progress and report.rows % PROGRESS_EVERY == 0:
                progress(f"{report.rows:,} rows read, {len(report.errors)} refused")
        _save(pending, report)
        audit.record(user=None, action=audit.Action.CHANGE, channel="command",
                     detail={"postcodes_loaded_from": report.source, "rows": report.rows,
                             "created": report.created, "updated": report.updated,
                             "refused": len(report.errors)})
    return report


def _take(item: tuple[int, list[str]], layout: _Layout, local_authority: str,
          report: LoadReport, pending: dict[str, tuple[float, float]]) -> None:
    line, row = item
    report.rows += 1
    if len(row) < layout.needed:
        report.errors.append(RowError(line, "row", TOO_FEW_COLUMNS.format(
            count=len(row), needed=layout.needed)))
        return
    if (local_authority and layout.authority is not None and len(row) > layout.authority
            and row[layout.authority].strip() != local_authority):
        report.other_authority += 1
        return
    postcode = normalise_postcode(row[layout.postcode])
    if postcode is None:
        report.errors.append(RowError(line, "postcode", BAD_POSTCODE.format(
            value=row[layout.postcode].strip())))
        return
    point = _read_point(row, layout, line)
    if isinstance(point, RowError):
        report.errors.append(point)
        return
    pending[postcode] = point


def _save(pending: dict[str, tuple[float, float]], report: LoadReport) -> None:
    existing: dict[str, Postcode] = {}
    codes = list(pending)
    for start in range(0, len(codes), LOOKUP_CHUNK):  # within any database's parameter limit
        chunk = codes[start:start + LOOKUP_CHUNK]
        existing.update((p.postcode, p) for p in Postcode.objects.filter(postcode__in=chunk))
    new, changed = [], []
    for postcode, (lat, lon) in pending.items():
        held = existing.get(postcode)
        if held is None:
            new.append(Postcode(postcode=postcode, district=district_of(postcode),
                                latitude=lat, longitude=lon, source=report.source))
        elif (round(held.latitude, 6), round(held.longitude, 6)) != (lat, lon):
            held.latitude, held.longitude, held.source = lat, lon, report.source
            changed.append(held)
        else:
            report.unchanged += 1
    Postcode.objects.bulk_create(new, batch_size=BATCH)
    Postcode.objects.bulk_update(changed, ["latitude", "longitude", "source"], batch_size=BATCH)
    report.created, report.updated = len(new), len(changed)
