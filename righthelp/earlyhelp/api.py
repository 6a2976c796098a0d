"""Early help: assess, plan, do, review over JSON, mounted at /api/v1/early-help/."""

from righthelp.core.api_auth import PolicyRouter

router = PolicyRouter(tags=["Early help: assess, plan, do, review"])


# --- Figures for managers ----------------------------------------------------------------------
# Imports here keep this block self-contained (others append to this module too).
from datetime import date as date_type  # noqa: E402

from django.utils import timezone as _timezone  # noqa: E402
from ninja import Field as _Field  # noqa: E402
from ninja import Query as _Query  # noqa: E402
from ninja import Schema as _Schema  # noqa: E402

from . import figures as _figures  # noqa: E402


class FiguresCountOut(_Schema):
    code: str
    label: str
    count: int


class FiguresMonthOut(_Schema):
    code: str = _Field(description="YYYY-MM")
    label: str


class FiguresOpenOut(_Schema):
    on: date_type = _Field(description="Open on this day: the period's last.")
    total: int
    by_locality: list[FiguresCountOut]
    by_lead: list[FiguresCountOut] = _Field(description="Partner agencies, then the council's "
                                             "teams, then any with the lead not agreed yet.")
    partner_led: int
    council_led: int
    not_agreed: int
    partner_percent: float | None = _Field(description="Partner-led, of those with a lead.")


class FiguresMonthLeadsOut(_Schema):
    month: FiguresMonthOut
    opened: int
    partner_led: int
    council_led: int
    not_agreed: int
    partner_percent: float | None


class FiguresPartnerLedOut(_Schema):
    opened: int = _Field(description="Episodes opened in the period.")
    partner_led: int
    council_led: int
    partner_percent: float | None
    months: list[FiguresMonthLeadsOut]


class FiguresReviewsOut(_Schema):
    due: int = _Field(description="Review deadlines that fell due in the period (per child).")
    on_time: int
    late: int
    overdue: int = _Field(description="Fell due and not held yet.")
    percent: float | None


class FiguresMonthStepsOut(_Schema):
    month: FiguresMonthOut
    ups: int
    downs: int


class FiguresStepsOut(_Schema):
    ups: int = _Field(description="Step-ups to the Hub.")
    downs: int = _Field(description="Step-downs from social care.")
    months: list[FiguresMonthStepsOut]


class FiguresClosuresOut(_Schema):
    total: int
    outcomes_met: int
    percent: float | None
    by_reason: list[FiguresCountOut]


class FiguresSteppedUpOut(_Schema):
    months: int = _Field(description="The council's lookback after closing.")
    children: int = _Field(description="Children whose episode closed in the period (other "
                           "than by a step up).")
    stepped_up: int = _Field(description="Of those, back in social care within the lookback.")
    percent: float | None


class FiguresPeriodOut(_Schema):
    first: date_type
    last: date_type


class EarlyHelpFiguresOut(_Schema):
    period: FiguresPeriodOut
    open: FiguresOpenOut
    partner_led: FiguresPartnerLedOut
    reviews: FiguresReviewsOut
    steps: FiguresStepsOut
    closures: FiguresClosuresOut
    stepped_up_again: FiguresSteppedUpOut


@router.get("/figures", url_name="early-help-figures", response=EarlyHelpFiguresOut,
            summary="Early help figures for managers, for a period")
def early_help_figures(
    request,
    first: str = _Query("", description="YYYY-MM-DD, the first day; with last left out too, "
                        "the last 12 months in whole months."),
    last: str = _Query("", description="YYYY-MM-DD, the last day (default today)."),
):
    period = _figures.period_from(first, last, _timezone.localdate())
    return _figures.early_help_figures(period, _timezone.now())
