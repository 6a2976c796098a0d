from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("deadlines/", views.my_deadlines, name="my-deadlines"),
    path("deadlines/team/", views.team_deadlines, name="team-deadlines"),
    path("people/<int:pk>/allocations/add/", views.allocation_add, name="allocation-add"),
    path("allocations/<int:pk>/end/", views.allocation_end, name="allocation-end"),
    path("caseloads/", views.caseloads, name="caseloads"),
    path("caseloads/workers/<int:pk>/", views.caseload_worker, name="caseload-worker"),
    path("caseloads/allocations/<int:pk>/reallocate/", views.caseload_reallocate,
         name="caseload-reallocate"),
]
