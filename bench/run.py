"""Benchmark righthelp's main pages against a synthetic council of a chosen size.

Run from the repository root:  .venv/bin/python bench/run.py --scale 1
It builds (or reuses) bench/results/scale-<S>.sqlite3, then times each page in-process through
django.test.Client, signed in as the demo social worker, and writes bench/results/scale-<S>.json.
See bench/README.md for what is measured and why.
"""

import argparse
import json
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per page.")
    parser.add_argument("--fresh", action="store_true", help="Rebuild the database.")
    return parser.parse_args()


def setup_django(database: Path) -> None:
    """Point Django at the benchmark's own database, without debug overheads."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["RIGHTHELP_DEBUG"] = "0"  # DEBUG records every query, which costs time
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "righthelp.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    from righthelp.core import url_policy

    settings.ROOT_URLCONF = "bench.bare_urls"
    # Without DEBUG, WhiteNoise looks for collected static files; pages do not need them here.
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
    url_policy.POLICY["bench-bare"] = url_policy.ALL_ROLES  # for this process only


def load(scale: float, seed: int) -> bool:
    """Migrate, and load the synthetic council unless this seed and scale are already there.

    Returns whether the database was reused.
    """
    from django.core.management import call_command

    from righthelp.synthetic.generator import is_loaded
    from righthelp.synthetic.models import SyntheticRun

    call_command("migrate", verbosity=0)
    run = SyntheticRun.objects.filter(finished_at__isnull=False).first()
    if run and run.seed == seed and run.scale == scale:
        print(f"Reusing the council loaded {run.finished_at:%d %b %Y %H:%M} ({run}).")
        return True
    args = ["--seed", str(seed), "--scale", str(scale)] + (["--flush"] if is_loaded() else [])
    call_command("synthesise", *args)
    return False


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share 0.5 is the median)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def measure(client, paths: Callable[[int], str], requests: int) -> dict:
    """Time ``requests`` GETs (after a short warm-up) and count one request's queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(5):
        client.get(paths(n))
    with CaptureQueriesContext(connection) as captured:
        client.get(paths(0))
    queries = len(captured)  # now: the next request clears the connection's query log
    timings, statuses = [], {}
    for n in range(requests):
        started = time.perf_counter()
        response = client.get(paths(n))
        timings.append((time.perf_counter() - started) * 1000)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    return {
        "example": paths(0), "p50_ms": round(percentile(timings, 0.5), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "mean_ms": round(sum(timings) / len(timings), 2), "queries": queries,
        "statuses": {str(code): n for code, n in sorted(statuses.items())},
    }


def search_queries(seed: int, n: int) -> list[str]:
    """Real children's names and dates of birth, typed as a worker would ("Jon Smith, 3/4/2015")."""
    from righthelp.people.models import Person

    ids = list(Person.objects.filter(kind="child").values_list("pk", flat=True))
    chosen = Random(seed).sample(ids, min(n, len(ids)))
    people = Person.objects.filter(pk__in=chosen).order_by("pk")
    return [f"{p.known_as or p.given_names.split()[0]} {p.family_name}, "
            f"{p.date_of_birth:%d/%m/%Y}" for p in people]


def run_pages(seed: int, requests: int) -> dict:
    from urllib.parse import urlencode

    from django.test import Client

    from righthelp.staff.models import Allocation, User

    worker = User.objects.get(username="social-worker")
    caseload = sorted(set(Allocation.objects.filter(
        worker=worker, end__isnull=True, person__isnull=False).values_list("person_id", flat=True)))
    queries = search_queries(seed, 50)
    client = Client()
    client.force_login(worker)
    pages = {
        "record": lambda n: f"/people/{caseload[n % len(caseload)]}/",
        "home": lambda n: "/",
        "search": lambda n: "/search/?" + urlencode({"q": queries[n % len(queries)]}),
        "bare": lambda n: "/bench/bare/",
    }
    with_work = [p for p in caseload if _has_social_work(p)] or caseload
    pages["sw-child"] = lambda n: f"/social-work/children/{with_work[n % len(with_work)]}/"
    results = {}
    for name, paths in pages.items():
        results[name] = measure(client, paths, requests)
        print(f"  measured {name}")
    results.update(run_other_roles(requests))
    return {"caseload": len(caseload), "pages": results}


def _has_social_work(person_id: int) -> bool:
    from righthelp.socialwork.models import ChildInNeedEpisode

    return ChildInNeedEpisode.objects.filter(person_id=person_id).exists()


def run_other_roles(requests: int) -> dict:
    """The daily pages of other roles: a partner's episodes, the link worker, the CP chair's
    drift view, the managers' early help figures, caseloads (a team manager's teams; every
    team for an analyst), and the public directory search."""
    from urllib.parse import urlencode

    from django.test import Client

    from righthelp.directory.models import Postcode
    from righthelp.earlyhelp.models import EarlyHelpEpisode
    from righthelp.staff.models import User

    partner = User.objects.get(username="partner-lead-professional")
    episodes = list(EarlyHelpEpisode.objects.filter(lead_professional=partner)
                    .values_list("pk", flat=True)) or [0]
    postcodes = list(Postcode.objects.order_by("pk").values_list("postcode", flat=True)[:50])
    plans = [
        ("eh-episode", "partner-lead-professional",
         lambda n: f"/early-help/episodes/{episodes[n % len(episodes)]}/"),
        ("link-worker", "link-worker", lambda n: "/early-help/link-worker/"),
        ("cp-chair", "cp-chair", lambda n: "/social-work/chairs/"),
        ("eh-figures", "analyst", lambda n: "/early-help/figures/"),
        ("caseloads", "team-manager", lambda n: "/caseloads/"),
        ("caseloads-all", "analyst", lambda n: "/caseloads/"),
        ("directory", None, lambda n: "/directory/?" + urlencode(
            {"q": "parenting", "postcode": postcodes[n % len(postcodes)], "within": 2})),
    ]
    results = {}
    for name, username, paths in plans:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        # The figures page aggregates the whole council: fewer runs keep the bench short.
        results[name] = measure(client, paths, requests if name != "eh-figures"
                                else max(10, requests // 10))
        print(f"  measured {name}")
    return results


def run_census() -> dict:
    """Produce the last collection year's Children in Need census once, timed."""
    import tracemalloc

    from django.core.management import call_command

    out = RESULTS / "cin-census.xml"
    tracemalloc.start()
    started = time.perf_counter()
    call_command("cin_census", "--year", str(_last_census_year()), "--output", str(out),
                 verbosity=0)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print("  measured the census")
    return {"census": {"seconds": round(seconds, 1), "peak_python_mb": round(peak / 2**20, 1),
                       "bytes": out.stat().st_size}}


def _last_census_year() -> int:
    from righthelp.synthetic.models import SyntheticRun

    today = SyntheticRun.objects.filter(finished_at__isnull=False).first().today
    return today.year if today.month > 3 else today.year - 1


def report(result: dict) -> None:
    print(f"\nscale {result['scale']:g}, seed {result['seed']}, {result['requests']} requests "
          f"per page, signed in as social-worker ({result['caseload']} children)")
    print(f"{'page':<12} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'queries':>8}  statuses")
    for name, page in result["pages"].items():
        print(f"{name:<12} {page['p50_ms']:>8.1f} {page['p95_ms']:>8.1f} "
              f"{page['mean_ms']:>8.1f} {page['queries']:>8}  {page['statuses']}")
    census = result["census"]
    print(f"census: {census['seconds']} s, peak Python memory {census['peak_python_mb']} MB, "
          f"{census['bytes']:,} bytes")


def main() -> None:
    args = parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    database = RESULTS / f"scale-{args.scale:g}.sqlite3"
    if args.fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    setup_django(database)
    reused = load(args.scale, args.seed)
    from righthelp.synthetic.models import SyntheticRun

    run = SyntheticRun.objects.filter(finished_at__isnull=False).first()
    result = {
        "scale": args.scale, "seed": args.seed, "requests": args.requests,
        "database": str(database.relative_to(ROOT)), "loaded_on": run.today.isoformat(),
        "synthesise_seconds": round((run.finished_at - run.started_at).total_seconds(), 1),
        "reused_database": reused,
        "dataset": run.counts, "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        **run_pages(args.seed, args.requests),
        **run_census(),
    }
    report(result)
    out = RESULTS / f"scale-{args.scale:g}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nWrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
