"""Early help on synthetic data: episodes with families, assessments, plans, meetings, reviews,
step-ups and step-downs, consistent with the casework and the front door.

Casework leaves early help only as involvements (and each child's review deadlines); the
early help pages, the link workers' view and the figures read the early help app's records.
This stage writes them for the early help that started in the last 12 months (the front
door's records go back as far, and an episode from the Hub names its decision), and for
step-downs from social care before then whose early help went on into those 12 months;
that includes all early help open today: one episode per family (brothers and sisters whose
help overlaps share it), led by whoever the casework allocated (a partner agency's lead
professional for about ``casework.PARTNER_LED`` of them, else the locality's early help
team), coached by the locality's link worker. Opened from the Hub's decision or by a step
down from social care (the work before it in the child's journey); ended as the casework
says (outcomes met, the family stopped engaging, universal services, or a step up through
the request the front door already holds). Reviews follow the council's cadence from the
plan, mostly on time; the review deadlines are rewritten to match, one per child.

Nothing is read back row by row: the steps are in memory and the front door's decisions,
the involvements, allocations and the families' adults are read once, in bulk.
"""

from .common import WINDOW_DAYS
from .writer import EarlyHelpWriter

__all__ = ["WINDOW_DAYS", "EarlyHelpWriter"]
