"""Contingency planning: the family network first, then foster care."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .. import selectors_plans as selectors
from ..forms_plans import ContingencyForm
from ..services import contingency as services
from .plans_common import error_summary, service_errors


@require_http_methods(["GET", "POST"])
def contingency_new(request, pk):
    episode = selectors.episode_for(request.user, pk, request)
    network = services.family_network(episode.person)
    form = ContingencyForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.contingency_plan_record(
                episode=episode, actor=request.user, options=form.options(),
                summary=data["summary"], childs_words=data["childs_words"])
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Contingency plan recorded.")
            return redirect("sw-contingency", pk=plan.pk)
    rows = [(form[f"{key}_choice"], form[f"{key}_why"]) for key in form.rows]
    return render(request, "socialwork/contingency_form.html", {
        "form": form, "rows": rows, "person": episode.person, "episode": episode,
        "back": reverse("sw-episode-plans", args=[episode.pk]),
        "errors": error_summary(form)})


def contingency_detail(request, pk):
    plan = selectors.contingency_for(request.user, pk, request)
    return render(request, "socialwork/contingency_detail.html", {
        "plan": plan, "person": plan.person, "options": list(plan.options.all())})
