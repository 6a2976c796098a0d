"""Names for a synthetic Blackpool: mostly White British, with the town's other communities.

Lists run from most to least common; ``pick`` weights earlier names more, so a few family
names (Smith, Taylor, Jones) recur the way they do in a real person index. Spelling variants
(Smith/Smyth, Steven/Stephen, Kayleigh/Kayley) and names that are both given and family
names (Thomas, Owen, Lewis) are here on purpose: they are what make search hard.
"""

from dataclasses import dataclass
from random import Random


def _words(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------- White British (and Irish)
BOYS = _words("""Oliver Jack Harry Charlie George Thomas Jacob Alfie Noah James Oscar William Leo
Freddie Archie Joshua Riley Ethan Logan Mason Isaac Max Lucas Tyler Dylan Daniel Samuel
Joseph Henry Theo Arthur Harrison Jayden Kai Liam Lewis Owen Callum Connor Kian Reece
Bailey Luke Ryan Jake Matthew Benjamin Jamie Aiden Finley Toby Zachary Jenson Teddy Tommy
Frankie Reggie Ronnie Albie Louie Jonathan Michael Christopher Nathan Kyle Brandon Cameron
Declan Alexander Edward Frederick Theodore Nicholas Morgan Ellis Jon John Stephen Steven
Kayden Brody Rhys Corey Bradley Ashton Harvey Jaxon Jude Elliot""")

GIRLS = _words("""Olivia Amelia Isla Ava Emily Sophie Grace Lily Mia Isabella Ella Evie Poppy
Jessica Chloe Ruby Sophia Millie Charlotte Freya Daisy Phoebe Holly Lucy Ellie Megan Scarlett
Erin Niamh Katie Lacey Paige Leah Courtney Jade Bethany Abigail Hannah Rebecca Elizabeth
Caitlin Kayla Tilly Rosie Harper Willow Ivy Florence Matilda Maisie Summer Skye Lexi Brooke
Amber Demi Kelsey Lola Alice Eliza Isabelle Hollie Victoria Catherine Alexandra Samantha
Kayleigh Kayley Aimee Amy Hayley Haley Morgan Nicola Nichola Libby Darcy Layla Mollie
Esme""")

MEN = _words("""David Michael Paul Mark Andrew Christopher Daniel James Lee Craig Gary Darren Jason
Wayne Dean Stephen Steven Matthew Richard Anthony Carl Scott Jamie Ryan Adam Thomas Liam
Kieran Shaun Ashley Robert John Peter Simon Neil Martin Kevin Ian Jonathan Nathan Luke Karl
Jordan Aaron Kyle Lewis Owen""")

WOMEN = _words("""Sarah Emma Laura Gemma Kelly Claire Lisa Nicola Rebecca Amy Hayley Stacey
Danielle Jodie Samantha Charlotte Kirsty Leanne Michelle Victoria Jessica Natalie Zoe Lauren
Jade Chelsea Kayleigh Stephanie Jennifer Rachel Donna Joanne Karen Tracey Dawn Katie Amanda
Louise Carly Sian Shannon Toni Kerry Aimee""")

GRANDMOTHERS = _words("Susan Linda Christine Margaret Pauline Janet Elaine Carol Patricia Barbara")
GRANDFATHERS = _words("John David Peter Alan Keith Brian Graham Michael Kenneth Derek")

FAMILY = _words("""Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson
Evans Walker White Roberts Green Hall Wood Jackson Clarke Thomas Harrison Hughes Edwards
Lewis Turner Hill Moore Cooper Ward Morris King Watson Baker Harris Lee Kelly Allen Martin
Parker Wilkinson Holden Bamber Ashworth Hargreaves Whittle Singleton Cardwell Cookson
Fielding Pilkington Haworth Greenwood Sutcliffe Heywood Rawcliffe Threlfall Fairclough
Crossley Entwistle Aspinall Lancaster Butterworth Nuttall Kay Livesey Marsden Bradshaw Riley
Murphy O'Brien O'Neill McDonald Macdonald Kennedy Doyle Byrne Quinn Connolly Gallagher Smyth
Owen Morgan James Price Phillips Philips Lloyd Jenkins Griffiths Ellis Shaw Barnes Cox Mills
Knowles Cross Mason Foster Gibson Holmes Butler Hunt Hartley Howarth Parkinson Rigby
Dickinson Tomlinson Atkinson Cartwright Platt Thomson Clark""")

# ---------------------------------------------------------------- other communities
# Each: (boys, girls, men, women, family names, first languages other than English)
POLISH = (
    _words("Jakub Filip Szymon Kacper Mateusz Dawid Antoni"),
    _words("Zuzanna Julia Maja Hanna Natalia Oliwia Lena"),
    _words("Tomasz Piotr Marek Pawel Krzysztof Andrei Mihai"),
    _words("Agnieszka Katarzyna Marta Anna Ewa Ioana Elena"),
    _words("Nowak Kowalski Wiśniewski Kamiński Lewandowski Zieliński Popescu Ionescu"),
    ["Polish", "Polish", "Romanian", "Lithuanian"],
)
SOUTH_ASIAN = (
    _words("Mohammed Muhammad Ayaan Zayn Ibrahim Yusuf Arjun Aarav"),
    _words("Aisha Fatima Maryam Zara Amira Priya Inaya"),
    _words("Imran Tariq Rajesh Asif Sanjay Kamran"),
    _words("Nasreen Shazia Sunita Farah Rubina Nadia"),
    _words("Khan Ahmed Hussain Ali Patel Shah Islam Rahman Miah Uddin Singh"),
    ["Urdu", "Bengali", "Punjabi", "Gujarati"],
)
AFRICAN = (
    _words("Emmanuel Samuel Tobi David Abdi Kwame"),
    _words("Precious Blessing Favour Grace Hodan Ama"),
    _words("Chinedu Olu Kofi Ahmed Yaw"),
    _words("Ngozi Funmi Akosua Amina Comfort"),
    _words("Okafor Adeyemi Mensah Osei Abdi Mohamed"),
    ["Yoruba", "Somali", "Arabic", "Twi"],
)
CHINESE = (
    _words("Wei Jun Hao Yi"),
    _words("Mei Lin Xin Jing"),
    _words("Ming Jian Feng"),
    _words("Hui Ling Yan"),
    _words("Chen Wang Li Zhang Liu Wong"),
    ["Cantonese", "Mandarin"],
)

# Ethnicity (DfE code) -> how common in Blackpool (per 10,000), and which name pool.
ETHNICITIES = [
    ("WBRI", 9180, None), ("WOTH", 260, POLISH), ("WIRI", 50, None), ("MWBC", 90, None),
    ("MWAS", 80, None), ("MOTH", 70, None), ("MWBA", 30, None), ("AIND", 40, SOUTH_ASIAN),
    ("APKN", 20, SOUTH_ASIAN), ("ABAN", 30, SOUTH_ASIAN), ("AOTH", 40, SOUTH_ASIAN),
    ("BAFR", 30, AFRICAN), ("BCRB", 10, None), ("CHNE", 30, CHINESE), ("OOTH", 20, None),
    ("WROM", 10, POLISH), ("WIRT", 10, None), ("NOBT", 30, None), ("REFU", 10, None),
]

# Formal given name -> names people use for it (all within the search's nickname groups).
KNOWN_AS = {
    "Jonathan": ["Jonny", "Jon"], "James": ["Jamie", "Jim"], "William": ["Will", "Billy"],
    "Thomas": ["Tom", "Tommy"], "Joseph": ["Joe"], "Daniel": ["Danny"], "Samuel": ["Sam"],
    "Alexander": ["Alex"], "Benjamin": ["Ben", "Benji"], "Edward": ["Eddie", "Ted"],
    "Charlotte": ["Lottie", "Charlie"], "Elizabeth": ["Libby", "Beth", "Lizzie"],
    "Catherine": ["Katie", "Kate"], "Rebecca": ["Becky"], "Jessica": ["Jess"],
    "Victoria": ["Tori", "Vicky"], "Abigail": ["Abbie"], "Isabella": ["Bella", "Izzy"],
    "Olivia": ["Liv"], "Oliver": ["Ollie"], "Frederick": ["Freddie"], "Theodore": ["Theo"],
    "Matthew": ["Matty"], "Nicholas": ["Nicky"], "Michael": ["Mikey"], "Samantha": ["Sam"],
    "Christopher": ["Chris"], "Alexandra": ["Lexi"], "Harrison": ["Harry"],
}

# Family names that other agencies sometimes write differently (for "also known as" names).
SPELLINGS = {
    "Smith": "Smyth", "Smyth": "Smith", "Thompson": "Thomson", "Thomson": "Thompson",
    "Phillips": "Philips", "Philips": "Phillips", "McDonald": "Macdonald", "Clarke": "Clark",
    "Macdonald": "McDonald", "Clark": "Clarke", "O'Neill": "O'Neil", "Mohamed": "Mohammed",
}


@dataclass(frozen=True)
class NamePool:
    """The names a household draws from, with the first languages its members may speak."""

    boys: list[str]
    girls: list[str]
    men: list[str]
    women: list[str]
    family: list[str]
    languages: list[str]


BRITISH = NamePool(BOYS, GIRLS, MEN, WOMEN, FAMILY, [])
POOLS = {code: NamePool(*pool) if pool else BRITISH for code, _, pool in ETHNICITIES}
ETHNICITY_CODES = [code for code, _, _ in ETHNICITIES]
ETHNICITY_WEIGHTS = [weight for _, weight, _ in ETHNICITIES]


def pick(rng: Random, names: list[str]) -> str:
    """A name, favouring those early in the list (roughly Zipf, as real name counts are)."""
    n = len(names)
    return names[min(n - 1, int(n * rng.random() ** 2.2))]
