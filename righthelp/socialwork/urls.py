"""Social work pages, under /social-work/: Assessment and Support, and plans and conferences."""

from .urls_assessments import urlpatterns as assessment_urls
from .urls_plans import urlpatterns as plan_urls

urlpatterns = assessment_urls + plan_urls
