"""Complex needs pages, under /complex-needs/. Names must be in its policy.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.team_list, name="cn-list"),
    path("children/<int:pk>/", views.record_page, name="cn-record"),
    path("children/<int:pk>/open/", views.record_new, name="cn-record-new"),
    path("records/<int:pk>/edit/", views.record_edit, name="cn-record-edit"),
    path("records/<int:pk>/ehc-plan/", views.ehc_plan, name="cn-ehc"),
    path("records/<int:pk>/transition-plan/", views.transition_plan, name="cn-transition"),
    path("records/<int:pk>/close/", views.record_close, name="cn-record-close"),
]
