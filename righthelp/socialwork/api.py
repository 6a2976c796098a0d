"""Statutory social work over JSON, mounted at /api/v1/social-work/."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter(tags=["Statutory social work"])
