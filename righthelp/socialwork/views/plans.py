"""Child in need and child protection plans: the plan, co-producing it, its actions, and
ending a child in need plan (a conference ends a child protection plan)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from righthelp.core.url_policy import allows

from .. import selectors_plans as selectors
from ..forms_plans import ActionForm, ActionUpdateForm, CinPlanEndForm, PlanForm
from ..services import plans as services
from .plans_common import form_page, post_version, service_errors

KINDS = {"cin": (selectors.cin_plan_for, "sw-cin-plan", "Child in need plan"),
         "cp": (selectors.cp_plan_for, "sw-cp-plan", "Child protection plan")}


def _plan(request, kind: str, pk: int):
    fetch, page, label = KINDS[kind]
    plan = fetch(request.user, pk, request)
    return plan, reverse(page, args=[plan.pk]), label


def _plan_page(request, kind: str, pk: int):
    plan, _, label = _plan(request, kind, pk)
    actions = list(plan.actions.all())
    context = {
        "plan": plan, "kind": kind, "label": label, "person": plan.episode.person,
        "actions": actions, "visits": list(plan.visits.select_related("visited_by")),
        "review_clock": selectors.clock(plan.review_deadline),
        "visit_clock": selectors.clock(plan.visit_deadline),
        "reassessment_clock": selectors.clock(plan.reassessment_deadline),
        "can_reassess": allows("sw-reassessment-new", request.user) and plan.is_open,
        "can_edit": allows(f"sw-{kind}-plan-edit", request.user) and plan.is_open,
    }
    if kind == "cp":
        context["conferences"] = list(plan.conferences.select_related("chair"))
        context["midway_reviews"] = list(plan.midway_reviews.select_related("recorded_by"))
        context["can_midway"] = allows("sw-cp-plan-midway-new", request.user) and plan.is_open
        context["can_conference"] = allows("sw-conference-new", request.user) and plan.is_open
    else:
        context["reviews"] = list(plan.reviews.select_related("recorded_by"))
        context["escalations"] = list(plan.escalations.select_related("decided_by"))
        context["can_end"] = allows("sw-cin-plan-end", request.user) and plan.is_open
    return render(request, "socialwork/plan_detail.html", context)


def cin_plan(request, pk):
    return _plan_page(request, "cin", pk)


def cp_plan(request, pk):
    return _plan_page(request, "cp", pk)


def _edit(request, kind: str, pk: int):
    plan, back, label = _plan(request, kind, pk)
    initial = {f: getattr(plan, f) for f in services.PLAN_FIELDS} | {"version": plan.version}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(plan=plan, actor=request.user, version=post_version(request),
                                 changes=form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "The plan is saved.")
            return redirect(back)
    return form_page(request, title=f"Change the {label.lower()}", form=form,
                     person=plan.episode.person, back=back, button="Save the plan",
                     intro="Write it with the family, in words they use.")


@require_http_methods(["GET", "POST"])
def cin_plan_edit(request, pk):
    return _edit(request, "cin", pk)


@require_http_methods(["GET", "POST"])
def cp_plan_edit(request, pk):
    return _edit(request, "cp", pk)


def _action_new(request, kind: str, pk: int):
    plan, back, label = _plan(request, kind, pk)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_action_add(plan=plan, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Action added to the plan.")
            return redirect(back)
    return form_page(request, title="Add an action", form=form, person=plan.episode.person,
                     back=back, button="Add the action", caption=label,
                     intro="Who does what, by when, and how we will know it has worked.")


@require_http_methods(["GET", "POST"])
def cin_plan_action_new(request, pk):
    return _action_new(request, "cin", pk)


@require_http_methods(["GET", "POST"])
def cp_plan_action_new(request, pk):
    return _action_new(request, "cp", pk)


@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    action = selectors.action_for(request.user, pk, request)
    plan = services.plan_of(action)
    kind = "cp" if action.cp_plan_id else "cin"
    back = reverse(KINDS[kind][1], args=[plan.pk])
    form = ActionUpdateForm(request.POST or None, initial={
        "version": action.version, "status": action.status, "outcome": action.outcome,
        "by_when": action.by_when})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_action_update(action=action, actor=request.user,
                                        version=post_version(request), status=data["status"],
                                        outcome=data["outcome"], by_when=data["by_when"])
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Action updated.")
            return redirect(back)
    return form_page(request, title="Update an action", form=form, person=plan.episode.person,
                     back=back, button="Save", caption=f"{action.who}: {action.what}")


@require_http_methods(["GET", "POST"])
def cin_plan_end(request, pk):
    plan, back, _ = _plan(request, "cin", pk)
    form = CinPlanEndForm(request.POST or None, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.child_in_need_plan_end(
                plan=plan, actor=request.user, on=data["end"], reason=data["reason"],
                summary=data["summary"], version=post_version(request),
                close_episode=data["close_episode"])
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "The child in need plan has ended.")
            return redirect(back)
    return form_page(request, title="End the child in need plan", form=form,
                     person=plan.episode.person, back=back, button="End the plan",
                     intro="Plans end when their outcomes are met: celebrate the positive "
                     "changes with the family. No plans just in case.")


def episode_plans(request, pk):
    """The child's plans, conferences and visits for one episode, with what can be done."""
    episode = selectors.episode_for(request.user, pk, request)
    return render(request, "socialwork/plans_overview.html", {
        "episode": episode, "person": episode.person,
        "summary": selectors.plans_summary(episode)})
