"""Pure decisions of Assessment and Support, over plain data (table-tested).

- ``referral_source``: the census's referral source code (``ReferralSource``) from what the
  front door knows about who asked;
- ``factor_errors``: whether a list of DfE assessment factor codes can be recorded;
- ``closure_reason_for``: the census closure reason an assessment outcome closes with.
"""

import re
from dataclasses import dataclass

from ..codes import ASSESSMENT_FACTORS, NO_FACTORS, ClosureReason, ReferralSource

UNKNOWN_FACTOR = "'{code}' is not one of the Department for Education's assessment factors."
NO_FACTORS_ALONE = ("'21' (no factors identified) cannot be recorded with other factors: "
                    "remove it or remove the others.")
FACTOR_TWICE = "'{code}' is recorded twice."


@dataclass(frozen=True)
class Referrer:
    """Who asked, as the front door recorded it.

    ``source`` is the request's source (``RequestForSupport.Source``); ``agency_kind`` the
    referrer's partner agency kind (``PartnerAgency.Kind``) if any; ``role`` the referrer's
    role in their own words ("GP", "mum", "health visitor"); ``staff_role`` the role of a
    council user who made the request (``staff.Role``), if one did; ``stepped_up`` whether it
    was a step up from early help.
    """

    source: str = ""
    agency_kind: str = ""
    role: str = ""
    staff_role: str = ""
    stepped_up: bool = False
    anonymous: bool = False


# Health referrers told apart by the role they give (checked in order).
HEALTH_ROLES: tuple[tuple[str, str], ...] = (
    (r"\bgp\b|general practi|family doctor", ReferralSource.GP),
    (r"health visit", ReferralSource.HEALTH_VISITOR),
    (r"school nurs", ReferralSource.SCHOOL_NURSE),
    (r"\ba ?& ?e\b|emergency department|accident and emergency",
     ReferralSource.EMERGENCY_DEPARTMENT),
    (r"midwi|practice nurse|dentist|pharmac", ReferralSource.OTHER_PRIMARY_HEALTH),
)
# Individuals who are not professionals, told apart by the role they give.
INDIVIDUAL_ROLES: tuple[tuple[str, str], ...] = (
    (r"\b(the child|child themsel|young person themsel|self)\b", ReferralSource.SELF),
    (r"\b(mum|mother|dad|father|parent|step|grand|gran|nan|aunt|uncle|brother|sister|"
     r"sibling|cousin|carer|relative|family)", ReferralSource.FAMILY),
    (r"\b(neighbour|friend|acquaintance)", ReferralSource.ACQUAINTANCE),
)
AGENCY_SOURCES = {
    "school": ReferralSource.SCHOOLS,
    "early_years": ReferralSource.EDUCATION_SERVICES,
    "police": ReferralSource.POLICE,
    "probation": ReferralSource.OTHER_LEGAL_AGENCY,
    "housing": ReferralSource.HOUSING,
    "voluntary": ReferralSource.OTHER,
    "provider": ReferralSource.OTHER,
    "other_authority": ReferralSource.EXTERNAL,
    "other": ReferralSource.OTHER,
}
# Council staff who ask (a request made by a council user rather than a partner).
EARLY_HELP_STAFF = {"early_help_practitioner", "link_worker"}
SOCIAL_CARE_STAFF = {"social_worker", "senior_social_worker", "team_manager", "iro",
                     "cp_chair", "fostering_worker", "adoption_worker", "personal_adviser",
                     "awaken_worker"}


def _match(table: tuple[tuple[str, str], ...], text: str) -> str | None:
    for pattern, code in table:
        if re.search(pattern, text):
            return code
    return None


def referral_source(referrer: Referrer) -> str:
    """The census referral source code for a referral (``ReferralSource``)."""
    role = referrer.role.strip().lower()
    if referrer.stepped_up or referrer.staff_role in EARLY_HELP_STAFF:
        return ReferralSource.EARLY_HELP
    if referrer.anonymous or role == "anonymous":
        return ReferralSource.ANONYMOUS
    if referrer.agency_kind == "health":
        return _match(HEALTH_ROLES, role) or ReferralSource.OTHER_HEALTH
    if referrer.agency_kind in AGENCY_SOURCES:
        return AGENCY_SOURCES[referrer.agency_kind]
    if referrer.staff_role in SOCIAL_CARE_STAFF:
        return ReferralSource.SOCIAL_CARE
    if referrer.staff_role:
        return ReferralSource.OTHER_INTERNAL
    if referrer.source == "police":
        return ReferralSource.POLICE
    if role:
        return _match(INDIVIDUAL_ROLES, role) or ReferralSource.OTHER_INDIVIDUAL
    return ReferralSource.UNKNOWN


def factor_errors(codes: list[str]) -> list[str]:
    """What is wrong with a list of assessment factor codes (empty when it can be saved)."""
    errors = [UNKNOWN_FACTOR.format(code=c) for c in codes if c not in ASSESSMENT_FACTORS]
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            errors.append(FACTOR_TWICE.format(code=code))
        seen.add(code)
    if NO_FACTORS in codes and len(set(codes)) > 1:
        errors.append(NO_FACTORS_ALONE)
    return errors


# Which assessment outcomes close the episode, and with which census reason.
CLOSING_OUTCOMES = {
    "close": ClosureReason.NO_FURTHER_ACTION,
    "universal": ClosureReason.NO_FURTHER_ACTION,
    "early_help": ClosureReason.REFERRED_TO_EARLY_HELP,
}


def closure_reason_for(outcome: str) -> str | None:
    """The census closure reason (RC8 or RC9) an assessment outcome closes with, or None when
    the work goes on (child in need, child protection, care)."""
    return CLOSING_OUTCOMES.get(outcome)
