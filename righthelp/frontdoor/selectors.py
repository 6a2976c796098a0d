"""Front door reads: the Hub's queue, a request in full, known history, a partner's view."""

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from righthelp.core import access
from righthelp.core.access import not_withheld
from righthelp.core.council_settings import timescale
from righthelp.core.models import Council
from righthelp.people.models import Involvement, Person
from righthelp.staff.models import Role, User

from .models import HubDecision, MultiAgencyCheck, RequestChild, RequestForSupport

OPEN_STATUSES = (RequestForSupport.Status.IN_QUEUE,
                 RequestForSupport.Status.AWAITING_AUTHORISATION)
HUB_ROLES = {Role.HUB_WORKER, Role.HUB_MANAGER}


def is_hub(user: User) -> bool:
    """Hub staff, and anyone in a team with the front door's service-wide duty."""
    return user.role in HUB_ROLES


def queue() -> QuerySet[RequestForSupport]:
    """Every open contact, by urgency and then by its decision deadline."""
    now = timezone.now()
    return (
        RequestForSupport.objects.filter(status__in=OPEN_STATUSES, queued_at__lte=now)
        .select_related("working_on", "referrer_agency", "recorded_by")
        .prefetch_related(Prefetch("children", queryset=RequestChild.objects.select_related(
            "person")))
        .order_by("urgency", "decision_due_at", "pk")
    )


def waiting_for_morning() -> QuerySet[RequestForSupport]:
    """Out-of-hours contacts that land in the queue at the next opening."""
    return RequestForSupport.objects.filter(status__in=OPEN_STATUSES,
                                            queued_at__gt=timezone.now()).order_by("queued_at")


def request_for_hub(pk: int) -> RequestForSupport:
    return (
        RequestForSupport.objects.select_related("referrer", "referrer_agency", "working_on",
                                                 "recorded_by")
        .prefetch_related(
            Prefetch("children", queryset=RequestChild.objects.select_related("person")),
            Prefetch("checks", queryset=MultiAgencyCheck.objects.select_related(
                "agency", "asked_of", "answered_by")),
            "visits",
            Prefetch("decisions", queryset=HubDecision.objects.select_related(
                "decided_by", "authorised_by")),
        )
        .get(pk=pk)
    )


@dataclass
class KnownHistory:
    person: Person
    earlier_requests: list
    involvements: list
    open_to_return_team_recently: bool


def known_history(person: Person, exclude_request: int | None = None) -> KnownHistory:
    """What the system already knows of a child: earlier requests, early help, plans, care,
    and whether they were open to the return team within the council's look-back."""
    earlier = list(
        RequestChild.objects.filter(person=person).exclude(request_id=exclude_request)
        .exclude(request__status=RequestForSupport.Status.DRAFT)
        .select_related("request").order_by("-request__received_at")[:20]
    )
    involvements = list(Involvement.objects.filter(person=person).select_related("team"))
    return KnownHistory(person, [c.request for c in earlier], involvements,
                        open_to_return_team_recently(person, involvements))


def shown_names(user: User, children) -> dict[int, str]:
    """The name to show ``user`` for each child named in requests (by ``RequestChild`` id).

    A linked child shows the index record's name, unless that record is withheld from the
    user (restricted without a named grant, or merged away): then the name the request gives,
    so a restricted record (an adopted child's, say) never shows its own name to the queue.
    """
    children = list(children)
    shown = set(RequestChild.objects.filter(pk__in=[c.pk for c in children],
                                            person__isnull=False)
                .filter(not_withheld(user)).values_list("pk", flat=True))
    return {c.pk: c.person.full_name if c.pk in shown else str(c) for c in children}


def name_children(user: User, children) -> None:
    """Set ``shown_name`` on each child for the pages (see ``shown_names``)."""
    children = list(children)
    names = shown_names(user, children)
    for child in children:
        child.shown_name = names[child.pk]


@dataclass
class LinkedChild:
    """A child named in a request, as the Hub may see them: the known history only when
    need-to-know lets the user open the child's record (the view, or the refusal, audited)."""

    child: RequestChild
    history: KnownHistory | None = None
    withheld: str = ""


def linked_children(user: User, rfs: RequestForSupport, http_request=None) -> list[LinkedChild]:
    """Each child in a request with their known history, read through ``access.open_person``
    so every view of a child's history is audited in the same transaction, and a record the
    user may not open (restricted, or no need to know) shows no history."""
    rows = []
    for child in rfs.children.all():
        if not child.person_id:
            rows.append(LinkedChild(child))
            continue
        with transaction.atomic():
            try:
                access.open_person(user, child.person_id, http_request)
            except access.AccessDenied as refused:
                rows.append(LinkedChild(child, withheld=str(refused)))
                continue
            rows.append(LinkedChild(child, known_history(child.person, exclude_request=rfs.pk)))
    return rows


def open_to_return_team_recently(person: Person, involvements=None) -> bool:
    """Open to Strengthening and Supporting Families now, or within the look-back (6 months)."""
    council = Council.objects.current()
    code = council.front_door.get("teams", {}).get("return_to_team")
    rule = timescale("step-down-lookback")
    since = timezone.localdate() - relativedelta(months=rule.amount)
    rows = involvements if involvements is not None else Involvement.objects.filter(
        person=person).select_related("team")
    return any(i.team and i.team.code == code and (i.end is None or i.end >= since)
               for i in rows)


def requests_made_by(user: User) -> QuerySet[RequestForSupport]:
    """A referrer's own requests, with their outcome: what they may see of the Hub's work."""
    return (
        RequestForSupport.objects.filter(referrer=user)
        .prefetch_related("children", Prefetch(
            "decisions", queryset=HubDecision.objects.filter(status="authorised")))
        .order_by("-created_at")
    )


def checks_for(user: User) -> QuerySet[MultiAgencyCheck]:
    """Multi-agency checks waiting for this partner's (or their agency's) answer."""
    mine = Q(asked_of=user) | Q(asked_of__isnull=True, agency_id=user.agency_id)
    return (
        MultiAgencyCheck.objects.filter(mine, answered_at__isnull=True)
        .select_related("request", "agency", "asked_by")
        .prefetch_related("request__children")
        .order_by("due_at")
    )


def decisions_to_authorise(user: User) -> QuerySet[HubDecision]:
    return (
        HubDecision.objects.filter(status=HubDecision.Status.AWAITING_AUTHORISATION)
        .exclude(decided_by=user)
        .select_related("request", "decided_by")
        .order_by("request__decision_due_at")
    )
