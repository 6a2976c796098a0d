"""The Hub manager's figures page: one thin view over ``figures``, filtered by GET (no JS)."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone

from righthelp.core.forms import GovukForm

from . import figures

MONTHS_OFFERED = 36


def _recent_months(today: date, count: int = MONTHS_OFFERED) -> list[tuple[str, str]]:
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append((f"{year:04d}-{month:02d}", date(year, month, 1).strftime("%B %Y")))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


class FiguresFilter(GovukForm):
    month = forms.ChoiceField(
        required=False, label="Month", error_messages={"invalid_choice": figures.BAD_MONTH},
        help_text="Requests are counted in the month they reached the Hub.")
    locality = forms.ChoiceField(
        required=False, label="Locality",
        error_messages={"invalid_choice": figures.UNKNOWN_LOCALITY})

    def __init__(self, *args, localities=(), **kwargs):
        super().__init__(*args, **kwargs)
        months = _recent_months(timezone.localdate())
        asked = (self.data.get("month") or "").strip()
        if asked and asked not in dict(months):
            try:  # an older month typed into the address is fine, if it is a month
                bounds = figures.month_bounds(asked)
                months.append((asked, bounds[0].strftime("%B %Y")))
            except ValidationError:
                pass
        self.fields["month"].choices = [("", "All months"), *months]
        self.fields["locality"].choices = [("", "All localities"),
                                           *[(loc.code, loc.name) for loc in localities]]


def hub_figures(request):
    """Requests received, decisions on time, conversion, repeats and advice-line calls."""
    form = FiguresFilter(request.GET or None, localities=figures.localities())
    results, chosen = None, {}
    if not request.GET or form.is_valid():
        chosen = form.cleaned_data if request.GET else {"month": "", "locality": ""}
        results = figures.hub_figures(chosen["month"], chosen["locality"])
    return render(request, "frontdoor/figures.html", {
        "form": form, "figures": results,
        "month_label": dict(form.fields["month"].choices).get(chosen.get("month", "")),
        "locality_label": dict(form.fields["locality"].choices).get(chosen.get("locality", "")),
    })
