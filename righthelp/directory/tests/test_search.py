"""Searching the directory: words, activity type, distance from a postcode."""

import pytest
from django.core.exceptions import ValidationError

from righthelp.directory import selectors


def names(results) -> list[str]:
    return [hit.service.name for hit in results.hits]


def test_acceptance_parenting_within_2_miles_nearest_first(services):
    """'Directory search by parenting within 2 miles of a Blackpool postcode returns services
    ordered by distance.'"""
    results = selectors.search_services(text="parenting", postcode="fy1 6nn", within=2)
    assert names(results) == ["Revoe parents' group", "Triple P parenting course"]
    miles = [hit.miles for hit in results.hits]
    assert miles == sorted(miles) and 0 < miles[0] < 0.2 and 1.3 < miles[1] < 1.6
    assert results.origin.postcode == "FY1 6NN" and results.within == 2


def test_a_longer_distance_reaches_further(services):
    results = selectors.search_services(text="parenting", postcode="FY1 6NN", within=5)
    assert names(results)[-1] == "Grange Park parenting drop-in"
    assert 2 < results.hits[-1].miles < 2.5


def test_words_match_name_description_and_who_for(services):
    assert names(selectors.search_services(text="music trips")) == ["Revoe youth club"]
    assert names(selectors.search_services(text="TRIPLE p")) == ["Triple P parenting course"]
    assert names(selectors.search_services(text="nothing like this")) == []


def test_activity_type(services):
    found = selectors.search_services(activity="parenting")
    assert names(found) == ["Grange Park parenting drop-in", "Revoe parents' group",
                            "Triple P parenting course"]  # no postcode: by name
    assert all(hit.miles is None for hit in found.hits)
    assert names(selectors.search_services(activity="youth-club", postcode="FY1 6NN")) == [
        "Revoe youth club"]


def test_only_published_services_are_found(services):
    found = names(selectors.search_services(text="parenting"))
    assert "Unchecked parenting class" not in found and "Closed parenting café" not in found


@pytest.mark.parametrize("typed, message", [
    ("FY99", selectors.BAD_POSTCODE),
    ("not a postcode", selectors.BAD_POSTCODE),
    ("FY9 9ZZ", selectors.UNKNOWN_POSTCODE.format(postcode="FY9 9ZZ")),
])
def test_a_bad_postcode_gets_a_clear_message_naming_the_field(services, typed, message):
    with pytest.raises(ValidationError) as refused:
        selectors.search_services(text="parenting", postcode=typed, within=2)
    assert refused.value.message_dict == {"postcode": [message]}
    assert message in ("Enter a real postcode, like FY1 5AB",
                       "We don't know the postcode FY9 9ZZ: check it or search without a "
                       "postcode")


def test_bad_activity_and_distance_are_named(services):
    with pytest.raises(ValidationError) as refused:
        selectors.search_services(activity="juggling", postcode="FY1 6NN", within=3)
    assert refused.value.message_dict == {"activity": [selectors.UNKNOWN_ACTIVITY],
                                          "within": [selectors.BAD_DISTANCE]}


def test_search_by_distance_takes_a_fixed_number_of_queries(services, django_assert_num_queries):
    with django_assert_num_queries(3):  # the postcode, the services, their activity types
        found = selectors.search_services(postcode="FY1 6NN", within=10)
        assert len(found.hits) == 4
        [list(hit.service.activity_types.all()) for hit in found.hits]
