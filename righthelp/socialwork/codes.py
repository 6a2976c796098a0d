"""The Department for Education's codes for the Children in Need census (returns.md), held on
the records as they are written so the census falls out of the work instead of being re-keyed.
"""

from django.db import models


class PrimaryNeed(models.TextChoices):
    ABUSE_OR_NEGLECT = "N1", "Abuse or neglect"
    CHILDS_DISABILITY = "N2", "The child's disability"
    PARENTAL_DISABILITY_OR_ILLNESS = "N3", "Parental disability or illness"
    FAMILY_IN_ACUTE_STRESS = "N4", "Family in acute stress"
    FAMILY_DYSFUNCTION = "N5", "Family dysfunction"
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "N6", "Socially unacceptable behaviour"
    LOW_INCOME = "N7", "Low income"
    ABSENT_PARENTING = "N8", "Absent parenting"
    NOT_CHILD_IN_NEED = "N9", "Cases other than children in need"
    NOT_STATED = "N0", "Not stated"


class ReferralSource(models.TextChoices):
    FAMILY = "1A", "Individual: family member"
    ACQUAINTANCE = "1B", "Individual: acquaintance"
    SELF = "1C", "Individual: self"
    OTHER_INDIVIDUAL = "1D", "Individual: other"
    SCHOOLS = "2A", "Schools"
    EDUCATION_SERVICES = "2B", "Education services"
    GP = "3A", "Health: GP"
    HEALTH_VISITOR = "3B", "Health: health visitor"
    SCHOOL_NURSE = "3C", "Health: school nurse"
    OTHER_PRIMARY_HEALTH = "3D", "Health: other primary health services"
    EMERGENCY_DEPARTMENT = "3E", "Health: A&E"
    OTHER_HEALTH = "3F", "Health: other"
    HOUSING = "4", "Housing"
    SOCIAL_CARE = "5A", "Local authority services: social care"
    OTHER_INTERNAL = "5B", "Local authority services: other internal"
    EXTERNAL = "5C", "Local authority services: external (e.g. another council)"
    EARLY_HELP = "5D", "Local authority services: early help"
    POLICE = "6", "Police"
    OTHER_LEGAL_AGENCY = "7", "Other legal agency"
    OTHER = "8", "Other"
    ANONYMOUS = "9", "Anonymous"
    UNKNOWN = "10", "Unknown"


class ClosureReason(models.TextChoices):
    ADOPTED = "RC1", "Adopted"
    DIED = "RC2", "Died"
    CHILD_ARRANGEMENTS_ORDER = "RC3", "Child arrangements order"
    SPECIAL_GUARDIANSHIP_ORDER = "RC4", "Special guardianship order"
    TRANSFERRED_TO_ANOTHER_COUNCIL = "RC5", "Transferred to another council"
    TRANSFERRED_TO_ADULT_SOCIAL_CARE = "RC6", "Transferred to adult social care"
    OTHER = "RC7", "Case closed after support (other reasons)"
    NO_FURTHER_ACTION = "RC8", "Closed after assessment: no further action"
    REFERRED_TO_EARLY_HELP = "RC9", "Closed after assessment: referred to early help"


class CategoryOfAbuse(models.TextChoices):
    NEGLECT = "NEG", "Neglect"
    PHYSICAL = "PHY", "Physical abuse"
    SEXUAL = "SAB", "Sexual abuse"
    EMOTIONAL = "EMO", "Emotional abuse"
    MULTIPLE = "MUL", "Multiple categories"


# Factors identified at assessment: A the child, B a parent or carer, C another person.
ASSESSMENT_FACTORS: dict[str, str] = {
    "1A": "Alcohol misuse: child", "1B": "Alcohol misuse: parent or carer",
    "1C": "Alcohol misuse: another person",
    "2A": "Drug misuse: child", "2B": "Drug misuse: parent or carer",
    "2C": "Drug misuse: another person",
    "3A": "Domestic abuse: child", "3B": "Domestic abuse: parent or carer",
    "3C": "Domestic abuse: another person",
    "4A": "Mental health: child", "4B": "Mental health: parent or carer",
    "4C": "Mental health: another person",
    "5A": "Learning disability: child", "5B": "Learning disability: parent or carer",
    "5C": "Learning disability: another person",
    "6A": "Physical disability or illness: child",
    "6B": "Physical disability or illness: parent or carer",
    "6C": "Physical disability or illness: another person",
    "7A": "Young carer",
    "8B": "Private fostering: overseas child", "8C": "Private fostering: UK child",
    "8D": "Private fostering: other", "8E": "Private fostering: other", "8F": "Private fostering",
    "9A": "Unaccompanied asylum-seeking child", "10A": "Going or being missing",
    "11A": "Child sexual exploitation", "12A": "Trafficking", "13A": "Gangs",
    "14A": "Socially unacceptable behaviour", "15A": "Self-harm", "16A": "Neglect",
    "17A": "Emotional abuse", "18B": "Physical abuse: child on child",
    "18C": "Physical abuse: adult on child", "19B": "Sexual abuse: child on child",
    "19C": "Sexual abuse: adult on child", "20": "Other", "21": "No factors identified",
    "22A": "Female genital mutilation", "23A": "Abuse linked to faith or belief",
    "24A": "Child criminal exploitation",
}
NO_FACTORS = "21"  # may only stand alone
