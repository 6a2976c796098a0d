"""Rules on who the child is: identifiers, dates of birth and death, sex, ethnicity and
disability."""

import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from righthelp.people.identifiers import UPN_CHECK_LETTERS, upn_check_letter

from .. import codes
from .base import day, not_nfa, rule

UPN_FIELD = "UPN"


def _upn_shape(upn: str) -> bool:
    return len(upn) == 13


@rule("8500", "LA Child ID missing", "LAchildID")
def la_child_id_missing(child, period):
    if not child.identifiers.la_child_id:
        yield "the child's identifiers"


@rule("1570", "LA Child ID must not be longer than 20 characters", "LAchildID")
def la_child_id_too_long(child, period):
    if len(child.identifiers.la_child_id) > 20:
        yield f"LA Child ID {child.identifiers.la_child_id}"


@rule("1580", "LA Child ID must not contain any non-alphanumeric characters", "LAchildID")
def la_child_id_not_alphanumeric(child, period):
    value = child.identifiers.la_child_id
    if value and not value.isalnum():
        yield f"LA Child ID {value}"


@rule("1510", "UPN invalid (wrong check letter at character 1)", UPN_FIELD)
def upn_check_letter_wrong(child, period):
    upn = child.identifiers.upn.upper()
    if not (_upn_shape(upn) and upn[1:12].isdigit()):
        return
    last = upn[12]
    if not (last.isdigit() or last in UPN_CHECK_LETTERS):
        return  # rule 1550 says what is wrong
    if upn_check_letter(upn[1:]) != upn[0]:
        yield f"UPN {upn}"


@rule("1530", "UPN invalid (characters 2-4 not a recognised LA code)", UPN_FIELD)
def upn_la_number_unknown(child, period):
    upn = child.identifiers.upn
    if _upn_shape(upn) and upn[1:4] not in codes.LA_NUMBERS:
        yield f"UPN {upn}"


@rule("1540", "UPN invalid (characters 5-12 not all numeric)", UPN_FIELD)
def upn_middle_not_numeric(child, period):
    upn = child.identifiers.upn
    if upn and not upn[4:12].isdigit():
        yield f"UPN {upn}"


@rule("1550", "UPN invalid (character 13 not a recognised value)", UPN_FIELD)
def upn_last_character_wrong(child, period):
    upn = child.identifiers.upn.upper()
    if _upn_shape(upn) and not (upn[12].isdigit() or upn[12] in UPN_CHECK_LETTERS):
        yield f"UPN {upn}"


@rule("1560Q", "Please check: Former UPN wrongly formatted", "FormerUPN")
def former_upn_shape(child, period):
    former = child.identifiers.former_upn
    if former and not re.fullmatch(r"[A-Za-z]\d{12}", former):
        yield f"former UPN {former}"


@rule("8520", "Date of Birth is after data collection period (must be on or before the end of "
      "the census period)", "PersonBirthDate")
def born_after_period(child, period):
    born = child.identifiers.birth_date
    if born and born > period.end:
        yield f"date of birth {day(born)}"


@rule("8525", "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
      "PersonBirthDate")
def birth_or_expected_date(child, period):
    ids = child.identifiers
    if (ids.birth_date is None) == (ids.expected_birth_date is None):
        yield "date of birth and expected date of birth"


@rule("8530Q", "Please check: Expected Date of Birth is outside the expected range for this "
      "census (March to December of the Census Year end)", "ExpectedPersonBirthDate")
def expected_date_out_of_range(child, period):
    expected = child.identifiers.expected_birth_date
    if expected and not (period.end - timedelta(days=30) <= expected
                         <= period.end + relativedelta(months=9)):
        yield f"expected date of birth {day(expected)}"


@rule("4180", "Sex must be provided and equal M, F, or U", "Sex")
def sex_missing_or_invalid(child, period):
    if child.identifiers.sex not in codes.SEXES:
        yield f"sex '{child.identifiers.sex}'"


@rule("8750", "Sex must equal U for an unborn child", "Sex")
def unborn_sex(child, period):
    ids = child.identifiers
    if ids.birth_date is None and ids.expected_birth_date and ids.sex != "U":
        yield f"sex '{ids.sex}' of an unborn child"


@rule("8535Q", "Please check: Child's date of death should not be prior to the date of birth",
      "PersonDeathDate")
def died_before_born(child, period):
    ids = child.identifiers
    if ids.death_date and (ids.birth_date is None or ids.death_date < ids.birth_date):
        yield f"date of death {day(ids.death_date)}"


@rule("8545Q", "Please check: Child's date of death should be within the census year",
      "PersonDeathDate")
def died_outside_period(child, period):
    died = child.identifiers.death_date
    if died and died not in period:
        yield f"date of death {day(died)}"


@rule("4220", "Ethnicity is missing or invalid (see Ethnicity table)", "Ethnicity")
def ethnicity_invalid(child, period):
    if child.characteristics.ethnicity not in codes.ETHNICITIES:
        yield f"ethnicity '{child.characteristics.ethnicity}'"


@rule("8540", "Child's disability is missing or invalid (see Disability table)", "Disability")
def disability_missing(child, period):
    found = child.characteristics.disabilities
    if child.identifiers.birth_date is None or not any(not_nfa(e) for e in child.episodes):
        return
    if not found or any(code not in codes.DISABILITIES for code in found):
        yield "disability" if not found else f"disability {', '.join(found)}"


@rule("8790", "Disability information includes both None and other values", "Disability")
def none_with_others(child, period):
    found = child.characteristics.disabilities
    if codes.NO_DISABILITY in found and len(set(found)) > 1:
        yield f"disability {', '.join(found)}"


@rule("8794", "Child has two or more disabilities with the same code", "Disability")
def repeated_disability(child, period):
    found = child.characteristics.disabilities
    if len(set(found)) < len(found):
        yield f"disability {', '.join(found)}"


@rule("8590", "Child does not have a recorded CIN episode.", "CINdetails")
def no_episode(child, period):
    if not child.episodes:
        yield "the child's episodes"


@rule("8770Q", "Please check and either amend data or provide a reason: UPN is missing or "
      "reason UPN is missing or is UN1 for a child who is of school age.", UPN_FIELD)
def school_age_without_upn(child, period):
    ids = child.identifiers
    if ids.upn or ids.birth_date is None or not any(not_nfa(e) for e in child.episodes):
        return
    school_age_from = period.end + relativedelta(months=4, days=31) - relativedelta(years=4)
    if ids.birth_date <= school_age_from and ids.upn_unknown not in codes.UPN_UNKNOWN - {
            codes.UPN_UNKNOWN_UNDER_SIX}:
        yield "UPN and the reason it is unknown"


@rule("8772", "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN "
      "details is a referral going on to further action", "UPNunknown")
def un7_with_further_action(child, period):
    if child.identifiers.upn_unknown == codes.UPN_UNKNOWN_NFA and any(
            e.referral_nfa is not True for e in child.episodes):
        yield "reason the UPN is unknown"


@rule("8775Q", "Please check and either amend data or provide a reason: Child is over 25 years "
      "old", "PersonBirthDate")
def over_twenty_five(child, period):
    born = child.identifiers.birth_date
    if born is None:
        return
    twenty_five = born + relativedelta(years=25)
    if twenty_five < period.end and any(
            e.closure_date is None or twenty_five < e.closure_date for e in child.episodes):
        yield f"date of birth {day(born)}"
