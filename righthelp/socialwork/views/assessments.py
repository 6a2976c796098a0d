"""The Child and Family Assessment pages: the form (saved over sittings), sending it to the
team manager, the team manager's authorisation, and a team's open work."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from righthelp.core.url_policy import allows

from .. import selectors
from ..forms_assessments import AssessmentForm, AuthoriseForm, VersionForm
from ..models import Assessment
from ..services import assessments as services
from .assessments_common import error_summary, refused

EDITABLE = ("strengths", "worries", "childs_words", "familys_words", "what_needs_to_happen",
            "support_during_assessment", "factors")


def _context(request, assessment: Assessment, **extra) -> dict:
    return {"assessment": assessment, "episode": assessment.episode,
            "person": assessment.episode.person, "clock": selectors.clock(assessment.deadline),
            "may_write": (allows("sw-assessment-send", request.user)
                          and assessment.status == Assessment.Status.IN_PROGRESS),
            "may_authorise": services.may_authorise(request.user, assessment), **extra}


@require_http_methods(["GET", "POST"])
def assessment(request, pk):
    """The assessment, and for its team a form to save another sitting."""
    assessment = selectors.assessment_for(request.user, pk, request)
    initial = {f: getattr(assessment, f) for f in EDITABLE} | {"version": assessment.version}
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = {f: form.cleaned_data[f] for f in EDITABLE}
        try:
            services.assessment_save(assessment=assessment, actor=request.user,
                                     version=form.cleaned_data["version"] or 0,
                                     changes=changes, http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            messages.success(request, "Saved. You can come back and carry on.")
            return redirect("sw-assessment", pk=assessment.pk)
    return render(request, "socialwork/assessment_form.html",
                  _context(request, assessment, form=form, errors=error_summary(form)))


@require_http_methods(["GET", "POST"])
def assessment_send(request, pk):
    """Check the finished assessment, then send it to the team manager."""
    assessment = selectors.assessment_for(request.user, pk, request)
    form = VersionForm(request.POST or None, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_send(assessment=assessment, actor=request.user,
                                     version=form.cleaned_data["version"] or 0,
                                     http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            messages.success(request, "Sent to the team manager to authorise.")
            return redirect("sw-child", pk=assessment.episode.person_id)
    return render(request, "socialwork/assessment_send.html",
                  _context(request, assessment, form=form, errors=error_summary(form)))


@require_http_methods(["GET", "POST"])
def assessment_authorise(request, pk):
    """The team manager authorises the outcome with reasons, or returns it to the worker."""
    assessment = selectors.assessment_for(request.user, pk, request)
    form = AuthoriseForm(request.POST or None, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        returning = request.POST.get("action") == "return"
        try:
            if returning:
                services.assessment_return(assessment=assessment, actor=request.user,
                                           comments=data["comments"],
                                           version=data["version"] or 0, http_request=request)
            else:
                services.assessment_authorise(
                    assessment=assessment, actor=request.user, outcome=data["outcome"],
                    reasons=data["reasons"], primary_need=data["primary_need"],
                    on=data["on"], comments=data["comments"], version=data["version"] or 0,
                    http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            messages.success(request, "Returned to the worker." if returning else
                             "Outcome authorised.")
            return redirect("sw-child", pk=assessment.episode.person_id)
    return render(request, "socialwork/assessment_authorise.html",
                  _context(request, assessment, form=form, errors=error_summary(form)))


def team_work(request):
    """The open assessments and Section 47 enquiries of the user's social work teams."""
    return render(request, "socialwork/assessment_list.html", {
        "rows": selectors.team_open_work(request.user),
        "teams": selectors.my_social_work_teams(request.user)})
