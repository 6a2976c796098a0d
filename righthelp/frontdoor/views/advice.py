"""The advice line: anonymous consultations. No page takes a name, date of birth, address or
phone number, and no page links a consultation to a person. Free text that may identify
someone is warned about before anything is saved."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .. import services
from ..forms import AdviceForm
from ..models import AdviceConsultation
from .common import error_summary, service_errors

RECENT = 100


def advice_list(request):
    consultations = AdviceConsultation.objects.select_related("agency", "locality")[:RECENT]
    return render(request, "frontdoor/advice_list.html", {"consultations": consultations})


def _identifying(error: ValidationError) -> bool:
    return hasattr(error, "error_dict") and any(
        e.code == "identifying" for errors in error.error_dict.values() for e in errors)


@require_http_methods(["GET", "POST"])
def advice_new(request):
    form = AdviceForm(request.POST or None)
    warned = False
    if request.method == "POST" and form.is_valid():
        try:
            services.advice_record(
                actor=request.user, data=form.service_data(), http_request=request,
                confirmed_anonymous=form.cleaned_data["confirmed_anonymous"])
        except ValidationError as error:
            warned = _identifying(error)
            service_errors(form, error)
        else:
            messages.success(request, "Consultation recorded.")
            return redirect("advice-list")
    return render(request, "frontdoor/advice_form.html", {
        "form": form, "warned": warned, "errors": error_summary(form)})
