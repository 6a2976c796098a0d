"""The child's social work page, and the team manager's transfer and close pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from righthelp.core.url_policy import allows

from .. import selectors
from ..forms_assessments import CloseForm, TransferForm
from ..selectors_plans import plans_summary
from ..services import episodes as services
from ..services import transfers
from .assessments_common import error_summary, refused


def child_work(request, pk):
    """A child's episodes with social care (pk is the child's record number)."""
    work = selectors.child_social_work(request.user, pk, request)
    current = work.open_episode or (work.episodes[0] if work.episodes else None)
    return render(request, "socialwork/episode.html", {
        "work": work, "person": work.person, "current": current,
        "episode": current.episode if current else None,
        "summary": plans_summary(current.episode) if current else None,
        "may": {key: allows(f"sw-{name}", request.user) for key, name in (
            ("strategy", "strategy-new"), ("transfer", "transfer-new"),
            ("close", "episode-close"), ("authorise", "assessment-authorise"))},
    })


@require_http_methods(["GET", "POST"])
def transfer_new(request, pk):
    """The team manager transfers the work to another team (pk is the episode)."""
    episode = selectors.episode_for(request.user, pk, request)
    form = TransferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            transfers.transfer_record(
                episode=episode, actor=request.user, to_team=data["to_team"],
                to_worker=data["to_worker"], on=data["on"], reason=data["reason"],
                handover=data["handover"], http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            messages.success(request, f"Work transferred to {data['to_team']}.")
            return redirect("sw-child", pk=episode.person_id)
    return render(request, "socialwork/transfer_form.html", {
        "episode": episode, "person": episode.person, "form": form,
        "errors": error_summary(form)})


@require_http_methods(["GET", "POST"])
def episode_close(request, pk):
    """The team manager closes the child's episode with its census reason."""
    episode = selectors.episode_for(request.user, pk, request)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.check_manager(request.user, episode)
            services.episode_close(episode=episode, actor=request.user,
                                   on=data["on"] or timezone.localdate(), reason=data["reason"],
                                   summary=data["summary"], http_request=request)
        except ValidationError as error:
            refused(form, error)
        else:
            messages.success(request, "The episode is closed.")
            return redirect("sw-child", pk=episode.person_id)
    return render(request, "socialwork/episode_close.html", {
        "episode": episode, "person": episode.person, "form": form,
        "errors": error_summary(form)})
