"""This app's pages, under /returns/. Names must be in its policy.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("cin-census/", views.census, name="cin-census"),
    path("cin-census/<int:pk>/", views.census_result, name="cin-census-result"),
    path("cin-census/<int:pk>/download/", views.census_download, name="cin-census-download"),
]
