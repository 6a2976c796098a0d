"""Writes the census as DfE's CIN census XML, one child at a time.

The elements and their order are DfE's (see ``righthelp/returns/schemas/``). The file is streamed
with lxml's incremental writer: each child is built, written and dropped, so a large council's
return never sits in memory whole. Empty values are left out, as the schema expects.
"""

from collections.abc import Iterable
from datetime import date
from typing import IO

from lxml import etree

from .records import Child, CINDetails, Header


def _text(parent: etree._Element, tag: str, value) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, date):
        value = value.isoformat()
    etree.SubElement(parent, tag).text = str(value)


def header_element(header: Header) -> etree._Element:
    element = etree.Element("Header")
    details = etree.SubElement(element, "CollectionDetails")
    _text(details, "Collection", header.collection)
    _text(details, "Year", header.year)
    _text(details, "ReferenceDate", header.reference_date)
    source = etree.SubElement(element, "Source")
    _text(source, "SourceLevel", header.source_level)
    _text(source, "LEA", header.la_number)
    _text(source, "SoftwareCode", header.software_code)
    _text(source, "Release", header.release)
    _text(source, "SerialNo", header.serial_no)
    _text(source, "DateTime", header.produced_at.replace(microsecond=0).isoformat())
    return element


def _episode(parent: etree._Element, episode: CINDetails) -> None:
    element = etree.SubElement(parent, "CINdetails")
    _text(element, "CINreferralDate", episode.referral_date)
    _text(element, "ReferralSource", episode.referral_source)
    _text(element, "PrimaryNeedCode", episode.primary_need)
    _text(element, "CINclosureDate", episode.closure_date)
    _text(element, "ReasonForClosure", episode.closure_reason)
    _text(element, "DateOfInitialCPC", episode.icpc_date)
    for assessment in episode.assessments:
        block = etree.SubElement(element, "Assessments")
        _text(block, "AssessmentActualStartDate", assessment.start)
        _text(block, "AssessmentInternalReviewDate", assessment.internal_review)
        _text(block, "AssessmentAuthorisationDate", assessment.authorised)
        if assessment.factors:
            factors = etree.SubElement(block, "FactorsIdentifiedAtAssessment")
            for code in assessment.factors:
                _text(factors, "AssessmentFactors", code)
    for plan in episode.cin_plans:
        block = etree.SubElement(element, "CINPlanDates")
        _text(block, "CINPlanStartDate", plan.start)
        _text(block, "CINPlanEndDate", plan.end)
    for enquiry in episode.section47s:
        block = etree.SubElement(element, "Section47")
        _text(block, "S47ActualStartDate", enquiry.start)
        _text(block, "InitialCPCtarget", enquiry.icpc_target)
        _text(block, "DateOfInitialCPC", enquiry.icpc_date)
        _text(block, "ICPCnotRequired", enquiry.icpc_not_required)
    _text(element, "ReferralNFA", episode.referral_nfa)
    for plan in episode.cp_plans:
        block = etree.SubElement(element, "ChildProtectionPlans")
        _text(block, "CPPstartDate", plan.start)
        _text(block, "CPPendDate", plan.end)
        _text(block, "InitialCategoryOfAbuse", plan.initial_category)
        _text(block, "LatestCategoryOfAbuse", plan.latest_category)
        _text(block, "NumberOfPreviousCPP", plan.previous_plans)
        if plan.reviews:
            reviews = etree.SubElement(block, "Reviews")
            for day in plan.reviews:
                _text(reviews, "CPPreviewDate", day)


def child_element(child: Child) -> etree._Element:
    element = etree.Element("Child")
    ids = etree.SubElement(element, "ChildIdentifiers")
    who = child.identifiers
    _text(ids, "LAchildID", who.la_child_id)
    _text(ids, "UPN", who.upn)
    _text(ids, "FormerUPN", who.former_upn)
    _text(ids, "UPNunknown", who.upn_unknown)
    _text(ids, "PersonBirthDate", who.birth_date)
    _text(ids, "ExpectedPersonBirthDate", who.expected_birth_date)
    _text(ids, "Sex", who.sex)
    _text(ids, "PersonDeathDate", who.death_date)
    characteristics = etree.SubElement(element, "ChildCharacteristics")
    _text(characteristics, "Ethnicity", child.characteristics.ethnicity)
    if child.characteristics.disabilities:
        disabilities = etree.SubElement(characteristics, "Disabilities")
        for code in child.characteristics.disabilities:
            _text(disabilities, "Disability", code)
    for episode in child.episodes:
        _episode(element, episode)
    return element


def write_census(out: str | IO[bytes], header: Header, children: Iterable[Child],
                 flush_every: int = 500) -> int:
    """Stream the census to ``out`` (a path or a binary file); returns the children written."""
    written = 0
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            xf.write(header_element(header), pretty_print=True)
            with xf.element("Children"):
                for child in children:
                    xf.write(child_element(child), pretty_print=True)
                    written += 1
                    if written % flush_every == 0:
                        xf.flush()
    return written
