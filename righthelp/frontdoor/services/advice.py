"""Advice line consultations: anonymous by design, checked for identifying details."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from righthelp.core import audit
from righthelp.people.common_names import COMMON_GIVEN_NAMES
from righthelp.staff.models import User

from ..models import AdviceConsultation

IDENTIFYING_WARNING = (
    "This may identify a child or family: {found}. The advice line is anonymous. Take these "
    "details out, or confirm that they do not identify anyone."
)
ADVICE_FIELDS = ("agency", "agency_kind", "locality", "worry", "advice_given", "request_advised")

_DATE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}(st|nd|rd|th)? "
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b",
    re.IGNORECASE,
)
_BORN = re.compile(r"\b(born|dob|d\.o\.b\.?)[:\s]+(in |on )?[\w/.-]+", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\d)(\+44\s?|0)(\d[\s-]?){9,10}(?!\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_TITLED = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]+")
_CALLED = re.compile(r"\b(called|named|name is|known as) [A-Z][a-z]+")
_HOUSE = re.compile(r"\b\d+[a-z]? [A-Z][a-z]+ (Road|Street|Avenue|Lane|Close|Drive|Way|Court)\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def identifying_details(text: str) -> list[str]:
    """Details in free text that could identify a person: names, dates, numbers, places."""
    found = []
    for label, pattern in (("a date", _DATE), ("a date of birth", _BORN),
                           ("a phone number", _PHONE), ("a postcode", _POSTCODE),
                           ("an email address", _EMAIL), ("a name", _TITLED),
                           ("a name", _CALLED), ("an address", _HOUSE)):
        found += [f"{label} ('{m.group(0).strip()}')" for m in pattern.finditer(text or "")]
    for match in _CAPITALISED.finditer(text or ""):
        if match.group(0).lower() in COMMON_GIVEN_NAMES:
            found.append(f"a name ('{match.group(0)}')")
    return list(dict.fromkeys(found))


def advice_record(
    *, actor: User, data: dict, confirmed_anonymous: bool = False, http_request=None,
) -> AdviceConsultation:
    """Record a consultation; warns (refuses unless confirmed) when the text may identify."""
    consultation = AdviceConsultation(recorded_by=actor,
                                      **{k: v for k, v in data.items() if k in ADVICE_FIELDS})
    if consultation.agency_id and not consultation.agency_kind:
        consultation.agency_kind = consultation.agency.kind
    consultation.full_clean(exclude=["recorded_by"])
    if not confirmed_anonymous:
        errors = {}
        for field in ("worry", "advice_given"):
            found = identifying_details(getattr(consultation, field))
            if found:
                errors[field] = ValidationError(
                    IDENTIFYING_WARNING.format(found=", ".join(found)), code="identifying")
        if errors:
            raise ValidationError(errors)
    with transaction.atomic():
        consultation.save()
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request,
                     obj=consultation)
    return consultation
