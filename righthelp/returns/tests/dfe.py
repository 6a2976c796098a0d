"""Helpers to check a census file against DfE's own 2023-24 schema, unchanged.

righthelp writes the 2025-26 census, which DfE's 2023-24 schema (``dfe_CIN_schema_2024.xsd``)
predates in one named way: Sex (M, F or U) replaced GenderCurrent (1, 2, 0 or 9) from 2024-25.
``as_2023_24`` puts that one element back the way DfE's 2023-24 schema has it, so everything
else in the file is checked against DfE's file as DfE published it.
"""

import re

from lxml import etree

from righthelp.returns.cin_census import schema

GENDER_CURRENT = {"M": "1", "F": "2", "U": "0"}  # 0: not recorded or unborn
ZERO_PREVIOUS_PLANS = re.compile(
    r"^Element 'NumberOfPreviousCPP': '0' is not a valid value of the atomic type "
    r"'xs:positiveInteger'\.$")


def as_2023_24(tree: etree._ElementTree) -> etree._ElementTree:
    for sex in tree.iter("Sex"):
        sex.tag, sex.text = "GenderCurrent", GENDER_CURRENT[sex.text]
    return tree


def errors_against_dfe_2024(tree: etree._ElementTree) -> list[str]:
    """DfE's unchanged 2023-24 schema's complaints about the file, Sex put back first."""
    dfe = schema.load(schema.DFE_2024)
    dfe.validate(as_2023_24(tree))
    return [entry.message for entry in dfe.error_log]


def beyond_the_named_changes(messages: list[str]) -> list[str]:
    """Those not explained by change 2 of the derived schema: DfE's 2023-24 file refuses 0
    previous child protection plans (xs:positiveInteger), which a child's first plan has."""
    return [m for m in messages if not ZERO_PREVIOUS_PLANS.match(m)]
