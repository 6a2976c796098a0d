"""Early help: assess, plan, do, review over JSON, mounted at /api/v1/early-help/."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter(tags=["Early help: assess, plan, do, review"])
