"""A partner's multi-agency checks: the questions the Hub has sent them, answered here.

A partner sees only the question and the child's name and date of birth: not the request."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import CheckAnswerForm
from .common import due_tag, error_summary, service_errors


def check_list(request):
    checks = list(selectors.checks_for(request.user))
    return render(request, "frontdoor/check_list.html", {
        "rows": [(check, due_tag(check.due_at)) for check in checks]})


@require_http_methods(["GET", "POST"])
def check_answer(request, pk):
    check = selectors.checks_for(request.user).filter(pk=pk).first()
    if check is None:
        raise Http404("No check waiting for your answer with that number.")
    form = CheckAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_answer(actor=request.user, check=check,
                                  answer=form.cleaned_data["answer"], http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Your answer has been sent to the Hub.")
            return redirect("check-list")
    return render(request, "frontdoor/check_answer.html", {
        "check": check, "children": list(check.request.children.all()), "form": form,
        "tag": due_tag(check.due_at), "errors": error_summary(form)})
