"""A child whose census return passes every DfE rule, to break one rule at a time."""

from datetime import date, datetime

from righthelp.people.identifiers import upn_check_letter
from righthelp.returns.cin_census.records import (
    Assessment,
    Characteristics,
    Child,
    ChildIdentifiers,
    ChildProtectionPlan,
    CINDetails,
    CINPlanDates,
    Header,
    Section47,
)

BODY = "890200020123"
UPN = upn_check_letter(BODY) + BODY


def header(year: int = 2026) -> Header:
    return Header(year=year, reference_date=date(year, 3, 31), la_number="890",
                  software_code="righthelp", release="1.0", serial_no="001",
                  produced_at=datetime(2026, 11, 23, 12, 0))


def good_child() -> Child:
    """Referred in May 2025: assessment, Section 47, a conference and a child protection plan
    with two reviews, then a child in need plan, closed in February 2026."""
    episode = CINDetails(
        referral_date=date(2025, 5, 6), referral_source="2A", primary_need="N1",
        closure_date=date(2026, 2, 27), closure_reason="RC7", referral_nfa=False,
        assessments=[Assessment(start=date(2025, 5, 6), authorised=date(2025, 6, 20),
                                factors=["3B", "16A"])],
        section47s=[Section47(start=date(2025, 5, 12), icpc_target=date(2025, 6, 2),
                              icpc_date=date(2025, 5, 30))],
        cp_plans=[ChildProtectionPlan(start=date(2025, 5, 30), end=date(2025, 11, 28),
                                      initial_category="NEG", latest_category="NEG",
                                      previous_plans=0,
                                      reviews=[date(2025, 8, 22), date(2025, 11, 28)])],
        cin_plans=[CINPlanDates(start=date(2025, 11, 28), end=date(2026, 2, 27))])
    return Child(
        ChildIdentifiers(la_child_id="1001", upn=UPN, birth_date=date(2015, 6, 1), sex="F"),
        Characteristics(ethnicity="WBRI", disabilities=["NONE"]), [episode],
        name="Test Child", person_id=1)
