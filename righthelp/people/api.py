"""The person index over JSON: list, search, add (with the duplicate check), read, edit, network.

Thin endpoints: reads go through ``access.open_person`` (audited) or the selectors, writes
through the same services as the pages, so the API and the pages behave the same.
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Schema, Status
from pydantic import field_validator

from righthelp.core import access, audit
from righthelp.core.api_auth import MAX_PAGE, PolicyRouter, choice_of, described

from . import selectors, services
from .matching import SearchTerms, normalise_postcode, parse_query
from .models import Ethnicity, Person, Relationship

router = PolicyRouter(tags=["people"])

NAME_NEEDED = "Enter a name (a family name, or given names)."
EXPECTED_DATE_NEEDED = "Enter the expected date of birth."
UNBORN_HAS_NO_BIRTH_DATE = "An unborn child has no date of birth yet."
SEARCH_NEEDS_TERMS = "Give a name, date of birth or postcode to search for."
DUPLICATES_FOUND = ("This person may already be on the index. Open one of these records, or "
                    'send the request again with "confirm_not_duplicate": true.')
NOT_LINKABLE = "You cannot link a record you may not open."


class PersonSummary(Schema):
    id: int = Field(description="The person's record number.")
    kind: choice_of(Person.Kind)
    name: str = Field(validation_alias="full_name", description="Given and family names.")
    date_of_birth: date | None
    postcode: str = Field(validation_alias="current_postcode",
                          description="The postcode of the current address, if known.")


class PersonPage(Schema):
    items: list[PersonSummary]
    page: int
    has_next: bool = Field(description="Whether another page follows this one.")


class PersonFields(Schema):
    kind: choice_of(Person.Kind) = Field("child", description=described(Person.Kind))
    given_names: str = Field("", max_length=120)
    family_name: str = Field("", max_length=120)
    known_as: str = Field("", max_length=60, description="The name they like to be called.")
    date_of_birth: date | None = Field(None, description="ISO 8601, e.g. 2015-04-03.")
    expected_date: date | None = Field(None, description="For an unborn child only.")
    sex: choice_of(Person.Sex) = Field("U", description=described(Person.Sex))
    gender: str = Field("", max_length=60, description="In the person's own words.")
    ethnicity: choice_of(Ethnicity) = Field("NOBT", description="DfE code: " + described(Ethnicity))
    first_language: str = Field("", max_length=60)
    disability: choice_of(Person.Disability) = Field("unknown")
    disability_detail: str = Field("", max_length=300)
    upn: str = Field("", description="Unique Pupil Number: 13 characters, e.g. A123456789012.")
    nhs_number: str = Field("", description="10 digits with a valid check digit; spaces allowed.")

    @field_validator("nhs_number", "upn")
    @classmethod
    def _tidy_identifier(cls, value: str) -> str:
        return re.sub(r"[\s-]", "", value).upper()


class PersonIn(PersonFields):
    confirm_not_duplicate: bool = Field(
        False, description="Send true after checking the possible duplicates a 409 offered.")


class PersonPatch(PersonFields):
    version: int = Field(description="The version you read; a newer one means someone else "
                         "saved first, and your change is refused (409).")


class AddressOut(Schema):
    line_1: str
    line_2: str
    town: str
    postcode: str
    start: date | None
    end: date | None


class Candidate(Schema):
    id: int
    name: str
    date_of_birth: date | None
    score: float = Field(description="0 to 1: how closely the record matches.")
    can_open: bool


class Duplicates(Schema):
    detail: str
    candidates: list[Candidate]


class SearchParams(Schema):
    q: str = Field("", max_length=200, description="Free text: 'Jon Smyth, 3/4/2015, FY1 5AB'.")
    given: str = Field("", description="Given name (overrides what q says).")
    family: str = Field("", description="Family name (overrides what q says).")
    date_of_birth: date | None = Field(None, description="ISO 8601 (overrides q).")
    postcode: str = Field("", description="Overrides q.")


class SearchResultOut(Candidate):
    postcode: str
    can_open: bool = Field(description="Whether you may open the record (need to know).")


class SearchOut(Schema):
    results: list[SearchResultOut] = Field(description="Best first; at most 25.")


class RelationshipIn(Schema):
    related_person_id: int | None = Field(None, description="Their record number, if on the index.")
    name: str = Field("", max_length=120, description="Their name, if not on the index.")
    organisation: str = Field("", max_length=120, description="For a professional.")
    contact: str = Field("", max_length=120)
    kind: choice_of(Relationship.Kind) = Field(description=described(Relationship.Kind))
    important_to_child: bool = False
    in_childs_words: str = ""
    lives_with_child: bool = False
    parental_responsibility: bool = False
    start: date | None = None
    end: date | None = None


class RelationshipOut(RelationshipIn):
    id: int
    category: choice_of(Relationship.Category)
    name: str = Field(validation_alias="display_name")


class PersonOut(PersonFields):
    id: int
    name: str
    postcode: str
    restricted: bool
    merged_into: int | None = Field(description="If merged, the record that holds it now.")
    version: int = Field(description="Send this back with a PATCH.")
    other_names: list[str] = Field(description="Previous names and aliases.")
    addresses: list[AddressOut]
    network: list[RelationshipOut] = Field(description="Who is important to the child, now.")


class BreakGlassIn(Schema):
    reason: str = Field(description="Why you need this record now (at least 10 characters). "
                        "Your team manager will see it.")


class BreakGlassOut(Schema):
    person_id: int
    expires_at: datetime
    detail: str


def _current_network(person: Person) -> list[Relationship]:
    today = timezone.localdate()
    return list(
        person.network.filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("related_person").order_by("category", "kind")
    )


def _detail(person: Person) -> dict:
    data = {name: getattr(person, name) for name in PersonFields.model_fields}
    return {
        **data, "id": person.pk, "name": person.full_name, "postcode": person.current_postcode,
        "restricted": person.restricted, "merged_into": person.merged_into_id,
        "version": person.version, "other_names": [str(n) for n in person.other_names.all()],
        "addresses": list(person.addresses.all()), "network": _current_network(person),
    }


def _check_names(data: dict) -> None:
    """The rules the person form checks, for a record as it would be saved."""
    errors = {}
    if data.get("kind") != Person.Kind.UNBORN:
        if not (data.get("given_names") or data.get("family_name")):
            errors["family_name"] = NAME_NEEDED
    elif data.get("date_of_birth"):
        errors["date_of_birth"] = UNBORN_HAS_NO_BIRTH_DATE
    elif not data.get("expected_date"):
        errors["expected_date"] = EXPECTED_DATE_NEEDED
    if errors:
        raise ValidationError(errors)


@router.get("/people/", url_name="person-list", response=PersonPage,
            summary="The people you may open (your caseload and network), a page at a time")
def person_list(request, page: int = Query(1, ge=1, le=MAX_PAGE),
                page_size: int = Query(50, ge=1, le=200)):
    start = (page - 1) * page_size
    with transaction.atomic():  # the list is audited like a search, in the same transaction
        people = list(access.visible_people(request.auth).order_by("pk")
                      [start:start + page_size + 1])
        audit.record(user=request.auth, action=audit.Action.SEARCH, request=request,
                     detail={"list": "people", "page": page,
                             "results": len(people[:page_size])})
    return {"items": people[:page_size], "page": page, "has_next": len(people) > page_size}


@router.post("/people/", url_name="person-create", response={201: PersonOut, 409: Duplicates},
             summary="Add a person, after the duplicate check")
def person_create(request, payload: PersonIn):
    data = payload.model_dump(exclude={"confirm_not_duplicate"})
    _check_names(data)
    if not payload.confirm_not_duplicate:
        candidates = _candidates(selectors.duplicates_for(request.auth, data, request))
        if candidates:
            return Status(409, {"detail": DUPLICATES_FOUND, "candidates": candidates})
    person = services.person_create(actor=request.auth, data=data, request=request)
    return Status(201, _detail(person))


def _candidates(results: list[selectors.SearchResult]) -> list[dict]:
    """The duplicate check's answer (``selectors.duplicates_for`` has left out what the caller
    may not know of)."""
    return [
        {"id": r.person.pk, "name": r.person.full_name, "date_of_birth": r.person.date_of_birth,
         "score": r.score, "can_open": r.can_open}
        for r in results
    ]


@router.get("/people/{person_id}", url_name="person-detail", response=PersonOut,
            summary="A person's record (the view, or the refusal, is audited)")
def person_detail(request, person_id: int):
    return _detail(access.open_person(request.auth, person_id, request))


@router.patch("/people/{person_id}", url_name="person-update", response=PersonOut,
              summary="Change a person's details (send the version you read)")
def person_update(request, person_id: int, payload: PersonPatch):
    person = access.open_person(request.auth, person_id, request)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    _check_names({name: getattr(person, name) for name in PersonFields.model_fields} | changes)
    person = services.person_update(actor=request.auth, person=person, version=payload.version,
                                    changes=changes, request=request)
    return _detail(person)


@router.get("/search", url_name="person-search", response=SearchOut,
            summary="Search the index: tolerates nicknames, typos and UK dates (audited)")
def person_search(request, params: Query[SearchParams]):
    parsed = parse_query(params.q)
    terms = SearchTerms(
        given=params.given or parsed.given, family=params.family or parsed.family,
        date_of_birth=params.date_of_birth or parsed.date_of_birth,
        postcode=normalise_postcode(params.postcode) if params.postcode else parsed.postcode,
    )
    if terms.is_empty:
        raise ValidationError({"q": SEARCH_NEEDS_TERMS})
    results = selectors.search_people(request.auth, terms, request=request)
    return {"results": [
        {"id": r.person.pk, "name": r.person.full_name, "date_of_birth": r.person.date_of_birth,
         "postcode": r.person.current_postcode, "score": r.score, "can_open": r.can_open}
        for r in results
    ]}


@router.get("/people/{person_id}/network", url_name="network-list",
            response=list[RelationshipOut], summary="Who is important to the child, now")
def network_list(request, person_id: int):
    return _current_network(access.open_person(request.auth, person_id, request))


@router.post("/people/{person_id}/network", url_name="network-add",
             response={201: RelationshipOut}, summary="Add someone to the child's network")
def network_add(request, person_id: int, payload: RelationshipIn):
    child = access.open_person(request.auth, person_id, request)
    data = payload.model_dump(exclude={"related_person_id"})
    if payload.related_person_id:
        try:
            data["related_person"] = access.open_person(
                request.auth, payload.related_person_id, request)
        except (access.AccessDenied, Http404) as error:
            message = NOT_LINKABLE if isinstance(error, access.AccessDenied) else str(error)
            raise ValidationError({"related_person_id": message}) from error
    elif not payload.name.strip():
        raise ValidationError({"name": "Give their name, or the record number of someone on "
                                       "the index (related_person_id)."})
    relationship = services.relationship_add(actor=request.auth, child=child, data=data,
                                             request=request)
    return Status(201, relationship)


@router.post("/people/{person_id}/break-glass", url_name="break-glass",
             response={201: BreakGlassOut},
             summary="Emergency access to one record, with a reason (audited, flagged)")
def break_glass(request, person_id: int, payload: BreakGlassIn):
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        raise Http404("No person with that number.")
    grant = access.break_glass(request.auth, person, payload.reason, request)
    return Status(201, {"person_id": person.pk, "expires_at": grant.expires_at,
                        "detail": "Emergency access granted. Your team manager will see it."})
