"""The project's URLs plus one bare view, so the benchmark can show the framework's own cost.

``bench/run.py`` sets ROOT_URLCONF to this module and gives "bench-bare" a URL policy entry
for the run (the policy refuses any URL it does not name).
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from righthelp.urls import handler403  # noqa: F401 (keep the project's refusal page)
from righthelp.urls import urlpatterns as project_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    """No database, no template: what every page pays before it does any work."""
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *project_urlpatterns]
