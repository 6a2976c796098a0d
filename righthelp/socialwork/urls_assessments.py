"""Pages of the assessments side of social work (mounted by urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
