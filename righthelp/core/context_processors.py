from .url_policy import allows


def service(request):
    """The council's name and what the navigation may show this user."""
    from .models import Council

    user = getattr(request, "user", None)
    council = Council.objects.filter(active=True).values_list("name", flat=True).first()
    return {
        "council_name": council or "Children's services",
        "can_search": bool(user and user.is_authenticated and allows("search", user)),
        "can_use_hub": bool(user and user.is_authenticated and allows("hub-queue", user)),
        "can_see_figures": bool(user and user.is_authenticated and allows("hub-figures", user)),
    }
