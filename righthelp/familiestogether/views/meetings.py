"""Family Together Meetings, the family's plan, and crisis work pages."""

from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import (
    CrisisOpenForm,
    CrisisUpdateForm,
    MeetingForm,
    PlanForm,
    PlanItemFormSet,
    RespondForm,
)
from .common import form_page, visible


@require_http_methods(["GET", "POST"])
def meeting_new(request, pk):
    referral = visible(selectors.referral_for, request, pk)
    form = MeetingForm(request.POST or None,
                       network=selectors.family_network(referral.person))
    return form_page(
        request, form=form, referral=referral, heading="Record a Family Together Meeting",
        save=lambda: services.meeting_record(actor=request.user, referral=referral,
                                             request=request, **form.service_data()),
        done="Meeting recorded.")


@require_http_methods(["GET", "POST"])
def plan_new(request, pk):
    meeting = visible(selectors.meeting_for, request, pk, "meeting")
    form = PlanForm(request.POST or None)
    formset = PlanItemFormSet(request.POST or None, prefix="items")
    return form_page(
        request, form=form, formset=formset, referral=meeting.referral,
        heading="The family's own plan",
        intro="Write each thing down as the family said it. This is their plan: do not "
              "reword it.",
        save=lambda: services.family_plan_record(
            actor=request.user, meeting=meeting, agreed_by=form.cleaned_data["agreed_by"],
            items=[row.cleaned_data for row in formset if row.cleaned_data],
            request=request),
        done="The family's plan is recorded.")


@require_http_methods(["GET", "POST"])
def plan_respond(request, pk):
    plan = visible(selectors.plan_for, request, pk, "plan")
    form = RespondForm(request.POST or None)
    return form_page(
        request, form=form, referral=plan.meeting.referral,
        heading="Respond to the family's plan",
        save=lambda: services.family_plan_respond(
            actor=request.user, plan=plan, accept=form.cleaned_data["response"] == "accept",
            reason=form.cleaned_data["reason"], request=request),
        done="Response recorded.")


@require_http_methods(["GET", "POST"])
def crisis_new(request, pk):
    referral = visible(selectors.referral_for, request, pk)
    form = CrisisOpenForm(request.POST or None)
    return form_page(
        request, form=form, referral=referral, heading="Record a crisis",
        save=lambda: services.crisis_open(actor=request.user, referral=referral,
                                          request=request, **form.cleaned_data),
        done="Crisis recorded: make first contact.")


@require_http_methods(["GET", "POST"])
def crisis_update(request, pk):
    crisis = visible(selectors.crisis_for, request, pk, "crisis")
    form = CrisisUpdateForm(request.POST or None, initial={
        "version": crisis.version, "first_contact_at": crisis.first_contact_at,
        "work_done": crisis.work_done, "outcome": crisis.outcome,
        "outcome_on": crisis.outcome_on, "childs_words": crisis.childs_words})
    return form_page(
        request, form=form, referral=crisis.referral, heading="Crisis work",
        save=lambda: services.crisis_update(actor=request.user, crisis=crisis,
                                            request=request, **form.cleaned_data),
        done="Crisis work saved.")
