"""Pages of the plans side of social work (mounted by urls.py). Names go in policy_plans.py."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
