"""Which roles may use each page and API operation of this app.

Merged into ``righthelp.core.url_policy.POLICY``; names here must not clash with other apps.
API operations are named ``api-1:<url_name>``. The census is for the people who send and
answer for the council's figures: analysts and team managers (FIGURES).
"""

from righthelp.core.policy_roles import FIGURES

POLICY: dict[str, frozenset | str] = {
    "cin-census": FIGURES,
    "cin-census-result": FIGURES,
    "cin-census-download": FIGURES,
    "api-1:cin-census-list": FIGURES,
    "api-1:cin-census-produce": FIGURES,
    "api-1:cin-census-detail": FIGURES,
    "api-1:cin-census-file": FIGURES,
}
