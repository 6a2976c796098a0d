from django import forms

from righthelp.core.forms import GovukForm

from .models import Allocation, Team, User


class AllocationForm(GovukForm):
    worker = forms.ModelChoiceField(queryset=User.objects.none(), required=False,
                                    help_text="Leave empty to allocate to the team.")
    team = forms.ModelChoiceField(queryset=Team.objects.none())
    kind = forms.ChoiceField(choices=Allocation.Kind.choices, label="Allocated as")
    start = forms.DateField(help_text="For example, 27/03/2026")
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["worker"].queryset = User.objects.filter(
            memberships__team__in=teams, is_active=True).distinct().order_by("last_name")


class EndAllocationForm(GovukForm):
    end = forms.DateField(help_text="For example, 27/03/2026")
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
