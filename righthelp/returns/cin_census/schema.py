"""Checks a census file against the schema for its collection year, streaming it so a large
council's file is never held whole."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

HERE = Path(__file__).parent / "schema"
# Collection year (the year the period ends) -> our schema for it. See schema/README.md.
SCHEMAS = {2026: HERE / "cin_census_2025_26.xsd"}
NO_SCHEMA = "There is no census schema for the collection year {year}."


@dataclass(frozen=True, slots=True)
class SchemaError:
    where: str  # the element's path in the file (or its line)
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def schema_for(year: int) -> etree.XMLSchema:
    if year not in SCHEMAS:
        raise ValueError(NO_SCHEMA.format(year=year))
    return _load(SCHEMAS[year])


@lru_cache(maxsize=4)
def _load(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def check(source: str | Path, year: int, limit: int = 50) -> list[SchemaError]:
    """Schema errors in the file (at most ``limit``); an empty list means it is valid.

    The file is streamed; only if it is not valid is it read whole, to name every error with
    its line (a streaming check stops at the first)."""
    schema = schema_for(year)
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
