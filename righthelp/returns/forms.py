"""The census page's form: which collection year, and whether to keep the file."""

from django import forms

from righthelp.core.forms import GovukForm

from .cin_census.period import CensusPeriod

CHOOSE_YEAR = "Choose the collection year."


class CensusForm(GovukForm):
    year = forms.TypedChoiceField(
        label="Collection year", coerce=int, error_messages={
            "required": CHOOSE_YEAR, "invalid_choice": CHOOSE_YEAR},
        help_text="Children in need at any point from 1 April to 31 March.")
    check_only = forms.BooleanField(
        required=False, label="Only check the records (do not keep a file to send)")

    def __init__(self, *args, years: list[int] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, CensusPeriod(y).label) for y in years]
