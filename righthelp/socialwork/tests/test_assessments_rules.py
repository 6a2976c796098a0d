"""The pure rules of Assessment and Support: one row per rule."""

import pytest

from righthelp.socialwork.codes import ClosureReason, ReferralSource
from righthelp.socialwork.rules.assessments import (
    FACTOR_TWICE,
    NO_FACTORS_ALONE,
    UNKNOWN_FACTOR,
    Referrer,
    closure_reason_for,
    factor_errors,
    referral_source,
)

SOURCES = [
    ("school", Referrer(source="online_form", agency_kind="school", role="Teacher"),
     ReferralSource.SCHOOLS),
    ("nursery", Referrer(source="online_form", agency_kind="early_years", role="Manager"),
     ReferralSource.EDUCATION_SERVICES),
    ("GP", Referrer(source="online_form", agency_kind="health", role="GP"), ReferralSource.GP),
    ("health visitor", Referrer(agency_kind="health", role="Health Visitor"),
     ReferralSource.HEALTH_VISITOR),
    ("school nurse", Referrer(agency_kind="health", role="school nurse"),
     ReferralSource.SCHOOL_NURSE),
    ("A&E", Referrer(agency_kind="health", role="A&E nurse"),
     ReferralSource.EMERGENCY_DEPARTMENT),
    ("midwife", Referrer(agency_kind="health", role="Community midwife"),
     ReferralSource.OTHER_PRIMARY_HEALTH),
    ("other health", Referrer(agency_kind="health", role="Paediatrician"),
     ReferralSource.OTHER_HEALTH),
    ("police agency", Referrer(source="online_form", agency_kind="police"),
     ReferralSource.POLICE),
    ("police notification, no agency", Referrer(source="police"), ReferralSource.POLICE),
    ("probation", Referrer(agency_kind="probation"), ReferralSource.OTHER_LEGAL_AGENCY),
    ("housing", Referrer(agency_kind="housing"), ReferralSource.HOUSING),
    ("voluntary sector", Referrer(agency_kind="voluntary"), ReferralSource.OTHER),
    ("care provider", Referrer(agency_kind="provider"), ReferralSource.OTHER),
    ("another council", Referrer(agency_kind="other_authority"), ReferralSource.EXTERNAL),
    ("stepped up from early help", Referrer(agency_kind="school", stepped_up=True),
     ReferralSource.EARLY_HELP),
    ("early help practitioner", Referrer(staff_role="early_help_practitioner"),
     ReferralSource.EARLY_HELP),
    ("council social worker", Referrer(staff_role="social_worker"), ReferralSource.SOCIAL_CARE),
    ("other council staff", Referrer(staff_role="hub_worker"), ReferralSource.OTHER_INTERNAL),
    ("mother on the phone", Referrer(source="phone", role="Mother"), ReferralSource.FAMILY),
    ("grandparent", Referrer(source="phone", role="grandad"), ReferralSource.FAMILY),
    ("neighbour", Referrer(source="phone", role="Neighbour"), ReferralSource.ACQUAINTANCE),
    ("the child", Referrer(source="phone", role="the child"), ReferralSource.SELF),
    ("another individual", Referrer(source="phone", role="Taxi driver"),
     ReferralSource.OTHER_INDIVIDUAL),
    ("anonymous", Referrer(source="phone", role="Anonymous"), ReferralSource.ANONYMOUS),
    ("nothing known", Referrer(source="email"), ReferralSource.UNKNOWN),
]


@pytest.mark.parametrize(("referrer", "expected"), [pytest.param(r, e, id=i)
                                                    for i, r, e in SOURCES])
def test_referral_source(referrer, expected):
    assert referral_source(referrer) == expected


def test_every_referral_source_rule_gives_a_census_code():
    assert {referral_source(r) for _, r, _ in SOURCES} <= set(ReferralSource.values)


FACTORS = [
    ("known codes", ["1B", "3B", "24A"], []),
    ("no factors alone", ["21"], []),
    ("unknown code", ["99Z"], [UNKNOWN_FACTOR.format(code="99Z")]),
    ("21 with another", ["21", "4B"], [NO_FACTORS_ALONE]),
    ("twice", ["4B", "4B"], [FACTOR_TWICE.format(code="4B")]),
    ("nothing yet (a sitting may save none)", [], []),
]


@pytest.mark.parametrize(("codes", "expected"), [pytest.param(c, e, id=i)
                                                 for i, c, e in FACTORS])
def test_factor_errors(codes, expected):
    assert factor_errors(codes) == expected


@pytest.mark.parametrize(("outcome", "reason"), [
    ("close", ClosureReason.NO_FURTHER_ACTION),
    ("universal", ClosureReason.NO_FURTHER_ACTION),
    ("early_help", ClosureReason.REFERRED_TO_EARLY_HELP),
    ("child_in_need", None),
    ("child_protection", None),
    ("care", None),
])
def test_closure_reason_for_each_outcome(outcome, reason):
    assert closure_reason_for(outcome) == reason
