"""The Hub's routing rules (pathway section 3), as one pure function over plain facts.

No database, no dates: the caller works out the facts (including whether the child was open
to the return team within the council's look-back), and this decides the proposed next step.
A worker may choose another step, with a reason; the rules only propose.
"""

from dataclasses import dataclass

from .models.decisions import AssessmentKind, NextStep


@dataclass(frozen=True)
class Facts:
    """What the Hub worker has found, in the pathway's own terms."""

    significant_harm: bool = False
    harm_current: bool = False  # significant harm suspected *and* current: Section 47
    specialist_need: bool = False  # needs a specialist assessment, e.g. complex needs
    open_to_return_team_recently: bool = False  # Strengthening and Supporting Families
    family_struggling: bool = False
    help_without_assessment: bool = False
    family_declines: bool = False
    exploitation_or_missing: bool = False


@dataclass(frozen=True)
class Route:
    next_step: NextStep
    assessment_kind: AssessmentKind | None
    also_awaken: bool
    why: str


def route(facts: Facts) -> Route:
    """The proposed next step for a request, with the reason in plain words."""
    step, kind, why = _main_step(facts)
    also_awaken = facts.exploitation_or_missing
    if also_awaken:
        why += " Exploitation or missing worries also go to Awaken."
    return Route(step, kind, also_awaken, why)


def _main_step(facts: Facts) -> tuple[NextStep, AssessmentKind | None, str]:
    if facts.significant_harm:
        kind = AssessmentKind.SECTION_47 if facts.harm_current else AssessmentKind.CHILD_AND_FAMILY
        if facts.open_to_return_team_recently:
            return (NextStep.RETURN_TO_TEAM, kind,
                    "Significant harm worries, and the child was open to Strengthening and "
                    "Supporting Families recently, so the case goes back to that team.")
        if facts.specialist_need:
            return (NextStep.SPECIALIST, AssessmentKind.SPECIALIST,
                    "Significant harm worries that need a specialist assessment.")
        if facts.harm_current:
            return (NextStep.ASSESSMENT, kind,
                    "Significant harm is suspected and current: a Section 47 enquiry.")
        return (NextStep.ASSESSMENT, kind,
                "Significant harm worries: a Child and Family Assessment.")
    if facts.family_declines:
        return (NextStep.FAMILY_DECLINED, None,
                "The family does not want support and there is no significant harm: their "
                "choice is respected and the request is closed.")
    if facts.family_struggling:
        return (NextStep.EARLY_HELP, None,
                "The family is struggling without significant harm: the Early Help Hub agrees "
                "which agency is best placed to lead an Early Help Assessment.")
    if facts.help_without_assessment:
        return (NextStep.SIGNPOST, None,
                "Help is needed without an assessment: signpost to services.")
    return (NextStep.UNIVERSAL, None,
            "No additional needs were found: universal services continue.")
