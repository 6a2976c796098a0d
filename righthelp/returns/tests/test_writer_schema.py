"""The census XML: DfE's element names in DfE's order, and checked against the schema for
2025-26 (``schemas/cin_census_2025_26.xsd``: DfE's CIN census schema 2023-24 with two commented
changes; ``test_dfe_schema`` checks the file against DfE's own schema unchanged)."""

import io

from lxml import etree

from righthelp.returns.cin_census import schema
from righthelp.returns.cin_census.writer import write_census

from .factories import good_child, header

CHILD_ORDER = ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"]
EPISODE_ORDER = ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                 "ReasonForClosure", "Assessments", "CINPlanDates", "Section47", "ReferralNFA",
                 "ChildProtectionPlans"]


def written(*children) -> bytes:
    out = io.BytesIO()
    write_census(out, header(), children)
    return out.getvalue()


def check(tmp_path, *children):
    path = tmp_path / "census.xml"
    path.write_bytes(written(*children))
    return schema.check(path, 2026)


def test_elements_are_named_and_ordered_as_the_census_expects():
    root = etree.fromstring(written(good_child()))
    assert [e.tag for e in root] == ["Header", "Children"]
    assert [e.tag for e in root.find("Header/CollectionDetails")] == [
        "Collection", "Year", "ReferenceDate"]
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2026-03-31"
    assert [e.tag for e in root.find("Header/Source")] == [
        "SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"]
    child = root.find("Children/Child")
    assert [e.tag for e in child] == CHILD_ORDER
    assert [e.tag for e in child.find("ChildIdentifiers")] == [
        "LAchildID", "UPN", "PersonBirthDate", "Sex"]
    assert [e.tag for e in child.find("CINdetails")] == EPISODE_ORDER
    assert [e.tag for e in child.find("CINdetails/Section47")] == [
        "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"]
    assert [e.tag for e in child.find("CINdetails/ChildProtectionPlans")] == [
        "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP", "Reviews"]
    assert [e.text for e in child.findall("CINdetails/ChildProtectionPlans/Reviews/"
                                          "CPPreviewDate")] == ["2025-08-22", "2025-11-28"]
    assert child.findtext("CINdetails/ReferralNFA") == "false"
    assert [e.text for e in child.findall("CINdetails/Assessments/"
                                          "FactorsIdentifiedAtAssessment/AssessmentFactors")] \
        == ["3B", "16A"]


def test_the_written_file_is_valid_against_the_schema(tmp_path):
    assert check(tmp_path, good_child(), good_child()) == []


def test_schema_errors_name_the_line_and_the_problem(tmp_path):
    child = good_child()
    child.identifiers.sex = "X"
    child.episodes[0].referral_source = ""
    errors = check(tmp_path, good_child(), child)
    lines = written(good_child(), child).decode().splitlines()
    sex = next(e for e in errors if "'X'" in e.message)
    assert "<Sex>X</Sex>" in lines[int(sex.where.removeprefix("line ")) - 1]
    assert any("ReferralSource" in e.message for e in errors)


def test_an_empty_return_is_not_valid(tmp_path):
    assert check(tmp_path)


def test_a_year_without_a_schema_is_refused():
    import pytest
    with pytest.raises(ValueError, match="no census schema"):
        schema.schema_for(2019)
