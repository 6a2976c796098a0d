"""The referrer's pages: make a request for support (drafts, then send), my requests, and the
outcome of each, in plain words. A referrer sees only their own requests."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import RequestForm, child_formset, yes_no_initial
from ..models import NextStep, RequestForSupport
from ..services.intake import CHILD_FIELDS
from .common import error_summary, post_version, service_errors

CHILDREN = {"children": ("#children", "Children")}
SAVED_AS_DRAFT = "Saved as a draft. You can finish it and send it to the Hub later."
SENT = "Sent to the Hub. They will decide what happens next within one working day."
NOT_SENT = "Your request has not been sent yet. Everything you typed is saved as a draft."

STATUS_IN_WORDS = {
    RequestForSupport.Status.DRAFT: "Not sent yet: this is a draft.",
    RequestForSupport.Status.IN_QUEUE: "With the Hub, who are deciding what happens next.",
    RequestForSupport.Status.AWAITING_AUTHORISATION: "With the Hub, who are deciding what "
                                                     "happens next.",
    RequestForSupport.Status.DECIDED: "The Hub has decided what happens next.",
    RequestForSupport.Status.ANSWERED: "Answered.",
}
STEP_IN_WORDS = {
    NextStep.ASSESSMENT: "A social worker from the Assessment and Support team will assess "
                         "the child's needs with the family.",
    NextStep.RETURN_TO_TEAM: "The Strengthening and Supporting Families team, who worked with "
                             "the family recently, will work with them again.",
    NextStep.SPECIALIST: "The specialist team will assess the child's needs.",
    NextStep.EARLY_HELP: "The Early Help Hub will agree which agency is best placed to lead "
                         "an Early Help Assessment with the family. They may ask you.",
    NextStep.SIGNPOST: "The family has been pointed to services that can help.",
    NextStep.FAMILY_DECLINED: "The family did not want support and there is no significant "
                              "harm, so the request is closed. Their choice is respected.",
    NextStep.UNIVERSAL: "No further action from children's services: the child's usual "
                        "services continue to support them.",
}


def _own_request(user, pk: int) -> RequestForSupport:
    rfs = selectors.requests_made_by(user).filter(pk=pk).first()
    if rfs is None:
        raise Http404("No request of yours with that number.")
    return rfs


def request_list(request):
    rows = [(rfs, STATUS_IN_WORDS.get(rfs.status, rfs.get_status_display()))
            for rfs in selectors.requests_made_by(request.user)]
    return render(request, "frontdoor/request_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def request_new(request):
    return _request_form(request, None)


@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    rfs = _own_request(request.user, pk)
    if rfs.status != RequestForSupport.Status.DRAFT:
        return redirect("request-outcome", pk=rfs.pk)
    return _request_form(request, rfs)


def _initial(rfs: RequestForSupport | None) -> tuple[dict, list[dict]]:
    if rfs is None:
        return {"urgency": RequestForSupport.Urgency.STANDARD}, []
    fields = RequestForm.base_fields
    initial = {name: getattr(rfs, name) for name in fields}
    initial["consent_given"] = yes_no_initial(rfs.consent_given)
    children = [
        {f: getattr(c, f) for f in CHILD_FIELDS}
        for c in rfs.children.filter(person__isnull=True).order_by("pk")
    ]
    return initial, children


def _request_form(request, rfs: RequestForSupport | None):
    """Save as a draft, or send: sending saves first, so nothing typed is ever lost."""
    initial, children = _initial(rfs)
    form = RequestForm(request.POST or None, initial=initial)
    formset = child_formset(request.POST or None, initial=children)
    elsewhere = []
    if request.method == "POST" and form.is_valid() & formset.is_valid():
        rows = [row.cleaned_data for row in formset if row.cleaned_data]
        sending = request.POST.get("action") == "send"
        try:
            rfs = services.request_save_draft(
                actor=request.user, data=form.service_data(), children=rows, rfs=rfs,
                version=post_version(request), http_request=request)
        except ValidationError as error:
            elsewhere = service_errors(form, error, CHILDREN)
        else:
            if not sending:
                messages.success(request, SAVED_AS_DRAFT)
                return redirect("request-edit", pk=rfs.pk)
            try:
                rfs = services.request_submit(actor=request.user, rfs=rfs, version=rfs.version,
                                              http_request=request)
            except ValidationError as error:
                elsewhere = service_errors(form, error, CHILDREN)
                messages.info(request, NOT_SENT)
            else:
                messages.success(request, SENT)
                return redirect("request-outcome", pk=rfs.pk)
    return render(request, "frontdoor/request_form.html", {
        "form": form, "formset": formset, "rfs": rfs,
        "errors": error_summary(form, formset, elsewhere, rows_first=True),
        "children_errors": [e.text.split(": ", 1)[1] for e in elsewhere],
    })


def request_outcome(request, pk):
    rfs = _own_request(request.user, pk)
    decision = next(iter(rfs.decisions.all()), None)  # authorised decisions only
    return render(request, "frontdoor/request_outcome.html", {
        "rfs": rfs, "decision": decision, "status_in_words": STATUS_IN_WORDS.get(rfs.status),
        "step_in_words": STEP_IN_WORDS.get(decision.next_step) if decision else "",
    })
