"""Strategy discussions and Section 47 enquiries: recording the discussion, the enquiry
(saved over sittings) and the team manager's outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from righthelp.core.url_policy import allows

from .. import selectors
from ..forms_assessments import Section47Form, Section47OutcomeForm, StrategyForm
from ..services import section47 as services
from .assessments_common import error_summary, refused

EDITABLE = ("strengths", "worries", "childs_words", "familys_words", "what_needs_to_happen",
            "findings")


@require_http_methods(["GET", "POST"])
def strategy_new(request, pk):
    """Record a strategy discussion for the episode (pk)."""
    episode = selectors.episode_for(request.user, pk, request)
    form = StrategyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            discussion = services.strategy_discussion_record(
                episode=episode, actor=request.user, held_at=data["held_at"],
                attendees=data["attendees"], worries=data["worries"],
                childs_words=data["childs_words"], decision=data["decision"],
                reasons=data["reasons"], safety_actions=data["safety_actions"],
                http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            enquiry = getattr(discussion, "section47", None)
            if enquiry is not None:
                messages.success(request, "Strategy discussion recorded. The Section 47 "
                                 f"enquiry has started; any conference by "
                                 f"{enquiry.icpc_target:%d %B %Y}.")
                return redirect("sw-section47", pk=enquiry.pk)
            messages.success(request, "Strategy discussion recorded.")
            return redirect("sw-child", pk=episode.person_id)
    return render(request, "socialwork/strategy_form.html", {
        "episode": episode, "person": episode.person, "form": form,
        "errors": error_summary(form)})


def _context(request, enquiry, **extra) -> dict:
    return {"enquiry": enquiry, "episode": enquiry.episode, "person": enquiry.episode.person,
            "discussion": enquiry.strategy_discussion,
            "clock": selectors.clock(enquiry.deadline),
            "may_write": (allows("sw-strategy-new", request.user)
                          and enquiry.completed_on is None),
            "may_decide": (allows("sw-section47-outcome", request.user)
                           and enquiry.completed_on is None), **extra}


@require_http_methods(["GET", "POST"])
def section47(request, pk):
    """The enquiry, and for its team a form to save another sitting."""
    enquiry = selectors.enquiry_for(request.user, pk, request)
    initial = {f: getattr(enquiry, f) for f in EDITABLE} | {"version": enquiry.version}
    form = Section47Form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.section47_save(enquiry=enquiry, actor=request.user,
                                    version=form.cleaned_data["version"] or 0,
                                    changes={f: form.cleaned_data[f] for f in EDITABLE},
                                    http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            messages.success(request, "Saved. You can come back and carry on.")
            return redirect("sw-section47", pk=enquiry.pk)
    return render(request, "socialwork/section47_form.html",
                  _context(request, enquiry, form=form, errors=error_summary(form)))


@require_http_methods(["GET", "POST"])
def section47_outcome(request, pk):
    """The team manager decides whether an Initial Child Protection Conference is needed."""
    enquiry = selectors.enquiry_for(request.user, pk, request)
    form = Section47OutcomeForm(request.POST or None, initial={"version": enquiry.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.section47_complete(enquiry=enquiry, actor=request.user,
                                        outcome=data["outcome"], reasons=data["reasons"],
                                        on=data["on"], version=data["version"] or 0,
                                        http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            messages.success(request, "Outcome recorded.")
            return redirect("sw-child", pk=enquiry.episode.person_id)
    return render(request, "socialwork/section47_outcome.html",
                  _context(request, enquiry, form=form, errors=error_summary(form)))
