"""What the assessments side's pages share: a service's refusal shown on the form."""

from django.core.exceptions import ValidationError

from righthelp.frontdoor.views.common import error_summary, service_errors

__all__ = ["error_summary", "refused", "service_errors"]


def refused(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, field by field where it names one."""
    service_errors(form, error)
