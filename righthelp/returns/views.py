"""The Children in Need census page for analysts and team managers: choose the year, produce
the census, see each validation failure by child and field, and download the file.

Producing the census takes from seconds to minutes, so the page starts a run in the background
and sends the person to its result page, which shows how many children have been read and
refreshes itself every few seconds (an HTTP ``Refresh`` header: no JavaScript) until the run
has finished or failed. Only a finished run shows counts and failures or offers its file.
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
NOT_FINISHED = "This run has not finished, so it has no file: see its page for how it went."
REFRESH_SECONDS = 2


@require_http_methods(["GET", "POST"])
def census(request):
    years = services.census_years()
    form = CensusForm(request.POST or None, years=years,
                      initial={"year": years[0] if years else None})
    if request.method == "POST" and form.is_valid():
        try:
            production = services.start_census(
                user=request.user, year=form.cleaned_data["year"],
                check_only=form.cleaned_data["check_only"], request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            services.begin_census(production)
            return redirect("cin-census-result", pk=production.pk)
    return render(request, "returns/census.html", {
        "form": form, "productions": selectors.productions(request.user)[:10],
        "schemas": [(CensusPeriod(year).label, schema.SCHEMAS[year]) for year in years]})


@require_GET
def census_result(request, pk: int):
    production = selectors.production(request.user, pk)
    if not production.finished:
        return _unfinished(request, production)
    whole, children = selectors.failures_by_child(request.user, production.failures,
                                                  limit=CHILDREN_SHOWN + 1)
    shown = children[:CHILDREN_SHOWN]
    services.record_result_view(user=request.user, production=production,
                                children=len(shown), named=sum(1 for c in shown if c.person_id),
                                request=request)
    return render(request, "returns/census_result.html", {
        "production": production, "period": CensusPeriod(production.year),
        "whole_return": whole, "children": shown,
        "more_children": len(children) > CHILDREN_SHOWN,
        "by_rule": selectors.counts_by_rule(production.failures),
    })


def _unfinished(request, production):
    """A running run's progress (the page refreshes itself), or why a run failed."""
    if production.running and services.expire_stopped_runs():
        production.refresh_from_db()
    response = render(request, "returns/census_progress.html", {
        "production": production, "period": CensusPeriod(production.year),
        "done": f"{production.children_done:,}", "total": f"{production.children_total:,}",
        "refresh": REFRESH_SECONDS})
    if production.running:
        # The HTTP equivalent of <meta http-equiv="refresh">: core/base.html has no block
        # in its <head> for one, and a header needs no change there.
        response["Refresh"] = str(REFRESH_SECONDS)
        response["Cache-Control"] = "no-store"
    return response


@require_GET
def census_download(request, pk: int):
    production = selectors.production(request.user, pk)
    if not production.finished:
        raise Http404(NOT_FINISHED)
    if not production.xml_gz:
        raise Http404(NO_FILE)
    services.record_download(user=request.user, production=production, request=request)
    response = StreamingHttpResponse(services.file_chunks(production),
                                     content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{production.filename}"'
    return response
