"""Issue 6's acceptance: the census for the synthetic council's last collection year is
produced, is valid against the schema, and has no validation errors in the data the system
itself created (queries, which ask the council to explain, may remain)."""

from collections import Counter
from datetime import date

import pytest

from righthelp.returns.services import produce_census
from righthelp.synthetic.generator import synthesise

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)  # the last complete collection year is 1 April 2025 to 31 March 2026


def test_the_synthetic_councils_census_is_valid_with_no_errors():
    synthesise(seed=1, scale=0.1, today=TODAY, write=lambda line: None)
    production = produce_census(user=None, year=2026, channel="command")
    errors = Counter(f["code"] for f in production.failures if not f["query"])
    assert production.children > 300 and production.episodes >= production.children
    assert production.schema_errors == []
    assert errors == Counter()
    assert production.errors == 0
