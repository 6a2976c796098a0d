"""Postcodes and distances: pure functions, no database.

Coordinates come from open data in one of two forms: latitude and longitude (WGS84, as in the
ONS Postcode Directory) or British National Grid eastings and northings (OSGB36, as in
Ordnance Survey's Code-Point Open). Grid references are converted to WGS84 with the Ordnance
Survey's published method ("A guide to coordinate systems in Great Britain", sections on the
transverse Mercator projection and the Helmert transformation): accurate to a few metres,
which is far finer than a postcode's centre point needs. Distances are great-circle
(haversine) distances in miles.
"""

import math
import re

MILES_PER_KM = 0.621371192
EARTH_RADIUS_KM = 6371.0088

# A full UK postcode: outward code (area, district) then inward code (sector digit, unit).
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str | None:
    """'fy1  5ab' -> 'FY1 5AB'; None if it is not shaped like a full UK postcode."""
    squashed = re.sub(r"\s+", "", text or "").upper()
    match = _POSTCODE.match(squashed)
    return f"{match.group(1)} {match.group(2)}" if match else None


def district_of(postcode: str) -> str:
    """The outward code ('FY1') of a normalised postcode."""
    return postcode.split(" ")[0]


def distance_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two WGS84 points, in miles."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h))) * MILES_PER_KM


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that holds every point within ``miles``:
    a cheap database prefilter before the exact distance is worked out in Python."""
    km = miles / MILES_PER_KM
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    dlon = math.degrees(km / (EARTH_RADIUS_KM * max(math.cos(math.radians(lat)), 0.01)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


# --- British National Grid (OSGB36) to WGS84 -------------------------------------------------
_AIRY = (6377563.396, 6356256.909)  # the OSGB36 ellipsoid's semi-major and semi-minor axes
_GRS80 = (6378137.000, 6356752.3141)  # WGS84's, near enough (GRS80)
_F0 = 0.9996012717  # scale factor on the central meridian
_LAT0, _LON0 = math.radians(49), math.radians(-2)  # true origin
_E0, _N0 = 400000.0, -100000.0  # false origin
# OSGB36 -> WGS84 Helmert parameters (metres, parts per million, arc seconds).
_TX, _TY, _TZ = 446.448, -125.157, 542.060
_S = -20.4894
_RX, _RY, _RZ = 0.1502, 0.2470, 0.8421


def _meridional_arc(a: float, b: float, lat: float) -> float:
    n = (a - b) / (a + b)
    dl, sl = lat - _LAT0, lat + _LAT0
    return b * _F0 * (
        (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * dl
        - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(dl) * math.cos(sl)
        + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * dl) * math.cos(2 * sl)
        - 35 / 24 * n**3 * math.sin(3 * dl) * math.cos(3 * sl)
    )


def _grid_to_osgb36(easting: float, northing: float) -> tuple[float, float]:
    a, b = _AIRY
    e2 = 1 - (b * b) / (a * a)
    lat, m = _LAT0, 0.0
    while True:  # iterate until the meridional arc matches the northing to 0.01 mm
        lat = (northing - _N0 - m) / (a * _F0) + lat
        m = _meridional_arc(a, b, lat)
        if abs(northing - _N0 - m) < 0.00001:
            break
    sin, cos, tan = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * _F0 / math.sqrt(1 - e2 * sin**2)
    rho = a * _F0 * (1 - e2) / (1 - e2 * sin**2) ** 1.5
    eta2 = nu / rho - 1
    sec = 1 / cos
    vii = tan / (2 * rho * nu)
    viii = tan / (24 * rho * nu**3) * (5 + 3 * tan**2 + eta2 - 9 * tan**2 * eta2)
    ix = tan / (720 * rho * nu**5) * (61 + 90 * tan**2 + 45 * tan**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * tan**2)
    xii = sec / (120 * nu**5) * (5 + 28 * tan**2 + 24 * tan**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * tan**2 + 1320 * tan**4 + 720 * tan**6)
    de = easting - _E0
    return (lat - vii * de**2 + viii * de**4 - ix * de**6,
            _LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7)


def _helmert_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    a, b = _AIRY
    e2 = 1 - (b * b) / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    x = nu * math.cos(lat) * math.cos(lon)
    y = nu * math.cos(lat) * math.sin(lon)
    z = (1 - e2) * nu * math.sin(lat)
    s = _S * 1e-6
    rx, ry, rz = (math.radians(r / 3600) for r in (_RX, _RY, _RZ))
    x2 = _TX + (1 + s) * x - rz * y + ry * z
    y2 = _TY + rz * x + (1 + s) * y - rx * z
    z2 = _TZ - ry * x + rx * y + (1 + s) * z
    a, b = _GRS80
    e2 = 1 - (b * b) / (a * a)
    p = math.sqrt(x2 * x2 + y2 * y2)
    lat = math.atan2(z2, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z2 + e2 * nu * math.sin(lat), p)
    return math.degrees(lat), math.degrees(math.atan2(y2, x2))


def grid_to_latlon(easting: float, northing: float) -> tuple[float, float]:
    """British National Grid eastings and northings (metres) -> WGS84 latitude, longitude."""
    return _helmert_to_wgs84(*_grid_to_osgb36(easting, northing))
