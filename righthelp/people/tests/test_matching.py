"""Person matching: reading a free-text search, name keys for blocking, and scoring."""

from datetime import date

import pytest

from righthelp.people.matching import (
    NAME_GROUP,
    Candidate,
    SearchTerms,
    date_variants,
    family_key,
    first_word,
    fold,
    given_key,
    normalise_postcode,
    parse_query,
    score,
)

# --- reading a search ------------------------------------------------------------------------

PARSE_CASES = [
    # (query, given, family, date of birth, postcode)
    pytest.param("Jon Smyth, 3/4/2015", "Jon", "Smyth", date(2015, 4, 3), "",
                 id="name-and-uk-date"),
    pytest.param("Jon Smyth 2015-04-03", "Jon", "Smyth", date(2015, 4, 3), "", id="iso-date"),
    pytest.param("2015-4-3 Jon Smyth", "Jon", "Smyth", date(2015, 4, 3), "",
                 id="iso-date-first-single-digits"),
    pytest.param("Jon Smyth 03.04.2015", "Jon", "Smyth", date(2015, 4, 3), "", id="dotted-date"),
    pytest.param("Jon Smyth 3-4-2015", "Jon", "Smyth", date(2015, 4, 3), "", id="hyphen-date"),
    pytest.param("Jon Smyth 3/4/15", "Jon", "Smyth", date(2015, 4, 3), "",
                 id="two-digit-year-this-century"),
    pytest.param("Jon Smyth 3/4/87", "Jon", "Smyth", date(1987, 4, 3), "",
                 id="two-digit-year-last-century"),
    pytest.param("Jon Smyth 4/13/2015", "Jon", "Smyth", date(2015, 4, 13), "",
                 id="month-first-when-uk-order-is-impossible"),
    pytest.param("Jon Smyth fy1 5ab", "Jon", "Smyth", None, "FY1 5AB", id="lower-case-postcode"),
    pytest.param("fy15ab Smyth", "", "Smyth", None, "FY1 5AB", id="postcode-without-space"),
    pytest.param("Jon Smyth, 3/4/2015, FY1 5AB", "Jon", "Smyth", date(2015, 4, 3), "FY1 5AB",
                 id="everything"),
    pytest.param("Smyth", "", "Smyth", None, "", id="one-word-is-the-family-name"),
    pytest.param("Mary Jane Smith", "Mary Jane", "Smith", None, "", id="two-given-names"),
    pytest.param("Mary O'Connor-Smith", "Mary", "O'Connor-Smith", None, "",
                 id="punctuated-family-name"),
    pytest.param("3/4/2015", "", "", date(2015, 4, 3), "", id="date-only"),
    pytest.param("SW1A 1AA", "", "", None, "SW1A 1AA", id="postcode-only"),
    pytest.param("Jon Smyth 31/2/2015", "Jon", "Smyth", None, "", id="impossible-date-ignored"),
    pytest.param("", "", "", None, "", id="empty"),
]


@pytest.mark.parametrize(("query", "given", "family", "dob", "postcode"), PARSE_CASES)
def test_parse_query(query, given, family, dob, postcode):
    assert parse_query(query) == SearchTerms(
        given=given, family=family, date_of_birth=dob, postcode=postcode
    )


def test_two_digit_year_never_lands_in_the_future():
    this_year = date.today().year
    next_two = (this_year + 1) % 100
    terms = parse_query(f"Smith 1/1/{next_two:02d}")
    assert terms.date_of_birth == date(this_year + 1 - 100, 1, 1)
    assert parse_query(f"Smith 1/1/{this_year % 100:02d}").date_of_birth == date(this_year, 1, 1)


def test_empty_search_terms():
    assert parse_query("  ,  ").is_empty
    assert parse_query(None).is_empty
    assert not parse_query("Smith").is_empty
    assert not parse_query("3/4/2015").is_empty


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("fy1 5ab", "FY1 5AB", id="lower-case"),
        pytest.param("FY15AB", "FY1 5AB", id="no-space"),
        pytest.param("  fy4   2xx ", "FY4 2XX", id="extra-spaces"),
        pytest.param("sw1a1aa", "SW1A 1AA", id="london-format"),
        pytest.param("M1 1AE", "M1 1AE", id="one-letter-area"),
        pytest.param("not a postcode", "NOT A POSTCODE", id="unrecognised-kept-upper-case"),
        pytest.param("", "", id="empty"),
        pytest.param(None, "", id="none"),
    ],
)
def test_normalise_postcode(value, expected):
    assert normalise_postcode(value) == expected


# --- names and keys --------------------------------------------------------------------------


def test_fold():
    assert fold("O'Connor-Smith") == "oconnor smith"
    assert fold("Zoë Brontë") == "zoe bronte"
    assert fold("  JOHN2 ") == "john"
    assert fold(None) == ""
    assert first_word("  Mary-Jane Smith") == "mary"
    assert first_word("") == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Jon", "Jonathan", id="jon-jonathan"),
        pytest.param("Johnny", "Jonathan", id="johnny-jonathan-via-jon"),
        pytest.param("Jack", "John", id="jack-john"),
        pytest.param("Bill", "William", id="bill-william"),
        pytest.param("Liz", "Elizabeth", id="liz-elizabeth"),
        pytest.param("Ted", "Theodore", id="ted-theodore"),
        pytest.param("Ted", "Edward", id="ted-edward"),
        pytest.param("Mohammed", "Muhammad", id="spellings-of-mohammed"),
        pytest.param("JONATHAN", "jon", id="case-does-not-matter"),
        pytest.param("Jon Paul", "Jonathan", id="only-the-first-given-name"),
        pytest.param("Kayleigh", "Kaylee", id="kayleigh-kaylee"),
    ],
)
def test_given_key_shared_by_nicknames(a, b):
    assert given_key(a) == given_key(b) != ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Jon", "James", id="jon-james"),
        pytest.param("William", "Liz", id="william-liz"),
        pytest.param("Mary", "Margaret", id="mary-margaret-not-grouped"),
    ],
)
def test_given_key_differs_for_different_names(a, b):
    assert given_key(a) != given_key(b)


def test_nickname_groups_join_through_shared_names():
    # "jon" is in the Jonathan line; "chris" links Christopher and Christine.
    assert NAME_GROUP["jonathan"] == NAME_GROUP["john"] == NAME_GROUP["jack"]
    assert NAME_GROUP["christopher"] == NAME_GROUP["christine"]
    assert NAME_GROUP["william"] != NAME_GROUP["james"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Smith", "Smyth", id="smith-smyth"),
        pytest.param("Smith", "SMITHE", id="smith-smithe"),
        pytest.param("O'Connor", "OConnor", id="apostrophe"),
        pytest.param("Smith-Jones", "Smith Jones", id="hyphen-or-space"),
        pytest.param("Brontë", "Bronte", id="accent"),
    ],
)
def test_family_key_shared(a, b):
    assert family_key(a) == family_key(b) != ""


def test_family_key_differs_and_blank_is_blank():
    assert family_key("Smith") != family_key("Jones")
    assert family_key("") == given_key("") == ""
    assert len(family_key("Featherstonehaugh-Cholmondeley")) <= 12


def test_date_variants():
    assert date_variants(date(2015, 4, 3)) == [date(2015, 4, 3), date(2015, 3, 4)]
    assert date_variants(date(2015, 4, 13)) == [date(2015, 4, 13)]  # no 13th month
    assert date_variants(date(2015, 4, 4)) == [date(2015, 4, 4)]  # its own swap
    assert date_variants(date(2016, 12, 1)) == [date(2016, 12, 1), date(2016, 1, 12)]


# --- scoring ---------------------------------------------------------------------------------

JONATHAN = Candidate(("Jonathan",), ("Smith",), date(2015, 4, 3), "FY1 5AB")
QUERY = parse_query("Jon Smyth, 3/4/2015")


def person(given, family, dob=None, postcode=""):
    return Candidate((given,), (family,), dob, postcode)


def test_nickname_and_spelling_variant_with_the_same_birthday_scores_high():
    assert score(QUERY, JONATHAN) >= 0.8


def test_exact_match_scores_one():
    assert score(parse_query("Jonathan Smith 3/4/2015 FY1 5AB"), JONATHAN) == 1.0


def test_swapped_names_score_high():
    assert score(parse_query("Smyth Jon 3/4/2015"), JONATHAN) >= 0.8
    assert score(parse_query("Smith, Jonathan, 3/4/2015"), JONATHAN) >= 0.9


def test_day_month_swap_scores_high_but_below_the_right_date():
    swapped = score(parse_query("Jon Smyth 4/3/2015"), JONATHAN)
    assert swapped >= 0.8
    assert swapped < score(QUERY, JONATHAN)


def test_same_surname_only_scores_clearly_lower():
    mary = person("Mary", "Smith", date(1980, 1, 1))
    assert score(QUERY, mary) < 0.6
    assert score(QUERY, JONATHAN) - score(QUERY, mary) > 0.3
    assert score(parse_query("Jon Smyth"), mary) < 0.6


def test_name_match_with_wrong_birthday_is_weaker_than_with_right_one():
    wrong_year = person("Jonathan", "Smith", date(2012, 9, 20))
    assert score(QUERY, wrong_year) < score(QUERY, JONATHAN) - 0.25


def test_other_names_are_searched():
    # A previous family name and a 'known as' name are both part of the candidate.
    candidate = Candidate(("Jonathan", "Jack"), ("Brown", "Smith"), date(2015, 4, 3), "")
    assert score(QUERY, candidate) >= 0.8
    assert score(parse_query("Jack Brown 3/4/2015"), candidate) == 1.0


def test_family_name_only_search():
    terms = parse_query("Smyth")
    assert score(terms, JONATHAN) >= 0.85
    assert score(terms, person("Jonathan", "Jones")) < 0.6


def test_date_only_search():
    terms = parse_query("3/4/2015")
    assert score(terms, JONATHAN) == 1.0
    assert score(terms, person("Ann", "Lee", date(2015, 3, 4))) == 0.85
    assert score(terms, person("Ann", "Lee", date(2015, 4, 20))) == 0.5  # same month and year
    assert score(terms, person("Ann", "Lee", date(2001, 4, 3))) == 0.0
    assert score(terms, person("Ann", "Lee", None)) == 0.0


def test_postcode_is_compared_whatever_its_spelling():
    loose = Candidate(("Jonathan",), ("Smith",), date(2015, 4, 3), "fy15ab")
    assert score(parse_query("Jonathan Smith 3/4/2015 FY1 5AB"), loose) == 1.0
    typed = SearchTerms(given="Jonathan", family="Smith", postcode="fy1 5ab")
    assert score(typed, JONATHAN) == 1.0


def test_postcode_district_counts_for_part():
    terms = parse_query("FY1 9ZZ")
    assert score(terms, JONATHAN) == 0.4  # same district, FY1
    assert score(terms, person("Jon", "Smith", postcode="FY4 2XX")) == 0.0
    assert score(terms, person("Jon", "Smith", postcode="")) == 0.0


def test_nothing_to_compare_scores_zero():
    assert score(SearchTerms(), JONATHAN) == 0.0
    assert score(QUERY, Candidate((), (), None, "")) == 0.0


def test_sound_alike_given_names_count_for_much_less_than_nicknames():
    # Jon, Jane and Jean share the metaphone key "JN" but are different names; Jonathan is
    # Jon's own name. A twin sister born the same day must rank below the child searched for,
    # even the same child recorded with day and month swapped.
    jonathan = score(QUERY, JONATHAN)
    swapped_birthday = score(QUERY, person("Jon", "Smith", date(2015, 3, 4)))
    for name in ("Jane", "Jean", "June"):
        twin = score(QUERY, person(name, "Smith", date(2015, 4, 3)))
        assert twin < swapped_birthday < jonathan, name
        assert jonathan - twin > 0.05, name


def test_family_names_that_sound_the_same_match_well():
    terms = parse_query("Jon Smyth")
    assert score(terms, person("Jon", "Smith")) >= 0.9
    assert score(terms, person("Jon", "Smythe")) >= 0.9
    assert score(terms, person("Jon", "Schmidt")) < score(terms, person("Jon", "Smith"))


def test_one_name_looking_like_the_other_half_is_not_a_swap():
    # "Jon" resembles "Jones" (Jaro-Winkler rewards the shared prefix), but Peter Jones has
    # nothing to do with Jon Smyth: the swapped reading must explain both names.
    peter = person("Peter", "Jones", date(2015, 4, 3))
    assert score(QUERY, peter) < 0.5
    assert score(parse_query("Jon Smyth"), person("Peter", "Jones")) < 0.2
    # A true swap explains both names and still scores high.
    assert score(parse_query("Smyth Jon"), person("Jon", "Smith")) >= 0.85


def test_given_name_only_terms_are_weighted_on_their_own():
    # possible_duplicates builds terms from a form; a given name alone must be able to match.
    assert score(SearchTerms(given="Jonathan"), JONATHAN) == 1.0
    assert score(SearchTerms(given="Jon"), JONATHAN) == 0.92
    assert score(SearchTerms(given="Mary"), JONATHAN) < 0.3


def test_ranking_order():
    candidates = {
        "Jonathan Smith, right birthday": JONATHAN,
        "Jon Smith, day and month swapped": person("Jon", "Smith", date(2015, 3, 4)),
        "John Smithson, right birthday": person("John", "Smithson", date(2015, 4, 3)),
        "Jane Smith, right birthday": person("Jane", "Smith", date(2015, 4, 3)),
        "Mary Smith, right birthday": person("Mary", "Smith", date(2015, 4, 3)),
        "Jonathan Smith, other birthday": person("Jonathan", "Smith", date(2009, 11, 23)),
        "Peter Jones, right birthday": person("Peter", "Jones", date(2015, 4, 3)),
        "Mary Smith, other birthday": person("Mary", "Smith", date(1980, 1, 1)),
        "Peter Jones, other birthday": person("Peter", "Jones", date(1990, 6, 6)),
    }
    scores = {label: score(QUERY, c) for label, c in candidates.items()}
    ranked = sorted(scores, key=scores.get, reverse=True)
    assert ranked[0] == "Jonathan Smith, right birthday"
    # Then the near misses on one detail (the order between them is a close call).
    assert set(ranked[1:3]) == {"Jon Smith, day and month swapped",
                                "John Smithson, right birthday"}
    assert ranked[3:] == [
        "Jane Smith, right birthday",
        "Mary Smith, right birthday",
        "Jonathan Smith, other birthday",
        "Peter Jones, right birthday",
        "Mary Smith, other birthday",
        "Peter Jones, other birthday",
    ]
    assert all(0.0 <= s <= 1.0 for s in scores.values())


def test_scores_are_rounded_to_three_places():
    value = score(QUERY, person("Joan", "Smithers", date(2015, 4, 3)))
    assert value == round(value, 3)


def test_nickname_scores_as_well_whichever_side_uses_it():
    # "Bill" and "William" look nothing alike; the nickname group makes them a match.
    assert score(parse_query("Bill Evans"), person("William", "Evans")) >= 0.9
    assert score(parse_query("William Evans"), person("Bill", "Evans")) >= 0.9
    assert score(parse_query("Bill Evans"), person("Walter", "Evans")) < 0.85
