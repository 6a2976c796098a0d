"""Family services directory over JSON, mounted at /api/v1/directory/."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter(tags=["Family services directory"])
