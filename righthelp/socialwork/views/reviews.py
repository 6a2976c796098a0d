"""Child in need plan reviews and escalation to child protection."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .. import selectors_plans as selectors
from ..forms_plans import CinReviewForm, EscalationForm, attendee_rows
from ..services import reviews as services
from .plans_common import form_page, service_errors


@require_http_methods(["GET", "POST"])
def cin_review_new(request, pk):
    plan = selectors.cin_plan_for(request.user, pk, request)
    back = reverse("sw-cin-plan", args=[plan.pk])
    form = CinReviewForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.cin_review_record(
                plan=plan, actor=request.user, held_on=data["held_on"],
                progress=data["progress"], childs_words=data["childs_words"],
                familys_words=data["familys_words"], decision=data["decision"],
                reasons=data["reasons"], what_changed=data["what_changed"],
                attendees=attendee_rows(data["attendees"], family=False))
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Review recorded.")
            return redirect(back)
    return form_page(request, title="Review the child in need plan", form=form,
                     person=plan.episode.person, back=back, button="Record the review",
                     extra={"due": selectors.clock(plan.review_deadline)})


@require_http_methods(["GET", "POST"])
def cin_plan_escalate(request, pk):
    plan = selectors.cin_plan_for(request.user, pk, request)
    back = reverse("sw-cin-plan", args=[plan.pk])
    form = EscalationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.escalation_record(plan=plan, actor=request.user,
                                       what_changed=form.cleaned_data["what_changed"])
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Escalation recorded. Hold a strategy discussion: it is "
                             "due within one working day.")
            return redirect(back)
    return form_page(request, title="Escalate to child protection", form=form,
                     person=plan.episode.person, back=back, button="Escalate",
                     caption="Child in need plan",
                     intro="Escalate only when harm to the child has escalated, not when the "
                     "risk has stayed the same.")
