"""Families Together over JSON, mounted at /api/v1/families-together/."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter(tags=["Families Together"])
