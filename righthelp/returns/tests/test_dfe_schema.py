"""DfE's CIN census schema, and righthelp's schema derived from it for 2025-26.

``schemas/dfe_CIN_schema_2024.xsd`` is DfE's schema for 2023-24 as published (Open Government
Licence v3, as republished in Social Finance's liia-tools). ``schemas/cin_census_2025_26.xsd``
is that file with two commented changes: these tests hold it to exactly those two."""

import hashlib
import io

from lxml import etree

from righthelp.returns.cin_census import schema
from righthelp.returns.cin_census.writer import write_census

from .dfe import as_2023_24, beyond_the_named_changes, errors_against_dfe_2024
from .factories import good_child, header

# DfE's file from its XML declaration to its end, as republished (31,772 characters): the
# source comment we add after the declaration is left out.
DFE_SHA256 = "8e142054a401d6ebc285625c68c3726a6b8f3855ab360851e550a7916c07123b"
CHANGED = {"childidentifierstype", "childprotectionplanstype",  # elements in them changed
           "gendertype", "sextype",  # change 1: sextype replaces gendertype
           "positiveintegertype"}  # change 2: DfE's 2022-23 type, restored


def dfe_text() -> str:
    text = schema.DFE_2024.path.read_text(encoding="utf-8")
    start, end = text.index("<!--"), text.index("-->\n") + len("-->\n")
    return text[:start] + text[end:]


def components(text: str) -> dict[str, bytes]:
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=True)
    root = etree.fromstring(text.encode(), parser)
    return {element.get("name"): etree.tostring(element) for element in root}


def test_dfes_schema_is_shipped_unchanged_with_its_source_named():
    text = schema.DFE_2024.path.read_text(encoding="utf-8")
    comment = text[text.index("<!--"):text.index("-->")]
    assert "Open Government Licence v3" in comment and "liia-tools" in comment
    assert "2023-24" in comment
    body = dfe_text()
    assert len(body) == 31772
    assert hashlib.sha256(body.encode()).hexdigest() == DFE_SHA256
    schema.load(schema.DFE_2024)  # a valid XSD


def test_the_derived_schema_is_dfes_with_only_the_two_named_changes():
    dfe = components(dfe_text())
    ours = components(schema.DERIVED_2026.path.read_text(encoding="utf-8"))
    assert {name for name in dfe.keys() | ours.keys() if dfe.get(name) != ours.get(name)} \
        == CHANGED
    assert ours["childidentifierstype"] == dfe["childidentifierstype"].replace(
        b'name="GenderCurrent" type="gendertype"', b'name="Sex" type="sextype"')
    assert ours["childprotectionplanstype"] == dfe["childprotectionplanstype"].replace(
        b'type="xs:positiveInteger"', b'type="positiveintegertype"')
    assert "gendertype" not in ours and "sextype" not in dfe
    sexes = etree.fromstring(ours["sextype"]).findall(".//{*}enumeration")
    assert [e.get("value") for e in sexes] == ["M", "F", "U"]
    restored = etree.fromstring(ours["positiveintegertype"])
    assert restored.find("{*}restriction").get("base") == "xs:integer"
    assert restored.find(".//{*}minInclusive").get("value") == "0"
    text = schema.DERIVED_2026.path.read_text(encoding="utf-8")
    assert text.count("righthelp change 1") == 2 and text.count("righthelp change 2") == 2


def test_the_2025_26_census_is_checked_against_the_derived_schema():
    assert schema.SCHEMAS[2026] is schema.DERIVED_2026
    assert schema.DERIVED_2026.filename == "cin_census_2025_26.xsd"
    assert "derived from the Department for Education's CIN census schema 2023-24" in str(
        schema.DERIVED_2026)


def written(*children) -> etree._ElementTree:
    out = io.BytesIO()
    write_census(out, header(), children)
    return etree.ElementTree(etree.fromstring(out.getvalue()))


def test_the_writers_file_is_valid_against_dfes_own_schema_but_for_the_named_changes():
    """A child with a previous plan: nothing of change 2 in the file, so with Sex put back as
    GenderCurrent (change 1) the file is valid against DfE's schema exactly as published."""
    child = good_child()
    child.episodes[0].cp_plans[0].previous_plans = 1
    assert errors_against_dfe_2024(written(child, good_child())) == [
        "Element 'NumberOfPreviousCPP': '0' is not a valid value of the atomic type "
        "'xs:positiveInteger'."]
    assert errors_against_dfe_2024(written(child)) == []


def test_putting_sex_back_as_gender_current_is_all_change_1_needs():
    tree = as_2023_24(written(good_child()))
    assert tree.findtext(".//GenderCurrent") == "2" and tree.find(".//Sex") is None
    assert beyond_the_named_changes(errors_against_dfe_2024(written(good_child()))) == []
