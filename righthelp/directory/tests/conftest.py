from pathlib import Path

import pytest
from django.conf import settings

from righthelp.directory.loader import load_postcodes
from righthelp.directory.models import ActivityType, Service, ServiceStatus

SHIPPED = Path(settings.BASE_DIR) / "data" / "postcodes" / "blackpool.csv"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def postcodes(db):
    """Blackpool's postcode centres, as shipped."""
    return load_postcodes(SHIPPED)


def make_service(name: str, postcode: str, *kinds: str, status=ServiceStatus.PUBLISHED,
                 **fields) -> Service:
    from righthelp.directory.models import Postcode

    point = Postcode.objects.filter(postcode=postcode).first()
    service = Service.objects.create(
        name=name, description=fields.pop("description", f"{name}: a friendly group."),
        postcode=postcode, status=status, latitude=point.latitude if point else None,
        longitude=point.longitude if point else None, **fields)
    service.activity_types.set(ActivityType.objects.filter(code__in=kinds))
    return service


@pytest.fixture
def services(postcodes):
    """Around FY1 6NN (Revoe): two parenting services within 2 miles, one further away, and
    others that a search for parenting must not return."""
    return {
        "near": make_service("Revoe parents' group", "FY1 6LS", "parenting"),
        "middle": make_service("Triple P parenting course", "FY1 2AA", "parenting"),
        "far": make_service("Grange Park parenting drop-in", "FY3 7QP", "parenting"),
        "youth": make_service("Revoe youth club", "FY1 6LS", "youth-club",
                              description="Games, music and trips for 11 to 16 year olds."),
        "suggested": make_service("Unchecked parenting class", "FY1 6NN", "parenting",
                                  status=ServiceStatus.SUGGESTED),
        "withdrawn": make_service("Closed parenting café", "FY1 6NN", "parenting",
                                  status=ServiceStatus.WITHDRAWN),
    }
