"""The early help figures page: one thin view over ``figures``, filtered by GET (no JS).

The charts are drawn here as SVG geometry (server side); each has a table with the numbers.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from righthelp.core.forms import GovukForm, add_service_errors

from . import figures

CHART_WIDTH = 600
CHART_HEIGHT = 160
LABEL_SPACE = 30  # below the bars, for the month names


class FiguresFilter(GovukForm):
    first = forms.DateField(
        required=False, label="From", input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": figures.BAD_DATE},
        help_text="The first day, for example 2025-12-01.")
    last = forms.DateField(
        required=False, label="To", input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": figures.BAD_DATE},
        help_text="The last day, for example 2026-11-30.")


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    value: int


@dataclass(frozen=True)
class Column:
    label: str
    x: int  # the column's middle, for its label
    bars: list[Bar]


def _columns(months: list, series: list[list[int]], stacked: bool) -> list[Column]:
    """Columns for each month: bars side by side, or stacked (the first series at the base)."""
    count = max(1, len(months))
    slot = CHART_WIDTH // count
    tallest = max([sum(values) if stacked else max(values or [0])
                   for values in zip(*series, strict=True)] + [1]) if months else 1
    width = max(4, slot * 2 // 3 // (1 if stacked else len(series)))
    every = -(-count // 12)  # label at most 12 columns
    columns = []
    for n, month in enumerate(months):
        left = n * slot + (slot - width * (1 if stacked else len(series))) // 2
        bars, base = [], CHART_HEIGHT
        for s, values in enumerate(series):
            height = round(values[n] * CHART_HEIGHT / tallest)
            if stacked:
                base -= height
                bars.append(Bar(left, base, width, height, values[n]))
            else:
                bars.append(Bar(left + s * width, CHART_HEIGHT - height, width, height,
                                values[n]))
        label = month.label if n % every == 0 else ""
        columns.append(Column(label, n * slot + slot // 2, bars))
    return columns


def charts(result: figures.Figures) -> dict:
    leads = result.partner_led.months
    steps = result.steps.months
    return {
        "width": CHART_WIDTH, "height": CHART_HEIGHT, "full_height": CHART_HEIGHT + LABEL_SPACE,
        "label_y": CHART_HEIGHT + 14,
        "leads": _columns([m.month for m in leads],
                          [[m.partner_led for m in leads], [m.council_led for m in leads]],
                          stacked=True),
        "steps": _columns([m.month for m in steps],
                          [[m.ups for m in steps], [m.downs for m in steps]], stacked=False),
    }


def early_help_figures(request: HttpRequest) -> HttpResponse:
    """Open episodes, partner-led share, reviews on time, step-ups and step-downs, closures
    with outcomes met, and children stepped up again after their help closed."""
    today = timezone.localdate()
    period = figures.default_period(today) if not request.GET else None
    if request.GET:
        form = FiguresFilter(request.GET)
        if form.is_valid():
            try:
                period = figures.period_from(form.cleaned_data["first"],
                                             form.cleaned_data["last"], today)
            except ValidationError as error:
                add_service_errors(form, error)
    else:
        form = FiguresFilter(initial={"first": period.first, "last": period.last})
    result = figures.early_help_figures(period, timezone.now()) if period else None
    return render(request, "earlyhelp/figures.html", {
        "form": form, "figures": result, "charts": charts(result) if result else None,
    })
