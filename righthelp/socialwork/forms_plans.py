"""Forms for plans, conferences, visits, reviews and contingency: presentation and field
checks only. What a record needs (the child's words, a reason, a chair) is checked by the
services, whose messages land on the fields here."""

from django import forms
from django.utils import timezone

from righthelp.core.forms import GovukForm
from righthelp.staff.models import Role, User

from .codes import CategoryOfAbuse
from .models import ChildInNeedPlan, ChildProtectionConference, ContingencyOption, PlanAction
from .models import PlanReview as Review

DATE_HINT = "For example, 27/03/2026"
Conference = ChildProtectionConference


def _text(label: str, rows: int = 4, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False,
                           widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, help_text=DATE_HINT, **kwargs)


class PlansForm(GovukForm):
    """Rendered field by field; ``optional`` lists the fields marked (optional)."""

    optional: frozenset[str] = frozenset()
    use_required_attribute = False


def attendee_rows(text: str, family: bool) -> list[dict]:
    """One attendee a line: "Name, role or relationship"."""
    rows = []
    for line in (text or "").splitlines():
        name, _, role = line.partition(",")
        if name.strip():
            rows.append({"name": name.strip(), "role": role.strip(), "family": family})
    return rows


class PlanForm(PlansForm):
    optional = frozenset({"strengths", "worries", "safety_plan", "childs_words",
                          "familys_words", "what_needs_to_happen"})
    version = forms.IntegerField(widget=forms.HiddenInput)
    strengths = _text("What is working well (strengths)")
    worries = _text("What we are worried about")
    safety_plan = _text("The safety plan", help_text="Who does what to keep the child safe.")
    childs_words = _text("The child's own words")
    familys_words = _text("The family's words")
    what_needs_to_happen = _text("What needs to happen")


class ActionForm(PlansForm):
    who = forms.CharField(label="Who will do it", required=False, max_length=200)
    what = _text("What will be done", rows=3)
    by_when = _date("By when")
    how_we_will_know = _text("How we will know it has worked", rows=3)


class ActionUpdateForm(PlansForm):
    optional = frozenset({"outcome"})
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label="Where does the action stand?", widget=forms.RadioSelect,
                               choices=PlanAction.Status.choices)
    outcome = _text("What happened", rows=3,
                    help_text="Needed when the action is done or not done.")
    by_when = _date("By when")


CIN_END_CHOICES = [(v, label) for v, label in ChildInNeedPlan.EndReason.choices
                   if v not in ("to_cin", "to_cp")]


class CinPlanEndForm(PlansForm):
    optional = frozenset({"close_episode"})
    version = forms.IntegerField(widget=forms.HiddenInput)
    end = _date("When the plan ended")
    reason = forms.ChoiceField(label="Why is the plan ending?", widget=forms.RadioSelect,
                               choices=CIN_END_CHOICES)
    summary = _text("What has changed for the child", rows=5)
    close_episode = forms.BooleanField(
        label="Close the child's time with social care too", required=False,
        help_text="The census closure reason is 'case closed after support' (RC7). Stepping "
        "down to early help always closes it (RC9).")


def _chairs():
    return User.objects.filter(role=Role.CP_CHAIR, is_active=True).order_by(
        "last_name", "first_name")


class ChairChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.username


class ConferenceForm(PlansForm):
    optional = frozenset({"familys_words", "strengths", "worries", "category", "step_to",
                          "professionals", "family_absent_reason"})
    held_on = _date("Date of the conference")
    chair = ChairChoice(label="Child Protection chair", queryset=User.objects.none(),
                        required=False, empty_label="Choose the chair")
    family = _text("Family members who attended", rows=3,
                   help_text="One a line: name, relationship to the child.")
    professionals = _text("Professionals who attended", rows=3,
                          help_text="One a line: name, role and agency.")
    family_absent_reason = _text(
        "Why the family were not there", rows=3,
        help_text="Needed if no one from the family attended. In plain words, for example: "
        "mum was in hospital and dad would not come.")
    childs_words = _text("The child's own words")
    familys_words = _text("The family's words")
    strengths = _text("What is working well")
    worries = _text("What we are worried about")
    decision = forms.ChoiceField(label="The conference's decision", widget=forms.RadioSelect,
                                 choices=[])
    category = forms.ChoiceField(label="Category of abuse", required=False,
                                 widget=forms.RadioSelect, choices=CategoryOfAbuse.choices,
                                 help_text="When there is (or continues to be) a plan.")
    step_to = forms.ChoiceField(label="Where the child goes next", required=False,
                                widget=forms.RadioSelect, choices=Conference.StepTo.choices,
                                help_text="When there is no plan, or the plan ends.")
    reasons = _text("The reasons for the decision", rows=5)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = _chairs()
        decisions = ({"plan", "no_plan"} if kind == Conference.Kind.INITIAL
                     else {"continue", "end"})
        self.fields["decision"].choices = [(v, label) for v, label in
                                           Conference.Decision.choices if v in decisions]
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())

    def attendees(self) -> list[dict]:
        data = self.cleaned_data
        return (attendee_rows(data["family"], True)
                + attendee_rows(data["professionals"], False))


class VisitForm(PlansForm):
    optional = frozenset({"seen", "seen_alone", "childs_words", "notes"})
    visited_on = _date("Date of the visit")
    seen = forms.BooleanField(label="The child was seen", required=False)
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)
    childs_words = _text("What the child said, in their own words")
    notes = _text("Notes")


class CinReviewForm(PlansForm):
    optional = frozenset({"familys_words", "attendees", "what_changed"})
    held_on = _date("Date of the review")
    attendees = _text("Who attended", rows=3,
                      help_text="One a line: name, role or relationship to the child.")
    progress = _text("Progress against the plan", rows=5)
    childs_words = _text("The child's own words")
    familys_words = _text("The family's words")
    decision = forms.ChoiceField(label="The review's decision", widget=forms.RadioSelect,
                                 choices=Review.Decision.choices)
    what_changed = _text("If escalating: how harm to the child has escalated", rows=4)
    reasons = _text("The reasons for the decision", rows=4)


MIDWAY_CHOICES = [("continue", "Continue the plan"),
                  ("step_down", "Bring the review conference forward: the plan may be ready "
                   "to end")]


class MidwayReviewForm(PlansForm):
    optional = frozenset({"familys_words", "attendees"})
    held_on = _date("Date of the midway review")
    attendees = _text("Who took part", rows=3,
                      help_text="One a line: name, role or relationship to the child.")
    progress = _text("Progress against the plan", rows=5)
    childs_words = _text("The child's own words")
    familys_words = _text("The family's words")
    decision = forms.ChoiceField(label="The chair's decision", widget=forms.RadioSelect,
                                 choices=MIDWAY_CHOICES)
    reasons = _text("The reasons", rows=4)


class EscalationForm(PlansForm):
    what_changed = _text("How has harm to the child escalated?", rows=6, help_text=(
        "What has happened that makes the harm greater than before. If the risk has stayed "
        "the same, keep working on the child in need plan."))


class ReassessmentForm(PlansForm):
    optional = frozenset({"familys_words"})
    held_on = _date("Date of the reassessment")
    protective_factors = _text("Protective factors")
    assets = _text("Assets: what the family has and does that helps")
    threats = _text("Threats to the child's safety and wellbeing")
    childs_words = _text("The child's own words")
    familys_words = _text("The family's words")


OPTION_CHOICES = [("", "Not considered"), ("considered", "Considered, not chosen"),
                  ("chosen", "Chosen")]


class ContingencyForm(PlansForm):
    """The family network first: one row for each person in the child's network, then
    foster care, then anything else."""

    optional = frozenset({"summary", "childs_words", "other_description"})
    summary = _text("What the contingency plan is for", rows=3)
    childs_words = _text("The child's own words")

    def __init__(self, *args, network=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.network = list(network)
        self.rows = []
        for relationship in self.network:
            self._row(f"person_{relationship.pk}", relationship.display_name +
                      f" ({relationship.get_kind_display()})"
                      + (": important to the child" if relationship.important_to_child else ""))
        self._row("foster_care", "Foster care")
        self._row("other", "Something else")
        self.fields["other_description"] = forms.CharField(
            label="Something else: what", required=False, max_length=200)

    def _row(self, key: str, label: str) -> None:
        self.fields[f"{key}_choice"] = forms.ChoiceField(
            label=label, required=False, widget=forms.RadioSelect, choices=OPTION_CHOICES)
        self.fields[f"{key}_why"] = forms.CharField(
            label=f"{label}: why", required=False, widget=forms.Textarea(attrs={"rows": 2}))
        self.rows.append(key)

    def options(self) -> list[dict]:
        data = self.cleaned_data
        options = []
        for key in self.rows:
            choice = data.get(f"{key}_choice") or ""
            if not choice:
                continue
            option = {"considered": True, "chosen": choice == "chosen",
                      "why": data.get(f"{key}_why") or ""}
            if key.startswith("person_"):
                option.update(kind=ContingencyOption.Kind.FAMILY_NETWORK,
                              relationship=int(key.removeprefix("person_")))
            elif key == "foster_care":
                option.update(kind=ContingencyOption.Kind.FOSTER_CARE)
            else:
                option.update(kind=ContingencyOption.Kind.OTHER,
                              description=data.get("other_description") or "")
            options.append(option)
        return options
