"""The kinds of activity a directory service offers: the council can add more in Settings."""

ACTIVITY_TYPES: tuple[tuple[str, str], ...] = (
    ("parenting", "Parenting support"),
    ("play-and-stay", "Play and stay"),
    ("baby-and-early-years", "Baby and early years"),
    ("family-hub", "Family hub"),
    ("send-support", "SEND support"),
    ("youth-club", "Youth club"),
    ("healthy-eating", "Healthy eating"),
    ("food-bank", "Food bank and free meals"),
    ("debt-and-money", "Debt and money advice"),
    ("housing", "Housing advice"),
    ("domestic-abuse", "Domestic abuse support"),
    ("mental-health", "Mental health and wellbeing"),
    ("drugs-and-alcohol", "Drugs and alcohol support"),
    ("sexual-health", "Sexual health"),
    ("sport-and-activities", "Sport and activities"),
    ("learning-and-work", "Learning, training and work"),
)


def ensure_activity_types(model=None) -> int:
    """Create any of the standard activity types that are missing; returns how many."""
    if model is None:
        from .models import ActivityType as model
    held = set(model.objects.values_list("code", flat=True))
    missing = [model(code=code, name=name) for code, name in ACTIVITY_TYPES if code not in held]
    model.objects.bulk_create(missing)
    return len(missing)
