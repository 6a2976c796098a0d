"""One row per routing rule of pathway section 3."""

import pytest

from righthelp.frontdoor.models import AssessmentKind, NextStep
from righthelp.frontdoor.rules import Facts, route

CASES = [
    ("significant harm, current -> Section 47",
     Facts(significant_harm=True, harm_current=True),
     NextStep.ASSESSMENT, AssessmentKind.SECTION_47, False),
    ("significant harm, not current -> CAFA",
     Facts(significant_harm=True),
     NextStep.ASSESSMENT, AssessmentKind.CHILD_AND_FAMILY, False),
    ("open to SSF in last six months -> back to SSF",
     Facts(significant_harm=True, open_to_return_team_recently=True),
     NextStep.RETURN_TO_TEAM, AssessmentKind.CHILD_AND_FAMILY, False),
    ("six-month rule wins over specialist need",
     Facts(significant_harm=True, open_to_return_team_recently=True, specialist_need=True),
     NextStep.RETURN_TO_TEAM, AssessmentKind.CHILD_AND_FAMILY, False),
    ("specialist assessment -> specialist team",
     Facts(significant_harm=True, specialist_need=True),
     NextStep.SPECIALIST, AssessmentKind.SPECIALIST, False),
    ("struggling, no significant harm -> Early Help Hub",
     Facts(family_struggling=True),
     NextStep.EARLY_HELP, None, False),
    ("help without assessment -> signpost",
     Facts(help_without_assessment=True),
     NextStep.SIGNPOST, None, False),
    ("family declines, no significant harm -> respected and closed",
     Facts(family_declines=True, family_struggling=True),
     NextStep.FAMILY_DECLINED, None, False),
    ("family declines but significant harm -> assessment all the same",
     Facts(family_declines=True, significant_harm=True),
     NextStep.ASSESSMENT, AssessmentKind.CHILD_AND_FAMILY, False),
    ("exploitation worry -> also Awaken",
     Facts(significant_harm=True, harm_current=True, exploitation_or_missing=True),
     NextStep.ASSESSMENT, AssessmentKind.SECTION_47, True),
    ("missing, struggling -> Early Help and Awaken",
     Facts(family_struggling=True, exploitation_or_missing=True),
     NextStep.EARLY_HELP, None, True),
    ("nothing more needed -> universal services",
     Facts(),
     NextStep.UNIVERSAL, None, False),
]


@pytest.mark.parametrize(("facts", "step", "kind", "awaken"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_route(facts, step, kind, awaken):
    result = route(facts)
    assert result.next_step == step
    assert result.assessment_kind == kind
    assert result.also_awaken is awaken
    assert result.why
