"""Early help forms: presentation and field checks only (the services hold the rules)."""

from django import forms

from righthelp.core.forms import GovukForm
from righthelp.core.models import Locality
from righthelp.directory.models import Service

from .models import (
    ActionOutcome,
    ActionOwner,
    ActionStatus,
    ClosureReason,
    EpisodeInvitation,
    RiskChange,
)
from .models.plans import council_services

DATE_INPUT = {"input_formats": ["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y"]}
DATE_HELP = "For example, 27/11/2026."


def _text(label: str, help_text: str = "", required: bool = False, rows: int = 4):
    return forms.CharField(label=label, help_text=help_text, required=required,
                           widget=forms.Textarea(attrs={"rows": rows}))


def _date(label: str, required: bool = True, help_text: str = DATE_HELP):
    return forms.DateField(label=label, required=required, help_text=help_text,
                           widget=forms.DateInput(format="%d/%m/%Y"), **DATE_INPUT)


class OpenForm(GovukForm):
    """Open early help for a family you know: the first child and a parent; more later."""

    existing_child = forms.TypedChoiceField(
        label="A child you already work with", required=False, coerce=int, empty_value=None,
        help_text="Or leave this and type the child's details below.")
    child_given_names = forms.CharField(label="Child's first names", required=False,
                                        max_length=120)
    child_family_name = forms.CharField(label="Child's last name", required=False,
                                        max_length=120)
    child_date_of_birth = _date("Child's date of birth", required=False)
    parent_given_names = forms.CharField(label="Parent or carer's first names", required=False,
                                         max_length=120)
    parent_family_name = forms.CharField(label="Parent or carer's last name", required=False,
                                         max_length=120)
    parent_relationship = forms.CharField(label="Who they are to the child", required=False,
                                          max_length=60, help_text="For example, mother.")
    locality = forms.ModelChoiceField(
        label="Family hub area", required=False, queryset=Locality.objects.none(),
        empty_label="Work it out from the child's postcode",
        help_text="The locality whose link worker coaches you and whose family hub is nearest.")
    why_help = _text("Why the family needs help", "In plain words, as you would tell the "
                     "family.", required=True)
    level_of_need = forms.TypedChoiceField(
        label="Level of need", coerce=int, initial=2,
        choices=[(2, "Level 2: Universal Plus"), (3, "Level 3: Intensive")])
    consent_given_by = forms.CharField(label="Who in the family agreed to early help",
                                       max_length=200, required=False)
    consent_given = forms.BooleanField(label="The family agreed to early help", required=False)

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locality"].queryset = Locality.objects.filter(council__active=True)
        self.fields["existing_child"].choices = [("", "Choose a child")] + [
            (p.pk, f"{p.full_name} ({p.date_of_birth:%d/%m/%Y})" if p.date_of_birth
             else p.full_name) for p in children]
        if not children:
            del self.fields["existing_child"]

    def clean(self):
        data = super().clean()
        typed = data.get("child_given_names") or data.get("child_family_name")
        if not data.get("existing_child") and not typed:
            self.add_error("child_given_names", "Choose a child or type their name.")
        if typed and not data.get("child_date_of_birth"):
            self.add_error("child_date_of_birth", "Enter the child's date of birth.")
        return data


class MemberForm(GovukForm):
    given_names = forms.CharField(label="First names", max_length=120)
    family_name = forms.CharField(label="Last name", max_length=120)
    date_of_birth = _date("Date of birth", required=False)
    is_child = forms.BooleanField(label="This is a child", required=False)
    relationship = forms.CharField(label="Who they are to the children", required=False,
                                   max_length=60, help_text="For an adult: for example, father.")


class InviteForm(GovukForm):
    user = forms.TypedChoiceField(label="Who to invite", coerce=int)
    access = forms.ChoiceField(label="What they can do", choices=EpisodeInvitation.Access.choices)
    reason = forms.CharField(label="Why", required=False, max_length=300)

    def __init__(self, *args, users=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [(u.pk, f"{u} ({u.agency or u.get_role_display()})")
                                       for u in users]


class AgreeLeadForm(GovukForm):
    lead_professional = forms.TypedChoiceField(label="Who leads", coerce=int)
    level_of_need = forms.TypedChoiceField(
        label="Level of need", coerce=int,
        choices=[(2, "Level 2: Universal Plus"), (3, "Level 3: Intensive")])

    def __init__(self, *args, leads=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_professional"].choices = [("", "Choose who leads")] + [
            (u.pk, f"{u} ({u.agency or 'council early help'})") for u in leads]


class AssessmentForm(GovukForm):
    life_for_the_child = _text("What life is like for the child",
                               "The assessment is about the whole family, focused on the child.")
    family_needs = _text("What the whole family needs")
    strengths = _text("What is working well", "Strengths, side by side with worries.")
    worries = _text("What we are worried about")
    childs_words = _text("The child's own words", "Required to complete the assessment.")
    parents_words = _text("The parents' or carers' words",
                          "Required to complete the assessment.")
    family_wants_to_change = _text("What the family wants to change")


class PlanForm(GovukForm):
    what_we_want = _text("What will be different when the plan has worked",
                         "In the family's words.", required=True)


class ActionForm(GovukForm):
    who = forms.ChoiceField(label="Who will do it", choices=ActionOwner.choices)
    council_service = forms.ChoiceField(
        label="Which council service", required=False,
        choices=[("", "Choose a service")],
        help_text="If a council service will do it.")
    partner_name = forms.CharField(label="Which partner", required=False, max_length=200,
                                   help_text="If another partner will do it.")
    what = _text("What will be done", required=True, rows=2)
    by_when = _date("By when")
    how_we_will_know = _text("How the family will know it worked", required=True, rows=2)
    directory_service = forms.ModelChoiceField(
        label="A service in the family services directory", required=False,
        queryset=Service.objects.none(), empty_label="None",
        help_text="If the action uses a service listed in the directory.")
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices,
                               initial=ActionStatus.NOT_STARTED)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directory_service"].queryset = Service.objects.filter(
            status="published").order_by("name")
        # The council's own services; an action keeps the one it named even if the council
        # no longer offers it.
        services = [(s.code, s.name) for s in council_services()]
        named = self.initial.get("council_service")
        if named and named not in dict(services):
            names = {s.code: s.name for s in council_services(active_only=False)}
            services.append((named, names.get(named, named)))
        self.fields["council_service"].choices = [("", "Choose a service")] + services


class AgreePlanForm(GovukForm):
    agreed_with = forms.CharField(label="Who in the family agreed the plan", max_length=300)


class ShareForm(GovukForm):
    confirm = forms.BooleanField(
        label="I have read what the check found and the words are right for this family",
        required=False)


class MeetingForm(GovukForm):
    held_on = _date("When the meeting was held")
    family_attendees = forms.TypedMultipleChoiceField(
        label="Family members who came", coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple)
    professional_attendees = _text("Other people who came",
                                   "One per line, with their agency.", rows=3)
    childs_words = _text("What the child said", rows=2)
    agreed = _text("What was agreed", required=True)
    plan_updates = _text("Changes to the plan", rows=2)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family_attendees"].choices = [(m.person.pk, m.person.full_name)
                                                   for m in members]


class ReviewForm(GovukForm):
    held_on = _date("When the review was held")
    childs_words = _text("The child's own words", "Required.", required=True, rows=2)
    family_words = _text("What the family said", rows=2)
    what_is_better = _text("What is better", rows=2)
    still_worried_about = _text("What we are still worried about", rows=2)

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = list(actions)
        for action in self.actions:
            self.fields[f"status_{action.pk}"] = forms.ChoiceField(
                label=f"Progress: {action.what[:80]}", choices=ActionStatus.choices,
                initial=action.status)
            self.fields[f"note_{action.pk}"] = forms.CharField(
                label=f"Note on: {action.what[:80]}", required=False, max_length=500)

    def progress(self) -> dict[int, dict]:
        return {a.pk: {"status": self.cleaned_data[f"status_{a.pk}"],
                       "note": self.cleaned_data.get(f"note_{a.pk}", "")} for a in self.actions}


class StepUpForm(GovukForm):
    risk_change = forms.ChoiceField(label="How has the risk to the child changed",
                                    choices=[("", "Choose one")] + RiskChange.choices)
    what_changed = _text("What has changed", "What has happened that makes the risk higher "
                         "than before. 'The risk stayed the same' is not a reason to step up.",
                         required=True)
    childs_words = _text("What the child said", rows=2)
    family_agreed = forms.BooleanField(label="The family knows and agrees", required=False)
    no_consent_reason = _text("If the family was not asked, why", rows=2)


class ConsentForm(GovukForm):
    withdrawn_by = forms.CharField(label="Who in the family withdrew consent", max_length=200)
    significant_harm_reason = _text(
        "If there is significant harm: why the episode stays open",
        "Leave empty if there is no significant harm: the episode then closes, respecting "
        "the family's choice.")


class CloseForm(GovukForm):
    reason = forms.ChoiceField(label="Why the episode is closing",
                               choices=[c for c in ClosureReason.choices
                                        if c[0] != ClosureReason.CONSENT_WITHDRAWN])
    family_outcome = _text("What changed for the family",
                           "The positive changes to celebrate, in the family's words where "
                           "you can. Required when the outcomes are met.")

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = list(actions)
        for action in self.actions:
            self.fields[f"action_{action.pk}"] = forms.ChoiceField(
                label=f"Did it work: {action.what[:80]}", required=False,
                choices=[("", "Choose one")] + ActionOutcome.choices)
            self.fields[f"note_{action.pk}"] = forms.CharField(
                label=f"Note on: {action.what[:80]}", required=False, max_length=500)

    def outcomes(self) -> dict[int, tuple[str, str]]:
        return {a.pk: (self.cleaned_data.get(f"action_{a.pk}") or "",
                       self.cleaned_data.get(f"note_{a.pk}") or "") for a in self.actions}
