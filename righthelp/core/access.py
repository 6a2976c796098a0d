"""Need-to-know access: the one layer every query of children's data goes through.

A user sees a person's record only when their work needs it:
- they are allocated to the child (or to the child's family), or
- a team they belong to (or manage) holds an open allocation or involvement for the child, or
- their team has a service-wide duty (the Request for Support Hub during triage, the
  Emergency Duty Team out of hours), or
- the person is an adult in the network of a child they may see.
Restricted records (a staff member's own family, adoption) need an explicit grant on top.
Break-glass access, with a reason, opens one record for a few hours and is flagged to the
user's team manager. Every decision here is audited by ``open_person``.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from righthelp.people.models import FamilyMember, Involvement, Person, Relationship
from righthelp.staff.models import Allocation, Role, Team, TeamMembership, User

from . import audit
from .models import BreakGlassGrant, Council, RestrictedAccessGrant

# Roles whose work never needs an individual child's record (they see figures, or settings).
NO_RECORD_ROLES = {Role.ANALYST, Role.ADMINISTRATOR}
# Roles that may use break-glass: council practitioners, not partners, analysts or admins.
BREAK_GLASS_ROLES = set(Role) - NO_RECORD_ROLES - {Role.PARTNER_LEAD_PROFESSIONAL}

DENIED_MESSAGE = (
    "You do not have a need to know for this record, so it is not shown. "
    "If you need it now for a child's safety, you can ask for emergency access with a reason."
)
RESTRICTED_MESSAGE = (
    "This record is restricted. Only people given access by name can open it; ask the team "
    "manager who holds the case."
)


class AccessDenied(PermissionDenied):
    def __init__(self, person: Person, restricted: bool = False):
        self.person = person
        self.restricted = restricted
        super().__init__(RESTRICTED_MESSAGE if restricted else DENIED_MESSAGE)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    basis: str


def _my_team_ids(user: User) -> QuerySet:
    today = timezone.localdate()
    return (
        TeamMembership.objects.filter(user=user, start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .values("team_id")
    )


def _open_allocations(user: User) -> QuerySet:
    today = timezone.localdate()
    return (
        Allocation.objects.filter(start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .filter(Q(worker=user) | Q(team_id__in=_my_team_ids(user)))
    )


def _has_service_wide_duty(user: User) -> QuerySet:
    return Team.objects.filter(
        id__in=_my_team_ids(user), access_scope=Team.AccessScope.SERVICE_WIDE
    )


def _granted_ids(user: User) -> tuple[QuerySet, QuerySet]:
    restricted = RestrictedAccessGrant.objects.filter(user=user, revoked_at__isnull=True)
    glass = BreakGlassGrant.objects.filter(user=user, expires_at__gt=timezone.now())
    return restricted.values("person_id"), glass.values("person_id")


def _need_to_know(user: User) -> Q:
    """Children (and their networks' adults) that the user's work needs, before restriction."""
    allocations = _open_allocations(user)
    child_ids = Q(id__in=allocations.filter(person__isnull=False).values("person_id"))
    child_ids |= Q(
        id__in=FamilyMember.objects.filter(
            family_id__in=allocations.filter(family__isnull=False).values("family_id")
        ).values("person_id")
    )
    if user.role != Role.PARTNER_LEAD_PROFESSIONAL:
        child_ids |= Q(
            id__in=Involvement.objects.filter(
                end__isnull=True, team_id__in=_my_team_ids(user)
            ).values("person_id")
        )
    network = Relationship.objects.filter(
        child__in=Person.objects.filter(child_ids), related_person__isnull=False
    )
    return child_ids | Q(id__in=network.values("related_person_id"))


def visible_people(user: User) -> QuerySet[Person]:
    """Every person whose record ``user`` may open now. Compose further filters on it."""
    people = Person.objects.filter(merged_into__isnull=True)
    if not user.is_authenticated or not user.is_active:
        return people.none()
    restricted_ids, glass_ids = _granted_ids(user)
    if user.role in NO_RECORD_ROLES:
        return people.filter(Q(id__in=restricted_ids) | Q(id__in=glass_ids, restricted=False))
    if _has_service_wide_duty(user).exists():
        open_to_me = Q(restricted=False)
    else:
        open_to_me = _need_to_know(user) & Q(restricted=False)
    glass = Q(id__in=glass_ids, restricted=False)
    return people.filter(open_to_me | glass | Q(id__in=restricted_ids))


def not_withheld(user: User, field: str = "person") -> Q:
    """For rows the user holds by their own work (their allocations, their deadlines): only
    restricted records without a named grant, and merged ones, are withheld. Cheaper than
    ``visible_people`` where the row itself already shows the need to know."""
    granted = RestrictedAccessGrant.objects.filter(user=user, revoked_at__isnull=True)
    return Q(**{f"{field}__merged_into__isnull": True}) & (
        Q(**{f"{field}__restricted": False})
        | Q(**{f"{field}_id__in": granted.values("person_id")})
    )


def decide(user: User, person: Person) -> Decision:
    """Whether ``user`` may open ``person``'s record, and on what basis (for the audit)."""
    if not user.is_authenticated:
        return Decision(False, "not signed in")
    restricted_ids, glass_ids = _granted_ids(user)
    if person.restricted:
        granted = restricted_ids.filter(person_id=person.pk).exists()
        return Decision(granted, "restricted: named grant" if granted else "restricted")
    if not visible_people(user).filter(pk=person.pk).exists():
        return Decision(False, "no need to know")
    if glass_ids.filter(person_id=person.pk).exists():
        return Decision(True, "break-glass")
    if _open_allocations(user).filter(Q(person=person) | Q(family__members=person)).exists():
        return Decision(True, "allocated")
    return Decision(True, "team or service duty")


def open_person(user: User, pk: int, request: HttpRequest | None = None) -> Person:
    """Fetch a person for reading, auditing the view or the refusal in one transaction."""
    with transaction.atomic():
        person = Person.objects.filter(pk=pk).first()
        if person is None:
            raise Http404("No person with that number.")
        # A merged record is opened on the strength of the record it was merged into.
        decision = decide(user, person.merged_into if person.merged_into_id else person)
        action = audit.Action.VIEW if decision.allowed else audit.Action.DENY
        audit.record(
            user=user, action=action, request=request, person=person,
            detail={"basis": decision.basis},
        )
    if not decision.allowed:
        raise AccessDenied(person, restricted=person.restricted)
    return person


BREAK_GLASS_REFUSED = "Emergency access is not available to your role."
BREAK_GLASS_RESTRICTED = "Emergency access cannot open a restricted record."
BREAK_GLASS_REASON_NEEDED = "Say why you need this record now (at least 10 characters)."


def break_glass(user: User, person: Person, reason: str, request: HttpRequest | None = None):
    """Open one record for the council's break-glass period, audited and flagged."""
    from django.core.exceptions import ValidationError

    if user.role not in BREAK_GLASS_ROLES:
        raise ValidationError({"reason": BREAK_GLASS_REFUSED})
    if person.restricted:
        raise ValidationError({"reason": BREAK_GLASS_RESTRICTED})
    if len((reason or "").strip()) < 10:
        raise ValidationError({"reason": BREAK_GLASS_REASON_NEEDED})
    hours = Council.objects.current().break_glass_hours
    with transaction.atomic():
        grant = BreakGlassGrant.objects.create(
            user=user, person=person, reason=reason.strip(),
            expires_at=timezone.now() + timedelta(hours=hours),
        )
        audit.record(
            user=user, action=audit.Action.BREAK_GLASS, request=request, person=person,
            obj=grant, reason=grant.reason, detail={"expires_at": grant.expires_at.isoformat()},
        )
    return grant


def break_glass_to_review(manager: User) -> QuerySet[BreakGlassGrant]:
    """Break-glass grants by members of the teams this manager manages, not yet reviewed."""
    today = timezone.localdate()
    managed = TeamMembership.objects.filter(user=manager, is_manager=True).filter(
        Q(end__isnull=True) | Q(end__gte=today)
    )
    members = TeamMembership.objects.filter(team_id__in=managed.values("team_id")).values(
        "user_id"
    )
    return (
        BreakGlassGrant.objects.filter(user_id__in=members, reviewed_at__isnull=True)
        .exclude(user=manager)
        .select_related("user", "person")
        .order_by("-granted_at")
    )
