"""Issue 6's acceptance: the census for the synthetic council's last collection year is
produced, is well-formed and valid against DfE's schema, and has no validation errors in the
data the system itself created (queries, which ask the council to explain, may remain).

Which schema: the census for 2025-26 is checked against ``schemas/cin_census_2025_26.xsd``,
DfE's CIN census schema 2023-24 (``schemas/dfe_CIN_schema_2024.xsd``, Open Government Licence
v3, as republished in Social Finance's liia-tools) with two commented changes: Sex in place of
GenderCurrent, and NumberOfPreviousCPP may be 0. The same file is then checked against DfE's
2023-24 schema unchanged, with only Sex put back as GenderCurrent: everything else in it must
be as DfE's own file says, and the only complaints left are the 0 previous plans (change 2).
"""

import gzip
from collections import Counter
from datetime import date

import pytest
from lxml import etree

from righthelp.returns.cin_census import schema
from righthelp.returns.services import produce_census
from righthelp.synthetic.generator import synthesise

from .dfe import beyond_the_named_changes, errors_against_dfe_2024

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)  # the last complete collection year is 1 April 2025 to 31 March 2026


def test_the_synthetic_councils_census_is_valid_against_dfes_schema_with_no_errors(tmp_path):
    synthesise(seed=1, scale=0.1, today=TODAY, write=lambda line: None)
    production = produce_census(user=None, year=2026, channel="command")
    errors = Counter(f["code"] for f in production.failures if not f["query"])
    assert production.children > 300 and production.episodes >= production.children
    # Zero rule errors: DfE's error rules, as righthelp implements them.
    assert errors == Counter()
    assert production.errors == 0
    # Zero schema errors against the derived schema (DfE 2023-24 plus the two changes).
    assert production.schema_file == schema.DERIVED_2026.filename == "cin_census_2025_26.xsd"
    assert production.schema_errors == []
    path = tmp_path / production.filename
    path.write_bytes(gzip.decompress(bytes(production.xml_gz)))
    assert schema.check_against(path, schema.DERIVED_2026) == []
    # Against DfE's 2023-24 schema unchanged (dfe_CIN_schema_2024.xsd), Sex put back as
    # GenderCurrent: nothing beyond the 0 previous plans that change 2 allows.
    tree = etree.parse(str(path))  # well-formed
    assert len(tree.findall("Children/Child")) == production.children
    from_dfe = errors_against_dfe_2024(tree)
    assert beyond_the_named_changes(from_dfe) == []
    zero = sum(1 for e in tree.iter("NumberOfPreviousCPP") if e.text == "0")
    assert len(from_dfe) == zero
