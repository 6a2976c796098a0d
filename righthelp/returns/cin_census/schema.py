"""Checks a census file against the schema for its collection year, streaming it so a large
council's file is never held whole."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO

from lxml import etree

HERE = Path(__file__).parent / "schema"
# Collection year (the year the period ends) -> our schema for it. See schema/README.md.
SCHEMAS = {2026: HERE / "cin_census_2025_26.xsd"}
NO_SCHEMA = "There is no census schema for the collection year {year}."


@dataclass(frozen=True, slots=True)
class SchemaError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def schema_for(year: int) -> etree.XMLSchema:
    if year not in SCHEMAS:
        raise ValueError(NO_SCHEMA.format(year=year))
    return _load(SCHEMAS[year])


@lru_cache(maxsize=4)
def _load(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def check(source: str | Path | IO[bytes], year: int, limit: int = 50) -> list[SchemaError]:
    """Schema errors in the file (at most ``limit``); an empty list means it is valid."""
    schema = schema_for(year)
    try:
        for _, element in etree.iterparse(source, events=("end",), schema=schema):
            if element.tag == "Child":
                element.clear(keep_tail=True)
    except etree.XMLSyntaxError as error:
        found = [SchemaError(entry.line, entry.message) for entry in error.error_log]
        return (found or [SchemaError(error.lineno or 0, str(error))])[:limit]
    return []
