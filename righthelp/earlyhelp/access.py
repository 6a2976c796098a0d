"""Who may see and change an early help episode (need to know, at the level of the episode).

An episode is seen by:
- its lead professional, and professionals invited into it (for as long as the invitation
  lasts; a "view" invitation reads, a "contribute" one also records);
- the link worker who coaches the lead professional;
- the council's early help team of the episode's locality, its managers included;
- the Early Help Hub (it agrees who leads every episode).
A partner lead professional sees only the episodes they lead or are invited into. Opening any
other episode is refused and the refusal audited; the pages answer 403, the API 404.
"""

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.access import NO_RECORD_ROLES, AccessDenied
from righthelp.core.models import Council
from righthelp.staff.models import Role, Team, TeamMembership, User

from .models import EarlyHelpEpisode, EpisodeInvitation

NOT_YOUR_EPISODE = ("You are not part of this early help episode, so it is not shown. Ask its "
                    "lead professional to invite you if you need to work with the family.")
VIEW_ONLY = ("You were invited to see this episode, not to change it. Ask its lead "
             "professional if you need to record something.")
NO_EPISODE = "No early help episode with that number."


class EpisodeRefused(AccessDenied):
    """Not part of the episode: the refusal is already audited (so the 403 page does not
    record it twice)."""

    def __init__(self, message: str = NOT_YOUR_EPISODE):
        self.person = None
        self.restricted = False
        Exception.__init__(self, message)


def _my_teams(user: User) -> QuerySet:
    today = timezone.localdate()
    return (TeamMembership.objects.filter(user=user, start__lte=today)
            .filter(Q(end__isnull=True) | Q(end__gte=today)).values("team_id"))


def early_help_hub_team() -> Team | None:
    council = Council.objects.current()
    code = council.front_door.get("teams", {}).get("early_help")
    return Team.objects.filter(council=council, code=code).first() if code else None


def in_early_help_hub(user: User) -> bool:
    hub = early_help_hub_team()
    return hub is not None and _my_teams(user).filter(team_id=hub.pk).exists()


def _locality_team_q(user: User) -> Q:
    localities = Team.objects.filter(id__in=_my_teams(user), service=Team.Service.EARLY_HELP,
                                     locality__isnull=False).values("locality_id")
    return Q(locality_id__in=localities)


def _invited_q(user: User, contribute: bool = False) -> Q:
    invitations = EpisodeInvitation.objects.filter(user=user, ended_at__isnull=True)
    if contribute:
        invitations = invitations.filter(access=EpisodeInvitation.Access.CONTRIBUTE)
    return Q(pk__in=invitations.values("episode_id"))


def _council_q(user: User) -> Q | None:
    """What a council early help worker sees by their team (None: everything, for the Hub)."""
    if in_early_help_hub(user):
        return None
    return _locality_team_q(user)


def visible_episodes(user: User) -> QuerySet[EarlyHelpEpisode]:
    """Every episode ``user`` may see. Compose further filters on it."""
    episodes = EarlyHelpEpisode.objects.all()
    if not user.is_authenticated or not user.is_active or user.role in NO_RECORD_ROLES:
        return episodes.none()
    mine = Q(lead_professional=user) | Q(link_worker=user) | _invited_q(user)
    if user.role == Role.PARTNER_LEAD_PROFESSIONAL:
        return episodes.filter(mine)
    council = _council_q(user)
    return episodes if council is None else episodes.filter(mine | council)


def editable_episodes(user: User) -> QuerySet[EarlyHelpEpisode]:
    """Episodes ``user`` may record in: as ``visible_episodes`` less view-only invitations."""
    episodes = EarlyHelpEpisode.objects.all()
    if not user.is_authenticated or not user.is_active or user.role in NO_RECORD_ROLES:
        return episodes.none()
    mine = Q(lead_professional=user) | Q(link_worker=user) | _invited_q(user, contribute=True)
    if user.role == Role.PARTNER_LEAD_PROFESSIONAL:
        return episodes.filter(mine)
    council = _council_q(user)
    return episodes if council is None else episodes.filter(mine | council)


def basis(user: User, episode: EarlyHelpEpisode) -> str:
    if episode.lead_professional_id == user.pk:
        return "lead professional"
    if episode.link_worker_id == user.pk:
        return "link worker"
    if EpisodeInvitation.objects.filter(episode=episode, user=user,
                                        ended_at__isnull=True).exists():
        return "invited"
    return "early help team"


def open_episode(user: User, pk: int, request: HttpRequest | None = None,
                 edit: bool = False) -> EarlyHelpEpisode:
    """Fetch an episode to read (or, with ``edit``, to change), auditing the view or the
    refusal in one transaction."""
    with transaction.atomic():
        episode = EarlyHelpEpisode.objects.select_related(
            "family", "lead_professional", "lead_agency", "lead_team", "locality",
            "link_worker").filter(pk=pk).first()
        if episode is None:
            raise Http404(NO_EPISODE)
        seen = visible_episodes(user).filter(pk=pk).exists()
        allowed = seen and (not edit or editable_episodes(user).filter(pk=pk).exists())
        how = basis(user, episode) if seen else "not part of the episode"
        # One event per child, so each child's "Who looked at this record" shows it.
        children = [m.person for m in episode.memberships.filter(is_child=True)
                    .select_related("person")] or [None]
        for child in children:
            audit.record(user=user, action=audit.Action.VIEW if allowed else audit.Action.DENY,
                         request=request, person=child, obj=episode,
                         detail={"basis": how, "edit": edit, "early_help_episode": episode.pk})
    if not allowed:
        raise EpisodeRefused(VIEW_ONLY if seen else NOT_YOUR_EPISODE)
    return episode
