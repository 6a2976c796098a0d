"""Reads for Families Together, scoped by need-to-know: the Families Together team sees its
referrals; the child's allocated social worker (and whoever referred) sees the child's; the
team manager of the team holding the child's social work sees their team's children's."""

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.access import not_withheld, visible_people
from righthelp.people.models import Person, Relationship
from righthelp.staff.models import Allocation, Team, TeamMembership, User

from .models import (
    TEAM_CODE,
    CrisisResponse,
    FamiliesTogetherReferral,
    FamilyPlan,
    FamilyTogetherMeeting,
)


def team() -> Team:
    return Team.objects.get(code=TEAM_CODE)


def _open(qs: QuerySet, on=None) -> QuerySet:
    on = on or timezone.localdate()
    return qs.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))


def is_team_member(user: User) -> bool:
    """A current member (worker, coordinator or manager) of the Families Together team."""
    return _open(TeamMembership.objects.filter(user=user, team__code=TEAM_CODE)).exists()


def social_work_allocations(person) -> QuerySet[Allocation]:
    """The child's open allocated-social-worker allocations (directly or through a family)."""
    return _open(Allocation.objects.filter(kind=Allocation.Kind.SOCIAL_WORKER)).filter(
        Q(person=person) | Q(family__members=person))


def is_allocated_social_worker(user: User, person) -> bool:
    return social_work_allocations(person).filter(worker=user).exists()


def manages_childs_social_work(user: User, person) -> bool:
    managed = _open(TeamMembership.objects.filter(user=user, is_manager=True)).values("team_id")
    return social_work_allocations(person).filter(team_id__in=managed).exists()


def referrals_for(user: User) -> QuerySet[FamiliesTogetherReferral]:
    """Every referral ``user`` may see, newest first."""
    referrals = FamiliesTogetherReferral.objects.filter(not_withheld(user))
    if is_team_member(user):
        return referrals
    today = timezone.localdate()
    managed = _open(TeamMembership.objects.filter(user=user, is_manager=True)).values("team_id")
    mine = _open(Allocation.objects.filter(kind=Allocation.Kind.SOCIAL_WORKER), today).filter(
        Q(worker=user) | Q(team_id__in=managed))
    return referrals.filter(
        Q(referred_by=user)
        | Q(person_id__in=mine.filter(person__isnull=False).values("person_id"))
        | Q(person__family_memberships__family_id__in=mine.filter(
            family__isnull=False).values("family_id"))
    ).distinct()


def children_to_refer(user: User) -> list:
    """The children ``user`` is the allocated social worker for (directly or through a
    family): the only children they can refer."""
    mine = _open(Allocation.objects.filter(kind=Allocation.Kind.SOCIAL_WORKER, worker=user))
    return list(visible_people(user).filter(
        Q(pk__in=mine.filter(person__isnull=False).values("person_id"))
        | Q(family_memberships__family_id__in=mine.filter(family__isnull=False).values(
            "family_id"))).distinct().order_by("family_name", "given_names")[:200])


def referral_list(user: User, *, open_only: bool = False,
                  request: HttpRequest | None = None) -> list[FamiliesTogetherReferral]:
    """The referrals ``user`` may see; the list names children, so it is audited like a
    search, in the same transaction as the read."""
    referrals = referrals_for(user)
    if open_only:
        referrals = referrals.filter(status__in=["referred", "accepted"])
    with transaction.atomic():
        found = list(referrals.select_related("person", "referred_by", "consulted_with",
                                              "practitioner")[:500])
        audit.record(user=user, action=audit.Action.SEARCH, request=request,
                     detail={"list": "families together referrals", "open_only": open_only,
                             "results": len(found)})
    return found


def referral_for(user: User, pk: int) -> FamiliesTogetherReferral:
    """One referral the user may see; DoesNotExist otherwise (a 404 to the caller)."""
    return referrals_for(user).select_related(
        "person", "family", "referred_by", "consulted_with", "practitioner", "decided_by",
        "ended_by").get(pk=pk)


def meetings_of(referral: FamiliesTogetherReferral) -> list[FamilyTogetherMeeting]:
    return list(referral.meetings.select_related("recorded_by").prefetch_related(
        "invited__related_person", "attended__related_person",
        "plans__items", "plans__recorded_by", "plans__responded_by"))


def crises_of(referral: FamiliesTogetherReferral) -> list[CrisisResponse]:
    return list(referral.crises.select_related("recorded_by"))


def meeting_for(user: User, pk: int) -> FamilyTogetherMeeting:
    return FamilyTogetherMeeting.objects.select_related("referral__person").get(
        pk=pk, referral__in=referrals_for(user))


def plan_for(user: User, pk: int) -> FamilyPlan:
    return FamilyPlan.objects.select_related("meeting__referral__person").get(
        pk=pk, meeting__referral__in=referrals_for(user))


def crisis_for(user: User, pk: int) -> CrisisResponse:
    return CrisisResponse.objects.select_related("referral__person").get(
        pk=pk, referral__in=referrals_for(user))


def family_network(person) -> QuerySet[Relationship]:
    """Who a Family Together Meeting can invite: the child's family network, the relatives
    and friends recorded on their record (not professionals, who come as themselves), current
    ones only, the people important to the child first."""
    today = timezone.localdate()
    return (Relationship.objects.filter(child=person)
            .exclude(category=Relationship.Category.PROFESSIONAL)
            .filter(Q(end__isnull=True) | Q(end__gte=today))
            .select_related("related_person")
            .order_by("-important_to_child", "kind", "pk"))


def coordinators() -> QuerySet[User]:
    """Who a consultation can be with: the current members of the Families Together team."""
    members = _open(TeamMembership.objects.filter(team__code=TEAM_CODE))
    return User.objects.filter(is_active=True, memberships__in=members).distinct().order_by(
        "last_name", "first_name")


# Where each record's child is, for auditing a refusal against the child's record.
_CHILD_OF = {
    "referral": (FamiliesTogetherReferral, "person"),
    "meeting": (FamilyTogetherMeeting, "referral__person"),
    "plan": (FamilyPlan, "meeting__referral__person"),
    "crisis": (CrisisResponse, "referral__person"),
}


def child_behind(kind: str, pk: int):
    """The child a referral, meeting, plan or crisis is about (None if there is no such
    record), read only to put a refusal on that child's audit trail."""
    model, path = _CHILD_OF[kind]
    person_id = model.objects.filter(pk=pk).values_list(f"{path}__id", flat=True).first()
    return Person.objects.filter(pk=person_id).first() if person_id else None
