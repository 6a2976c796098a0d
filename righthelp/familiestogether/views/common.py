"""What the Families Together pages share: fetching what the user may see, form pages."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from righthelp.core import audit
from righthelp.frontdoor.views.common import error_summary, service_errors


def visible(fetch: Callable, user, pk: int):
    """One record through its need-to-know selector; a 404 for anything else."""
    try:
        return fetch(user, pk)
    except ObjectDoesNotExist:
        raise Http404("Nothing with that number that you can see.") from None


def audited_view(request, referral) -> None:
    """The selector decided the need to know; the read of the child's work is audited."""
    audit.record(user=request.user, action=audit.Action.VIEW, request=request,
                 person=referral.person, obj=referral)


def form_page(request, *, form, referral, heading: str, save: Callable, done: str,
              button: str = "Save", formset=None, intro: str = ""):
    """GET shows the form; a valid POST calls ``save()`` (a service) and goes to the referral
    the saved record belongs to; a service's refusal is shown on the form, naming the field."""
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        try:
            saved = save()
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("ft-referral", referral_of(saved).pk)
    return render(request, "familiestogether/form.html", {
        "form": form, "formset": formset, "referral": referral, "heading": heading,
        "button": button, "intro": intro,
        "errors": error_summary(form, formset, row_label="Plan item")})


def referral_of(saved):
    """The referral a saved record (a referral, meeting, plan or crisis) belongs to."""
    for step in ("meeting", "referral"):
        saved = getattr(saved, step, saved)
    return saved
