"""Contingency planning (issue 6, item 6): where a child may not be able to stay at home,
the options considered, the family network first (from the child's network, the people
important to the child first), then foster care; which was chosen and why."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from righthelp.core import audit
from righthelp.people.models import Relationship
from righthelp.staff.models import User

from ..models import ChildInNeedEpisode, ContingencyOption, ContingencyPlan
from ..rules.plans import FAMILY_NETWORK, Option, contingency_verdict
from .plans import EPISODE_CLOSED, chronology

NOT_IN_NETWORK = "Choose someone from this child's network."
NEED_DESCRIPTION = "Describe the option."
UNKNOWN_KIND = "Choose the kind of option."


def family_network(person) -> QuerySet[Relationship]:
    """The people a contingency plan may name: relatives and friends in the child's network
    (not professionals), current, the ones important to the child first."""
    today = timezone.localdate()
    return (Relationship.objects.filter(child=person)
            .exclude(category=Relationship.Category.PROFESSIONAL)
            .filter(Q(end__isnull=True) | Q(end__gte=today))
            .select_related("related_person")
            .order_by("-important_to_child", "pk"))


def contingency_plan_record(
    *, episode: ChildInNeedEpisode, actor: User, options: list[dict], summary: str = "",
    childs_words: str = "",
) -> ContingencyPlan:
    """Record the options considered, in order. Each option: kind (family_network,
    foster_care, other), relationship (for the family network), description, considered,
    chosen, why. Foster care chosen without anyone from the network considered is refused
    when the network has people in it."""
    if not episode.is_open:
        raise ValidationError(EPISODE_CLOSED)
    network = {r.pk: r for r in family_network(episode.person)}
    errors = {}
    rows = []
    for number, raw in enumerate(options, start=1):
        kind = raw.get("kind") or ""
        relationship = raw.get("relationship")
        relationship_id = getattr(relationship, "pk", relationship)
        if kind not in ContingencyOption.Kind.values:
            errors.setdefault("options", []).append(f"Option {number}: {UNKNOWN_KIND}")
            continue
        if kind == FAMILY_NETWORK and relationship_id not in network:
            errors.setdefault("options", []).append(f"Option {number}: {NOT_IN_NETWORK}")
            continue
        if kind != FAMILY_NETWORK and not (raw.get("description") or "").strip() \
                and kind != ContingencyOption.Kind.FOSTER_CARE:
            errors.setdefault("options", []).append(f"Option {number}: {NEED_DESCRIPTION}")
            continue
        rows.append({
            "kind": kind,
            "relationship": network.get(relationship_id) if kind == FAMILY_NETWORK else None,
            "description": (raw.get("description") or "").strip()[:200],
            "considered": bool(raw.get("considered", True)),
            "chosen": bool(raw.get("chosen")), "why": (raw.get("why") or "").strip(),
        })
    if errors:
        raise ValidationError(errors)
    verdict = contingency_verdict(
        [Option(r["kind"], r["considered"], r["chosen"], r["why"]) for r in rows],
        network_size=len(network))
    if not verdict.allowed:
        raise ValidationError({verdict.field: verdict.message})
    with transaction.atomic():
        plan = ContingencyPlan.objects.create(person=episode.person, episode=episode,
                                              summary=summary.strip(),
                                              childs_words=childs_words.strip(),
                                              recorded_by=actor)
        ContingencyOption.objects.bulk_create(
            ContingencyOption(plan=plan, order=order, **row)
            for order, row in enumerate(rows, start=1))
        chosen = next(r for r in rows if r["chosen"])
        label = (chosen["relationship"].display_name if chosen["relationship"]
                 else ContingencyOption.Kind(chosen["kind"]).label)
        chronology(episode.person, actor, "contingency_plan",
                   f"Contingency plan: {len(rows)} options considered; chosen: {label}.")
        audit.record(user=actor, action=audit.Action.CREATE, person=episode.person, obj=plan,
                     detail={"options": len(rows), "chosen": chosen["kind"]})
    return plan
