"""This app's pages. Names must be in its policy.py."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
