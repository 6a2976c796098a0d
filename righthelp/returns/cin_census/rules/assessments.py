"""Rules on Child and Family Assessments and the factors identified at their end."""

from .. import codes
from .base import before, day, rule


def _assessments(child):
    for episode in child.episodes:
        for assessment in episode.assessments:
            yield episode, assessment


def _label(assessment) -> str:
    return f"the assessment started {day(assessment.start)}"


@rule("1103", "The assessment start date cannot be before the referral date",
      "AssessmentActualStartDate")
def assessment_before_referral(child, period):
    for episode, assessment in _assessments(child):
        if before(assessment.start, episode.referral_date):
            yield _label(assessment)


@rule("8608", "Assessment Start Date cannot be later than its End Date",
      "AssessmentActualStartDate")
def assessment_ends_before_start(child, period):
    for _, assessment in _assessments(child):
        if before(assessment.authorised, assessment.start):
            yield _label(assessment)


@rule("8670Q", "Please check and either amend data or provide a reason: Assessment started more "
      "than 45 working days before the end of the census year. However, there is no Assessment "
      "end date.", "AssessmentAuthorisationDate")
def assessment_long_unfinished(child, period):
    late = period.working_days_before_end(45)
    for _, assessment in _assessments(child):
        if assessment.authorised is None and before(assessment.start, late):
            yield _label(assessment)


@rule("8897", "Parental or child factors at assessment information is missing from a completed "
      "assessment", "AssessmentFactors")
def factors_missing(child, period):
    for _, assessment in _assessments(child):
        if (assessment.authorised and assessment.authorised >= period.start
                and not codes.FACTORS.intersection(assessment.factors)):
            yield _label(assessment)


@rule("8614", "Parental or child factors at assessment should only be present for a completed "
      "assessment.", "AssessmentFactors")
def factors_before_completion(child, period):
    for _, assessment in _assessments(child):
        if assessment.authorised is None and assessment.factors:
            yield _label(assessment)


@rule("8696", "Assessment end date must fall within the census year",
      "AssessmentAuthorisationDate")
def assessment_ended_outside_period(child, period):
    for _, assessment in _assessments(child):
        if assessment.authorised and assessment.authorised not in period:
            yield _label(assessment)


@rule("8736", "For an Assessment that has not been completed, the start date must fall within "
      "the census year", "AssessmentActualStartDate")
def unfinished_assessment_started_outside_period(child, period):
    for _, assessment in _assessments(child):
        if assessment.authorised is None and assessment.start not in period:
            yield _label(assessment)


@rule("8898", "The assessment has more than one parental or child factors with the same code",
      "AssessmentFactors")
def factor_repeated(child, period):
    for _, assessment in _assessments(child):
        if len(set(assessment.factors)) < len(assessment.factors):
            yield _label(assessment)


@rule("8869", "The assessment factors code \"21\" cannot be used in conjunction with any other "
      "assessment factors.", "AssessmentFactors")
def no_factors_with_others(child, period):
    for _, assessment in _assessments(child):
        if codes.NO_FACTORS in assessment.factors and len(set(assessment.factors)) > 1:
            yield _label(assessment)


@rule("8899Q", "Please check: A child identified as having a disability does not have a "
      "disability factor recorded at the end of assessment.", "AssessmentFactors")
def disabled_child_without_disability_factor(child, period):
    disabled = any(code != codes.NO_DISABILITY for code in child.characteristics.disabilities)
    if not disabled:
        return
    for _, assessment in _assessments(child):
        if (assessment.authorised and assessment.authorised >= period.start
                and not {"5A", "6A"}.intersection(assessment.factors)):
            yield _label(assessment)


@rule("8617", "Code 8A has been returned. This code is not a valid code.", "AssessmentFactors")
def factor_8a(child, period):
    for _, assessment in _assessments(child):
        if "8A" in assessment.factors:
            yield _label(assessment)


@rule("8945Q", "Please check and either amend data or provide a reason: the assessment factors "
      "code '18A' should not be used ('18B' or '18C' should be used instead)",
      "AssessmentFactors")
def factor_18a(child, period):
    for _, assessment in _assessments(child):
        if "18A" in (f.upper() for f in assessment.factors):
            yield _label(assessment)


@rule("8950Q", "Please check and either amend data or provide a reason: the assessment factors "
      "code '19A' should not be used ('19B' or '19C' should be used instead)",
      "AssessmentFactors")
def factor_19a(child, period):
    for _, assessment in _assessments(child):
        if "19A" in (f.upper() for f in assessment.factors):
            yield _label(assessment)


@rule("8896", "Within one CINDetails group there are 2 or more open Assessments groups",
      "AssessmentAuthorisationDate")
def several_open_assessments(child, period):
    for episode in child.episodes:
        if sum(1 for a in episode.assessments if a.authorised is None) > 1:
            yield f"the referral of {day(episode.referral_date)}"


@rule("8863", "An Assessment is shown as starting when there is another Assessment ongoing",
      "AssessmentActualStartDate")
def assessment_starts_during_another(child, period):
    for episode in child.episodes:
        for assessment in episode.assessments:
            for other in episode.assessments:
                if other is assessment or assessment.start is None or other.start is None:
                    continue
                if other.start <= assessment.start and before(
                        assessment.start, other.authorised or period.end):
                    yield _label(assessment)
                    break
