"""axe-core in the browser: the WCAG 2.2 AA rules run against the page as it is shown.

axe-core is an npm devDependency (``npm ci`` in bin/setup installs it; never copied into the
repo). It is loaded into the page under test and run there, so it checks what the person sees:
colours after CSS, labels after templates, ids after every include.
"""

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what GOV.UK services must meet.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# axe passes an aria-describedby or aria-labelledby naming a missing id when another id in it
# is on the page, and only asks for a review ("incomplete") when none is. A missing id means a
# hint or an error is never read out with its field (WCAG 1.3.1, 3.3.1), so it is checked here
# too, and reported as the rule "aria-reference-missing".
BROKEN_REFERENCES = """() => {
    const broken = [];
    for (const attr of ['aria-describedby', 'aria-labelledby']) {
        for (const el of document.querySelectorAll(`[${attr}]`)) {
            const missing = el.getAttribute(attr).split(/\\s+/).filter(
                id => id && !document.getElementById(id));
            if (missing.length) broken.push({
                target: el.id ? '#' + el.id : el.tagName.toLowerCase(),
                html: el.outerHTML,
                summary: `${attr} names ids not on the page: ${missing.join(', ')}`,
            });
        }
    }
    return broken;
}"""


def violations(page: Page, disabled: dict[str, str] | None = None) -> list[dict]:
    """Runs axe on the page; returns its violations, with any aria-describedby or
    aria-labelledby naming a missing id. ``disabled`` maps a rule id to why it is turned off
    for this page (a GOV.UK Frontend known issue or a false positive)."""
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run bin/setup (npm ci installs axe-core)")
    page.add_script_tag(path=str(AXE))
    rules = {rule: {"enabled": False} for rule in (disabled or {})
             if rule != "aria-reference-missing"}
    found = page.evaluate(
        """async ([tags, rules]) => {
            const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, rules: rules, resultTypes: ['violations'],
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                          html: n.html, summary: n.failureSummary})),
            }));
        }""",
        [WCAG_AA, rules],
    )
    broken = page.evaluate(BROKEN_REFERENCES)
    if broken and "aria-reference-missing" not in (disabled or {}):
        found.append({
            "id": "aria-reference-missing", "impact": "serious",
            "help": "aria-describedby and aria-labelledby must name ids on the page",
            "helpUrl": "https://www.w3.org/WAI/WCAG22/Understanding/info-and-relationships",
            "nodes": broken,
        })
    return found


def report(found: list[dict], where: str = "") -> str:
    """Each violation's rule, what it asks and the elements that fail it, one block each."""
    lines = [f"{len(found)} accessibility violation(s){' on ' + where if where else ''}:"]
    for violation in found:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}"
                     f" <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node['html'][:200]}")
            if node["summary"]:
                lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


def assert_accessible(page: Page, disabled: dict[str, str] | None = None) -> None:
    found = violations(page, disabled)
    assert not found, report(found, page.url)
