"""Statutory returns: the Children in Need census over JSON, mounted at /api/v1/returns/."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter(tags=["Statutory returns: the Children in Need census"])
