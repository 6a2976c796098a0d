"""Child protection conferences: the Initial Child Protection Conference after a Section 47
enquiry that found one is needed, and review conferences while the child is on a plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .. import selectors_plans as selectors
from ..forms_plans import ConferenceForm
from ..models import ChildProtectionConference, ChildProtectionPlan, Section47Enquiry
from ..services import conferences as services
from .plans_common import form_page, service_errors

Kind = ChildProtectionConference.Kind
NOTHING_TO_CONFERENCE = ("There is no conference to record: an initial conference follows a "
                         "Section 47 enquiry that found one is needed, and a review conference "
                         "needs an open child protection plan.")


def _awaiting_icpc(episode) -> Section47Enquiry | None:
    return (Section47Enquiry.objects.filter(episode=episode, outcome="conference")
            .exclude(conferences__kind=Kind.INITIAL)
            .select_related("strategy_discussion", "deadline").order_by("-started_on").first())


@require_http_methods(["GET", "POST"])
def conference_new(request, pk):
    episode = selectors.episode_for(request.user, pk, request)
    plan = ChildProtectionPlan.objects.filter(episode=episode, status="open").select_related(
        "review_deadline", "chair").first()
    enquiry = None if plan else _awaiting_icpc(episode)
    back = reverse("sw-episode-plans", args=[episode.pk])
    if plan is None and enquiry is None:
        messages.info(request, NOTHING_TO_CONFERENCE)
        return redirect(back)
    kind = Kind.REVIEW if plan else Kind.INITIAL
    initial = {"chair": request.user.pk if request.user.role == "cp_chair" else
               (plan.chair_id if plan else None)}
    if plan:
        initial["category"] = plan.latest_category
    form = ConferenceForm(request.POST or None, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        common = {
            "actor": request.user, "held_on": data["held_on"], "chair": data["chair"],
            "attendees": form.attendees(), "childs_words": data["childs_words"],
            "familys_words": data["familys_words"], "strengths": data["strengths"],
            "worries": data["worries"], "decision": data["decision"],
            "category": data["category"], "step_to": data["step_to"],
            "reasons": data["reasons"], "family_absent_reason": data["family_absent_reason"]}
        try:
            if plan:
                conference = services.review_conference_record(cp_plan=plan, **common)
            else:
                conference = services.initial_conference_record(section47=enquiry, **common)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "attendees" in error.error_dict:
                error.error_dict["family"] = error.error_dict.pop("attendees")
            service_errors(form, error)
        else:
            messages.success(request, f"{conference.get_kind_display()} recorded: "
                             f"{conference.get_decision_display()}.")
            return redirect("sw-conference", pk=conference.pk)
    if plan:
        due = selectors.clock(plan.review_deadline)
        intro = (f"The review conference for the child protection plan "
                 f"(category: {plan.get_latest_category_display()}).")
    else:
        due = selectors.clock(enquiry.deadline)
        intro = ("The Initial Child Protection Conference after the Section 47 enquiry "
                 f"started on {enquiry.started_on:%-d %B %Y}.")
    return form_page(request, title=f"Record the {Kind(kind).label.lower()}"
                     if kind == Kind.REVIEW else "Record the Initial Child Protection Conference",
                     form=form, person=episode.person, back=back, button="Record the conference",
                     intro=intro, extra={"due": due})


def conference_detail(request, pk):
    conference = selectors.conference_for(request.user, pk, request)
    return render(request, "socialwork/conference_detail.html", {
        "conference": conference, "person": conference.episode.person})
