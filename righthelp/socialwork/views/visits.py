"""Visits to a child on a plan, and Strengthening and Supporting Families' reassessment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .. import selectors_plans as selectors
from ..forms_plans import ReassessmentForm, VisitForm
from ..services import reviews as review_services
from ..services import visits as services
from .plans_common import form_page, service_errors


@require_http_methods(["GET", "POST"])
def visit_new(request, pk):
    episode = selectors.episode_for(request.user, pk, request)
    back = reverse("sw-episode-plans", args=[episode.pk])
    plan = services.open_plan(episode)
    if plan is None:
        messages.info(request, services.NO_OPEN_PLAN)
        return redirect(back)
    form = VisitForm(request.POST or None, initial={"visited_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_record(episode=episode, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Visit recorded.")
            return redirect(back)
    label = "child protection" if plan.__class__.__name__ == "ChildProtectionPlan" else \
        "child in need"
    return form_page(request, title="Record a visit", form=form, person=episode.person,
                     back=back, button="Record the visit",
                     intro=f"A visit to a child on a {label} plan. A visit where the child is "
                     "seen meets the visit clock and starts the next.",
                     extra={"due": selectors.clock(plan.visit_deadline)})


@require_http_methods(["GET", "POST"])
def reassessment_new(request, pk):
    episode = selectors.episode_for(request.user, pk, request)
    back = reverse("sw-episode-plans", args=[episode.pk])
    form = ReassessmentForm(request.POST or None,
                            initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            review_services.reassessment_record(episode=episode, actor=request.user,
                                                **form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Reassessment recorded.")
            return redirect(back)
    return form_page(request, title="Reassess protective factors, assets and threats",
                     form=form, person=episode.person, back=back,
                     button="Record the reassessment")
