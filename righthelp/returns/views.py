"""The Children in Need census page for analysts and team managers: choose the year, produce
the census, see each validation failure by child and field, and download the file.

The census runs while the page waits (seconds at the synthetic council's size); the page then
shows its counts. The ``cin_census`` command prints progress for a large council's run.
"""

from django.core.exceptions import ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from righthelp.core.forms import add_service_errors

from . import selectors, services
from .cin_census import schema
from .cin_census.period import CensusPeriod
from .forms import CensusForm

CHILDREN_SHOWN = 500  # the page lists the children with most errors first; the API has all
NO_FILE = "This run only checked the records: produce the census again to download a file."


@require_http_methods(["GET", "POST"])
def census(request):
    years = services.census_years()
    form = CensusForm(request.POST or None, years=years,
                      initial={"year": years[0] if years else None})
    if request.method == "POST" and form.is_valid():
        try:
            production = services.produce_census(
                user=request.user, year=form.cleaned_data["year"],
                check_only=form.cleaned_data["check_only"], request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("cin-census-result", pk=production.pk)
    return render(request, "returns/census.html", {
        "form": form, "productions": selectors.productions(request.user)[:10],
        "schemas": [(CensusPeriod(year).label, schema.SCHEMAS[year]) for year in years]})


@require_GET
def census_result(request, pk: int):
    production = selectors.production(request.user, pk)
    whole, children = selectors.failures_by_child(request.user, production.failures,
                                                  limit=CHILDREN_SHOWN + 1)
    return render(request, "returns/census_result.html", {
        "production": production, "period": CensusPeriod(production.year),
        "whole_return": whole, "children": children[:CHILDREN_SHOWN],
        "more_children": len(children) > CHILDREN_SHOWN,
        "by_rule": selectors.counts_by_rule(production.failures),
    })


@require_GET
def census_download(request, pk: int):
    production = selectors.production(request.user, pk)
    if not production.xml_gz:
        raise Http404(NO_FILE)
    services.record_download(user=request.user, production=production, request=request)
    response = StreamingHttpResponse(services.file_chunks(production),
                                     content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{production.filename}"'
    return response
