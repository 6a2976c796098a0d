"""The plain language check: jargon and judgemental words, each with a plainer suggestion."""

import pytest

from righthelp.core.plain_language import JARGON, JUDGEMENTAL, check, check_all


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jonathan is LAC and mum failed to attend.", [("LAC", JARGON),
                                                       ("failed to attend", JUDGEMENTAL)]),
        ("Dad was aggressive and refused the visit.", [("aggressive", JUDGEMENTAL),
                                                       ("refused", JUDGEMENTAL)]),
        ("The family are hard to reach and disengaged.", [("hard to reach", JUDGEMENTAL),
                                                          ("disengaged", JUDGEMENTAL)]),
        ("Mum has been non-compliant with the CIN plan.", [("non-compliant", JUDGEMENTAL),
                                                           ("CIN", JARGON)]),
        ("An s47 was considered.", [("s47", JARGON)]),
        ("The placement is stable.", [("placement", JARGON)]),
        ("He was manipulative.", [("manipulative", JUDGEMENTAL)]),
        # Plain text, and words that only contain a flagged abbreviation, are not flagged.
        ("Mum will take Jonathan to football on Saturdays.", []),
        ("Cinema trip with Lacey on Friday.", []),
        ("", []),
    ],
)
def test_findings(text, expected):
    assert [(f.phrase, f.kind) for f in check(text)] == expected


def test_each_finding_has_a_suggestion_and_position():
    [finding] = check("Sam refused to go to school.")
    assert finding.start == 4
    assert finding.suggestion.startswith("say ")


def test_longest_phrase_wins_at_one_place():
    assert [f.phrase for f in check("Not engaging since May.")] == ["Not engaging"]


def test_check_all_names_where():
    found = check_all({"what_we_want": "No more CP.", "action 1": "Mum refused."})
    assert [(f["where"], f["phrase"]) for f in found] == [("what_we_want", "CP"),
                                                          ("action 1", "refused")]
