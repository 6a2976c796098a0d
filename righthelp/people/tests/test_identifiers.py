"""NHS number (modulus 11) and DfE Unique Pupil Number (check letter, modulus 23)."""

import pytest
from django.core.exceptions import ValidationError

from righthelp.people.identifiers import (
    NHS_NUMBER_INVALID,
    UPN_CHECK_LETTERS,
    UPN_INVALID,
    nhs_number_is_valid,
    normalise_nhs_number,
    upn_check_letter,
    upn_is_valid,
    validate_nhs_number,
    validate_upn,
)

# --- NHS number ------------------------------------------------------------------------------


def nhs_check_digit(nine: str) -> int | None:
    """The NHS Data Dictionary algorithm written out independently (None: no valid digit)."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    check = (11 - total % 11) % 11
    return None if check == 10 else check


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("9434765919", id="published-example-9434765919"),
        pytest.param("9434765870", id="published-example-9434765870"),
        pytest.param("4010232137", id="check-digit-7"),
        pytest.param("943 476 5919", id="spaces-3-3-4"),
        pytest.param("943-476-5919", id="hyphens"),
        pytest.param(" 9434765919 ", id="surrounding-spaces"),
        pytest.param("9876543210", id="remainder-0-check-digit-0"),
    ],
)
def test_valid_nhs_numbers(value):
    assert nhs_number_is_valid(value)
    validate_nhs_number(value)  # does not raise


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("9434765918", id="wrong-check-digit"),
        pytest.param("9434765910", id="wrong-check-digit-0"),
        pytest.param("9434765191", id="two-digits-transposed"),
        pytest.param("1234567890", id="remainder-10-never-valid"),
        pytest.param("943476591", id="nine-digits"),
        pytest.param("94347659190", id="eleven-digits"),
        pytest.param("94347659l9", id="a-letter"),
        pytest.param("943.476.5919", id="dots-are-not-separators"),
        pytest.param("", id="empty"),
        pytest.param(None, id="none"),
    ],
)
def test_invalid_nhs_numbers(value):
    assert not nhs_number_is_valid(value)


def test_remainder_ten_has_no_valid_check_digit():
    # 1x10 + 2x9 + 3x8 + 4x7 + 5x6 + 6x5 + 7x4 + 8x3 + 9x2 = 210 = 19x11 + 1: 11 - 1 = 10.
    assert nhs_check_digit("123456789") is None
    assert not any(nhs_number_is_valid(f"123456789{d}") for d in range(10))


@pytest.mark.parametrize("nine", ["943476591", "943476587", "401023213", "123456788", "000000001",
                                  "999999999", "485777345"])
def test_exactly_one_check_digit_is_accepted(nine):
    expected = nhs_check_digit(nine)
    accepted = [d for d in range(10) if nhs_number_is_valid(f"{nine}{d}")]
    assert accepted == ([] if expected is None else [expected])


def test_normalise_nhs_number_strips_spaces_and_hyphens_only():
    assert normalise_nhs_number(" 943 476-5919 ") == "9434765919"
    assert normalise_nhs_number(None) == ""
    assert normalise_nhs_number("943.476") == "943.476"


def test_validate_nhs_number():
    validate_nhs_number("")  # optional: blank is allowed
    with pytest.raises(ValidationError) as error:
        validate_nhs_number("9434765918")
    assert error.value.code == "nhs_number"
    assert error.value.messages == [NHS_NUMBER_INVALID]


# --- Unique Pupil Number ---------------------------------------------------------------------


def test_check_letter_worked_by_hand():
    # 8x2 + 0x3 + 1x4 + 2x5 + 0x6 + 0x7 + 0x8 + 0x9 + 1x10 + 0x11 + 0x12 + 1x13 = 53;
    # 53 mod 23 = 7, and the eighth letter of A-Z without I, O and S is H.
    assert upn_check_letter("801200001001") == "H"
    assert upn_is_valid("H801200001001")


def test_check_letter_for_a_temporary_upn_worked_by_hand():
    # The letter in position 13 counts as its place in the list: A = 0, Z = 22.
    # Digits give 53 - 13 = 40; with A: 40 mod 23 = 17 -> U. With Z: 40 + 22x13 = 326,
    # 326 mod 23 = 4 -> E.
    assert upn_check_letter("80120000100A") == "U"
    assert upn_check_letter("80120000100Z") == "E"
    assert upn_is_valid("U80120000100A")
    assert upn_is_valid("E80120000100Z")


def test_check_letters_exclude_i_o_and_s():
    assert len(UPN_CHECK_LETTERS) == 23
    assert not set("IOS") & set(UPN_CHECK_LETTERS)


BODIES = ["801200001001", "938411700001", "000000000000", "999999999999", "371201812345",
          "37120181234B", "93841170000Z"]


@pytest.mark.parametrize("body", BODIES)
def test_constructed_upns_are_valid_and_every_other_letter_is_not(body):
    letter = upn_check_letter(body)
    assert upn_is_valid(letter + body)
    wrong = [c for c in UPN_CHECK_LETTERS if c != letter and upn_is_valid(c + body)]
    assert wrong == []


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("h801200001001", id="lower-case"),
        pytest.param("u80120000100a", id="temporary-lower-case"),
        pytest.param("  H801200001001 ", id="surrounding-spaces"),
    ],
)
def test_upn_accepted_after_normalising(value):
    assert upn_is_valid(value)
    validate_upn(value)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("G801200001001", id="wrong-check-letter"),
        pytest.param("H801200001010", id="digits-transposed"),
        pytest.param("I801200001001", id="check-letter-i-never-used"),
        pytest.param("H80120000100", id="twelve-characters"),
        pytest.param("H8012000010011", id="fourteen-characters"),
        pytest.param("801200001001H", id="letter-at-the-end-not-the-start"),
        pytest.param("1801200001001", id="digit-as-check-letter"),
        pytest.param("H8012000A1001", id="letter-inside-the-number"),
        pytest.param("X80120000100I", id="temporary-letter-i"),
        pytest.param("X80120000100O", id="temporary-letter-o"),
        pytest.param("X80120000100S", id="temporary-letter-s"),
        pytest.param("A80120000100A", id="temporary-wrong-check-letter"),
        pytest.param("H 801200001001", id="space-inside"),
        pytest.param("", id="empty"),
        pytest.param(None, id="none"),
    ],
)
def test_invalid_upns(value):
    assert not upn_is_valid(value)


def test_validate_upn():
    validate_upn("")  # optional: blank is allowed
    with pytest.raises(ValidationError) as error:
        validate_upn("G801200001001")
    assert error.value.code == "upn"
    assert error.value.messages == [UPN_INVALID]
