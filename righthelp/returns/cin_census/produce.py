"""One pass over the records: extract each child, check DfE's rules on it, write it to the
file; then the whole-return rules and the schema check of the written file."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings

from . import extract, schema
from .period import CensusPeriod
from .records import Child, Header
from .rules import Failure, Validator
from .schema import SchemaError
from .writer import write_census

SOFTWARE_CODE = "righthelp"
RELEASE = "1.0"
DEFAULT_LA_NUMBER = "890"  # Blackpool; set DFE_LA_NUMBER in the settings for another council


def la_number() -> str:
    return str(getattr(settings, "DFE_LA_NUMBER", DEFAULT_LA_NUMBER))


def header_for(year: int, produced_at: datetime, serial: int = 1) -> Header:
    return Header(year=year, reference_date=CensusPeriod(year).end, la_number=la_number(),
                  software_code=SOFTWARE_CODE, release=RELEASE, serial_no=f"{serial:03d}",
                  produced_at=produced_at)


@dataclass
class Outcome:
    header: Header
    children: int = 0
    episodes: int = 0
    failures: list[Failure] = field(default_factory=list)
    schema_errors: list[SchemaError] = field(default_factory=list)

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if not f.is_query]

    @property
    def queries(self) -> list[Failure]:
        return [f for f in self.failures if f.is_query]


def run(header: Header, children: Iterable[Child], out: Path) -> Outcome:
    """Check and write ``children`` to ``out``; the file is then checked against the schema."""
    outcome = Outcome(header)
    validator = Validator(header)

    def checked() -> Iterator[Child]:
        for child in children:
            outcome.failures.extend(validator.check(child))
            outcome.episodes += len(child.episodes)
            yield child

    outcome.children = write_census(str(out), header, checked())
    outcome.failures.extend(validator.finish())
    outcome.schema_errors = schema.check(str(out), header.year)
    return outcome


def from_records(year: int, out: Path, produced_at: datetime, serial: int = 1,
                 progress: Callable[[int, int], None] | None = None) -> Outcome:
    """The census for ``year`` from the case records."""
    period = CensusPeriod(year)
    return run(header_for(year, produced_at, serial), extract.children(period, progress), out)
