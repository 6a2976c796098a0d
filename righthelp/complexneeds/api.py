"""Supporting Children with Complex Needs over JSON, mounted at /api/v1/complex-needs/."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter(tags=["Supporting Children with Complex Needs"])
