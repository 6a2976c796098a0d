"""Front door forms: presentation and field checks only.

What a request needs before it reaches the Hub is checked by the services (a draft may be
saved half-finished), so most fields here are not required by the form itself; each form
names the fields that are truly optional (``optional``) so the page can mark them.
"""

from dataclasses import fields as dataclass_fields

from django import forms
from django.utils import timezone

from righthelp.core.forms import GovukForm
from righthelp.core.models import Council, Locality, PartnerAgency
from righthelp.directory.selectors import services_for_signposting
from righthelp.people.forms import PersonForm
from righthelp.staff.models import Role, User

from .models import NextStep, RequestForSupport
from .rules import Facts

DATE_HINT = "For example, 27/03/2015"
BIRTH_IN_FUTURE = ("A date of birth cannot be in the future. For an unborn baby, give the "
                   "expected date instead.")
YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def yes_no_initial(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "")


def _text(label: str, rows: int = 4, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False,
                           widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


def _agencies():
    return PartnerAgency.objects.filter(council__active=True).order_by("name")


class FrontDoorForm(GovukForm):
    """The pages render these field by field; ``optional`` lists fields marked (optional)."""

    optional: frozenset[str] = frozenset()
    use_required_attribute = False


class RequestForm(FrontDoorForm):
    """A partner's request for support: everything but the children (see ``ChildForm``)."""

    optional = frozenset({"family_details", "childs_words", "consent_dispensed_reason",
                          "exploitation_worry", "missing_worry"})

    family_details = _text(
        "The family", help_text="Parents, carers and anyone else at home: names, how they are "
        "related to the child, and how to contact them.")
    worries = _text("What are you worried about?", rows=6,
                    help_text="What has happened, when, and how it affects the child.")
    working_well = _text("What is working well for the family?", rows=4)
    childs_words = _text("What does the child say?", rows=3,
                         help_text="In their own words if you can. For a baby, what they "
                         "would tell us by how they are.")
    exploitation_worry = forms.BooleanField(
        label="There are worries about exploitation", required=False)
    missing_worry = forms.BooleanField(
        label="The child has gone missing from home or care", required=False)
    level_asked = forms.ChoiceField(
        label="What are you asking for?", required=False, widget=forms.RadioSelect,
        choices=RequestForSupport.LevelAsked.choices)
    consent_given = forms.TypedChoiceField(
        label="Has the family agreed to this request?", required=False, coerce=_yes_no,
        empty_value=None, widget=forms.RadioSelect, choices=YES_NO)
    consent_dispensed_reason = _text(
        "If not, why was consent not sought?", rows=3,
        help_text="For example, asking the family would put the child at risk.")
    urgency = forms.TypedChoiceField(
        label="How urgent is this?", required=False, coerce=int, empty_value=None,
        widget=forms.RadioSelect, choices=RequestForSupport.Urgency.choices,
        help_text="If a child is in immediate danger, call the police on 999 first.")

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        if data.get("urgency") is None:
            data.pop("urgency", None)
        return data


class ChildForm(GovukForm):
    """One child named in a request, as the referrer writes it."""

    use_required_attribute = False

    given_names = forms.CharField(max_length=120, required=False)
    family_name = forms.CharField(max_length=120, required=False)
    date_of_birth = forms.DateField(required=False, help_text=DATE_HINT)
    expected_date = forms.DateField(label="Or, for an unborn baby, the expected date",
                                    required=False, help_text=DATE_HINT)
    address = forms.CharField(max_length=300, required=False)
    postcode = forms.CharField(max_length=8, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, width in (("date_of_birth", 10), ("expected_date", 10), ("postcode", 10)):
            self.fields[name].widget.attrs["class"] += f" govuk-input--width-{width}"

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born is not None and born > timezone.localdate():
            raise forms.ValidationError(BIRTH_IN_FUTURE)
        return born

    def clean_postcode(self):
        return self.cleaned_data["postcode"].strip().upper()


ChildFormSet = forms.formset_factory(ChildForm, extra=0)
CHILD_ROWS = 3


def child_formset(data=None, initial: list[dict] | None = None) -> forms.BaseFormSet:
    """The children's rows: what was written so far and blank rows up to three (no JS)."""
    initial = initial or []
    rows = forms.formset_factory(ChildForm, extra=max(CHILD_ROWS - len(initial), 1))
    return rows(data, initial=initial, prefix="child")


class ContactForm(RequestForm):
    """A call, police notification, missing report or request for information, taken by the
    Hub or the Emergency Duty Team, with its source named."""

    optional = RequestForm.optional | {
        "working_well", "referrer_role", "referrer_agency", "referrer_contact", "edt_actions",
        "information_requested_by", "level_asked", "consent_given"}
    field_order = ["kind", "source", "urgency", "referrer_name", "referrer_role",
                   "referrer_agency", "referrer_contact", "information_requested_by",
                   "edt_actions"]

    kind = forms.ChoiceField(label="What kind of contact is this?", widget=forms.RadioSelect,
                             choices=RequestForSupport.Kind.choices,
                             initial=RequestForSupport.Kind.REQUEST_FOR_SUPPORT)
    source = forms.ChoiceField(label="How did it come in?", widget=forms.RadioSelect,
                               choices=[c for c in RequestForSupport.Source.choices
                                        if c[0] != RequestForSupport.Source.ONLINE_FORM])
    referrer_name = forms.CharField(label="Who is calling or asking?", max_length=120,
                                    required=False)
    referrer_role = forms.CharField(label="Their role", max_length=120, required=False)
    referrer_agency = forms.ModelChoiceField(label="Their agency", required=False,
                                             queryset=PartnerAgency.objects.none())
    referrer_contact = forms.CharField(label="How to contact them", max_length=120,
                                       required=False)
    information_requested_by = forms.CharField(
        label="For a request for information: the authority or body asking", max_length=200,
        required=False)
    edt_actions = _text("Out of hours: what the Emergency Duty Team has already done", rows=3)

    def __init__(self, *args, out_of_hours_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrer_agency"].queryset = _agencies()
        if out_of_hours_only:
            self.fields["source"].choices = [(RequestForSupport.Source.OUT_OF_HOURS,
                                              RequestForSupport.Source.OUT_OF_HOURS.label)]
            self.fields["source"].initial = RequestForSupport.Source.OUT_OF_HOURS


class CheckAnswerForm(FrontDoorForm):
    answer = forms.CharField(label="Your agency's answer",
                             widget=forms.Textarea(attrs={"rows": 6}), required=False,
                             help_text="What your agency knows about the child and family "
                             "that helps the Hub decide.")


class ChildSearchForm(FrontDoorForm):
    q = forms.CharField(label="Search again: name, date of birth or postcode", required=False,
                        max_length=200)


class CheckForm(FrontDoorForm):
    optional = frozenset({"asked_of"})

    agency = forms.ModelChoiceField(label="Agency to ask", queryset=PartnerAgency.objects.none())
    asked_of = forms.ModelChoiceField(
        label="Person to answer", queryset=User.objects.none(), required=False,
        help_text="Someone who works for that agency. Leave empty to ask the agency's lead "
        "professionals.")
    question = forms.CharField(label="What would you like to know?", required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies()
        self.fields["asked_of"].queryset = User.objects.filter(
            role=Role.PARTNER_LEAD_PROFESSIONAL, is_active=True, agency__isnull=False,
        ).select_related("agency").order_by("agency__name", "last_name", "first_name")
        self.fields["asked_of"].label_from_instance = (
            lambda u: f"{u.get_full_name() or u.username} ({u.agency})")


class VisitForm(FrontDoorForm):
    optional = frozenset({"visitor"})

    day = forms.DateField(label="Date of the visit", help_text="For example, 27/03/2026")
    time = forms.TimeField(label="Time", help_text="For example, 14:30")
    visitor = forms.ModelChoiceField(label="Who will visit", queryset=User.objects.none(),
                                     required=False, help_text="Leave empty if it is you.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visitor"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.HUB_WORKER, Role.HUB_MANAGER, Role.SOCIAL_WORKER,
                                      Role.SENIOR_SOCIAL_WORKER],
        ).order_by("last_name", "first_name")
        self.fields["visitor"].label_from_instance = lambda u: u.get_full_name() or u.username


class VisitOutcomeForm(FrontDoorForm):
    outcome = forms.CharField(label="What happened on the visit?", required=False,
                              widget=forms.Textarea(attrs={"rows": 6}))


FACT_LABELS = {
    "significant_harm": "There are worries of significant harm",
    "harm_current": "Significant harm is suspected and current",
    "specialist_need": "The child needs a specialist assessment (for example, complex needs)",
    "open_to_return_team_recently": "Open to Strengthening and Supporting Families in the "
                                    "last six months",
    "family_struggling": "The family is struggling, without significant harm",
    "help_without_assessment": "The family needs help without an assessment",
    "family_declines": "The family does not want support",
    "exploitation_or_missing": "There are worries about exploitation or going missing",
}
FACT_NAMES = [f.name for f in dataclass_fields(Facts)]
LEVELS = [(1, "Level 1: universal"), (2, "Level 2: early help"),
          (3, "Level 3: targeted or child in need"), (4, "Level 4: safeguarding")]


class DecisionForm(FrontDoorForm):
    """Facts for the routing rules, then the worker's decision. Without JavaScript the page
    first proposes the next step from the facts, then the worker confirms or differs."""

    optional = frozenset({"signposted_to", "signposted_services", "different_step_reason",
                          *FACT_NAMES})

    level_of_need = forms.TypedChoiceField(
        label="Level of need", coerce=int, empty_value=None, required=False,
        widget=forms.RadioSelect, choices=LEVELS)
    reasoning = forms.CharField(label="Your reasoning", required=False,
                                widget=forms.Textarea(attrs={"rows": 5}),
                                help_text="Why this level of need, and why this next step.")
    childs_voice = forms.CharField(
        label="The child's voice", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The child's own words or, for a baby, what they would tell us by how "
        "they are.")
    next_step = forms.ChoiceField(label="Next step", required=False, widget=forms.RadioSelect,
                                  choices=NextStep.choices)
    different_step_reason = forms.CharField(
        label="If you chose a different step from the one proposed, why?", required=False,
        widget=forms.Textarea(attrs={"rows": 3}))
    signposted_to = forms.CharField(
        label="Services the family was signposted to", required=False,
        widget=forms.Textarea(attrs={"rows": 2}), help_text="Only when signposting.")
    signposted_services = forms.ModelMultipleChoiceField(
        label="Services from the family services directory", required=False,
        queryset=services_for_signposting().none(), widget=forms.CheckboxSelectMultiple,
        help_text="Only when signposting. Tick each service the family was pointed to.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signposted_services"].queryset = services_for_signposting()
        for name in FACT_NAMES:
            self.fields[name] = forms.BooleanField(
                label=FACT_LABELS.get(name, name.replace("_", " ").capitalize()), required=False)
            self.fields[name].widget.attrs["class"] = "govuk-checkboxes__input"

    def fact_fields(self):
        return [self[name] for name in FACT_NAMES]

    def facts(self) -> Facts:
        return Facts(**{name: bool(self.cleaned_data.get(name)) for name in FACT_NAMES})


class AuthoriseForm(FrontDoorForm):
    optional = frozenset({"note"})

    note = forms.CharField(label="Your note", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="Needed when you return the decision: say what needs "
                           "to change.")


class InformationAnswerForm(FrontDoorForm):
    answer = forms.CharField(label="The answer to send", required=False,
                             widget=forms.Textarea(attrs={"rows": 6}))


class AdviceForm(FrontDoorForm):
    """An advice line consultation. Anonymous by design: there is no field for a name, a
    date of birth, an address or a phone number, and nothing links it to a person."""

    optional = frozenset({"agency", "agency_kind", "locality", "confirmed_anonymous"})

    agency = forms.ModelChoiceField(label="Agency calling", queryset=PartnerAgency.objects.none(),
                                    required=False)
    agency_kind = forms.ChoiceField(
        label="Or, if not listed, the kind of agency", required=False,
        choices=[("", "")] + list(PartnerAgency.Kind.choices))
    locality = forms.ModelChoiceField(label="Locality", queryset=Locality.objects.none(),
                                      required=False)
    worry = forms.CharField(
        label="The worry, in general terms", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Do not write anything that names or identifies a child or family: no "
        "names, dates of birth, addresses or phone numbers.")
    advice_given = forms.CharField(label="Advice given", widget=forms.Textarea(attrs={"rows": 5}))
    request_advised = forms.TypedChoiceField(
        label="Was a request for support advised?", coerce=_yes_no, empty_value=None,
        widget=forms.RadioSelect, choices=YES_NO)
    confirmed_anonymous = forms.BooleanField(
        label="These details do not identify anyone", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies()
        self.fields["locality"].queryset = Locality.objects.filter(
            council=Council.objects.current()).order_by("name")

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "confirmed_anonymous"}


class NewPersonForm(PersonForm):
    """Add a child named in a request to the person index: the details the Hub has."""

    version = None

    class Meta(PersonForm.Meta):
        fields = ["kind", "given_names", "family_name", "date_of_birth", "expected_date", "sex"]
