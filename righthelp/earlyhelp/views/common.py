"""What the early help pages share."""

from django.core.exceptions import ValidationError

from righthelp.core.forms import add_service_errors

from .. import access


def version_of(request) -> int:
    """The version the page was showing; junk or none gives 0, which no record has, so a
    blind save is refused as a conflict rather than made over someone else's."""
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else 0


def episode_for(request, pk: int, edit: bool = False):
    """The episode if the user is part of it; else 403 (the refusal audited)."""
    return access.open_episode(request.user, pk, request, edit=edit)


def show_errors(form, error: ValidationError) -> None:
    add_service_errors(form, error)
