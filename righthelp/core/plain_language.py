"""Plain language: find jargon and judgemental words in text before it is shared with a family.

"Use plain language" and "take care in how you talk and write about us" (the families' words
in the council's practice model). ``check(text)`` lists each word or phrase found, where, and a
plainer way to say it. The list is curated, not exhaustive: it is a prompt to the writer, who
may confirm that a word is right for this family.
"""

import re
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Finding:
    phrase: str  # as written in the text
    kind: str  # "jargon" or "judgemental"
    suggestion: str
    start: int

    def as_dict(self) -> dict:
        return asdict(self)


# (phrase, kind, suggestion). Phrases are matched as whole words, ignoring case, except the
# abbreviations, which are matched as written (so "cin" inside a word, or "Lac" as a name,
# is not flagged).
JARGON = "jargon"
JUDGEMENTAL = "judgemental"
TERMS: tuple[tuple[str, str, str], ...] = (
    ("LAC", JARGON, "say 'in our care' or 'living with foster carers'"),
    ("CLA", JARGON, "say 'in our care'"),
    ("CIN", JARGON, "say 'a plan to help your family' (child in need plan)"),
    ("CP", JARGON, "say 'child protection plan' in full, and what it means for the family"),
    ("CPP", JARGON, "say 'child protection plan' in full"),
    ("s47", JARGON, "say 'an enquiry to check your child is safe'"),
    ("S47", JARGON, "say 'an enquiry to check your child is safe'"),
    ("section 47", JARGON, "say 'an enquiry to check your child is safe'"),
    ("CAFA", JARGON, "say 'an assessment of what your family needs'"),
    ("EHA", JARGON, "say 'early help assessment' in full, or 'the assessment we did together'"),
    ("TAF", JARGON, "say 'a meeting with the people helping your family'"),
    ("MASH", JARGON, "say 'the team that first looks at requests for help'"),
    ("SEND", JARGON, "say 'special educational needs and disabilities'"),
    ("EHCP", JARGON, "say 'education, health and care plan'"),
    ("DV", JARGON, "say 'domestic abuse', or describe what happened"),
    ("DA", JARGON, "say 'domestic abuse', or describe what happened"),
    ("NFA", JARGON, "say 'no further action', and what that means"),
    ("LP", JARGON, "say 'lead professional', or the person's name"),
    ("placement", JARGON, "say 'home', or 'where you live'"),
    ("contact", JARGON, "say 'family time' (time with family)"),
    ("respite", JARGON, "say 'short breaks'"),
    ("threshold", JARGON, "say what the family needs, not the level"),
    ("escalate", JARGON, "say what will happen next, and why"),
    ("intervention", JARGON, "say 'support', or name the help"),
    ("presenting issues", JARGON, "say 'what we are worried about'"),
    ("non-compliant", JUDGEMENTAL, "describe what happened: 'has not been able to ...'"),
    ("non compliant", JUDGEMENTAL, "describe what happened: 'has not been able to ...'"),
    ("disengaged", JUDGEMENTAL, "say what got in the way: 'we have not been able to meet'"),
    ("not engaging", JUDGEMENTAL, "say what got in the way: 'we have not been able to meet'"),
    ("failed to attend", JUDGEMENTAL, "say 'did not come' or 'was not able to come'"),
    ("failed to engage", JUDGEMENTAL, "say what got in the way"),
    ("manipulative", JUDGEMENTAL, "describe the behaviour and its effect, without labels"),
    ("refused", JUDGEMENTAL, "say 'did not want to' or 'said no'"),
    ("aggressive", JUDGEMENTAL, "describe what happened: 'shouted', 'was upset'"),
    ("hard to reach", JUDGEMENTAL, "say 'we have not found a good time to meet yet'"),
    ("chaotic", JUDGEMENTAL, "describe what is hard for the family, without labels"),
    ("uncooperative", JUDGEMENTAL, "say what was asked and what happened"),
    ("resistant", JUDGEMENTAL, "say what the family told you about why"),
    ("attention seeking", JUDGEMENTAL, "say 'looking for connection', or describe the need"),
    ("attention-seeking", JUDGEMENTAL, "say 'looking for connection', or describe the need"),
    ("absconded", JUDGEMENTAL, "say 'left without telling anyone'"),
    ("kicked off", JUDGEMENTAL, "describe what happened and how the child was feeling"),
    ("difficult parent", JUDGEMENTAL, "describe what is hard, and what helps"),
    ("lack of insight", JUDGEMENTAL, "say what the parent sees and what you see differently"),
)
ABBREVIATIONS = {phrase for phrase, _kind, _s in TERMS if phrase.isupper() or phrase == "s47"}


def _pattern(phrase: str) -> re.Pattern:
    body = re.escape(phrase).replace(r"\ ", r"[\s-]+")
    flags = 0 if phrase in ABBREVIATIONS else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


_PATTERNS = [(_pattern(phrase), phrase, kind, suggestion) for phrase, kind, suggestion in TERMS]


def check(text: str) -> list[Finding]:
    """Each jargon or judgemental phrase in ``text``, in the order it appears (once per place)."""
    found: dict[int, Finding] = {}
    for pattern, _phrase, kind, suggestion in _PATTERNS:
        for match in pattern.finditer(text or ""):
            start = match.start()
            previous = found.get(start)
            if previous is None or len(match.group(0)) > len(previous.phrase):
                found[start] = Finding(match.group(0), kind, suggestion, start)
    return [found[start] for start in sorted(found)]


def check_all(texts: dict[str, str]) -> list[dict]:
    """Findings across several named texts: ``[{"where": name, **finding}]``."""
    return [{"where": where, **finding.as_dict()}
            for where, text in texts.items() for finding in check(text)]
