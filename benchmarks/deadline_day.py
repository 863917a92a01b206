"""Benchmark: deadline day. 50 clients through the whole public journey on gunicorn + PostgreSQL + Redis, side by
side in one run with a bare Flask endpoint doing one INSERT (the floor).

A journey is what a respondent's browser does, with CSRF on (production config): GET the consultation (start),
GET about you, POST it, GET the representation form, POST one representation, GET check your answers, POST send,
GET the confirmation and read the reference it shows. Eight requests; every POST must be answered with a redirect
and every GET with 200. Redis is on, as in production: the rate limits count in it and the acknowledgements go on
its queue, drained during the run by one `flask worker --simple` on the same CPUs. The same 50 clients then POST to
the bare endpoint for as long. The two are measured in alternating slices (BENCH_SLICES, default 4), so that both
see the same machine, after BENCH_WARM_UP seconds (default 5) each of the same load, not counted, so that both are
measured in their steady state rather than in their workers' first seconds.

Reported: journeys/s, p50 / p99 of each page, errors, confirmations shown against rows stored (a reference shown
but not stored is lost; a respondent stored without a confirmation shown is counted too), and server CPU per
journey (gunicorn workers and the RQ worker, and PostgreSQL's backends; Redis's own CPU is not counted).
Target: 0 errors, 0 lost, and journeys/s ≥ 0.3 × (floor requests/s ÷ 8 requests per journey): a journey of eight
GOV.UK pages, each checked and saved, at no less than 30% of what eight bare one-INSERT requests cost.

The gunicorn runner, the load loop and the HTTP client are benchmarks/consult_submit.py's. BENCH_REDIS_URL names
the Redis (default redis://127.0.0.1:6379/15); BENCH_CLIENTS and BENCH_DURATION as there. PostgreSQL only.
"""

import asyncio
import os
import re
import time

from sqlalchemy import func, select

from benchmarks import consult_submit as load
from benchmarks.common import Row, database_url, dispose, make_app, percentile
from benchmarks.cpu import CpuMeter

DEFAULT_REDIS = "redis://127.0.0.1:6379/15"
WARM_UP = float(os.environ.get("BENCH_WARM_UP", "5"))  # seconds of load before the counted run, for both servers
SLICES = int(os.environ.get("BENCH_SLICES", "4"))  # alternating slices of the run for the journeys and the floor
SHARE_OF_FLOOR = 0.3
PAGES = ["start", "GET about you", "POST it", "GET representation", "POST it", "GET check", "POST send", "confirmation"]
REFERENCE = re.compile(rb"Your reference<br><strong>(R-\d+)</strong>")
NAME = "deadline day: whole journeys (8 requests, CSRF on, Redis)"


def run(report) -> None:
    if database_url().startswith("sqlite"):
        report.skip(NAME, "PostgreSQL only (SQLite allows one writer)")
        return
    redis_url = os.environ.get("BENCH_REDIS_URL") or DEFAULT_REDIS
    problem = _redis_problem(redis_url)
    if problem:
        report.skip(NAME, f"Redis is needed: {problem}")
        return
    app = make_app()
    slug = load._prepare(app)
    dispose(app)
    port, bare_port = load._free_port(), load._free_port()
    shown: list[bytes] = []
    os.environ["BENCH_REDIS_URL"] = redis_url  # the served app and the RQ worker read it as they start
    try:
        with (
            load._gunicorn("benchmarks.consult_wsgi:engage_app", port, "/consult/") as server,
            load._rq_worker() as rq,
            load._gunicorn("benchmarks.consult_wsgi:bare_app", bare_port, "/ready") as bare_server,
        ):
            _wait_for_worker(redis_url)  # so that its start-up is not counted as CPU spent on the journeys
            result, bare = _interleaved(
                (server, rq, lambda client: _journey(port, slug, shown)),
                (bare_server, None, lambda client: load._bare(bare_port)),
            )
    finally:
        os.environ.pop("BENCH_REDIS_URL", None)
    floor = len(bare["totals"]) / bare["seconds"]
    _record(report, result, floor, _stored(shown))
    load._record_steps(report, result, PAGES)
    load._record(report, "bare Flask endpoint, one INSERT (the floor)", bare, target=False)


def _interleaved(*runs) -> list[dict]:
    """Each (server, RQ worker or None, journey) in turn, SLICES times for DURATION ÷ SLICES seconds each, after a
    warm-up of WARM_UP seconds each that is not counted; each run's slices added up. The machine's speed drifts by
    half from one minute to the next (the floor alone gave 665 to 1,188 requests/s on one afternoon), so the Engage
    journeys and the floor are measured in alternating slices, under the same conditions, rather than one after
    the other. The warm-up takes the workers past what only a process's first requests cost (each worker's first
    touches of the memory it shares with the master after the fork, its first connection and prepared statements),
    so both are measured in their steady state, as on deadline day afternoon."""
    for server, _, make_one in runs:
        asyncio.run(load._load(server.port, make_one, duration=WARM_UP))
    slices: list[list[dict]] = [[] for _ in runs]
    for _ in range(SLICES):
        for done, (server, rq, make_one) in zip(slices, runs, strict=True):
            meter = CpuMeter(server.process.pid, rq.process if rq else None)
            part = asyncio.run(load._load(server.port, make_one, duration=load.DURATION / SLICES))
            if rq:
                _drain()  # the worker's last acknowledgements are the journeys' CPU, not the floor's
            part["cpu"] = meter.stop()
            done.append(part)
    return [_added(parts) for parts in slices]


def _drain(seconds: float = 15) -> None:
    """Wait until the worker has sent every acknowledgement the journeys asked for."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(os.environ["BENCH_DATABASE_URL"], poolclass=NullPool)
    deadline = time.monotonic() + seconds
    try:
        with engine.connect() as connection:
            while connection.scalar(text("SELECT count(*) FROM acknowledgement_due")) and time.monotonic() < deadline:
                connection.commit()
                time.sleep(0.05)
    finally:
        engine.dispose()


def _added(parts: list[dict]) -> dict:
    """One run's slices as one: lists joined, seconds and CPU added, the client's share of a core averaged."""
    seconds = sum(part["seconds"] for part in parts)
    cpus = [part["cpu"] for part in parts]
    return {
        **{key: [item for part in parts for item in part[key]] for key in ("totals", "requests", "by_step", "errors")},
        "seconds": seconds,
        "client_cpu": sum(part["client_cpu"] * part["seconds"] for part in parts) / seconds,
        "cpu": {
            **{key: sum(cpu[key] for cpu in cpus) for key in ("app_ms", "worker_ms", "database_ms")},
            "machine_busy": sum(cpu["machine_busy"] for cpu in cpus) / len(cpus),
            "load": f"{cpus[0]['load'].split('–')[0]}–{cpus[-1]['load'].split('–')[-1]}",
        },
    }


def _redis_problem(url: str) -> str | None:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(url, socket_connect_timeout=2).ping()
    except RedisError as error:
        return f"{url} does not answer ({error})"
    return None


def _wait_for_worker(url: str, seconds: float = 90) -> None:
    from redis import Redis
    from rq import Queue, Worker

    connection = Redis.from_url(url)
    deadline = time.monotonic() + seconds
    while not Worker.all(queue=Queue("engage-bench", connection=connection)):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the RQ worker did not start within {seconds:.0f} s")
        time.sleep(0.2)


async def _journey(port: int, slug: str, shown: list[bytes]) -> list[float]:
    """One respondent's whole journey; each request's milliseconds. Raises on any surprise."""
    start = ("GET", f"/consult/{slug}", None, 200)
    timings, confirmation = await load._walk(port, [start, *load._submission_steps(slug)])
    reference = REFERENCE.search(confirmation)
    if reference is None:
        raise RuntimeError("the confirmation page showed no reference")
    shown.append(reference.group(1))
    return timings


def _stored(shown: list[bytes]) -> dict:
    """Confirmations shown against what the database holds."""
    from engage.extensions import db
    from engage.models import Representation, Respondent

    app = make_app()
    with app.app_context():
        stored = {respondent.reference for respondent in db.session.scalars(select(Respondent))}
        representations = db.session.scalar(select(func.count()).select_from(Representation))
    dispose(app)
    references = {reference.decode() for reference in shown}
    return {
        "shown": len(shown),
        "distinct": len(references),
        "stored": len(stored),
        "representations": representations,
        "lost": len(references - stored),
        "unconfirmed": len(stored - references),
    }


def _record(report, result: dict, floor: float, counts: dict) -> None:
    done, errors = len(result["totals"]), result["errors"]
    if not done:
        report._add(Row(report.module, report.database, NAME, "no completed journeys", "", False, str(errors[:1])))
        return
    rate = done / result["seconds"]
    target = SHARE_OF_FLOOR * floor / len(PAGES)
    requests = result["requests"]
    ok = rate >= target and not errors and counts["lost"] == 0 and counts["distinct"] == counts["shown"]
    cpu = result["cpu"]
    detail = (
        f"{done:,} journeys in {result['seconds']:.1f} s, {len(errors)} errors, {load.CLIENTS} clients; confirmations "
        f"shown {counts['shown']:,} ({counts['distinct']:,} different references), rows stored {counts['stored']:,} "
        f"respondents and {counts['representations']:,} representations, lost {counts['lost']}, stored without a "
        f"confirmation shown {counts['unconfirmed']}; per request p50 {percentile(requests, 50):.0f} ms, p99 "
        f"{percentile(requests, 99):.0f} ms; server CPU per journey: app and RQ worker {cpu['app_ms'] / done:.1f} ms "
        f"(of which the RQ worker {cpu['worker_ms'] / done:.1f} ms) "
        f"+ PostgreSQL {cpu['database_ms'] / done:.1f} ms; client CPU {result['client_cpu']:.0%} of a core; machine "
        f"{cpu['machine_busy']:.0%} busy (all processes), load average {cpu['load']}"
        + (f"; first error: {errors[0]}" if errors else "")
    )
    p50, p99 = percentile(result["totals"], 50), percentile(result["totals"], 99)
    report._add(
        Row(
            report.module,
            report.database,
            NAME,
            f"{rate:.1f} journeys/s; p50 {p50:.0f}, p99 {p99:.0f} ms",
            f"≥ {target:.1f}/s (0.3 × {floor:.0f}/s ÷ 8), 0 errors, 0 lost",
            ok,
            detail,
        )
    )
