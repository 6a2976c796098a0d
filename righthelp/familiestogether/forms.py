"""Families Together forms: presentation and field checks only; the services decide."""

from django import forms

from righthelp.core.forms import GovukForm
from righthelp.people.models import Relationship

from .models import CrisisResponse, FamiliesTogetherReferral

DATE_HINT = "For example, 27/03/2026"
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"]
YES_NO = [("yes", "Yes"), ("no", "No")]


def _datetime(label: str, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, required=required, input_formats=DATETIME_FORMATS,
        help_text="Date and time, for example 27/03/2026 14:30",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))


def _text(label: str, required: bool = True, help_text: str = "", rows: int = 4):
    return forms.CharField(label=label, required=required, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))


class ReferralForm(GovukForm):
    kind = forms.ChoiceField(label="What is the referral for?", widget=forms.RadioSelect,
                             choices=FamiliesTogetherReferral.Kind.choices)
    reason = _text("Why does the family need Families Together?")
    childs_words = _text("What the child says, in their own words", required=False)
    coordinator = forms.ModelChoiceField(
        queryset=None, required=False, label="Coordinator you consulted",
        help_text="Leave the consultation blank if it has not happened yet: the referral is "
                  "accepted only once it is recorded.")
    consulted_on = forms.DateField(label="Date of the consultation", required=False,
                                   help_text=DATE_HINT)
    discussed = _text("What you discussed with the coordinator", required=False)

    def __init__(self, *args, coordinators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators


class ConsultationForm(GovukForm):
    coordinator = forms.ModelChoiceField(queryset=None, label="Coordinator consulted")
    on = forms.DateField(label="Date of the consultation", help_text=DATE_HINT)
    discussed = _text("What was discussed")

    def __init__(self, *args, coordinators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators


class DecisionForm(GovukForm):
    decision = forms.ChoiceField(label="Decision", widget=forms.RadioSelect,
                                 choices=[("accept", "Accept"), ("decline", "Decline")])
    practitioner = forms.ModelChoiceField(
        queryset=None, required=False, label="Families Together worker",
        help_text="When accepting: who will work with the family.")
    reason = _text("Reasons", required=False, help_text="Needed when declining.")

    def __init__(self, *args, coordinators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = coordinators


class EndForm(GovukForm):
    reason = _text("Why", help_text="For a closure: what the work achieved.")


class MeetingForm(GovukForm):
    # Marked (optional) on the page; at least one invitee is needed (the service says so).
    optional = frozenset({"attended", "others_attending", "childs_words"})
    held_on = forms.DateField(label="Date of the meeting", help_text=DATE_HINT)
    invited = forms.ModelMultipleChoiceField(
        queryset=Relationship.objects.none(), widget=forms.CheckboxSelectMultiple,
        required=False, label="Who from the family network was invited")
    attended = forms.ModelMultipleChoiceField(
        queryset=Relationship.objects.none(), widget=forms.CheckboxSelectMultiple,
        required=False, label="Who came")
    others_attending = _text("Anyone else who came", required=False, rows=2)
    child_attended = forms.BooleanField(required=False, label="The child came")
    childs_words = _text("What the child said, in their own words", required=False)
    private_family_time = forms.ChoiceField(label="Was there private family time?",
                                            widget=forms.RadioSelect, choices=YES_NO)
    private_family_time_minutes = forms.IntegerField(
        label="How long, in minutes", required=False, min_value=1, max_value=600)

    def __init__(self, *args, network=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("invited", "attended"):
            self.fields[name].queryset = network
            self.fields[name].label_from_instance = _network_label

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["invited"] = list(data["invited"])
        data["attended"] = list(data["attended"])
        data["private_family_time"] = data["private_family_time"] == "yes"
        return data


def _network_label(relationship: Relationship) -> str:
    who = str(relationship.related_person) if relationship.related_person_id else (
        relationship.name)
    return f"{who} ({relationship.get_kind_display().lower()})"


class PlanForm(GovukForm):
    agreed_by = forms.CharField(label="Who in the family agreed the plan",
                                help_text="Their names, as they would say them.")


class PlanItemForm(GovukForm):
    in_familys_words = _text("What the family will do, in their words", required=False, rows=2)
    who = forms.CharField(label="Who", required=False, max_length=200)
    by_when = forms.DateField(label="By when", required=False, help_text=DATE_HINT)


PLAN_ROWS = 5
PlanItemFormSet = forms.formset_factory(PlanItemForm, extra=PLAN_ROWS)


class RespondForm(GovukForm):
    response = forms.ChoiceField(
        label="Your response to the family's plan", widget=forms.RadioSelect,
        choices=[("accept", "Accept the family's plan"),
                 ("revisit", "Ask the family to revisit it")])
    reason = _text("Your reasons", help_text="The family will see them.")


class CrisisOpenForm(GovukForm):
    raised_at = _datetime("When the crisis was raised")
    what_happened = _text("What is happening")


class CrisisUpdateForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    first_contact_at = _datetime("First contact with the family", required=False)
    work_done = _text("What was done", required=False)
    outcome = forms.ChoiceField(label="Outcome", required=False,
                                choices=[("", "Not yet")] + CrisisResponse.Outcome.choices)
    outcome_on = forms.DateField(label="Date of the outcome", required=False,
                                 help_text=DATE_HINT)
    childs_words = _text("What the child says, in their own words", required=False)
