"""Shared helpers for the early help services: locking, moves, teams, members, allocations."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone

from righthelp.core.models import Locality
from righthelp.people import services as people_services
from righthelp.people.models import ChronologyEntry, Family, FamilyMember, Involvement, Person
from righthelp.people.selectors import possible_duplicates
from righthelp.people.services import EditConflict
from righthelp.staff.models import Allocation, Role, Team, User

from .. import rules
from ..access import editable_episodes
from ..models import EarlyHelpEpisode, EpisodeMember
from ..models.episodes import LIVE_STATUSES

EPISODE_CHANGED = (
    "Someone else saved this early help episode while you were working on it. Nothing you "
    "entered has been saved; check the episode as it is now and try again.")
NOT_LIVE = "This episode is closed; it can no longer be changed."
NOT_OPEN = "This episode is not open: the lead professional must be agreed first."
NOT_YOURS = ("You are not part of this early help episode, so you cannot change it. Ask its "
             "lead professional to invite you.")
ALREADY_IN_EPISODE = ("{name} already has open early help. Ask the Early Help Hub who leads "
                      "it, and join that episode rather than opening another.")
# A person typed in matches an index record this closely (and on date of birth): the record is
# used rather than a duplicate made.
SAME_PERSON_SCORE = 0.95


class Conflict(EditConflict):
    """Someone saved first (a stale version): the API answers 409."""

    def __init__(self, message: str = EPISODE_CHANGED):
        ValidationError.__init__(self, message, code="edit_conflict")


def lock(model_obj, version: int | None):
    """Lock the row, refusing the write if someone saved since ``version`` was read."""
    current = type(model_obj).objects.select_for_update().get(pk=model_obj.pk)
    if version is not None and current.version != version:
        raise Conflict()
    current.version += 1
    return current


def check_may_edit(actor: User, episode: EarlyHelpEpisode) -> None:
    if not editable_episodes(actor).filter(pk=episode.pk).exists():
        raise PermissionDenied(NOT_YOURS)


def move(episode: EarlyHelpEpisode, to: str) -> None:
    """Change the status, refusing a move the rules do not allow."""
    if not rules.may_move(episode.status, to):
        raise ValidationError(rules.ILLEGAL_MOVE.format(
            current=episode.get_status_display(), to=dict(episode._meta.get_field(
                "status").choices)[to]), code="edit_conflict")
    episode.status = to


def require_open(episode: EarlyHelpEpisode) -> None:
    if episode.status == "closed":
        raise ValidationError(NOT_LIVE, code="edit_conflict")
    if episode.status != "open":
        raise ValidationError(NOT_OPEN, code="edit_conflict")


def locality_team(locality: Locality | None) -> Team | None:
    if locality is None:
        return None
    return Team.objects.filter(service=Team.Service.EARLY_HELP, locality=locality).order_by(
        "pk").first()


def link_worker_for(locality: Locality | None) -> User | None:
    """The link worker of a locality: one per locality (pathway section 4)."""
    team = locality_team(locality)
    if team is None:
        return None
    today = timezone.localdate()
    return (User.objects.filter(role=Role.LINK_WORKER, is_active=True,
                                memberships__team=team, memberships__start__lte=today)
            .filter(Q(memberships__end__isnull=True) | Q(memberships__end__gte=today))
            .order_by("pk").first())


def own_early_help_team(user: User) -> Team | None:
    """A council worker's own early help team (the locality team they belong to)."""
    today = timezone.localdate()
    return (Team.objects.filter(service=Team.Service.EARLY_HELP, locality__isnull=False,
                                memberships__user=user)
            .filter(Q(memberships__end__isnull=True) | Q(memberships__end__gte=today))
            .order_by("pk").first())


def locality_of_people(people: list[Person]) -> Locality | None:
    from righthelp.frontdoor.services.intake import locality_of

    for person in people:
        if person.current_postcode:
            found = locality_of(person.current_postcode)
            if found is not None:
                return found
    return None


@dataclass
class NewMember:
    """Someone to add to an episode: a record already found, or details to find or add."""

    is_child: bool
    person: Person | None = None
    details: dict = field(default_factory=dict)
    relationship: str = ""


def find_or_add_person(actor: User, details: dict, http_request=None) -> Person:
    """The index record for someone typed in: the same person if the index already has them
    (same names and date of birth), else a new record. Nothing about a match is shown to the
    user, so a partner learns nothing of other records."""
    dob = details.get("date_of_birth")
    if dob:
        for person, score in possible_duplicates(details, limit=3):
            if (score >= SAME_PERSON_SCORE and person.date_of_birth == dob
                    and not person.restricted and person.merged_into_id is None):
                return person
    data = {k: v for k, v in details.items() if v not in (None, "")}
    return people_services.person_create(actor=actor, data=data, request=http_request)


def resolve(actor: User, member: NewMember, http_request=None) -> Person:
    if member.person is not None:
        person = member.person
        return person.merged_into if person.merged_into_id else person
    return find_or_add_person(actor, member.details, http_request)


def check_not_in_other_episode(person: Person, episode: EarlyHelpEpisode | None) -> None:
    live = EarlyHelpEpisode.objects.filter(status__in=LIVE_STATUSES, memberships__person=person,
                                           memberships__is_child=True)
    if episode is not None:
        live = live.exclude(pk=episode.pk)
    if live.exists():
        raise ValidationError({"members": ALREADY_IN_EPISODE.format(name=person.full_name)})


def family_for(children: list[Person], family: Family | None = None) -> Family:
    """The family the children are in already (the first child's only family), or a new one."""
    if family is not None:
        return family
    families = Family.objects.filter(memberships__person=children[0]).distinct()
    if families.count() == 1:
        return families.get()
    return Family.objects.create(name=f"{children[0].family_name or 'New'}")


def join_family(family: Family, person: Person, is_child: bool) -> None:
    FamilyMember.objects.get_or_create(family=family, person=person,
                                       defaults={"role": "child" if is_child else "adult"})


def child_involvement(actor: User, episode: EarlyHelpEpisode, person: Person) -> Involvement:
    """The early help involvement on a child's record, with the locality's team (so the team
    that works with the family has the child on its list)."""
    return Involvement.objects.create(
        person=person, kind=Involvement.Kind.EARLY_HELP,
        team=locality_team(episode.locality) or episode.lead_team,
        level_of_need=episode.level_of_need, start=timezone.localdate(),
        summary=f"Early help episode #{episode.pk}, led by {episode.lead_organisation}.")


def add_member(actor: User, episode: EarlyHelpEpisode, person: Person, is_child: bool,
               relationship: str = "", involvement: Involvement | None = None) -> EpisodeMember:
    join_family(episode.family, person, is_child)
    member, created = EpisodeMember.objects.get_or_create(
        episode=episode, person=person,
        defaults={"is_child": is_child, "relationship": relationship, "added_by": actor})
    if is_child and episode.is_live and member.involvement_id is None:
        member.involvement = involvement or child_involvement(actor, episode, person)
        member.save(update_fields=["involvement"])
    if is_child:
        give_lead(actor, episode, [member])
    if created:
        chronology(actor, person, f"Joined early help episode #{episode.pk}.")
    return member


def allocation_kind(lead: User) -> str:
    if lead.role == Role.PARTNER_LEAD_PROFESSIONAL:
        return Allocation.Kind.LEAD_PROFESSIONAL
    return Allocation.Kind.EARLY_HELP_WORKER


def give_lead(actor: User, episode: EarlyHelpEpisode, members=None) -> None:
    """The lead professional is allocated to each child, so the child's record opens for them
    (a partner sees what need-to-know allows); the episode ends what it made when it closes."""
    lead = episode.lead_professional
    if lead is None or not episode.is_live:
        return
    today = timezone.localdate()
    for member in members if members is not None else episode.memberships.filter(is_child=True):
        if not member.is_child or member.allocation_id:
            continue
        held = Allocation.objects.filter(person=member.person, worker=lead,
                                         start__lte=today).filter(
            Q(end__isnull=True) | Q(end__gte=today))
        if held.exists():
            continue  # already allocated by other work: not this episode's to end
        member.allocation = Allocation.objects.create(
            person=member.person, worker=lead, team=episode.lead_team, kind=allocation_kind(lead),
            start=today, allocated_by=actor,
            reason=f"Lead professional for early help episode #{episode.pk}.")
        member.save(update_fields=["allocation"])


def end_lead(episode: EarlyHelpEpisode) -> None:
    """End the allocations this episode made (closing, or the lead changing)."""
    today = timezone.localdate()
    for member in episode.memberships.filter(allocation__isnull=False).select_related(
            "allocation"):
        allocation = member.allocation
        if allocation.end is None or allocation.end > today:
            allocation.end = max(today, allocation.start)
            allocation.save(update_fields=["end"])
        member.allocation = None
        member.save(update_fields=["allocation"])


def chronology(actor: User | None, person: Person, summary: str) -> None:
    ChronologyEntry.objects.create(person=person, occurred_at=timezone.now(), kind="early_help",
                                   summary=summary, recorded_by=actor)


def children(episode: EarlyHelpEpisode) -> list[Person]:
    return [m.person for m in episode.memberships.filter(is_child=True).select_related(
        "person")]
