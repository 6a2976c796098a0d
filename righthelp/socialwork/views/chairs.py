"""The Child Protection chairs' view between conferences: plans drifting, and the chair's
midway review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from righthelp.core.url_policy import allows

from .. import selectors_plans as selectors
from ..forms_plans import MidwayReviewForm, attendee_rows
from ..services import reviews as services
from .plans_common import form_page, service_errors


def chairs(request):
    show_all = request.GET.get("show") == "all"
    groups = selectors.drifting_plans(request.user, include_on_track=show_all)
    return render(request, "socialwork/chair_drift.html", {
        "groups": groups, "show_all": show_all,
        "can_midway": allows("sw-cp-plan-midway-new", request.user)})


@require_http_methods(["GET", "POST"])
def midway_new(request, pk):
    plan = selectors.cp_plan_for(request.user, pk, request)
    back = reverse("sw-cp-plan", args=[plan.pk])
    form = MidwayReviewForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.midway_review_record(
                plan=plan, actor=request.user, held_on=data["held_on"],
                progress=data["progress"], childs_words=data["childs_words"],
                familys_words=data["familys_words"], decision=data["decision"],
                reasons=data["reasons"], attendees=attendee_rows(data["attendees"], False))
        except PermissionDenied:
            raise
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Midway review recorded.")
            return redirect(back)
    return form_page(request, title="Record a midway review", form=form,
                     person=plan.episode.person, back=back, button="Record the midway review",
                     caption="Child protection plan",
                     intro="Between conferences: is the plan on track, or ready to end? "
                     "No plans just in case.")
