from django.urls import reverse

from .url_policy import allows

# The menu: each entry shows only to the roles whose policy lets them use the page, so the
# menu never offers a page that would refuse them. Early help's entry is narrower: managers
# reach it from their teams' pages, and the menu stays short for the roles that use it daily.
NAVIGATION = (
    ("Search", "search", None),
    ("My deadlines", "my-deadlines", None),
    ("Early help", "early-help-home",
     {"partner_lead_professional", "early_help_practitioner", "link_worker"}),
    ("Social work", "sw-team-work", None),
    ("Plans to review", "sw-chairs", None),
    ("Families Together", "ft-referral-list", None),
    ("Complex needs", "cn-list", None),
    ("Hub queue", "hub-queue", None),
    ("Caseloads", "caseloads", None),
    ("Figures", "figures", None),
    ("Family services", "directory-search", None),
)


def service(request):
    """The council's name and the menu entries this user may use."""
    from .models import Council

    user = getattr(request, "user", None)
    council = Council.objects.filter(active=True).values_list("name", flat=True).first()
    signed_in = bool(user and user.is_authenticated)
    return {
        "council_name": council or "Children's services",
        "can_search": signed_in and allows("search", user),
        "navigation": [
            (label, reverse(name)) for label, name, roles in NAVIGATION
            if signed_in and allows(name, user) and (roles is None or user.role in roles)
        ] if signed_in else [],
    }
