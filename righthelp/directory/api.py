"""Family services directory over JSON, mounted at /api/v1/directory/.

Search, a service's details and suggesting a service are open to anyone, with no token
(``auth=None``); approving and withdrawing need a signed-in caller (token or session) who
holds the ``directory.approve_service`` permission.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Query, Schema
from ninja.responses import Status

from righthelp.core.api_auth import Message, PolicyRouter, choice_of, described

from . import selectors, services
from .models import ActivityType, CostKind, Service, ServiceStatus
from .selectors import DISTANCE_CHOICES

router = PolicyRouter(tags=["Family services directory"])


class ServiceOut(Schema):
    id: int
    name: str
    description: str
    who_for: str
    activity_types: list[str] = Field(description="Activity type codes, e.g. parenting.")
    locality: str = Field(description="The council locality, if the service is in one.")
    address: str
    postcode: str
    latitude: float | None = Field(description="The postcode's centre (WGS84), if known.")
    longitude: float | None
    opening_times: str
    cost_kind: choice_of(CostKind) = Field(description=described(CostKind))
    cost_details: str
    phone: str
    email: str
    website: str
    age_min: int | None = Field(description="Youngest age in years, if limited.")
    age_max: int | None = Field(description="Oldest age in years, if limited.")
    status: choice_of(ServiceStatus) = Field(description=described(ServiceStatus))
    version: int = Field(description="Send this back when approving or withdrawing.")


class HitOut(ServiceOut):
    miles: float | None = Field(description="Distance from the postcode searched, if any.")


class SearchOut(Schema):
    postcode: str | None = Field(description="The postcode searched from, normalised.")
    within_miles: int | None
    results: list[HitOut] = Field(description="Nearest first when a postcode was given, "
                                  "otherwise by name.")


class SearchIn(Schema):
    q: str = Field("", description="Words to find in the name, description, who it is for "
                   "or activity type.")
    activity: str = Field("", description="An activity type code, e.g. parenting.")
    postcode: str = Field("", description="Search from this postcode, nearest first.")
    within: int | None = Field(None, description="Miles from the postcode: one of "
                               f"{', '.join(map(str, DISTANCE_CHOICES))} (default 2).")


class SuggestionIn(Schema):
    name: str
    description: str
    who_for: str = ""
    activity_types: list[str] = Field(default_factory=list, description="Activity type codes.")
    address: str = ""
    postcode: str = ""
    opening_times: str = ""
    cost_kind: choice_of(CostKind) = CostKind.FREE
    cost_details: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    age_min: int | None = Field(None, ge=0, le=25)
    age_max: int | None = Field(None, ge=0, le=25)
    suggested_by_name: str = Field("", description="Your name (needed unless signed in).")
    suggested_by_email: str = Field("", description="Your email (needed unless signed in).")


class SuggestionOut(Schema):
    id: int
    status: str
    suggested_at: datetime


class VersionIn(Schema):
    version: int = Field(description="The version you read (409 if someone saved since).")


class WithdrawIn(VersionIn):
    reason: str = Field(description="Why the service is withdrawn or the suggestion refused.")


UNKNOWN_ACTIVITY_CODE = "There is no activity type with the code '{code}'"


def _out(service: Service, miles: float | None = None) -> dict:
    data = {name: getattr(service, name) for name in ServiceOut.model_fields
            if name not in ("activity_types", "locality")}
    data["activity_types"] = [kind.code for kind in service.activity_types.all()]
    data["locality"] = service.locality.name if service.locality_id else ""
    data["miles"] = round(miles, 2) if miles is not None else None
    return data


@router.get("/services", url_name="directory-search", auth=None, response=SearchOut,
            summary="Search published services by words, activity type and distance")
def search(request, filters: Query[SearchIn]):
    found = selectors.search_services(text=filters.q, activity=filters.activity,
                                      postcode=filters.postcode, within=filters.within)
    return {"postcode": found.origin.postcode if found.origin else None,
            "within_miles": found.within,
            "results": [_out(hit.service, hit.miles) for hit in found.hits]}


@router.get("/services/{service_id}", url_name="directory-service", auth=None,
            response=ServiceOut, summary="A published service")
def service_detail(request, service_id: int):
    return _out(selectors.published_service(service_id))


@router.post("/suggestions", url_name="directory-suggest", auth=None,
             response={201: SuggestionOut},
             summary="Suggest a service; it is shown once a council editor approves it")
def suggest(request, payload: SuggestionIn):
    data = payload.dict()
    codes = data.pop("activity_types")
    kinds = list(ActivityType.objects.filter(code__in=codes))
    missing = sorted(set(codes) - {k.code for k in kinds})
    if missing:
        raise ValidationError({"activity_types": UNKNOWN_ACTIVITY_CODE.format(code=missing[0])})
    name, email = data.pop("suggested_by_name"), data.pop("suggested_by_email")
    service = services.service_suggest(
        data=data, activity_types=kinds, suggested_by_name=name, suggested_by_email=email,
        actor=request.user, http_request=request)
    return Status(201, {"id": service.pk, "status": service.status,
                        "suggested_at": service.suggested_at})


def _editable(request, service_id: int) -> Service:
    return selectors.editable_service(request.auth, service_id)  # 403 unless an editor


@router.post("/services/{service_id}/approve", url_name="directory-approve",
             response={200: ServiceOut, 409: Message},
             summary="Publish a suggested (or withdrawn) service: council editors only")
def approve(request, service_id: int, payload: VersionIn):
    service = _editable(request, service_id)
    return _out(services.service_publish(service=service, actor=request.auth,
                                         version=payload.version, http_request=request))


@router.post("/services/{service_id}/withdraw", url_name="directory-withdraw",
             response={200: ServiceOut, 409: Message},
             summary="Withdraw a service or turn down a suggestion: council editors only")
def withdraw(request, service_id: int, payload: WithdrawIn):
    service = _editable(request, service_id)
    return _out(services.service_withdraw(service=service, actor=request.auth,
                                          version=payload.version, reason=payload.reason,
                                          http_request=request))
