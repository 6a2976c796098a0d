"""Who may edit the directory, and which status changes are allowed: pure decisions."""

from .models import ServiceStatus

EDITOR_PERMISSION = "directory.approve_service"

# From each status, the statuses an editor may move a service to.
TRANSITIONS: dict[str, frozenset[str]] = {
    ServiceStatus.SUGGESTED: frozenset({ServiceStatus.PUBLISHED, ServiceStatus.WITHDRAWN}),
    ServiceStatus.PUBLISHED: frozenset({ServiceStatus.WITHDRAWN}),
    ServiceStatus.WITHDRAWN: frozenset({ServiceStatus.PUBLISHED}),
}


def can_edit_directory(user) -> bool:
    """A council editor: holds the ``directory.approve_service`` permission (administrators
    are superusers, who hold every permission; others are given it in Settings)."""
    return bool(user is not None and user.is_authenticated and user.is_active
                and user.has_perm(EDITOR_PERMISSION))


def can_move(current: str, to: str) -> bool:
    return to in TRANSITIONS.get(current, frozenset())


def ages_in_order(age_min: int | None, age_max: int | None) -> bool:
    return age_min is None or age_max is None or age_min <= age_max
