"""A synthetic council, the size of Blackpool at scale 1: people, staff and casework.

The same seed, scale and "today" always give the same council: every random choice comes
from ``random.Random`` streams seeded from the seed (one per stage, so changing how staff
are made does not reshuffle the children), never from the global generator or the clock.
"""

import gc
from collections import Counter
from collections.abc import Callable
from datetime import date
from random import Random

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from righthelp.core.council_settings import load_council
from righthelp.people.models import Person

from .bulk import Progress
from .casework import PARTNER_LED, CaseworkWriter
from .directory import write_directory
from .earlyhelp import EarlyHelpWriter
from .frontdoor import FrontDoorWriter
from .ids import Identifiers
from .models import SyntheticRun
from .population import build_population
from .socialwork import SocialWorkWriter
from .timeline import TimelineBuilder
from .workforce import WorkforceBuilder, demo_sign_ins

__all__ = ["AlreadyLoaded", "demo_sign_ins", "flush", "is_loaded", "synthesise"]

MAX_SCALE = 10


class AlreadyLoaded(Exception):
    """The database already holds people; the caller must flush first."""


def is_loaded() -> bool:
    return Person.objects.exists()


def _stream(seed: int, stage: str) -> Random:
    return Random(f"{seed}:{stage}")  # str seeds hash with SHA-512: stable across runs


def synthesise(seed: int = 1, scale: float = 1.0, today: date | None = None, years: int = 4,
               write: Callable[[str], None] = print) -> SyntheticRun:
    """Fill an empty database with a synthetic council, reporting each stage to ``write``."""
    if not 0 < scale <= MAX_SCALE:
        raise ValueError(f"The scale must be above 0 and at most {MAX_SCALE}.")
    if is_loaded():
        raise AlreadyLoaded("The database already holds people.")
    today = today or timezone.localdate()
    council = load_council()
    run = SyntheticRun.objects.create(seed=seed, scale=scale, today=today, years=years,
                                      started_at=timezone.now())
    progress = Progress(write)
    _roomy_sqlite_cache()
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many long-lived objects and no cycles: each collection would walk them all
    try:
        counts = _build(seed, scale, today, years, council, progress)
    finally:
        if gc_was_enabled:
            gc.enable()
    run.finished_at, run.counts = timezone.now(), counts
    run.save(update_fields=["finished_at", "counts"])
    write(f"done: seed {seed}, scale {scale:g}, history {years} years to {today:%d %B %Y}"
          f" ... {progress.elapsed:.1f}s in all")
    return run


def _roomy_sqlite_cache() -> None:
    """Give SQLite a 256 MB page cache for this connection: its default (2 MB) makes every
    index insert into a large table read pages back from disk."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")


def _build(seed: int, scale: float, today: date, years: int, council,
           progress: Progress) -> dict[str, int]:
    people_rng = _stream(seed, "people")
    population = build_population(people_rng, today, Identifiers(people_rng), scale, progress)
    progress.done("people", population.counts.items())

    timeline = TimelineBuilder(_stream(seed, "timeline"), today, years, scale)
    steps = timeline.build(population)
    kinds = Counter(s.work.kind for s in steps)
    still_open = Counter(s.work.kind for s in steps if s.work.end is None)
    progress.done("journeys", [
        ("requests for support", kinds["request_for_support"]),
        ("assessments", kinds["cafa"]), ("open to a team now", sum(still_open.values())),
        ("looked after now", still_open["looked_after"])])

    open_work = Counter(s.work.pool for s in steps if s.work.end is None)
    for pool in [p for p in open_work if p.startswith("early-help:")]:  # partners lead many
        open_work[pool] = round(open_work[pool] * (1 - PARTNER_LED))
    open_work["iro"] = still_open["looked_after"]
    open_work["cp-chair"] = still_open["child_protection"]
    open_work["families-together"] = round(30 * scale)
    partner_led = round(still_open["early_help"] * PARTNER_LED)
    workforce = WorkforceBuilder(_stream(seed, "staff"), today, council).build(
        open_work, partner_led, scale)
    progress.done("staff", workforce.counts.items())

    writer = CaseworkWriter(_stream(seed, "casework"), today, workforce)
    writer.write(steps, progress)
    writer.finish(steps, timeline.restricted, scale)
    progress.done("casework", writer.counts.items())

    front_door = FrontDoorWriter(_stream(seed, "frontdoor"), today, council, workforce, scale)
    front_door.write(steps, population.households)
    progress.done("front door", front_door.counts.items())

    social_work = SocialWorkWriter(_stream(seed, "socialwork"), today, workforce)
    social_work.write(steps, progress)
    progress.done("social work", social_work.counts.items())

    early_help = EarlyHelpWriter(_stream(seed, "earlyhelp"), today, workforce)
    early_help.write(steps)
    progress.done("early help", early_help.counts.items())
    directory = write_directory(today)  # Blackpool's postcodes and family services
    progress.done("directory", directory.items())
    return {**directory, **population.counts, **workforce.counts, **writer.counts,
            **front_door.counts,
            **social_work.counts, **early_help.counts}


def _flushable_models() -> list:
    """Every table of righthelp's apps (case data, staff, settings, history), the admin log
    and sessions; content types, permissions and groups stay."""
    models = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        own = meta.app_config.name.startswith("righthelp.")
        if meta.managed and not meta.proxy and (own or meta.app_label in ("admin", "sessions")):
            models.append(model)
    return models


def flush(write: Callable[[str], None] = print) -> None:
    """Delete all case data, staff accounts and council settings (reloaded by synthesise)."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for model in _flushable_models():
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
    write("flushed: case data, staff accounts and council settings deleted")
