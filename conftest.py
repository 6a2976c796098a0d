"""Shared fixtures: the council's settings loaded, and named users for every role."""

import pytest


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
