"""The directory's pages. Search, a service's page and "suggest a service" work without
signing in; the editor's pages need the ``directory.approve_service`` permission."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from righthelp.frontdoor.views.common import error_summary, post_version, service_errors

from . import rules, selectors, services
from .forms import SearchForm, ServiceForm, SuggestForm, WithdrawForm
from .models import ServiceStatus

SUGGESTION_THANKS = ("Thank you for suggesting {name}. The council's directory team will "
                     "check it before it appears in the directory.")


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            results = selectors.search_services(
                text=data["q"], activity=data["activity"], postcode=data["postcode"],
                within=data["within"] if data["postcode"].strip() else None)
        except ValidationError as error:
            service_errors(form, error)
    return render(request, "directory/search.html", {
        "form": form, "results": results, "errors": error_summary(form),
        "is_editor": rules.can_edit_directory(request.user)})


def service_detail(request, pk: int):
    service = selectors.published_service(pk)
    return render(request, "directory/service.html", {
        "service": service, "is_editor": rules.can_edit_directory(request.user)})


@require_http_methods(["GET", "POST"])
def suggest(request):
    signed_in = request.user.is_authenticated
    form = SuggestForm(request.POST or None, signed_in=signed_in)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service = services.service_suggest(
                data=form.service_data(), activity_types=list(data["activity_types"]),
                suggested_by_name=data.get("suggested_by_name", ""),
                suggested_by_email=data.get("suggested_by_email", ""),
                actor=request.user, http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, SUGGESTION_THANKS.format(name=service.name))
            return redirect("directory-search")
    return render(request, "directory/suggest.html", {
        "form": form, "errors": error_summary(form), "signed_in": signed_in})


def _editor_only(request) -> None:
    if not rules.can_edit_directory(request.user):
        raise PermissionDenied(services.NOT_AN_EDITOR)


def editor(request):
    _editor_only(request)
    return render(request, "directory/editor.html", {
        "suggested": selectors.services_for_editor(request.user, ServiceStatus.SUGGESTED),
        "published": selectors.services_for_editor(request.user, ServiceStatus.PUBLISHED),
        "withdrawn": selectors.services_for_editor(request.user, ServiceStatus.WITHDRAWN),
    })


@require_http_methods(["GET", "POST"])
def review(request, pk: int):
    """An editor checks a service: corrects it, publishes a suggestion, or saves changes."""
    service = selectors.editable_service(request.user, pk)
    form = ServiceForm(request.POST or None, initial=ServiceForm.initial_from(service))
    if request.method == "POST" and form.is_valid():
        publish = "publish" in request.POST
        write = services.service_publish if publish else services.service_update
        try:
            saved = write(service=service, actor=request.user, version=post_version(request),
                          data=form.service_data(),
                          activity_types=list(form.cleaned_data["activity_types"]),
                          http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, f"{saved.name} is published." if publish
                             else f"Changes to {saved.name} saved.")
            return redirect("directory-editor")
    return render(request, "directory/review.html", {
        "service": service, "form": form, "errors": error_summary(form),
        "can_publish": rules.can_move(service.status, ServiceStatus.PUBLISHED)})


@require_http_methods(["GET", "POST"])
def withdraw(request, pk: int):
    service = selectors.editable_service(request.user, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.service_withdraw(service=service, actor=request.user,
                                      version=post_version(request),
                                      reason=form.cleaned_data["reason"], http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, f"{service.name} is withdrawn.")
            return redirect("directory-editor")
    return render(request, "directory/withdraw.html", {
        "service": service, "form": form, "errors": error_summary(form)})
