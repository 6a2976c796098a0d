"""The family services directory on synthetic data: Blackpool-like services, published.

About forty fictional services (family hubs in the three localities, Families in Need
parenting courses, For Baby's Sake, Better Start, youth clubs, SEND support, food banks...),
each at a real Blackpool postcode from the shipped open data file, which this stage loads.
Two more wait for a council editor as suggestions from the public. Phone numbers are from
Ofcom's range for drama (01632 960xxx) and addresses on the web use example.org: nothing here
reaches a real person.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from righthelp.core.models import Locality
from righthelp.directory.activity_types import ensure_activity_types
from righthelp.directory.loader import load_postcodes
from righthelp.directory.models import ActivityType, Postcode, Service, ServiceStatus
from righthelp.staff.models import Role, User

POSTCODE_FILE = Path(settings.BASE_DIR) / "data" / "postcodes" / "blackpool.csv"
REVOE, TALBOT, GRANGE = "revoe", "talbot-brunswick", "grange-park"
TERM = "term time"

# name, locality, postcode, address, activity types, what it offers, who for, when,
# cost ("" is free), ages (youngest, oldest)
SERVICES = [
    ("Revoe Family Hub", REVOE, "FY1 5QT", "Revoe Family Hub, Grasmere Road",
     "family-hub baby-and-early-years parenting",
     "Drop in for advice from health visitors, family support workers and midwives. Baby "
     "weighing, stay and play, help with forms and a quiet room to talk.",
     "Families with children up to 19 (25 with SEND) living in Revoe and South Shore",
     "Monday to Friday 9am to 5pm", "", (0, 19)),
    ("Talbot and Brunswick Family Hub", TALBOT, "FY1 2BN", "Family Hub, Talbot Road",
     "family-hub baby-and-early-years parenting",
     "Your local family hub: health visitor clinics, parenting groups, advice on money and "
     "housing, and people to talk to when things are hard.",
     "Families with children up to 19 (25 with SEND) in the town centre, Talbot and Brunswick",
     "Monday to Friday 9am to 5pm, Thursday until 7pm", "", (0, 19)),
    ("Grange Park Family Hub", GRANGE, "FY3 7QP", "Family Hub, Dinmore Avenue",
     "family-hub baby-and-early-years parenting",
     "Health visitors, family support, play sessions and a community café under one roof.",
     "Families with children up to 19 (25 with SEND) in Grange Park, Layton and Bispham",
     "Monday to Friday 9am to 5pm", "", (0, 19)),
    ("Triple P parenting course (Revoe)", REVOE, "FY1 6LS", "Revoe Family Hub, Grasmere Road",
     "parenting",
     "Families in Need's eight-week Triple P group: positive parenting, routines, and "
     "handling tantrums and arguments calmly.",
     "Parents and carers of children aged 2 to 12", "Tuesdays 9:30am to 11:30am, " + TERM,
     "", (2, 12)),
    ("Triple P parenting course (Talbot and Brunswick)", TALBOT, "FY1 2DT",
     "Family Hub, Talbot Road", "parenting",
     "Families in Need's Triple P group in the evening, for parents who work in the day.",
     "Parents and carers of children aged 2 to 12", "Thursdays 6pm to 8pm, " + TERM, "",
     (2, 12)),
    ("Triple P parenting course (Grange Park)", GRANGE, "FY3 7QR", "Family Hub, Dinmore Avenue",
     "parenting", "Families in Need's Triple P group, with a crèche for under-5s.",
     "Parents and carers of children aged 2 to 12", "Wednesdays 1pm to 3pm, " + TERM, "",
     (2, 12)),
    ("Teen Triple P", TALBOT, "FY1 2EN", "Family Hub, Talbot Road", "parenting mental-health",
     "A parenting course for families with teenagers: talking together, agreeing rules and "
     "staying calm when things escalate.", "Parents and carers of 10 to 16 year olds",
     "Mondays 6pm to 8pm, " + TERM, "", (10, 16)),
    ("Video Interactive Guidance", REVOE, "FY1 6NS", "Revoe Family Hub, Grasmere Road",
     "parenting baby-and-early-years",
     "A family practitioner films short everyday moments with your child and watches them "
     "back with you, noticing what goes well.", "Parents of babies and young children",
     "By appointment through your family hub", "", (0, 5)),
    ("Parents as Partners", TALBOT, "FY1 2HR", "Family Hub, Talbot Road",
     "parenting mental-health",
     "A 16-week group for couples and co-parents who are arguing a lot, to help them work as "
     "a team for their children.", "Parents and co-parents, together or apart",
     "Wednesdays 6pm to 8:30pm", "", None),
    ("For Baby's Sake", REVOE, "FY1 6PA", "Revoe Family Hub, Grasmere Road",
     "domestic-abuse baby-and-early-years parenting",
     "Support for expectant parents where there is domestic abuse, from pregnancy until the "
     "baby is two, working with mum and dad separately.",
     "Expectant parents affected by domestic abuse", "By referral; we come to you", "",
     None),
    ("Better Start: Baby Steps", REVOE, "FY1 6LX", "Revoe Family Hub, Grasmere Road",
     "baby-and-early-years parenting",
     "An antenatal and early parenting programme for mums and birth partners, from 28 weeks "
     "of pregnancy.", "Expectant parents", "Mondays 10am to 12pm", "", None),
    ("Better Start: Talking Together", GRANGE, "FY3 7TG", "Family Hub, Dinmore Avenue",
     "baby-and-early-years",
     "Early language support: a speech and language worker visits at home to help your "
     "toddler's talking through play.", "Families of 2 year olds",
     "By appointment", "", (1, 3)),
    ("Better Start: Let's Play", TALBOT, "FY1 2BE", "Family Hub, Talbot Road",
     "play-and-stay baby-and-early-years",
     "Messy play, songs and stories with a snack, and a chance to meet other parents.",
     "Parents and carers with children under 5", "Fridays 10am to 11:30am", "", (0, 5)),
    ("Stay and Play at South Shore", REVOE, "FY4 3DT", "St Peter's Church Hall, Lytham Road",
     "play-and-stay baby-and-early-years",
     "A friendly play session run by volunteers, with toys, crafts and tea and toast.",
     "Parents, grandparents and carers with children under 5",
     "Tuesdays and Thursdays 9:30am to 11am", "£1 a family, includes a snack", (0, 5)),
    ("Bumps and Babies", GRANGE, "FY3 7UA", "Family Hub, Dinmore Avenue",
     "baby-and-early-years mental-health",
     "A relaxed group for pregnant women and new parents: baby massage, feeding support and "
     "people to talk to.", "Pregnant women and parents of babies under 1",
     "Thursdays 1pm to 2:30pm", "", (0, 1)),
    ("Breastfeeding peer support", TALBOT, "FY1 1DE", "Central Library, Queen Street",
     "baby-and-early-years healthy-eating",
     "Trained mums who have breastfed help with latching, expressing and feeding out and "
     "about.", "Anyone feeding a baby", "Wednesdays 10am to 12pm", "", (0, 2)),
    ("Bispham Youth Club", GRANGE, "FY2 9DJ", "Bispham Community Centre, Bispham Road",
     "youth-club sport-and-activities",
     "Pool, table tennis, music, cooking and trips, with youth workers to talk to.",
     "Young people aged 11 to 18", "Mondays and Wednesdays 6pm to 9pm", "50p a night",
     (11, 18)),
    ("Revoe Youth Zone", REVOE, "FY1 5QZ", "Community Centre, Central Drive",
     "youth-club sport-and-activities",
     "Sports hall, art room, gaming and a quiet space, with a hot meal every session.",
     "Young people aged 8 to 19 (25 with SEND)", "Tuesday to Friday 5pm to 9pm",
     "£1 a session", (8, 19)),
    ("Grange Park Youth Club", GRANGE, "FY3 7RY", "Grange Park Community Centre",
     "youth-club", "Games, music and trips, and youth workers to listen.",
     "Young people aged 11 to 16", "Thursdays 6pm to 8:30pm", "", (11, 16)),
    ("Layton Junior Club", TALBOT, "FY3 8EA", "Layton Methodist Hall, Westcliffe Drive",
     "youth-club sport-and-activities",
     "Crafts, cooking and outdoor games for younger children after school.",
     "Children aged 7 to 11", "Wednesdays 3:30pm to 5:30pm, " + TERM, "£1 a session",
     (7, 11)),
    ("SEND information, advice and support", TALBOT, "FY1 1HA", "Municipal Buildings",
     "send-support",
     "Free, impartial advice for parents, children and young people about special "
     "educational needs and disabilities, EHC plans and school.",
     "Families of children and young people with SEND, aged 0 to 25",
     "Monday to Friday 9am to 4:30pm", "", (0, 25)),
    ("Sensory Stay and Play", GRANGE, "FY3 7TB", "Family Hub, Dinmore Avenue",
     "send-support play-and-stay",
     "A calm play session with sensory toys and lights, for children who find busy groups "
     "hard.", "Children under 8 with additional needs, and their families",
     "Saturdays 10am to 11:30am", "", (0, 8)),
    ("Parent Carer Forum coffee morning", REVOE, "FY1 6JB", "Revoe Library, Central Drive",
     "send-support mental-health",
     "Meet other parent carers, share what works, and hear from services.",
     "Parents and carers of children with SEND", "First Monday of the month, 10am to 12pm",
     "", None),
    ("Autism-friendly swimming", REVOE, "FY4 3JA", "Leisure Centre, Lytham Road",
     "send-support sport-and-activities",
     "Quiet swimming sessions with lights dimmed and music off.",
     "Children and young people with autism and their families", "Sundays 8am to 9am",
     "£2 a child, adults free", (4, 18)),
    ("Revoe Community Food Bank", REVOE, "FY1 6DN", "Revoe Community Church, Central Drive",
     "food-bank debt-and-money",
     "Emergency food parcels, toiletries and baby items, with advice on money and benefits "
     "while you wait.", "Anyone struggling to afford food", "Tuesdays and Fridays 12pm to 2pm",
     "", None),
    ("Talbot Road Food Bank", TALBOT, "FY1 1LF", "Citadel Hall, Talbot Road", "food-bank",
     "Food parcels with a voucher from a family hub, school, GP or Citizens Advice.",
     "Families and adults in crisis", "Monday, Wednesday and Friday 11am to 1pm", "", None),
    ("Grange Park Community Pantry", GRANGE, "FY3 7TL", "Grange Park Community Centre",
     "food-bank healthy-eating",
     "A members' pantry: ten items of food for £3.50 a week, including fresh fruit and veg.",
     "Families living in Grange Park", "Thursdays 10am to 1pm", "£3.50 a week", None),
    ("Holiday Activities and Food", TALBOT, "FY1 2AB", "Schools and clubs across Blackpool",
     "healthy-eating sport-and-activities food-bank",
     "Free holiday clubs with a healthy meal every day, in the Easter, summer and Christmas "
     "holidays.", "Children aged 5 to 16 who get free school meals",
     "School holidays, 10am to 2pm", "", (5, 16)),
    ("Cook and Eat", REVOE, "FY1 6DJ", "Revoe Family Hub, Grasmere Road", "healthy-eating",
     "Learn to cook cheap, healthy family meals in six weeks and take the food home.",
     "Parents and carers", "Thursdays 10am to 12pm, " + TERM, "", None),
    ("Money and debt advice sessions", TALBOT, "FY1 1DH", "Family Hub, Talbot Road",
     "debt-and-money",
     "Free confidential help with debts, bills, benefits and budgeting from trained "
     "advisers.", "Any adult living in Blackpool", "Tuesdays 9am to 1pm, by appointment", "",
     None),
    ("Help with energy bills", GRANGE, "FY2 0UH", "Bispham Library, Bispham Road",
     "debt-and-money housing",
     "Advice on cutting energy costs, grants, and dealing with arrears.",
     "Households in Blackpool", "Fridays 10am to 12pm", "", None),
    ("Young people's housing advice (16 and 17)", TALBOT, "FY1 1NE", "Housing Options, "
     "Municipal Buildings", "housing",
     "Joint help from Housing Options and children's services for 16 and 17 year olds who "
     "cannot stay at home.", "Young people aged 16 and 17 at risk of homelessness",
     "Monday to Friday 9am to 5pm", "", (16, 17)),
    ("The Freedom Programme", REVOE, "FY1 6PJ", "A safe venue: details when you book",
     "domestic-abuse",
     "A twelve-week group for women who have experienced domestic abuse, to understand it "
     "and rebuild confidence.", "Women affected by domestic abuse", "Weekly, daytime", "",
     None),
    ("Children's domestic abuse recovery group", GRANGE, "FY3 7QB", "Family Hub, Dinmore "
     "Avenue", "domestic-abuse mental-health",
     "A ten-week group where children who have lived with domestic abuse can make sense of "
     "it, alongside a group for their mums.", "Children aged 7 to 11 and their mothers",
     "Tuesdays 4pm to 5:30pm, " + TERM, "", (7, 11)),
    ("Young minds drop-in", TALBOT, "FY1 2DL", "Youth Hub, Abingdon Street",
     "mental-health",
     "Talk to a counsellor or wellbeing worker about worries, stress, low mood or anything "
     "else, without an appointment.", "Young people aged 11 to 25", "Wednesdays 3pm to 7pm",
     "", (11, 25)),
    ("Perinatal peer support", REVOE, "FY1 6LD", "Revoe Family Hub, Grasmere Road",
     "mental-health baby-and-early-years",
     "Support from other parents who have been through low mood or anxiety in pregnancy or "
     "after birth.", "Parents in pregnancy and the first year", "Fridays 1pm to 2:30pm", "",
     None),
    ("Young people's drug and alcohol service", TALBOT, "FY1 1JD", "Youth Hub, Abingdon "
     "Street", "drugs-and-alcohol mental-health",
     "Confidential one-to-one help for young people worried about their own or a family "
     "member's drinking or drug use.", "Young people aged 10 to 18", "Monday to Friday 9am "
     "to 5pm", "", (10, 18)),
    ("Young people's sexual health clinic", TALBOT, "FY1 1JP", "Youth Hub, Abingdon Street",
     "sexual-health",
     "Free, confidential contraception, testing and advice, with a worker to talk to about "
     "relationships.", "Young people aged 13 to 24", "Mondays and Thursdays 3pm to 6pm", "",
     (13, 24)),
    ("Junior Parkrun", GRANGE, "FY2 0XE", "Anchorsholme Park", "sport-and-activities",
     "A free, timed 2k run every Sunday morning, run by volunteers.",
     "Children aged 4 to 14 and their families", "Sundays 9am", "", (4, 14)),
    ("Family learning: English and maths", GRANGE, "FY4 5HT", "Mereside Library, Langdale Road",
     "learning-and-work parenting",
     "Short courses to brush up your English and maths and help with your child's homework.",
     "Parents and carers", "Mondays 9:30am to 11:30am, " + TERM, "", None),
    ("Mereside toddler group", GRANGE, "FY4 5PA", "Mereside Community Centre",
     "play-and-stay baby-and-early-years", "Toys, songs and tea for toddlers and their grown-ups.",
     "Children under 4 and their carers", "Wednesdays 9:30am to 11am", "50p a child", (0, 4)),
]

SUGGESTIONS = [
    ("Saturday dads' breakfast club", "FY2 9AA", "parenting play-and-stay",
     "Breakfast and play for dads and their children on Saturday mornings at the church hall.",
     "Dads, granddads and male carers with children under 8", "Sam Baxter",
     "sam.baxter@example.org"),
    ("Anchorsholme baby signing", "FY5 1AZ", "baby-and-early-years",
     "Learn baby sign language through songs.", "Parents with babies aged 6 to 18 months",
     "Priya Nair", "priya.nair@example.org"),
]


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")[:40]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def write_directory(today: date) -> dict[str, int]:
    """Load Blackpool's postcodes, then write the directory's services and suggestions."""
    report = load_postcodes(POSTCODE_FILE)
    ensure_activity_types()
    kinds = {k.code: k for k in ActivityType.objects.all()}
    localities = {loc.code: loc for loc in Locality.objects.all()}
    points = {p.postcode: p for p in Postcode.objects.all()}
    editor = (User.objects.filter(role=Role.ADMINISTRATOR, is_active=True).order_by("pk")
              .first())
    with transaction.atomic():
        for number, row in enumerate(SERVICES):
            (name, locality, postcode, address, codes, description, who_for, when, cost,
             ages) = row
            point = points[postcode]  # every postcode here is in the shipped file
            service = Service.objects.create(
                name=name, description=description, who_for=who_for,
                locality=localities.get(locality), address=f"{address}\nBlackpool",
                postcode=postcode, latitude=point.latitude, longitude=point.longitude,
                opening_times=when, cost_kind="paid" if cost else "free", cost_details=cost,
                phone=f"01632 960{number:03d}", email=f"{_slug(name)}@example.org",
                website=f"https://example.org/blackpool/{_slug(name)}",
                age_min=ages[0] if ages else None, age_max=ages[1] if ages else None,
                status=ServiceStatus.PUBLISHED, approved_by=editor,
                approved_at=_at(today - timedelta(days=30 + number * 7), 10))
            service.activity_types.set([kinds[c] for c in codes.split()])
        for number, (name, postcode, codes, description, who_for, by, email) in enumerate(
                SUGGESTIONS):
            point = points.get(postcode)
            service = Service.objects.create(
                name=name, description=description, who_for=who_for, postcode=postcode,
                latitude=point.latitude if point else None,
                longitude=point.longitude if point else None,
                status=ServiceStatus.SUGGESTED, suggested_by_name=by, suggested_by_email=email,
                suggested_at=_at(today - timedelta(days=2 + number), 19))
            service.activity_types.set([kinds[c] for c in codes.split()])
    return {"postcodes": report.loaded, "directory services": len(SERVICES),
            "directory suggestions": len(SUGGESTIONS)}
