"""The directory's forms: presentation and field checks only (the services hold the rules)."""

from django import forms

from righthelp.core.forms import GovukForm
from righthelp.core.models import Locality

from .models import ActivityType, CostKind
from .selectors import DEFAULT_MILES, DISTANCE_CHOICES


def _text(label: str, rows: int = 4, required: bool = False, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=required,
                           widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class SearchForm(GovukForm):
    use_required_attribute = False
    optional = frozenset({"q", "activity", "postcode"})

    q = forms.CharField(label="What are you looking for?", required=False, max_length=200,
                        help_text="For example, parenting, play and stay, or youth club")
    activity = forms.ChoiceField(label="Type of activity", required=False)
    postcode = forms.CharField(label="Postcode", required=False, max_length=12,
                               help_text="To see services near you, nearest first. "
                               "For example, FY1 5AB")
    within = forms.TypedChoiceField(
        label="How far can you travel?", coerce=int, required=False, empty_value=DEFAULT_MILES,
        initial=DEFAULT_MILES, widget=forms.RadioSelect,
        choices=[(m, f"Within {m} mile{'s' if m > 1 else ''}") for m in DISTANCE_CHOICES])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = [("", "Any type")] + list(
            ActivityType.objects.values_list("code", "name"))


class ServiceForm(GovukForm):
    """A service's details, as a suggestion or as an editor corrects them."""

    use_required_attribute = False
    optional = frozenset({"who_for", "activity_types", "locality", "address", "postcode",
                          "opening_times", "cost_details", "phone", "email", "website",
                          "age_min", "age_max"})

    name = forms.CharField(label="Name of the service", max_length=200, required=False)
    description = _text("What does it offer?", rows=5,
                        help_text="In plain words: what happens there and how it helps")
    who_for = _text("Who is it for?", rows=3,
                    help_text="For example, parents of children under 5, or young people "
                    "aged 11 to 16")
    activity_types = forms.ModelMultipleChoiceField(
        label="Types of activity", required=False, queryset=ActivityType.objects.all(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple)
    locality = forms.ModelChoiceField(label="Locality", required=False,
                                      queryset=Locality.objects.all(),
                                      empty_label="Not in one locality")
    address = _text("Address", rows=3)
    postcode = forms.CharField(label="Postcode", max_length=12, required=False,
                               help_text="So families can find it by distance")
    opening_times = _text("When is it open?", rows=3,
                          help_text="For example, Mondays 9:30am to 11:30am, term time")
    cost_kind = forms.ChoiceField(label="Does it cost anything?", widget=forms.RadioSelect,
                                  choices=CostKind.choices, initial=CostKind.FREE)
    cost_details = forms.CharField(label="Cost details", max_length=300, required=False,
                                   help_text="For example, £2 a session, or free for "
                                   "families on Universal Credit")
    phone = forms.CharField(label="Phone number", max_length=40, required=False)
    email = forms.EmailField(label="Email address", required=False)
    website = forms.URLField(label="Website", required=False, assume_scheme="https")
    age_min = forms.IntegerField(label="Youngest age (years)", required=False, min_value=0,
                                 max_value=25)
    age_max = forms.IntegerField(label="Oldest age (years)", required=False, min_value=0,
                                 max_value=25)

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items()
                if k not in ("activity_types", "suggested_by_name", "suggested_by_email")}

    @classmethod
    def initial_from(cls, service) -> dict:
        names = [n for n in cls.base_fields if n != "activity_types"]
        initial = {n: getattr(service, n) for n in names if hasattr(service, n)}
        initial["locality"] = service.locality_id
        initial["activity_types"] = list(service.activity_types.all())
        return initial


class SuggestForm(ServiceForm):
    suggested_by_name = forms.CharField(label="Your name", max_length=200, required=False)
    suggested_by_email = forms.EmailField(label="Your email address", required=False,
                                          help_text="We will only use it to ask about the "
                                          "service")

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if signed_in:
            del self.fields["suggested_by_name"], self.fields["suggested_by_email"]


class WithdrawForm(GovukForm):
    use_required_attribute = False

    reason = _text("Why is it being withdrawn?", rows=4,
                   help_text="For example, the group has closed, or this is not a service "
                   "for families")
