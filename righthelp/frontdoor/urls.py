"""Front door pages. Names must match core/url_policy.py POLICY."""

from django.urls import path  # noqa: F401 - the page views fill this in

urlpatterns: list = []
