"""Statutory social work over JSON, mounted at /api/v1/social-work/."""

from righthelp.core.api_auth import PolicyRouter

from .api_assessments import router as assessment_router
from .api_plans import router as plan_router

router = PolicyRouter(tags=["Statutory social work"])
router.add_router("", assessment_router)
router.add_router("", plan_router)
