"""Models of the family services directory."""

from righthelp.directory.models.postcodes import Postcode
from righthelp.directory.models.services import ActivityType, CostKind, Service, ServiceStatus

__all__ = ["ActivityType", "CostKind", "Postcode", "Service", "ServiceStatus"]
