"""Shared fixtures: the council's settings loaded, named users for every role, and a working
day's office hours for every test."""

from datetime import datetime, time

import pytest
import time_machine

# Blackpool opens at 9 (councils/blackpool.toml); tests start by 16:00, well before it closes.
OPENS = time(9, 0)


def office_moment(now: datetime) -> datetime | None:
    """Where the clock must go so that 'now' is within office hours on a working day, or None
    when it already is. Requests sent out of hours wait for the next opening, so a suite run in
    the evening or at a weekend would otherwise see an empty Hub queue."""
    from righthelp.core import clocks

    local = now.astimezone(clocks.LONDON)
    if clocks.is_working_day(local.date()) and OPENS <= local.time() < time(16, 0):
        return None
    day = local.date() if (clocks.is_working_day(local.date())
                           and local.time() < OPENS) else clocks.next_working_day(local.date())
    return datetime.combine(day, time(10, 0), tzinfo=clocks.LONDON)


@pytest.fixture(autouse=True)
def in_office_hours():
    """Every test runs in office hours on a working day (the clock still ticks): the same
    results whenever the suite runs. Tests of other times fix their own clock on top."""
    target = office_moment(datetime.now().astimezone())
    if target is None:
        yield
        return
    with time_machine.travel(target, tick=True):
        yield


@pytest.fixture
def council(db):
    from righthelp.core.council_settings import load_council

    return load_council()


@pytest.fixture
def world(db):
    """One user per role, a child (Jonathan Smith, 3 April 2015) allocated to the social
    worker and the partner lead professional, his mother, and a child nobody is allocated to."""
    from righthelp.core.testing import make_world

    return make_world()


def pytest_configure(config):
    from django.conf import settings

    # Hashing passwords the slow, safe way is not what these tests are about.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
