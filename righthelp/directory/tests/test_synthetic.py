"""The synthetic council's directory stage: real postcodes, published services, suggestions."""

from datetime import date

import pytest

from righthelp.directory import selectors
from righthelp.directory.models import Postcode, Service, ServiceStatus
from righthelp.synthetic.directory import SERVICES, SUGGESTIONS, write_directory

pytestmark = pytest.mark.django_db


def test_the_stage_loads_postcodes_and_writes_published_services(world):
    counts = write_directory(date(2026, 11, 23))
    assert counts == {"postcodes": Postcode.objects.count(), "directory services": len(SERVICES),
                      "directory suggestions": len(SUGGESTIONS)}
    assert len(SERVICES) >= 40 and counts["postcodes"] > 3000
    published = Service.objects.filter(status=ServiceStatus.PUBLISHED)
    assert published.count() == len(SERVICES)
    assert not published.filter(latitude__isnull=True).exists()  # every postcode is known
    assert Service.objects.filter(status=ServiceStatus.SUGGESTED).count() == 2
    hubs = published.filter(activity_types__code="family-hub")
    assert {h.locality.code for h in hubs} == {"revoe", "talbot-brunswick", "grange-park"}
    assert published.first().approved_by == world.users["administrator"]
    near = selectors.search_services(text="parenting", postcode="FY1 6NN", within=2)
    assert len(near.hits) >= 5 and near.hits[0].miles <= near.hits[-1].miles
