"""Validators for national identifiers: the NHS number and the Unique Pupil Number (UPN)."""

import re

from django.core.exceptions import ValidationError

UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # DfE: remainder 0-22, no I, O or S
NHS_NUMBER_INVALID = "Enter a valid NHS number: 10 digits whose last digit is the check digit."
UPN_INVALID = "Enter a valid UPN: a check letter followed by 12 characters (DfE format)."


def normalise_nhs_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def nhs_number_is_valid(value: str) -> bool:
    """Modulus 11 check on the first nine digits (NHS Data Dictionary)."""
    digits = normalise_nhs_number(value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def upn_check_letter(body: str) -> str:
    """The check letter for the 12 characters after it (weights 2 to 13, modulus 23).

    A temporary UPN ends in a letter; that letter counts as its place in the check-letter list.
    """
    total = 0
    for weight, char in enumerate(body, start=2):
        value = UPN_CHECK_LETTERS.index(char) if char.isalpha() else int(char)
        total += value * weight
    return UPN_CHECK_LETTERS[total % 23]


def upn_is_valid(value: str) -> bool:
    upn = (value or "").strip().upper()
    if not re.fullmatch(r"[A-Z]\d{11}[0-9A-Z]", upn):
        return False
    if upn[12].isalpha() and upn[12] not in UPN_CHECK_LETTERS:
        return False
    return upn_check_letter(upn[1:]) == upn[0]


def validate_nhs_number(value: str) -> None:
    if value and not nhs_number_is_valid(value):
        raise ValidationError(NHS_NUMBER_INVALID, code="nhs_number")


def validate_upn(value: str) -> None:
    if value and not upn_is_valid(value):
        raise ValidationError(UPN_INVALID, code="upn")
