"""Shared helpers for the front door services."""

from django.core.exceptions import ValidationError

from righthelp.core.models import Council
from righthelp.staff.models import Team

from ..models import RequestForSupport

REQUEST_CHANGED = (
    "Someone else saved this request while you were working on it. Nothing you entered has "
    "been saved; check the request as it is now and try again."
)


def team_for(step_key: str) -> Team:
    """The team that receives a step, from the council's [front_door.teams] settings."""
    council = Council.objects.current()
    code = council.front_door.get("teams", {}).get(step_key)
    if not code:
        raise ValidationError(f"The council's settings name no team for '{step_key}'.")
    return Team.objects.get(council=council, code=code)


def lock(request_obj: RequestForSupport, version: int | None) -> RequestForSupport:
    """Lock the row, refusing the write if someone saved since ``version`` was read."""
    current = RequestForSupport.objects.select_for_update().get(pk=request_obj.pk)
    if version is not None and current.version != version:
        raise ValidationError(REQUEST_CHANGED, code="edit_conflict")
    current.version += 1
    return current
