"""Blackpool streets, postcodes, schools and surgeries for synthetic addresses and networks.

Each street is given the postcode sector it (roughly) lies in, so a family's postcode
district (FY1 to FY4) and the council's locality agree; the unit letters are invented.
"""

from random import Random

# (street, postcode sector)
STREETS = [
    ("Central Drive", "FY1 5"), ("Lytham Road", "FY1 6"), ("Waterloo Road", "FY4 1"),
    ("Whitegate Drive", "FY3 9"), ("Talbot Road", "FY1 3"), ("Dickson Road", "FY1 2"),
    ("Newton Drive", "FY3 8"), ("Devonshire Road", "FY3 7"), ("Grange Road", "FY3 7"),
    ("Chepstow Road", "FY3 7"), ("Bispham Road", "FY2 0"), ("Squires Gate Lane", "FY4 3"),
    ("Hawes Side Lane", "FY4 4"), ("Park Road", "FY1 4"), ("Caunce Street", "FY1 3"),
    ("Church Street", "FY1 3"), ("Palatine Road", "FY1 4"), ("Reads Avenue", "FY1 4"),
    ("Lord Street", "FY1 2"), ("Cocker Street", "FY1 2"), ("Warbreck Hill Road", "FY2 0"),
    ("Layton Road", "FY3 8"), ("Preston New Road", "FY4 4"), ("Common Edge Road", "FY4 5"),
    ("St Annes Road", "FY4 2"), ("Marton Drive", "FY4 3"), ("Highfield Road", "FY4 2"),
    ("Midgeland Road", "FY4 5"), ("Westcliffe Drive", "FY3 7"), ("Queens Promenade", "FY2 9"),
    ("Egerton Road", "FY1 2"), ("Hornby Road", "FY1 4"), ("Albert Road", "FY1 4"),
    ("Coronation Street", "FY1 4"), ("Bond Street", "FY4 1"), ("Henry Street", "FY1 5"),
    ("Chapel Street", "FY1 5"), ("Rigby Road", "FY1 5"), ("Blundell Street", "FY1 5"),
    ("Bloomfield Road", "FY1 6"), ("Revoe Street", "FY1 5"), ("Grasmere Road", "FY1 5"),
    ("Kipling Drive", "FY3 9"), ("Dinmore Avenue", "FY3 7"), ("Collingwood Avenue", "FY3 8"),
    ("Mereside Road", "FY4 4"), ("Langdale Road", "FY4 4"), ("Warley Road", "FY1 2"),
    ("Red Bank Road", "FY2 9"), ("Holmfield Road", "FY2 9"), ("Ashfield Road", "FY2 0"),
    ("Cavendish Road", "FY2 9"), ("Stonycroft Avenue", "FY4 4"), ("Clifton Drive", "FY4 1"),
]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters Royal Mail uses after the sector digit

# The council's localities by postcode district, as in councils/blackpool.toml.
LOCALITY_OF_DISTRICT = {
    "FY1": ["revoe", "talbot-brunswick"], "FY2": ["grange-park"],
    "FY3": ["talbot-brunswick", "grange-park"], "FY4": ["grange-park"]
}

PRIMARY_SCHOOLS = [
    "Revoe Learning Academy", "Thames Primary Academy", "Mereside Primary School",
    "Baines Endowed Primary School", "Westcliff Primary Academy", "Devonshire Primary Academy",
    "Layton Primary School", "Hawes Side Academy", "Boundary Primary School",
    "Waterloo Primary Academy", "Stanley Primary School", "Christ the King Catholic Academy",
]
SECONDARY_SCHOOLS = [
    "South Shore Academy", "Blackpool Aspire Academy", "Highfield Leadership Academy",
    "St Mary's Catholic Academy", "Montgomery Academy", "Unity Academy", "St George's School",
    "Armfield Academy",
]
SURGERIES = [
    "Newton Drive Health Centre", "Whitegate Health Centre", "South Shore Primary Care Centre",
    "Adelaide Street Surgery", "Abbey Dale Medical Centre", "Elizabeth Street Surgery",
]
NURSERIES = ["Little Acorns Nursery", "Grange Park Children's Centre", "Revoe Tots"]


def postcode(rng: Random, sector: str) -> str:
    return f"{sector}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"


def address(rng: Random) -> tuple[str, str, str]:
    """(line 1, line 2, postcode): a house on a street, or now and then a flat."""
    street, sector = rng.choice(STREETS)
    number = rng.randint(1, 240)
    if rng.random() < 0.15:
        return f"Flat {rng.randint(1, 12)}", f"{number} {street}", postcode(rng, sector)
    return f"{number} {street}", "", postcode(rng, sector)


def locality_of(rng: Random, code: str) -> str:
    """The council locality (its early help team) serving a postcode."""
    return rng.choice(LOCALITY_OF_DISTRICT.get(code.split(" ")[0], ["grange-park"]))
