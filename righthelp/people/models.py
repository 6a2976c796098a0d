"""The person index (children, unborn children, adults), their names, addresses and network."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from . import matching
from .identifiers import validate_nhs_number, validate_upn


class Ethnicity(models.TextChoices):
    """DfE ethnicity codes, as used in the Children in Need census and SSDA903."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Person(models.Model):
    class Kind(models.TextChoices):
        CHILD = "child", "Child"
        UNBORN = "unborn", "Unborn child"
        ADULT = "adult", "Adult"

    class Sex(models.TextChoices):
        FEMALE = "F", "Female"
        MALE = "M", "Male"
        UNKNOWN = "U", "Not known"

    class Disability(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        UNKNOWN = "unknown", "Not known"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CHILD)
    given_names = models.CharField(max_length=120, blank=True)
    family_name = models.CharField(max_length=120, blank=True)
    known_as = models.CharField(max_length=60, blank=True)
    date_of_birth = models.DateField(null=True, blank=True, db_index=True)
    expected_date = models.DateField(
        null=True, blank=True, help_text="For an unborn child: the expected date of birth."
    )
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    gender = models.CharField(max_length=60, blank=True, help_text="In the person's own words.")
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    first_language = models.CharField(max_length=60, blank=True)
    disability = models.CharField(
        max_length=10, choices=Disability.choices, default=Disability.UNKNOWN
    )
    disability_detail = models.CharField(max_length=300, blank=True)
    upn = models.CharField("UPN", max_length=13, blank=True, validators=[validate_upn])
    nhs_number = models.CharField(
        "NHS number", max_length=10, blank=True, validators=[validate_nhs_number]
    )
    restricted = models.BooleanField(
        default=False, help_text="Only people with an explicit grant may open this record."
    )
    restriction_reason = models.CharField(max_length=200, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    # Kept up to date by save() and the services, for search and duplicate checks.
    given_key = models.CharField(max_length=12, blank=True, editable=False)
    family_key = models.CharField(max_length=12, blank=True, editable=False)
    current_postcode = models.CharField(max_length=8, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords(excluded_fields=["given_key", "family_key", "current_postcode"])

    class Meta:
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["family_key", "given_key"]),
            models.Index(fields=["given_key"]),
            models.Index(fields=["current_postcode"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="unborn") | models.Q(expected_date__isnull=False),
                name="unborn_has_expected_date",
                violation_error_message="An unborn child needs an expected date of birth.",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="unborn") | models.Q(date_of_birth__isnull=True),
                name="unborn_has_no_birth_date",
                violation_error_message="An unborn child has an expected date, not a birth date.",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        name = f"{self.given_names} {self.family_name}".strip()
        if self.kind == self.Kind.UNBORN and not name:
            return f"Unborn child (expected {self.expected_date:%d %B %Y})"
        return name or "Name not known"

    def refresh_search_keys(self) -> None:
        self.given_key = matching.given_key(self.known_as or self.given_names)
        self.family_key = matching.family_key(self.family_name)

    def save(self, *args, **kwargs):
        self.refresh_search_keys()
        super().save(*args, **kwargs)

    def age_on(self, day) -> int | None:
        if not self.date_of_birth:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class PersonName(models.Model):
    """An earlier name or alias, kept for search and for the record."""

    class Kind(models.TextChoices):
        PREVIOUS = "previous", "Previous name"
        BIRTH = "birth", "Name at birth"
        ALIAS = "alias", "Also known as"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="other_names")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PREVIOUS)
    given_names = models.CharField(max_length=120, blank=True)
    family_name = models.CharField(max_length=120, blank=True)
    used_until = models.DateField(null=True, blank=True)
    given_key = models.CharField(max_length=12, blank=True, editable=False)
    family_key = models.CharField(max_length=12, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["given_key", "family_key"])

    class Meta:
        indexes = [models.Index(fields=["family_key", "given_key"])]

    def save(self, *args, **kwargs):
        self.given_key = matching.given_key(self.given_names)
        self.family_key = matching.family_key(self.family_name)
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


class Address(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField(max_length=120)
    line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=60, blank=True)
    postcode = models.CharField(max_length=8)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]
        verbose_name_plural = "addresses"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="address_ends_after_start",
                violation_error_message="An address cannot end before it starts.",
            )
        ]

    def save(self, *args, **kwargs):
        self.postcode = matching.normalise_postcode(self.postcode)
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return ", ".join(p for p in (self.line_1, self.line_2, self.town, self.postcode) if p)


PROFESSIONAL_KINDS = {"teacher", "health_visitor", "school_nurse", "gp", "youth_worker",
                      "other_professional"}
FRIEND_KINDS = {"friend", "neighbour", "community"}


def category_of(kind: str) -> str:
    """Relative, friend or professional, from the kind of relationship."""
    if kind in PROFESSIONAL_KINDS:
        return "professional"
    return "friend" if kind in FRIEND_KINDS else "relative"


class Relationship(models.Model):
    """Someone in a child's network: "know who is important to me"."""

    class Category(models.TextChoices):
        RELATIVE = "relative", "Relative"
        FRIEND = "friend", "Friend or community"
        PROFESSIONAL = "professional", "Professional"

    class Kind(models.TextChoices):
        MOTHER = "mother", "Mother"
        FATHER = "father", "Father"
        STEP_PARENT = "step_parent", "Step-parent"
        PARENTS_PARTNER = "parents_partner", "Parent's partner"
        CARER = "carer", "Carer"
        SIBLING = "sibling", "Brother or sister"
        HALF_SIBLING = "half_sibling", "Half-brother or half-sister"
        GRANDPARENT = "grandparent", "Grandparent"
        AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
        COUSIN = "cousin", "Cousin"
        OTHER_RELATIVE = "other_relative", "Other relative"
        FRIEND = "friend", "Friend"
        NEIGHBOUR = "neighbour", "Neighbour"
        COMMUNITY = "community", "Someone in the community"
        TEACHER = "teacher", "Teacher"
        HEALTH_VISITOR = "health_visitor", "Health visitor"
        SCHOOL_NURSE = "school_nurse", "School nurse"
        GP = "gp", "GP"
        YOUTH_WORKER = "youth_worker", "Youth worker"
        OTHER_PROFESSIONAL = "other_professional", "Other professional"

    child = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="network")
    related_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="network_of"
    )
    name = models.CharField(
        max_length=120, blank=True, help_text="For someone not in the person index."
    )
    organisation = models.CharField(max_length=120, blank=True)
    contact = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    category = models.CharField(max_length=20, choices=Category.choices, editable=False)
    important_to_child = models.BooleanField(default=False)
    in_childs_words = models.TextField(
        blank=True, help_text="What the child says about this person, in their own words."
    )
    lives_with_child = models.BooleanField(default=False)
    parental_responsibility = models.BooleanField(default=False)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["child", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(related_person__isnull=False) | ~models.Q(name=""),
                name="relationship_names_someone",
                violation_error_message="Choose a person from the index or give a name.",
            )
        ]

    def save(self, *args, **kwargs):
        self.category = category_of(self.kind)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.related_person.full_name if self.related_person_id else self.name


class Family(models.Model):
    """A household or family group, so work can be allocated to a whole family."""

    name = models.CharField(max_length=120)
    members = models.ManyToManyField(Person, through="FamilyMember", related_name="families")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "families"

    def __str__(self) -> str:
        return self.name


class FamilyMember(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="family_memberships")
    role = models.CharField(max_length=20, default="child")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["family", "person"], name="unique_family_member")
        ]


class Involvement(models.Model):
    """A piece of the council's work with a child: a request, early help, a plan, care."""

    class Kind(models.TextChoices):
        REQUEST_FOR_SUPPORT = "request_for_support", "Request for support"
        EARLY_HELP = "early_help", "Early help"
        CHILD_AND_FAMILY_ASSESSMENT = "cafa", "Child and Family Assessment"
        SECTION_47 = "section_47", "Section 47 enquiry"
        CHILD_IN_NEED = "child_in_need", "Child in need plan"
        CHILD_PROTECTION = "child_protection", "Child protection plan"
        LOOKED_AFTER = "looked_after", "Looked after (Our Children)"
        CARE_LEAVER = "care_leaver", "Leaving care"
        EXPLOITATION = "exploitation", "Exploitation and missing"
        COMPLEX_NEEDS = "complex_needs", "Complex needs"
        ADOPTION = "adoption", "Adoption"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="involvements")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    team = models.ForeignKey(
        "staff.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="involvements"
    )
    level_of_need = models.PositiveSmallIntegerField(null=True, blank=True)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    outcome = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]
        indexes = [models.Index(fields=["person", "end"]), models.Index(fields=["team", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level_of_need__isnull=True)
                | models.Q(level_of_need__gte=1, level_of_need__lte=4),
                name="level_of_need_1_to_4",
                violation_error_message="The level of need is 1, 2, 3 or 4.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.start:%d %b %Y}"


class ChronologyEntry(models.Model):
    """What happened in a child's life and the council's work, in date order."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="chronology")
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=40)
    summary = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    involvement = models.ForeignKey(
        Involvement, null=True, blank=True, on_delete=models.SET_NULL, related_name="chronology"
    )

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name_plural = "chronology entries"
        indexes = [models.Index(fields=["person", "-occurred_at"])]
