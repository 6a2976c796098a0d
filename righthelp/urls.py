from django.contrib import admin
from django.urls import include, path

from righthelp.api import api
from righthelp.frontdoor.views_figures import hub_figures

urlpatterns = [
    path("", include("righthelp.core.urls")),
    path("", include("righthelp.staff.urls")),
    path("", include("righthelp.people.urls")),
    path("front-door/figures/", hub_figures, name="hub-figures"),
    path("front-door/", include("righthelp.frontdoor.urls")),
    path("early-help/", include("righthelp.earlyhelp.urls")),
    path("directory/", include("righthelp.directory.urls")),
    path("social-work/", include("righthelp.socialwork.urls")),
    path("families-together/", include("righthelp.familiestogether.urls")),
    path("complex-needs/", include("righthelp.complexneeds.urls")),
    path("returns/", include("righthelp.returns.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler403 = "righthelp.core.views.forbidden"
