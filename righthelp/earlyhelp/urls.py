"""This app's pages. Names must be in its policy.py."""

from django.urls import path  # noqa: F401

urlpatterns: list = []

# --- Figures for managers ----------------------------------------------------------------------
from . import views_figures  # noqa: E402

urlpatterns += [
    path("figures/", views_figures.early_help_figures, name="early-help-figures"),
]
