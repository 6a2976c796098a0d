"""Complex needs forms: presentation and field checks only; the services decide."""

from django import forms

from righthelp.core.forms import GovukForm

from .models import SenNeed, SenProvision

DATE_HINT = "For example, 27/03/2026"
NEED_CHOICES = [("", "None")] + SenNeed.choices


def _date(label: str, required: bool = False, help_text: str = DATE_HINT):
    return forms.DateField(label=label, required=required, help_text=help_text)


def _text(label: str, required: bool = True, rows: int = 3, help_text: str = ""):
    return forms.CharField(label=label, required=required, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))


class RecordForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    sen_provision = forms.ChoiceField(label="SEN provision", choices=SenProvision.choices,
                                      widget=forms.RadioSelect)
    primary_need = forms.ChoiceField(label="Primary type of need", choices=NEED_CHOICES,
                                     required=False, help_text="DfE type of need.")
    secondary_need = forms.ChoiceField(label="Secondary type of need", choices=NEED_CHOICES,
                                       required=False)
    needs_summary = _text("What the child needs, in plain words", required=False, rows=5)
    childs_words = _text("What the child says, in their own words", required=False)


class EhcPlanForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    requested_on = _date("EHC needs assessment requested on", required=True)
    assessment_started_on = _date("Assessment started on")
    issued_on = _date("Plan issued on", help_text="Due within 20 weeks of the request.")
    last_annual_review_on = _date("Last annual review on",
                                  help_text="Reviews are due every 12 months.")


class TransitionPlanForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    young_persons_words = _text("The young person's own words", required=False, rows=4)
    adult_services = _text("Adult services involved")
    education_employment = _text("Education, training or employment")
    housing = _text("Where they will live")
    health = _text("Health")
    review_on = _date("Next review", required=True)
    handed_over_on = _date("Handed over to adult services on",
                           help_text="Once it has happened. " + DATE_HINT)


class CloseForm(GovukForm):
    reason = _text("Why is the record closing?", required=False)
