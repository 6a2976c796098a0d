from django import forms

from righthelp.core.forms import GovukForm

from .models import Allocation, Team, User
from .services import TRANSFER_REASON_REQUIRED


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


class ReallocationForm(GovukForm):
    """Move a child's work to another worker in the team: who to, and why (both required)."""

    to_worker = forms.ModelChoiceField(
        queryset=User.objects.none(), label="New worker",
        help_text="Members of the team holding the work, with the children on their caseload now.",
        error_messages={"required": "Choose the worker the work is moving to."})
    reason = forms.CharField(
        label="Why the work is moving", widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": TRANSFER_REASON_REQUIRED})
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, workers=None, counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        counts = counts or {}
        field = self.fields["to_worker"]
        field.queryset = workers
        field.label_from_instance = lambda w: (
            f"{w} ({counts.get(w.pk, 0)} {'child' if counts.get(w.pk, 0) == 1 else 'children'})")
