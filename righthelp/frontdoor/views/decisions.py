"""The Hub's decision: the routing rules propose the next step from the facts, the worker
confirms it or chooses another with a reason, and a manager authorises or returns it.

Without JavaScript the decision page works in two steps: "Check the proposed next step"
re-shows the form with the proposal, then "Record the decision" saves it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import FACT_LABELS, AuthoriseForm, DecisionForm
from ..models import HubDecision, RequestForSupport
from ..rules import route
from .common import error_summary, hub_request_or_404, post_version, service_errors

NOT_WAITING = "This request is not waiting for a decision."


@require_http_methods(["GET", "POST"])
def decision_new(request, pk):
    rfs = hub_request_or_404(pk)
    if (rfs.status != RequestForSupport.Status.IN_QUEUE
            or rfs.kind == RequestForSupport.Kind.INFORMATION_REQUEST):
        messages.info(request, NOT_WAITING)
        return redirect("hub-request", pk=rfs.pk)
    histories = [(row.child, row.history)
                 for row in selectors.linked_children(request.user, rfs, request) if row.history]
    selectors.name_children(request.user, rfs.children.all())
    initial = {
        "open_to_return_team_recently": any(h.open_to_return_team_recently
                                            for _, h in histories),
        "exploitation_or_missing": (rfs.exploitation_worry or rfs.missing_worry
                                    or rfs.kind == RequestForSupport.Kind.MISSING),
    }
    data = request.POST.copy() if request.method == "POST" else None
    form = DecisionForm(data, initial=initial)
    proposal, elsewhere = None, []
    if data is not None and form.is_valid():
        facts = form.facts()
        proposal = route(facts)
        if request.POST.get("action") == "decide":
            cleaned = form.cleaned_data
            try:
                services.decision_propose(
                    actor=request.user, rfs=rfs, facts=facts,
                    level_of_need=cleaned["level_of_need"] or 0,
                    reasoning=cleaned["reasoning"], childs_voice=cleaned["childs_voice"],
                    next_step=cleaned["next_step"] or None,
                    different_step_reason=cleaned["different_step_reason"],
                    signposted_to=cleaned["signposted_to"], version=post_version(request),
                    http_request=request,
                    signposted_services=list(cleaned["signposted_services"]))
            except ValidationError as error:
                link = reverse("hub-request", args=[rfs.pk]) + "#children"
                elsewhere = service_errors(form, error, {"children": (link, "Children")})
            else:
                messages.success(request, "Decision recorded. A Hub manager will authorise it.")
                return redirect("hub-request", pk=rfs.pk)
        else:
            # Checking the proposal (again): the proposed step is chosen until changed.
            data["next_step"] = proposal.next_step
    return render(request, "frontdoor/decision_form.html", {
        "rfs": rfs, "form": form, "proposal": proposal, "histories": histories,
        "errors": error_summary(form, elsewhere=elsewhere),
    })


@require_http_methods(["GET", "POST"])
def decision_authorise(request, pk):
    """A manager sees the decision and authorises it, or returns it with a note."""
    decision = get_object_or_404(
        HubDecision.objects.select_related("decided_by", "authorised_by"), pk=pk)
    rfs = hub_request_or_404(decision.request_id)
    selectors.name_children(request.user, rfs.children.all())
    form = AuthoriseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        returning = request.POST.get("action") == "return"
        try:
            if returning:
                services.decision_return(actor=request.user, decision=decision, note=note,
                                         http_request=request)
            else:
                services.decision_authorise(actor=request.user, decision=decision, note=note,
                                            http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Decision returned to the worker." if returning else
                             "Decision authorised. The referrer can now see the outcome.")
            return redirect("hub-queue")
    return render(request, "frontdoor/decision_authorise.html", {
        "rfs": rfs, "decision": decision, "form": form,
        "facts": [FACT_LABELS.get(k, k) for k, v in decision.facts.items() if v],
        "awaiting": decision.status == HubDecision.Status.AWAITING_AUTHORISATION,
        "errors": error_summary(form),
    })
