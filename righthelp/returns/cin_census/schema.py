"""Checks a census file against the schema for its collection year, streaming it so a large
council's file is never held whole.

The schemas live in ``righthelp/returns/schemas/`` (see its README):

- ``dfe_CIN_schema_2024.xsd`` is the Department for Education's CIN census schema for 2023-24,
  unchanged (Open Government Licence v3, as republished in Social Finance's liia-tools).
- ``cin_census_2025_26.xsd`` is that schema with two commented changes for 2025-26 (Sex in
  place of GenderCurrent; NumberOfPreviousCPP may be 0). A file is checked against it.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent.parent / "schemas"
DFE_SOURCE = ("the Department for Education's CIN census schema 2023-24 (Open Government "
              "Licence v3), as republished in Social Finance's liia-tools")


@dataclass(frozen=True, slots=True)
class CensusSchema:
    filename: str
    source: str  # where it comes from, in words for the page and the command

    @property
    def path(self) -> Path:
        return HERE / self.filename

    def __str__(self) -> str:
        return f"{self.filename} ({self.source})"


DFE_2024 = CensusSchema("dfe_CIN_schema_2024.xsd", f"{DFE_SOURCE}, unchanged")
DERIVED_2026 = CensusSchema(
    "cin_census_2025_26.xsd",
    f"derived from {DFE_SOURCE} (dfe_CIN_schema_2024.xsd), with two changes for 2025-26, "
    "each commented in the file: Sex (M, F or U) in place of GenderCurrent, and "
    "NumberOfPreviousCPP may be 0")
# Collection year (the year the period ends) -> the schema a file for it is checked against.
SCHEMAS = {2026: DERIVED_2026}
BY_FILENAME = {s.filename: s for s in (DFE_2024, *SCHEMAS.values())}
NO_SCHEMA = "There is no census schema for the collection year {year}."


@dataclass(frozen=True, slots=True)
class SchemaError:
    where: str  # the element's path in the file (or its line)
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def census_schema(year: int) -> CensusSchema:
    if year not in SCHEMAS:
        raise ValueError(NO_SCHEMA.format(year=year))
    return SCHEMAS[year]


def schema_for(year: int) -> etree.XMLSchema:
    return load(census_schema(year))


def load(which: CensusSchema) -> etree.XMLSchema:
    return _load(which.path)


@lru_cache(maxsize=4)
def _load(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def check(source: str | Path, year: int, limit: int = 50) -> list[SchemaError]:
    """Schema errors in the file against its year's schema (at most ``limit``)."""
    return check_against(source, census_schema(year), limit)


def check_against(source: str | Path, which: CensusSchema,
                  limit: int = 50) -> list[SchemaError]:
    """Schema errors in the file (at most ``limit``); an empty list means it is valid.

    The file is streamed; only if it is not valid is it read whole, to name every error with
    its line (a streaming check stops at the first)."""
    schema = load(which)
    try:
        for _, element in etree.iterparse(str(source), events=("end",), schema=schema):
            if element.tag == "Child":
                element.clear(keep_tail=True)
        return []
    except etree.XMLSyntaxError as error:
        first = SchemaError(f"line {error.lineno}", str(error.msg))
    try:
        tree = etree.parse(str(source))
    except etree.XMLSyntaxError:
        return [first]  # not even well-formed
    schema.validate(tree)
    found = [SchemaError(f"line {entry.line}", entry.message) for entry in schema.error_log]
    return (found or [first])[:limit]
