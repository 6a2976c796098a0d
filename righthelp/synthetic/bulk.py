"""Writing many rows quickly, and saying how it is going.

``bulk_create`` skips ``save()``, so callers set anything ``save()`` would have (search keys,
relationship categories, normalised postcodes) themselves. It also writes no history rows,
which is acceptable for synthetic data.
"""

import time
from collections.abc import Callable, Iterable

from django.db.models import Model

BATCH = 5000
MAX_PARAMETERS = 30_000  # well inside PostgreSQL's 65,535 bind parameters per statement


def bulk(objs: list[Model]) -> list[Model]:
    """Insert ``objs`` (all one model) in batches; their primary keys are set afterwards."""
    if not objs:
        return objs
    model = type(objs[0])
    size = max(1, min(BATCH, MAX_PARAMETERS // len(model._meta.concrete_fields)))
    return model.objects.bulk_create(objs, batch_size=size)


class Progress:
    """One line per stage with its counts and the seconds it took (and, in a long stage,
    a line every half a minute, so a big run visibly moves)."""

    TICK_SECONDS = 30

    def __init__(self, write: Callable[[str], None]):
        self.write = write
        self.started = self.stage_started = self.ticked = time.monotonic()

    def tick(self, stage: str, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now - self.ticked >= self.TICK_SECONDS:
            seconds = now - self.stage_started
            self.write(f"  {stage}: {min(done, total):,} of {total:,} {what} ... {seconds:.0f}s")
            self.ticked = now

    def done(self, stage: str, counts: Iterable[tuple[str, int]]) -> None:
        now = time.monotonic()
        parts = ", ".join(f"{n:,} {label}" for label, n in counts)
        self.write(f"{stage}: {parts} ... {now - self.stage_started:.1f}s")
        self.stage_started = self.ticked = now

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started
