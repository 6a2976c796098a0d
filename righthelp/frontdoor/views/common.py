"""What every front door page shares: errors for the GOV.UK summary, deadline tags."""

from datetime import datetime
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from righthelp.core import clocks
from righthelp.core.models import Council

from .. import selectors
from ..models import RequestForSupport


class ErrorLink(NamedTuple):
    """One line of the error summary: where the problem is on the page, and what it is."""

    href: str
    text: str


def service_errors(form: forms.Form, error: ValidationError,
                   elsewhere: dict[str, tuple[str, str]] | None = None) -> list[ErrorLink]:
    """Put a service's errors on the form, field by field. Errors about something that is
    not a form field (a request's children) come back as links to where it is on the page,
    from ``elsewhere``: {key: (anchor, label)}."""
    links = []
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return links
    for key, messages in error.message_dict.items():
        if key in form.fields:
            form.add_error(key, messages)
        elif elsewhere and key in elsewhere:
            anchor, label = elsewhere[key]
            links += [ErrorLink(anchor, f"{label}: {m}") for m in messages]
        else:
            form.add_error(None, messages)
    return links


def _href(bound: forms.BoundField) -> str:
    if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"#{bound.auto_id}_0"
    return f"#{bound.id_for_label}"


def error_summary(form: forms.Form | None, formset: forms.BaseFormSet | None = None,
                  elsewhere: list[ErrorLink] = (), row_label: str = "Child",
                  rows_first: bool = False) -> list[ErrorLink]:
    """Every error on the page, each naming its field, in the order of the page (the rows of
    a formset, and ``elsewhere``, come first when ``rows_first``)."""
    top: list[ErrorLink] = []
    fields: list[ErrorLink] = []
    rows: list[ErrorLink] = list(elsewhere)
    if form is not None and form.is_bound:
        top += [ErrorLink("", m) for m in form.non_field_errors()]
        for bound in form:
            fields += [ErrorLink(_href(bound), f"{bound.label}: {m}") for m in bound.errors]
    if formset is not None and formset.is_bound:
        top += [ErrorLink("", m) for m in formset.non_form_errors()]
        for number, row in enumerate(formset, start=1):
            for bound in row:
                rows += [ErrorLink(_href(bound), f"{row_label} {number}, "
                                   f"{bound.label[0].lower()}{bound.label[1:]}: {m}")
                         for m in bound.errors]
    return top + (rows + fields if rows_first else fields + rows)


class DueTag(NamedTuple):
    due_at: datetime | None
    status: str
    label: str


def due_tag(due_at: datetime | None, met_at: datetime | None = None,
            council: Council | None = None) -> DueTag:
    """Where a front door deadline stands now: due, due soon, overdue, met."""
    if due_at is None:
        return DueTag(None, "", "")
    council = council or Council.objects.current()
    status = clocks.status(due_at, met_at, timezone.now(), council.due_soon_working_days)
    return DueTag(due_at, status.value, status.label)


def post_version(request) -> int:
    """The version of the record the page was showing, so a stale save is refused. A form
    sent without one (or with junk) gets 0, which no record has: the save is refused as a
    conflict rather than made blind over someone else's."""
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else 0


def hub_request_or_404(pk: int) -> RequestForSupport:
    """A request as the Hub sees it, in full; drafts are still the referrer's own."""
    try:
        rfs = selectors.request_for_hub(pk)
    except RequestForSupport.DoesNotExist:
        raise Http404("No request with that number.") from None
    if rfs.status == RequestForSupport.Status.DRAFT:
        raise Http404("No request with that number.")
    return rfs
