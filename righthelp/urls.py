from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("righthelp.core.urls")),
    path("", include("righthelp.staff.urls")),
    path("", include("righthelp.people.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "righthelp.core.views.forbidden"
