"""Complex needs pages: the team's list with transition deadlines, a record page per child,
and the forms that keep it. Thin: selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from righthelp.core import access
from righthelp.frontdoor.views.common import error_summary, service_errors

from . import selectors, services
from .forms import CloseForm, EhcPlanForm, RecordForm, TransitionPlanForm
from .models import EHC_ISSUE_WEEKS, TRANSITION_FROM_AGE


def team_list(request):
    due_only = request.GET.get("due") == "1"
    return render(request, "complexneeds/team_list.html", {
        "rows": selectors.team_list(request.user, due_only=due_only, request=request),
        "due_only": due_only,
        "team_member": selectors.is_team_member(request.user)})


def record_page(request, pk):
    person = access.open_person(request.user, pk, request)
    record = selectors.current_record(person)
    age = person.age_on(timezone.localdate())
    return render(request, "complexneeds/record.html", {
        "person": person, "record": record, "age": age,
        "ehc": getattr(record, "ehc_plan", None) if record else None,
        "transition": getattr(record, "transition_plan", None) if record else None,
        "deadlines": selectors.transition_deadlines(person),
        "team_member": selectors.is_team_member(request.user),
        "transition_age": TRANSITION_FROM_AGE, "ehc_weeks": EHC_ISSUE_WEEKS})


def _form_page(request, *, form, person, heading, save, done):
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("cn-record", person.pk)
    return render(request, "complexneeds/form.html", {
        "form": form, "person": person, "heading": heading, "errors": error_summary(form)})


def _version(form) -> int | None:
    return form.cleaned_data.pop("version", None)


@require_http_methods(["GET", "POST"])
def record_new(request, pk):
    person = access.open_person(request.user, pk, request)
    form = RecordForm(request.POST or None)

    def save():
        _version(form)
        return services.record_open(actor=request.user, person=person, request=request,
                                    **form.cleaned_data)

    return _form_page(request, form=form, person=person, save=save, done="Record opened.",
                      heading="Open a complex needs record")


@require_http_methods(["GET", "POST"])
def record_edit(request, pk):
    record = selectors.record_for(request.user, pk, request)
    form = RecordForm(request.POST or None, initial={
        "version": record.version, "sen_provision": record.sen_provision,
        "primary_need": record.primary_need, "secondary_need": record.secondary_need,
        "needs_summary": record.needs_summary, "childs_words": record.childs_words})

    def save():
        return services.record_update(actor=request.user, record=record, request=request,
                                      version=_version(form) or 0, **form.cleaned_data)

    return _form_page(request, form=form, person=record.person, save=save,
                      done="Record saved.", heading="SEND and needs")


@require_http_methods(["GET", "POST"])
def ehc_plan(request, pk):
    record = selectors.record_for(request.user, pk, request)
    plan = getattr(record, "ehc_plan", None)
    initial = {} if plan is None else {
        "version": plan.version, "requested_on": plan.requested_on,
        "assessment_started_on": plan.assessment_started_on, "issued_on": plan.issued_on,
        "last_annual_review_on": plan.last_annual_review_on}
    form = EhcPlanForm(request.POST or None, initial=initial)

    def save():
        return services.ehc_plan_save(actor=request.user, record=record, request=request,
                                      version=_version(form), **form.cleaned_data)

    return _form_page(request, form=form, person=record.person, save=save,
                      done="EHC plan saved.", heading="Education, Health and Care plan")


@require_http_methods(["GET", "POST"])
def transition_plan(request, pk):
    record = selectors.record_for(request.user, pk, request)
    plan = getattr(record, "transition_plan", None)
    fields = ("adult_services", "education_employment", "housing", "health",
              "young_persons_words", "review_on", "handed_over_on", "version")
    initial = {} if plan is None else {name: getattr(plan, name) for name in fields}
    form = TransitionPlanForm(request.POST or None, initial=initial)

    def save():
        return services.transition_plan_save(actor=request.user, record=record,
                                             request=request, version=_version(form),
                                             **form.cleaned_data)

    return _form_page(request, form=form, person=record.person, save=save,
                      done="Transition plan saved.", heading="Transition plan")


@require_http_methods(["GET", "POST"])
def record_close(request, pk):
    record = selectors.record_for(request.user, pk, request)
    form = CloseForm(request.POST or None)
    return _form_page(
        request, form=form, person=record.person, done="Record closed.",
        heading="Close the complex needs record",
        save=lambda: services.record_close(actor=request.user, record=record, request=request,
                                           **form.cleaned_data))
