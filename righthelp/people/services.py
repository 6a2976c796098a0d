"""Writes to the person index. Each is one transaction that writes its own audit event."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from righthelp.core import audit
from righthelp.core.models import BreakGlassGrant, Deadline, RestrictedAccessGrant
from righthelp.staff.models import Allocation, User

from .matching import normalise_postcode
from .models import (
    Address,
    ChronologyEntry,
    FamilyMember,
    Involvement,
    Person,
    PersonName,
    Relationship,
)

EDIT_CONFLICT = (
    "Someone else saved changes to this record while you were editing it. Your changes have "
    "not been saved. Check the record as it is now, then make your changes again."
)
PERSON_FIELDS = (
    "kind", "given_names", "family_name", "known_as", "date_of_birth", "expected_date", "sex",
    "gender", "ethnicity", "first_language", "disability", "disability_detail", "upn",
    "nhs_number",
)


BIRTH_IN_FUTURE = ("A date of birth cannot be in the future. For a baby not yet born, add them "
                   "as an unborn child with the expected date.")


class EditConflict(ValidationError):
    """The record changed since the editor loaded it: the second save is refused."""

    def __init__(self):
        super().__init__(EDIT_CONFLICT, code="edit_conflict")


def _clean(obj) -> None:
    obj.full_clean(exclude=["given_key", "family_key", "current_postcode"])


def _clean_person(person: Person) -> None:
    """The model's checks, and a date of birth that has happened, as one set of field errors."""
    errors: dict = {}
    try:
        _clean(person)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if person.date_of_birth and person.date_of_birth > timezone.localdate():
        errors.setdefault("date_of_birth", []).append(BIRTH_IN_FUTURE)
    if errors:
        raise ValidationError(errors)


def person_create(*, actor: User, data: dict, request: HttpRequest | None = None) -> Person:
    """Add a person to the index (the caller has shown the duplicate check first)."""
    person = Person(**{k: v for k, v in data.items() if k in PERSON_FIELDS})
    if person.upn:
        person.upn = person.upn.upper()
    _clean_person(person)
    with transaction.atomic():
        person.save()
        audit.record(user=actor, action=audit.Action.CREATE, request=request, person=person)
        ChronologyEntry.objects.create(
            person=person, occurred_at=timezone.now(), kind="record",
            summary="Added to the person index.", recorded_by=actor,
        )
    return person


def person_update(
    *, actor: User, person: Person, version: int, changes: dict, request: HttpRequest | None = None
) -> Person:
    """Change a person's details, refusing the save if someone else saved in the meantime."""
    with transaction.atomic():
        current = Person.objects.select_for_update().get(pk=person.pk)
        if current.version != version:
            raise EditConflict()
        changed = {}
        for field, value in changes.items():
            if field in PERSON_FIELDS and getattr(current, field) != value:
                changed[field] = [str(getattr(current, field)), str(value)]
                setattr(current, field, value)
        if not changed:
            return current
        _clean_person(current)
        current.version += 1
        current.save()
        audit.record(
            user=actor, action=audit.Action.CHANGE, request=request, person=current,
            detail={"fields": sorted(changed)},
        )
    return current


def address_add(
    *, actor: User, person: Person, line_1: str, postcode: str, start: date | None = None,
    line_2: str = "", town: str = "", request: HttpRequest | None = None,
) -> Address:
    """Record a new current address; the previous current address ends the day before."""
    address = Address(
        person=person, line_1=line_1, line_2=line_2, town=town,
        postcode=normalise_postcode(postcode), start=start or timezone.localdate(),
    )
    _clean(address)
    with transaction.atomic():
        for old in person.addresses.filter(end__isnull=True):
            old.end = max(address.start, old.start or address.start)
            old.save()
        address.save()
        Person.objects.filter(pk=person.pk).update(current_postcode=address.postcode)
        audit.record(user=actor, action=audit.Action.CHANGE, request=request, person=person,
                     obj=address, detail={"added": "address"})
    return address


def relationship_add(
    *, actor: User, child: Person, data: dict, request: HttpRequest | None = None
) -> Relationship:
    """Add someone to a child's network ("know who is important to me")."""
    relationship = Relationship(child=child, **data)
    relationship.category = relationship.category or "relative"
    _clean(relationship)
    with transaction.atomic():
        relationship.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=request, person=child,
                     obj=relationship, detail={"added": "family network"})
    return relationship


MERGE_SAME = "Choose two different records to merge."
MERGE_ALREADY = "One of these records has already been merged."
MERGE_REASON = "Say why these records are the same person."


def person_merge(
    *, actor: User, keep: Person, duplicate: Person, reason: str,
    request: HttpRequest | None = None,
) -> Person:
    """Merge a duplicate into the record kept, keeping both histories.

    Everything attached to the duplicate moves to the kept record; the duplicate stays in the
    database, marked merged, so its audit trail and history are never lost. Its name is kept
    on the survivor as an alias so searches by it still find the child.
    """
    if keep.pk == duplicate.pk:
        raise ValidationError(MERGE_SAME)
    if not reason.strip():
        raise ValidationError({"reason": MERGE_REASON})
    with transaction.atomic():
        keep = Person.objects.select_for_update().get(pk=keep.pk)
        duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
        if keep.merged_into_id or duplicate.merged_into_id:
            raise ValidationError(MERGE_ALREADY)
        moved = _move_attachments(keep, duplicate)
        PersonName.objects.create(
            person=keep, kind=PersonName.Kind.ALIAS,
            given_names=duplicate.given_names, family_name=duplicate.family_name,
        )
        _fill_blanks(keep, duplicate)
        keep.version += 1
        keep.save()
        duplicate.merged_into = keep
        duplicate.version += 1
        duplicate.save()
        for person in (keep, duplicate):
            audit.record(
                user=actor, action=audit.Action.MERGE, request=request, person=person,
                reason=reason, detail={"kept": keep.pk, "merged": duplicate.pk, "moved": moved},
            )
        ChronologyEntry.objects.create(
            person=keep, occurred_at=timezone.now(), kind="record", recorded_by=actor,
            summary=f"Record {duplicate.pk} merged into this record: {reason}",
        )
    return keep


def _move_attachments(keep: Person, duplicate: Person) -> dict[str, int]:
    moved = {
        "names": PersonName.objects.filter(person=duplicate).update(person=keep),
        "addresses": Address.objects.filter(person=duplicate).update(person=keep),
        "network": Relationship.objects.filter(child=duplicate).update(child=keep),
        "network_of": Relationship.objects.filter(related_person=duplicate).update(
            related_person=keep
        ),
        "involvements": Involvement.objects.filter(person=duplicate).update(person=keep),
        "chronology": ChronologyEntry.objects.filter(person=duplicate).update(person=keep),
        "allocations": Allocation.objects.filter(person=duplicate).update(person=keep),
        "deadlines": Deadline.objects.filter(person=duplicate).update(person=keep),
        "grants": RestrictedAccessGrant.objects.filter(person=duplicate).update(person=keep)
        + BreakGlassGrant.objects.filter(person=duplicate).update(person=keep),
    }
    in_keep = FamilyMember.objects.filter(person=keep).values("family_id")
    FamilyMember.objects.filter(person=duplicate, family_id__in=in_keep).delete()
    moved["families"] = FamilyMember.objects.filter(person=duplicate).update(person=keep)
    return moved


def _fill_blanks(keep: Person, duplicate: Person) -> None:
    """Take identifiers the kept record lacks from the duplicate."""
    for field in ("date_of_birth", "upn", "nhs_number", "first_language", "gender"):
        if not getattr(keep, field) and getattr(duplicate, field):
            setattr(keep, field, getattr(duplicate, field))
    keep.restricted = keep.restricted or duplicate.restricted
    if keep.current_postcode == "" and duplicate.current_postcode:
        keep.current_postcode = duplicate.current_postcode
