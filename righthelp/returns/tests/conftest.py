"""The census page runs its production in a background thread; a thread's own database
connection does not see a test's uncommitted records (nor, on SQLite, share its in-memory
database safely), so these tests run it inline. ``test_census_progress`` runs the thread once,
against a committed database."""

import pytest


@pytest.fixture(autouse=True)
def census_inline(settings):
    settings.RETURNS_CENSUS_IN_BACKGROUND = False
