"""The work of an episode: the assessment over sittings, the family's plan and its actions,
sharing and printing it, team around the family meetings and reviews."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from righthelp.core import plain_language
from righthelp.people.models import Person

from .. import services
from ..forms import (
    ActionForm,
    AgreePlanForm,
    AssessmentForm,
    MeetingForm,
    PlanForm,
    ReviewForm,
    ShareForm,
)
from ..models import EarlyHelpAssessment, FamilyPlan, PlanAction
from ..models.plans import name_services
from ..services.assessment import ASSESSMENT_FIELDS
from ..services.plans import plan_texts
from .common import episode_for, show_errors, version_of
from .episodes import _form


@require_http_methods(["GET", "POST"])
def assessment(request, pk):
    found = episode_for(request, pk, edit=request.method == "POST")
    current = EarlyHelpAssessment.objects.filter(episode=found).first()
    initial = {name: getattr(current, name) for name in ASSESSMENT_FIELDS} if current else {}
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        completing = "complete" in request.POST
        try:
            saved = services.assessment_save(
                actor=request.user, episode=found, data=form.cleaned_data,
                version=version_of(request) if current else None, http_request=request)
            if completing:
                services.assessment_complete(actor=request.user, episode=found,
                                             version=saved.version, http_request=request)
        except ValidationError as error:
            show_errors(form, error)
            current = EarlyHelpAssessment.objects.filter(episode=found).first()
        else:
            messages.success(request, "Assessment completed." if completing else
                             "Saved. You can come back and carry on at any time.")
            return redirect("early-help-episode" if completing else "early-help-assessment",
                            pk=pk)
    return render(request, "earlyhelp/assessment.html", {
        "episode": found, "form": form, "assessment": current,
        "completed": current is not None and current.status == "completed"})


@require_http_methods(["GET", "POST"])
def plan(request, pk):
    found = episode_for(request, pk, edit=request.method == "POST")
    current = FamilyPlan.objects.filter(episode=found).first()
    form = PlanForm(request.POST or None, initial={
        "what_we_want": current.what_we_want if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_save(actor=request.user, episode=found,
                               what_we_want=form.cleaned_data["what_we_want"],
                               version=version_of(request) if current else None,
                               http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("early-help-plan", pk=pk)
    return render(request, "earlyhelp/plan.html", {
        "episode": found, "form": form, "plan": current,
        "actions": name_services(current.actions.select_related("directory_service"))
        if current else [],
        "agree_form": AgreePlanForm()})


@require_http_methods(["GET", "POST"])
def action_add(request, pk):
    found = episode_for(request, pk, edit=True)
    form = ActionForm(request.POST or None)
    del form.fields["status"]
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(actor=request.user, episode=found, data=form.cleaned_data,
                                http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Action added to the plan.")
            return redirect("early-help-plan", pk=pk)
    return _form(request, found, form, "Add an action to the family's plan", "Add the action")


@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    action = PlanAction.objects.select_related("plan").filter(pk=pk).first()
    if action is None:
        raise Http404("No action with that number.")
    found = episode_for(request, action.plan.episode_id, edit=True)
    initial = {name: getattr(action, name) for name in (
        "who", "council_service", "partner_name", "what", "by_when", "how_we_will_know",
        "status", "directory_service")}
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(actor=request.user, action=action,
                                   version=version_of(request), data=form.cleaned_data,
                                   http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Action changed.")
            return redirect("early-help-plan", pk=found.pk)
    return _form(request, found, form, "Change an action", "Save", version=action.version)


@require_http_methods(["POST"])
def plan_agree(request, pk):
    found = episode_for(request, pk, edit=True)
    form = AgreePlanForm(request.POST)
    if form.is_valid():
        try:
            services.plan_agree(actor=request.user, episode=found,
                                agreed_with=form.cleaned_data["agreed_with"],
                                http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "The plan is agreed. The first review is due in the "
                             "council's review time.")
            return redirect("early-help-episode", pk=pk)
    current = FamilyPlan.objects.filter(episode=found).first()
    return render(request, "earlyhelp/plan.html", {
        "episode": found, "form": PlanForm(initial={
            "what_we_want": current.what_we_want if current else ""}),
        "plan": current, "actions": name_services(current.actions.all()) if current else [],
        "agree_form": form}, status=200)


@require_http_methods(["GET", "POST"])
def plan_share(request, pk):
    found = episode_for(request, pk, edit=True)
    current = FamilyPlan.objects.filter(episode=found).first()
    if current is None:
        raise Http404("There is no plan to share yet.")
    findings = plain_language.check_all(plan_texts(current))
    form = ShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_share(actor=request.user, episode=found, version=version_of(request),
                                confirm=form.cleaned_data["confirm"], http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "The plan is shared with the family. Print it for them.")
            return redirect("early-help-plan-print", pk=pk)
    return render(request, "earlyhelp/plan_share.html", {
        "episode": found, "plan": current, "findings": findings, "form": form})


def plan_print(request, pk):
    found = episode_for(request, pk)
    current = FamilyPlan.objects.filter(episode=found).first()
    if current is None:
        raise Http404("There is no plan yet.")
    members = list(found.memberships.select_related("person"))
    return render(request, "earlyhelp/plan_print.html", {
        "episode": found, "plan": current,
        "actions": name_services(current.actions.select_related("directory_service")),
        "children": [m.person for m in members if m.is_child],
        "adults": [m.person for m in members if not m.is_child],
        "findings": plain_language.check_all(plan_texts(current))})


@require_http_methods(["GET", "POST"])
def meeting(request, pk):
    found = episode_for(request, pk, edit=True)
    members = list(found.memberships.select_related("person"))
    form = MeetingForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_record(
                actor=request.user, episode=found, held_on=data["held_on"],
                agreed=data["agreed"], professional_attendees=data["professional_attendees"],
                family_attendees=list(Person.objects.filter(pk__in=data["family_attendees"])),
                plan_updates=data["plan_updates"], childs_words=data["childs_words"],
                http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Meeting recorded.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "Team around the family meeting", "Record the meeting")


@require_http_methods(["GET", "POST"])
def review(request, pk):
    found = episode_for(request, pk, edit=True)
    actions = PlanAction.objects.filter(plan__episode=found)
    form = ReviewForm(request.POST or None, actions=actions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.review_record(
                actor=request.user, episode=found, version=version_of(request),
                held_on=data["held_on"], childs_words=data["childs_words"],
                family_words=data["family_words"], what_is_better=data["what_is_better"],
                still_worried_about=data["still_worried_about"], progress=form.progress(),
                http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Review recorded. The next review is on the clock.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "Review the family's plan", "Record the review",
                 version=found.version)
