"""Reads of the directory. The public sees published services only; editors see everything.

Search by distance works on SQLite and PostgreSQL alike: a bounding box on latitude and
longitude narrows the rows in the database, then the exact great-circle distance is worked
out in Python and the services are ordered by it.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from . import rules
from .geo import bounding_box, distance_miles, normalise_postcode
from .models import ActivityType, Postcode, Service, ServiceStatus
from .services import NOT_AN_EDITOR

BAD_POSTCODE = "Enter a real postcode, like FY1 5AB"
UNKNOWN_POSTCODE = "We don't know the postcode {postcode}: check it or search without a postcode"
UNKNOWN_ACTIVITY = "Choose a type of activity from the list"
DISTANCE_CHOICES = (1, 2, 5, 10)
DEFAULT_MILES = 2
BAD_DISTANCE = "Choose a distance of 1, 2, 5 or 10 miles"
MAX_RESULTS = 200


@dataclass(frozen=True)
class Hit:
    service: Service
    miles: float | None  # None when the search gave no postcode


@dataclass(frozen=True)
class SearchResults:
    hits: list[Hit]
    origin: Postcode | None
    within: int | None


def find_postcode(text: str) -> Postcode:
    """The postcode someone typed, or a ValidationError naming the field 'postcode'."""
    postcode = normalise_postcode(text)
    if postcode is None:
        raise ValidationError({"postcode": BAD_POSTCODE})
    found = Postcode.objects.filter(postcode=postcode).first()
    if found is None:
        raise ValidationError({"postcode": UNKNOWN_POSTCODE.format(postcode=postcode)})
    return found


def published() -> QuerySet[Service]:
    return (Service.objects.filter(status=ServiceStatus.PUBLISHED)
            .select_related("locality").prefetch_related("activity_types"))


def search_services(*, text: str = "", activity: str = "", postcode: str = "",
                    within: int | None = None) -> SearchResults:
    """Published services matching every word of ``text`` (in the name, description, who
    it is for or an activity type's name) and the activity type; from a postcode, those
    within ``within`` miles (default 2), nearest first. Bad input raises ValidationError
    naming the field."""
    errors = {}
    services = published()
    words = text.split()
    if words:
        services = services.filter(reduce(and_, (
            Q(name__icontains=w) | Q(description__icontains=w) | Q(who_for__icontains=w)
            | Q(activity_types__name__icontains=w) for w in words)))
    if activity:
        if not ActivityType.objects.filter(code=activity).exists():
            errors["activity"] = UNKNOWN_ACTIVITY
        services = services.filter(activity_types__code=activity)
    origin = None
    if postcode.strip():
        try:
            origin = find_postcode(postcode)
        except ValidationError as error:
            errors.update(error.message_dict)
    if within is not None and within not in DISTANCE_CHOICES:
        errors["within"] = BAD_DISTANCE
    if errors:
        raise ValidationError({k: v[0] if isinstance(v, list) else v for k, v in errors.items()})
    if origin is None:
        return SearchResults([Hit(s, None) for s in services.distinct()[:MAX_RESULTS]],
                             None, None)
    miles = within or DEFAULT_MILES
    low_lat, high_lat, low_lon, high_lon = bounding_box(origin.latitude, origin.longitude, miles)
    near = services.filter(latitude__gte=low_lat, latitude__lte=high_lat,
                           longitude__gte=low_lon, longitude__lte=high_lon).distinct()
    hits = []
    for service in near:
        distance = distance_miles(origin.latitude, origin.longitude, service.latitude,
                                  service.longitude)
        if distance <= miles:
            hits.append(Hit(service, distance))
    hits.sort(key=lambda hit: (hit.miles, hit.service.name))
    return SearchResults(hits[:MAX_RESULTS], origin, miles)


def published_service(pk: int) -> Service:
    service = published().filter(pk=pk).first()
    if service is None:
        raise Http404("No published service has that number.")
    return service


def editable_service(user, pk: int) -> Service:
    """Any service, for a council editor; refused (403) to anyone else."""
    if not rules.can_edit_directory(user):
        raise PermissionDenied(NOT_AN_EDITOR)
    service = (Service.objects.select_related("locality", "suggested_by", "approved_by",
                                              "withdrawn_by")
               .prefetch_related("activity_types").filter(pk=pk).first())
    if service is None:
        raise Http404("No service has that number.")
    return service


def services_for_editor(user, status: str = ServiceStatus.SUGGESTED) -> QuerySet[Service]:
    if not rules.can_edit_directory(user):
        raise PermissionDenied(NOT_AN_EDITOR)
    order = "suggested_at" if status == ServiceStatus.SUGGESTED else "name"
    return (Service.objects.filter(status=status).select_related("locality")
            .prefetch_related("activity_types").order_by(order, "pk"))


def services_for_signposting() -> QuerySet[Service]:
    """Published services a Hub decision can point a family to."""
    return Service.objects.filter(status=ServiceStatus.PUBLISHED).order_by("name")


NOT_A_PUBLISHED_SERVICE = "There is no published directory service with the number {number}"


def signposting_services(ids: list[int]) -> list[Service]:
    """The published services with these ids, for a Hub decision; a ValidationError naming
    the field 'signposted_services' if any is missing or not published."""
    found = {s.pk: s for s in services_for_signposting().filter(pk__in=ids)}
    missing = [number for number in ids if number not in found]
    if missing:
        raise ValidationError({"signposted_services": NOT_A_PUBLISHED_SERVICE.format(
            number=missing[0])})
    return [found[number] for number in dict.fromkeys(ids)]
