"""What the Families Together pages share: fetching what the user may see, form pages."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from righthelp.core import access, audit
from righthelp.frontdoor.views.common import error_summary, service_errors

from .. import selectors

NOTHING_TO_SEE = "Nothing with that number that you can see."
NOT_YOUR_WORK = (
    "This is Families Together work for a child your work does not involve: it is for the "
    "Families Together team, the child's allocated social worker and their team manager."
)


class NotYourWork(access.AccessDenied):
    """A refusal already on the child's audit trail (so the refusal page does not record it
    again). It offers no break-glass: emergency access opens the child's record, not the
    Families Together team's work."""

    def __init__(self, person):
        PermissionDenied.__init__(self, NOT_YOUR_WORK)
        self.person = None
        self.restricted = False
        self.child = person


def refuse(request, user, kind: str, pk: int):
    """Record the refusal against the child it is about, then return what to raise: a 404
    when there is no such record, else ``NotYourWork`` (the API turns it into a 404 too)."""
    person = selectors.child_behind(kind, pk)
    if person is None:
        audit.record_refusal(request, NOTHING_TO_SEE)
        return Http404(NOTHING_TO_SEE)
    match = getattr(request, "resolver_match", None)
    audit.record(user=user, action=audit.Action.DENY, request=request, person=person,
                 detail={"refused": "no need to know", "record": kind, "id": pk,
                         "view": match.view_name if match else ""})
    return NotYourWork(person)


def visible(fetch: Callable, request, pk: int, kind: str = "referral", user=None):
    """One record through its need-to-know selector. Anything else is refused, and the
    refusal audited: a 403 page (a 404 when there is no such record)."""
    user = user or request.user
    try:
        return fetch(user, pk)
    except ObjectDoesNotExist:
        raise refuse(request, user, kind, pk) from None


def audited_view(request, referral, user=None) -> None:
    """The selector decided the need to know; the read of the child's work is audited."""
    audit.record(user=user or request.user, action=audit.Action.VIEW, request=request,
                 person=referral.person, obj=referral)


def form_page(request, *, form, referral, heading: str, save: Callable, done: str,
              button: str = "Save", formset=None, intro: str = ""):
    """GET shows the form (it names the child, so the read is audited); a valid POST calls
    ``save()`` (a service) and goes to the referral the saved record belongs to; a service's
    refusal is shown on the form, naming the field."""
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        try:
            saved = save()
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("ft-referral", referral_of(saved).pk)
    if request.method == "GET" and referral is not None:
        audited_view(request, referral)
    return render(request, "familiestogether/form.html", {
        "form": form, "formset": formset, "referral": referral, "heading": heading,
        "button": button, "intro": intro,
        "errors": error_summary(form, formset, row_label="Plan item")})


def referral_of(saved):
    """The referral a saved record (a referral, meeting, plan or crisis) belongs to."""
    for step in ("meeting", "referral"):
        saved = getattr(saved, step, saved)
    return saved
