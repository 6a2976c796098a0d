"""Person index forms: presentation and field checks only (rules live in services)."""

from django import forms

from righthelp.core.forms import GovukForm, GovukModelForm

from .models import Person, Relationship

DATE_HINT = "For example, 27/03/2015"


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Name, date of birth or postcode", required=False, max_length=200,
        help_text="For example, 'Jon Smith 3/4/2015' or 'FY1 5AB'. Nicknames, misspellings "
        "and swapped names are found too.",
    )


class PersonForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = [
            "kind", "given_names", "family_name", "known_as", "date_of_birth", "expected_date",
            "sex", "gender", "ethnicity", "first_language", "disability", "disability_detail",
            "upn", "nhs_number",
        ]
        help_texts = {
            "date_of_birth": DATE_HINT,
            "expected_date": "For an unborn child. " + DATE_HINT,
            "known_as": "The name they like to be called, if different.",
            "upn": "Unique Pupil Number, 13 characters, for example A123456789012.",
            "nhs_number": "10 digits, for example 943 476 5919.",
        }

    def clean_nhs_number(self):
        return self.cleaned_data["nhs_number"].replace(" ", "").replace("-", "")

    def clean_upn(self):
        return self.cleaned_data["upn"].strip().upper()

    def clean(self):
        data = super().clean()
        if data.get("kind") == Person.Kind.UNBORN:
            if not data.get("expected_date"):
                self.add_error("expected_date", "Enter the expected date of birth.")
            if data.get("date_of_birth"):
                self.add_error("date_of_birth", "An unborn child has no date of birth yet.")
        elif not (data.get("given_names") or data.get("family_name")):
            self.add_error("family_name", "Enter a name (a family name, or given names).")
        return data


class AddressForm(GovukForm):
    line_1 = forms.CharField(label="Address line 1", max_length=120)
    line_2 = forms.CharField(label="Address line 2", max_length=120, required=False)
    town = forms.CharField(label="Town or city", max_length=60, required=False)
    postcode = forms.RegexField(
        regex=r"^\s*[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\s*$", max_length=8,
        error_messages={"invalid": "Enter a full UK postcode, like FY1 5AB."},
    )
    start = forms.DateField(label="Living here since", help_text=DATE_HINT, required=False)


class RelationshipForm(GovukForm):
    related_person = forms.IntegerField(
        label="Person record number", required=False,
        help_text="If they are on the person index. Otherwise give their name below.",
    )
    name = forms.CharField(max_length=120, required=False)
    organisation = forms.CharField(max_length=120, required=False,
                                   help_text="For a professional: where they work.")
    contact = forms.CharField(label="How to contact them", max_length=120, required=False)
    kind = forms.ChoiceField(label="Who they are to the child", choices=Relationship.Kind.choices)
    important_to_child = forms.BooleanField(label="The child says this person is important to them",
                                            required=False)
    in_childs_words = forms.CharField(label="What the child says about them, in their words",
                                      widget=forms.Textarea(attrs={"rows": 3}), required=False)
    lives_with_child = forms.BooleanField(required=False)
    parental_responsibility = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if not data.get("related_person") and not data.get("name"):
            self.add_error("name", "Give their name, or the record number of someone on the index.")
        return data


class MergeForm(GovukForm):
    duplicate = forms.IntegerField(
        label="Record number of the duplicate",
        help_text="Its history moves to this record; it is kept, marked merged.",
    )
    reason = forms.CharField(label="Why these are the same person",
                             widget=forms.Textarea(attrs={"rows": 3}))


class BreakGlassForm(GovukForm):
    reason = forms.CharField(
        label="Why do you need this record now?", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Your team manager will see this. Access lasts a few hours.",
    )
