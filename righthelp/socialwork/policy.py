"""Which roles may use each page and API operation of social work: both sides' policies."""

from .policy_assessments import POLICY as ASSESSMENTS
from .policy_plans import POLICY as PLANS

assert not set(ASSESSMENTS) & set(PLANS), "a social work URL name is in both policies"
POLICY: dict[str, frozenset | str] = {**ASSESSMENTS, **PLANS}
