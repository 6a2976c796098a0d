"""Statutory returns: the Children in Need census over JSON, mounted at /api/v1/returns/.

The same service as the page produces the census (and audits who, when and which year); the
same selectors decide which failures show a child's name (only children the caller may open).
Errors: 422 ``{"detail": [{"field", "message"}]}`` for a year there is no census for, or while
a production of that year (started on the page) is still running. Producing over the API waits
for the census; a production started on the page shows ``status`` "running" with its progress
until it has finished or failed.
"""

from datetime import datetime

from django.http import Http404, StreamingHttpResponse
from ninja import Field, Schema, Status

from righthelp.core.api_auth import PolicyRouter

from . import selectors, services
from .views import NO_FILE, NOT_FINISHED

router = PolicyRouter(tags=["Statutory returns: the Children in Need census"])


class ProduceIn(Schema):
    year: int = Field(description="The collection year, named by the year it ends: 2026 for "
                      "1 April 2025 to 31 March 2026.")
    check_only: bool = Field(False, description="Check the records without keeping a file.")


class ProductionOut(Schema):
    id: int
    year: int
    produced_at: datetime
    produced_by: str | None
    check_only: bool
    status: str = Field(description="running (produced on the page, not finished yet), "
                        "finished, or failed. Only a finished production has counts, failures "
                        "and a file.")
    children_done: int = Field(description="While running: children read so far.")
    children_total: int = Field(description="While running: children in the census (0 until "
                                "known).")
    error: str = Field(description="Why a failed production failed.")
    children: int
    episodes: int
    errors: int = Field(description="Failures of DfE's error rules: the return will not be "
                        "accepted until they are fixed in the records.")
    queries: int = Field(description="Failures of DfE's query rules (codes ending in Q).")
    schema_valid: bool
    schema_errors: list[str]
    schema_file: str = Field(description="The schema file the XML was checked against: for "
                             "2025-26, cin_census_2025_26.xsd (DfE's CIN census schema 2023-24 "
                             "with two commented changes).")
    has_file: bool


class FailureOut(Schema):
    code: str = Field(description="DfE's rule code.")
    message: str = Field(description="DfE's message for the rule.")
    field: str = Field(description="The census field (XML element) the rule names.")
    query: bool
    where: str = Field(description="Where in the child's return, in plain words.")
    la_child_id: str = Field(description="Blank for a failure of the whole return.")
    name: str = Field(description="The child's name, only if the caller may open the record.")
    person_id: int | None = Field(description="The record to fix, only if the caller may "
                                  "open it.")


class ProductionDetailOut(ProductionOut):
    failures: list[FailureOut]


def _out(production) -> dict:
    by = production.produced_by
    return {
        "id": production.pk, "year": production.year, "produced_at": production.started_at,
        "produced_by": (by.get_full_name() or by.username) if by else None,
        "check_only": production.check_only, "status": production.status,
        "children_done": production.children_done,
        "children_total": production.children_total, "error": production.error,
        "children": production.children,
        "episodes": production.episodes, "errors": production.errors,
        "queries": production.queries, "schema_valid": production.valid_against_schema,
        "schema_errors": production.schema_errors, "schema_file": production.schema_file,
        "has_file": production.finished and not production.check_only,
    }


@router.get("/cin-census/", url_name="cin-census-list", response=list[ProductionOut],
            summary="Recent productions of the Children in Need census, newest first")
def census_list(request):
    return [_out(p) for p in selectors.productions(request.auth)[:50]]


@router.post("/cin-census/", url_name="cin-census-produce", response={201: ProductionDetailOut},
             summary="Produce the census for a collection year and check it against DfE's "
                     "rules")
def census_produce(request, payload: ProduceIn):
    production = services.produce_census(user=request.auth, year=payload.year,
                                         check_only=payload.check_only, channel="api",
                                         request=request)
    return Status(201, _detail(request.auth, production))


def _detail(user, production) -> dict:
    whole, children = selectors.failures_by_child(user, production.failures, limit=10**9)
    failures = whole + [{**f, "name": c.name, "person_id": c.person_id}
                        for c in children for f in c.failures]
    return {**_out(production), "failures": failures}


@router.get("/cin-census/{production_id}", url_name="cin-census-detail",
            response=ProductionDetailOut,
            summary="One production with every validation failure, by child and field")
def census_detail(request, production_id: int):
    production = selectors.production(request.auth, production_id)
    detail = _detail(request.auth, production)
    if production.finished:  # its failures list children: the look at them is audited
        listed = {f["la_child_id"] for f in detail["failures"] if f["la_child_id"]}
        named = {f["la_child_id"] for f in detail["failures"] if f["person_id"]}
        services.record_result_view(user=request.auth, production=production,
                                    children=len(listed), named=len(named), request=request)
    return detail


@router.get("/cin-census/{production_id}/file", url_name="cin-census-file",
            summary="The census XML file of a production (audited)")
def census_file(request, production_id: int):
    production = selectors.production(request.auth, production_id)
    if not production.finished:
        raise Http404(NOT_FINISHED)
    if not production.xml_gz:
        raise Http404(NO_FILE)
    services.record_download(user=request.auth, production=production, request=request)
    response = StreamingHttpResponse(services.file_chunks(production),
                                     content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{production.filename}"'
    return response
