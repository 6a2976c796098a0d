"""The assessments side of social work over JSON (mounted by api.py at /api/v1/social-work/)."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter()
