"""Load a council's settings file (councils/<name>.toml) into the database, and read them.

Loading is idempotent: run it again after editing the file and rows are updated in place.
A bad file is refused whole with a message naming the entry and field; nothing is half-loaded.
"""

import re
import tomllib
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from righthelp.staff.models import Team

from .clocks import Rule, Unit
from .models import Council, FamilyHub, Locality, PartnerAgency, Target, Timescale


class CouncilFileError(ValueError):
    """A council settings file that cannot be loaded; the message names the place."""


def _need(entry: dict, key: str, where: str):
    if key not in entry or entry[key] in ("", None):
        raise CouncilFileError(f"{where}: '{key}' is missing.")
    return entry[key]


def _time(value, where: str, key: str) -> time:
    if isinstance(value, time):  # an unquoted TOML time, office_opens = 09:00:00
        return value
    try:
        return time.fromisoformat(value)
    except (TypeError, ValueError):
        raise CouncilFileError(f"{where}: '{key}' = '{value}' is not a time like 09:00.") from None


def _choice(value: str, choices, where: str, key: str) -> str:
    allowed = [c for c, _ in choices]
    if value not in allowed:
        raise CouncilFileError(
            f"{where}: '{key}' = '{value}' is not one of {', '.join(allowed)}."
        )
    return value


def _decimal(value, where: str, key: str) -> Decimal:
    try:
        number = Decimal(str(value)) if not isinstance(value, bool) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise CouncilFileError(f"{where}: '{key}' = '{value}' is not a number.")
    return number


def _whole(value, where: str, key: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise CouncilFileError(f"{where}: '{key}' must be a whole number of at least {minimum}.")
    return value


def _entries(data: dict, section: str) -> list[dict]:
    """A section written as [[section]] tables; anything else is refused."""
    entries = data.get(section, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CouncilFileError(f"[[{section}]]: each entry must be a [[{section}]] table.")
    codes = [e.get("code") for e in entries if e.get("code")]
    for code in codes:
        if codes.count(code) > 1:
            raise CouncilFileError(f"[[{section}]] ({code}): 'code' '{code}' is used twice.")
    return entries


def load_council(path: Path | str | None = None) -> Council:
    """Create or update the council described by a settings file and make it the active one."""
    path = Path(path or settings.RIGHTHELP_COUNCIL_FILE)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CouncilFileError(f"{path}: no such council settings file.") from None
    except tomllib.TOMLDecodeError as error:
        raise CouncilFileError(f"{path}: not valid TOML ({error}).") from None
    council_entry = data.get("council", {})
    if not isinstance(council_entry, dict):
        raise CouncilFileError("[council]: must be a [council] table.")
    sections = {
        name: _entries(data, name)
        for name in ("localities", "teams", "agencies", "timescales", "targets")
    }
    with transaction.atomic():
        council = _load_council_row(council_entry)
        localities = _load_localities(council, sections["localities"])
        _load_teams(council, localities, sections["teams"])
        _load_agencies(council, sections["agencies"])
        _load_timescales(council, sections["timescales"])
        _load_targets(council, sections["targets"])
        _load_front_door(council, data.get("front_door", {}))
        _load_early_help(council, data.get("early_help", {}))
    return council


def _load_early_help(council: Council, entry: dict) -> None:
    """[[early_help.council_services]]: the council's own services a plan action can name.
    A service no longer in the file is kept but not offered (older actions still name it)."""
    from django.apps import apps

    where = "[[early_help.council_services]]"
    if not isinstance(entry, dict):
        raise CouncilFileError("[early_help]: must be an [early_help] table.")
    entries = entry.get("council_services", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CouncilFileError(f"{where}: each entry must be a {where} table.")
    service_model = apps.get_model("earlyhelp", "CouncilService")
    codes = []
    for n, service in enumerate(entries, start=1):
        here = f"{where} {n} ({service.get('code', '?')})"
        code = _need(service, "code", here)
        if not isinstance(code, str) or not re.fullmatch(r"[a-z0-9_-]{1,40}", code):
            raise CouncilFileError(f"{here}: 'code' must be up to 40 lower-case letters, "
                                   "digits, '_' or '-'.")
        if code in codes:
            raise CouncilFileError(f"{where} ({code}): 'code' '{code}' is used twice.")
        codes.append(code)
        service_model.objects.update_or_create(
            council=council, code=code,
            defaults={"name": _need(service, "name", here),
                      "description": service.get("description", ""), "position": n,
                      "active": True})
    service_model.objects.filter(council=council).exclude(code__in=codes).update(active=False)


FRONT_DOOR_TEAMS = ("hub", "out_of_hours", "assessment", "return_to_team", "specialist",
                    "early_help", "exploitation")


def _load_front_door(council: Council, entry: dict) -> None:
    """[front_door]: the team code that receives each next step of a Hub decision."""
    where = "[front_door]"
    if not entry:
        return
    if not isinstance(entry, dict) or not isinstance(entry.get("teams", {}), dict):
        raise CouncilFileError(f"{where}: must be a table with a [front_door.teams] table.")
    known = set(Team.objects.filter(council=council).values_list("code", flat=True))
    teams = entry.get("teams", {})
    for key in FRONT_DOOR_TEAMS:
        code = _need(teams, key, f"{where} teams")
        if code not in known:
            raise CouncilFileError(f"{where} teams: '{key}' = '{code}' is not a team code.")
    council.front_door = {"teams": {key: teams[key] for key in FRONT_DOOR_TEAMS}}
    council.save(update_fields=["front_door"])


def _load_council_row(entry: dict) -> Council:
    where = "[council]"
    code = _need(entry, "code", where)
    defaults = {
        "name": _need(entry, "name", where),
        "active": True,
        "office_opens": _time(entry.get("office_opens", "09:00"), where, "office_opens"),
        "office_closes": _time(entry.get("office_closes", "17:00"), where, "office_closes"),
        "due_soon_working_days": _whole(
            entry.get("due_soon_working_days", 2), where, "due_soon_working_days", 0
        ),
        "break_glass_hours": _whole(
            entry.get("break_glass_hours", 4), where, "break_glass_hours", 1
        ),
    }
    if defaults["office_closes"] <= defaults["office_opens"]:
        raise CouncilFileError(f"{where}: 'office_closes' must be after 'office_opens'.")
    Council.objects.exclude(code=code).update(active=False)
    council, _ = Council.objects.update_or_create(code=code, defaults=defaults)
    return council


def _load_localities(council: Council, entries: list[dict]) -> dict[str, Locality]:
    localities = {}
    for n, entry in enumerate(entries, start=1):
        where = f"[[localities]] {n} ({entry.get('code', '?')})"
        locality, _ = Locality.objects.update_or_create(
            council=council,
            code=_need(entry, "code", where),
            defaults={
                "name": _need(entry, "name", where),
                "postcode_districts": entry.get("postcode_districts", ""),
            },
        )
        hubs = entry.get("family_hubs", [])
        if not isinstance(hubs, list) or not all(isinstance(h, str) and h for h in hubs):
            raise CouncilFileError(f"{where}: 'family_hubs' must be a list of names.")
        for hub in hubs:
            FamilyHub.objects.get_or_create(locality=locality, name=hub)
        localities[locality.code] = locality
    return localities


def _load_teams(council: Council, localities: dict[str, Locality], entries: list[dict]) -> None:
    for n, entry in enumerate(entries, start=1):
        where = f"[[teams]] {n} ({entry.get('code', '?')})"
        locality_code = entry.get("locality")
        if locality_code and locality_code not in localities:
            raise CouncilFileError(
                f"{where}: 'locality' = '{locality_code}' is not defined in [[localities]]."
            )
        Team.objects.update_or_create(
            council=council,
            code=_need(entry, "code", where),
            defaults={
                "name": _need(entry, "name", where),
                "service": _choice(
                    _need(entry, "service", where), Team.Service.choices, where, "service"
                ),
                "locality": localities.get(locality_code) if locality_code else None,
                "access_scope": _choice(
                    entry.get("access", "allocated"), Team.AccessScope.choices, where, "access"
                ),
                "provider_partner": entry.get("provider_partner", ""),
                "description": entry.get("description", ""),
            },
        )


def _load_agencies(council: Council, entries: list[dict]) -> None:
    for n, entry in enumerate(entries, start=1):
        where = f"[[agencies]] {n} ({entry.get('code', '?')})"
        PartnerAgency.objects.update_or_create(
            council=council,
            code=_need(entry, "code", where),
            defaults={
                "name": _need(entry, "name", where),
                "kind": _choice(
                    _need(entry, "kind", where), PartnerAgency.Kind.choices, where, "kind"
                ),
            },
        )


def _load_timescales(council: Council, entries: list[dict]) -> None:
    for n, entry in enumerate(entries, start=1):
        where = f"[[timescales]] {n} ({entry.get('code', '?')})"
        amount = _need(entry, "amount", where)
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            raise CouncilFileError(f"{where}: 'amount' must be a whole number above 0.")
        Timescale.objects.update_or_create(
            council=council,
            code=_need(entry, "code", where),
            defaults={
                "name": _need(entry, "name", where),
                "amount": amount,
                "unit": _choice(_need(entry, "unit", where), Unit.choices, where, "unit"),
                "starts_from": _need(entry, "starts_from", where),
                "source": entry.get("source", ""),
            },
        )


def _load_targets(council: Council, entries: list[dict]) -> None:
    for n, entry in enumerate(entries, start=1):
        where = f"[[targets]] {n} ({entry.get('code', '?')})"
        baseline = entry.get("baseline")
        Target.objects.update_or_create(
            council=council,
            code=_need(entry, "code", where),
            defaults={
                "name": _need(entry, "name", where),
                "value": _decimal(_need(entry, "value", where), where, "value"),
                "baseline": (
                    _decimal(baseline, where, "baseline") if baseline is not None else None
                ),
                "unit": entry.get("unit", ""),
                "source": entry.get("source", ""),
            },
        )


def timescale(code: str) -> Rule:
    """The active council's rule for a timescale code, e.g. 'child-and-family-assessment'."""
    try:
        row = Timescale.objects.get(council__active=True, code=code)
    except Timescale.DoesNotExist:
        raise ValidationError(f"The council has no timescale '{code}'.") from None
    return row.as_rule()
