"""Postcodes and distances: pure functions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from righthelp.directory import geo


@pytest.mark.parametrize("typed, normalised", [
    ("FY1 5AB", "FY1 5AB"), ("fy15ab", "FY1 5AB"), ("  fy1   5ab ", "FY1 5AB"),
    ("SW1A1AA", "SW1A 1AA"), ("M1 1AE", "M1 1AE"), ("FY1", None), ("FY1 5A", None),
    ("12345", None), ("", None), ("FY1 5ABC", None),
])
def test_normalise_postcode(typed, normalised):
    assert geo.normalise_postcode(typed) == normalised


def test_grid_reference_to_latitude_longitude_matches_the_ons_directory():
    # FY1 6NN: Code-Point Open's grid reference, against the ONS Postcode Directory's own
    # latitude and longitude for the same postcode (53.801234, -3.038540).
    lat, lon = geo.grid_to_latlon(331697, 434382)
    assert lat == pytest.approx(53.801234, abs=2e-6)
    assert lon == pytest.approx(-3.038540, abs=2e-6)


def test_distance_in_miles():
    # One minute of latitude is a nautical mile: 1.1508 statute miles.
    assert geo.distance_miles(53.8, -3.05, 53.8 + 1 / 60, -3.05) == pytest.approx(1.1508, 1e-3)
    assert geo.distance_miles(53.8, -3.05, 53.8, -3.05) == 0


def test_bounding_box_holds_every_point_within_the_distance():
    low_lat, high_lat, low_lon, high_lon = geo.bounding_box(53.8, -3.05, 2)
    assert geo.distance_miles(53.8, -3.05, high_lat, -3.05) == pytest.approx(2, 1e-6)
    assert geo.distance_miles(53.8, -3.05, 53.8, high_lon) == pytest.approx(2, 1e-3)
    assert low_lat < 53.8 < high_lat and low_lon < -3.05 < high_lon


@given(lat=st.floats(53.7, 53.9), lon=st.floats(-3.1, -2.9), bearing=st.floats(0, 360),
       miles=st.sampled_from([1, 2, 5, 10]), share=st.floats(0, 0.999))
def test_every_point_within_the_distance_is_inside_the_prefilter_box(lat, lon, bearing, miles,
                                                                     share):
    # Walk share x miles from (lat, lon) on a bearing; the box for that distance must hold it.
    import math

    km = share * miles / geo.MILES_PER_KM
    d = km / geo.EARTH_RADIUS_KM
    phi, lam, theta = math.radians(lat), math.radians(lon), math.radians(bearing)
    phi2 = math.asin(math.sin(phi) * math.cos(d) + math.cos(phi) * math.sin(d) * math.cos(theta))
    lam2 = lam + math.atan2(math.sin(theta) * math.sin(d) * math.cos(phi),
                            math.cos(d) - math.sin(phi) * math.sin(phi2))
    lat2, lon2 = math.degrees(phi2), math.degrees(lam2)
    assert geo.distance_miles(lat, lon, lat2, lon2) == pytest.approx(share * miles, abs=1e-6)
    low_lat, high_lat, low_lon, high_lon = geo.bounding_box(lat, lon, miles)
    assert low_lat <= lat2 <= high_lat and low_lon <= lon2 <= high_lon
