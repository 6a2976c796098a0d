"""A worker's day: home (caseload and deadlines), deadlines, allocations. Thin views."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from righthelp.core import access
from righthelp.core.forms import add_service_errors
from righthelp.core.url_policy import allows

from . import selectors, services
from .forms import AllocationForm, EndAllocationForm, ReallocationForm
from .models import Allocation, Team


def home(request):
    """Each role's home page: caseload and deadlines for practitioners, more for managers."""
    user = request.user
    context = {"memberships": list(selectors.current_memberships(user))}
    if allows("person-record", user):
        context["caseload"] = selectors.caseload(user)
        deadlines = selectors.my_deadlines(user)
        context["overdue"] = sum(d.status == "overdue" for d in deadlines)
        context["due_soon"] = sum(d.status == "due_soon" for d in deadlines)
    if user.is_manager:
        context["team_caseloads"] = selectors.team_caseloads(user)
        context["break_glass_count"] = access.break_glass_to_review(user).count()
    return render(request, "staff/home.html", context)


def my_deadlines(request):
    return render(request, "staff/deadlines.html", {
        "deadlines": selectors.my_deadlines(request.user), "heading": "My deadlines"})


def team_deadlines(request):
    return render(request, "staff/deadlines.html", {
        "deadlines": selectors.team_deadlines(request.user), "heading": "My team's deadlines",
        "show_owner": True})


@require_http_methods(["GET", "POST"])
def allocation_add(request, pk):
    person = access.open_person(request.user, pk, request)
    teams = Team.objects.filter(id__in=selectors.managed_team_ids(request.user))
    form = AllocationForm(request.POST or None, teams=teams,
                          initial={"start": timezone.localdate(), "team": teams.first()})
    if request.method == "POST" and form.is_valid():
        try:
            services.allocation_create(actor=request.user, person=person, request=request,
                                       **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Allocation saved.")
            return redirect("person-record", pk=person.pk)
    return render(request, "staff/allocation_form.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
def allocation_end(request, pk):
    allocation = get_object_or_404(
        Allocation, pk=pk, team_id__in=selectors.managed_team_ids(request.user))
    person = access.open_person(request.user, allocation.person_id, request)
    form = EndAllocationForm(request.POST or None, initial={"end": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.allocation_end(actor=request.user, allocation=allocation, request=request,
                                    **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Allocation ended.")
            return redirect("person-record", pk=person.pk)
    return render(request, "staff/allocation_form.html",
                  {"form": form, "person": person, "ending": allocation})


@require_http_methods(["GET"])
def caseloads(request):
    """Each team the user manages (every team, as figures, for an analyst): each worker's
    children against the council's target, the team's total and average."""
    return render(request, "staff/caseloads.html", {
        "teams": selectors.caseloads_for(request.user),
        "target": selectors.caseload_target(),
        "can_open_workers": allows("caseload-worker", request.user)})


@require_http_methods(["GET"])
def caseload_worker(request, pk):
    worker = selectors.caseload_worker(request.user, pk)
    return render(request, "staff/caseload_worker.html",
                  {"load": selectors.worker_caseload(request.user, worker, request)})


@require_http_methods(["GET", "POST"])
def caseload_reallocate(request, pk):
    """A team manager moves a child's (or family's) work to another worker in the team."""
    allocation = selectors.allocation_to_reallocate(request.user, pk, request)
    workers = selectors.reallocation_workers(allocation)
    counts = selectors.worker_children_counts(workers.values("pk"))
    form = ReallocationForm(request.POST or None, workers=workers, counts=counts,
                            initial={"version": allocation.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.allocation_transfer(
                allocation=allocation, to_worker=data["to_worker"], reason=data["reason"],
                version=data["version"], actor=request.user, request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Work moved to {data['to_worker']}.")
            return redirect(reverse("caseload-worker", args=[data["to_worker"].pk]))
    return render(request, "staff/caseload_reallocate.html", {
        "form": form, "allocation": allocation, "ended": allocation.end is not None
        and allocation.end <= timezone.localdate()})
