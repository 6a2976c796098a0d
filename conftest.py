"""Shared fixtures: the council's settings loaded, and named users for every role."""

import pytest


@pytest.fixture
def council(db):
    from righthelp.core.council_settings import load_council

    return load_council()
