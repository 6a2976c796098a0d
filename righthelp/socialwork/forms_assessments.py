"""Forms of the assessments side of social work: presentation and field checks only (the
services hold the rules)."""

from django import forms
from django.db.models import Q
from django.utils import timezone

from righthelp.core.forms import GovukForm
from righthelp.staff.models import Role, Team, TeamMembership, User

from .codes import ASSESSMENT_FACTORS, ClosureReason, PrimaryNeed
from .models import Assessment, Section47Enquiry, StrategyDiscussion

ATTENDEE_LINE = ("Line {number}: write each person as 'name, agency' (and their role after "
                 "another comma if you like).")


def _text(label: str, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False,
                           widget=forms.Textarea(attrs={"rows": rows}))


class VersionForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PracticeModelForm(VersionForm):
    strengths = _text("Strengths", "What is working well; who and what helps.")
    worries = _text("Worries", "What we are worried about, and what might happen.")
    childs_words = _text("The child's own words",
                         "In their words; for a baby, what they would tell us by how they are.")
    familys_words = _text("The family's words", "What the family says is happening.")
    what_needs_to_happen = _text("What needs to happen")


class AssessmentForm(PracticeModelForm):
    """One sitting: save what you have; the checks for completeness come when it is sent
    (so no field is marked optional: each is needed by then)."""

    support_during_assessment = _text("Support during the assessment",
                                      "What help the family is getting while we assess.", 3)
    factors = forms.MultipleChoiceField(
        label="Assessment factors", required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(ASSESSMENT_FACTORS.items()),
        help_text="The Department for Education's factors identified at assessment. Choose "
                  "'21' only if no factors were identified.")


NEEDS = [(v, label) for v, label in PrimaryNeed.choices if v != PrimaryNeed.NOT_STATED]


class AuthoriseForm(VersionForm):
    outcome = forms.ChoiceField(label="Outcome", widget=forms.RadioSelect,
                                choices=Assessment.Outcome.choices, required=False)
    primary_need = forms.ChoiceField(label="The child's primary need",
                                     choices=[("", "Choose the primary need")] + NEEDS,
                                     required=False)
    reasons = _text("Reasons for the outcome", "In plain words: the family may read this.")
    comments = _text("Comments for the worker", "Required to return the assessment.", 3)
    on = forms.DateField(label="Date authorised", required=False,
                         help_text="Today if left empty. For example, 2026-11-23.")
    optional = ("on",)


class StrategyForm(GovukForm):
    held_at = forms.DateTimeField(
        label="When it was held", help_text="For example, 2026-11-23 14:30.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    attendees = forms.CharField(
        label="Who took part", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One person a line: name, agency, role. At least social care and the "
                  "police or health.")
    worries = forms.CharField(label="Worries", widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="What significant harm is suspected, and why now.")
    childs_words = forms.CharField(label="The child's own words",
                                   widget=forms.Textarea(attrs={"rows": 3}))
    decision = forms.ChoiceField(label="Decision", widget=forms.RadioSelect,
                                 choices=StrategyDiscussion.Decision.choices)
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea(attrs={"rows": 3}))
    safety_actions = _text("What keeps the child safe while we enquire", rows=3)
    optional = ("safety_actions",)

    def clean_attendees(self) -> list[dict]:
        rows, errors = [], []
        for number, line in enumerate(self.cleaned_data["attendees"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(",")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                errors.append(ATTENDEE_LINE.format(number=number))
                continue
            rows.append({"name": parts[0], "agency": parts[1],
                         "role": ", ".join(parts[2:])})
        if errors:
            raise forms.ValidationError(errors)
        return rows

    def clean_held_at(self):
        held_at = self.cleaned_data["held_at"]
        return timezone.make_aware(held_at) if timezone.is_naive(held_at) else held_at


class Section47Form(PracticeModelForm):
    findings = _text("What the enquiry found", rows=5)


class Section47OutcomeForm(VersionForm):
    outcome = forms.ChoiceField(label="Outcome", widget=forms.RadioSelect,
                                choices=Section47Enquiry.Outcome.choices)
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea(attrs={"rows": 4}))
    on = forms.DateField(label="Date decided", required=False,
                         help_text="Today if left empty. For example, 2026-11-23.")
    optional = ("on",)


def social_work_teams():
    return Team.objects.filter(service=Team.Service.SOCIAL_WORK).order_by("name")


def social_workers():
    today = timezone.localdate()
    members = TeamMembership.objects.filter(
        team__service=Team.Service.SOCIAL_WORK, start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today))
    return (User.objects.filter(is_active=True, id__in=members.values("user_id"),
                                role__in=[Role.SOCIAL_WORKER, Role.SENIOR_SOCIAL_WORKER,
                                          Role.TEAM_MANAGER])
            .order_by("last_name", "first_name"))


class TransferForm(GovukForm):
    to_team = forms.ModelChoiceField(label="Team taking the work on",
                                     queryset=social_work_teams(), empty_label="Choose a team")
    to_worker = forms.ModelChoiceField(label="Social worker taking the work on",
                                       queryset=social_workers(), empty_label="Choose a worker")
    reason = forms.CharField(label="Why the work is moving",
                             widget=forms.Textarea(attrs={"rows": 3}))
    handover = forms.CharField(label="Handover", widget=forms.Textarea(attrs={"rows": 5}),
                               help_text="What the receiving team needs to know.")
    on = forms.DateField(label="Date of transfer", required=False,
                         help_text="Today if left empty. For example, 2026-11-23.")
    optional = ("on",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = social_work_teams()
        self.fields["to_worker"].queryset = social_workers()


class CloseForm(GovukForm):
    reason = forms.ChoiceField(label="Reason for closing (census)",
                               choices=[("", "Choose a reason")] + [
                                   (v, f"{v}: {label}") for v, label in ClosureReason.choices])
    summary = forms.CharField(label="Summary", widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="Why the work is closing, in plain words.")
    on = forms.DateField(label="Date closed", required=False,
                         help_text="Today if left empty. For example, 2026-11-23.")
    optional = ("on",)
