"""Benchmark: opening-day load on the public response form, against gunicorn on PostgreSQL.

A complete submission is what a respondent's browser does, with CSRF on (production config): GET about you
(the form, a session cookie and its CSRF token), POST it; GET the representation form, POST one representation;
GET check your answers, POST send; GET the confirmation page. Seven requests; every POST must be answered with a
redirect and every GET with 200, carrying the session cookie. 50 concurrent clients make submissions one after
another for DURATION seconds. Throughput counts complete submissions; latency is per complete submission (seven
requests, no think time) and per request. In the same run, the same 50 clients POST to a bare Flask endpoint doing
one INSERT (the floor). Goal: ≥ 200 complete submissions/s, p99 ≤ 300 ms per submission, zero errors.

BENCH_FLOW=posts runs the first version's flow instead: three POSTs with CSRF off (testing config), for
comparison with earlier figures. The server is gunicorn with the committed gunicorn.conf.py (BENCH_WORKERS
overrides its worker count; WORKER_CLASS=gthread and GUNICORN_THREADS are passed on to it). The app runs inline
(no REDIS_URL) unless BENCH_REDIS_URL is set, in which case the acknowledgement email goes on that Redis queue and
one `flask worker --simple` (no fork per job) drains it during the run, on the same CPUs. Each step's latency is
reported too (a row of its own, same run). The submission rate limit stays on but is raised for the run (every
client shares the loopback address). The client is asyncio on one core; its CPU time is reported so a saturated
client shows. Loopback only; bounded by time. PostgreSQL only: SQLite allows one writer and is not what
production runs. BENCH_POSTGRES_URL (benchmarks/__main__.py) names the scratch database.
"""

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, text

from benchmarks.common import Row, database_url, dispose, make_app, percentile
from benchmarks.cpu import CpuMeter

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
DURATION = float(os.environ.get("BENCH_DURATION", "20"))
WORKERS = os.environ.get("BENCH_WORKERS", "")  # empty: gunicorn.conf.py decides
FLOW = os.environ.get("BENCH_FLOW", "full")
RATE_LIMIT = "1000000 per minute"
CSRF = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
TARGET_PER_SECOND, TARGET_P99_MS = 200, 300
ROOT = Path(__file__).resolve().parents[1]
ABOUT = "is_agent=no&first_name=Sam&last_name=Bench&email=sam%40example.com&postcode=WD17+1AB"
ITEM = (
    "part=Policy+SP1&nature=object&legally_compliant=yes&sound=no&dtc_compliant=not-specified"
    "&unsound_tests=justified&comment=The+housing+figure+is+not+justified.&wishes_to_be_heard=no&notify=adoption"
)


def run(report) -> None:
    if database_url().startswith("sqlite"):
        report._add(
            Row(
                report.module,
                report.database,
                "online submissions under load",
                "skipped",
                "",
                None,
                "PostgreSQL only (SQLite allows one writer)",
            )
        )
        return
    app = make_app()
    slug = _prepare(app)
    dispose(app)
    port = _free_port()
    target = "benchmarks.consult_wsgi:engage_app" if FLOW == "full" else "benchmarks.consult_wsgi:engage_testing_app"
    flow = _submission if FLOW == "full" else _posts
    with _gunicorn(target, port, "/consult/") as server, _rq_worker() as worker:
        meter = CpuMeter(server.process.pid, worker.process)
        result = asyncio.run(_load(port, lambda client: flow(client, port, slug)))
        result["cpu"] = meter.stop()
    name = "complete submissions (7 requests, CSRF on)" if FLOW == "full" else "online submissions (3 POSTs, CSRF off)"
    _record(report, name, result, target=True)
    _record_steps(report, result, STEPS if FLOW == "full" else POST_STEPS)
    with _gunicorn("benchmarks.consult_wsgi:bare_app", port, "/ready") as server:
        meter = CpuMeter(server.process.pid)
        bare = asyncio.run(_load(port, lambda client: _bare(port)))
        bare["cpu"] = meter.stop()
    _record(report, "bare Flask endpoint, one INSERT", bare, target=False)
    _check_counts(result)


def _prepare(app) -> str:
    from engage.consultations.services import create_consultation
    from engage.extensions import db
    from engage.models import utcnow

    with app.app_context():
        now = utcnow().replace(second=0, microsecond=0)
        create_consultation(
            {
                "slug": "bench",
                "title": "Benchmark publication",
                "stage": "reg-19",
                "published": True,
                "opens_at": now - timedelta(days=1),
                "closes_at": now + timedelta(days=1),
                "parts": [
                    {"ref": "Chapter 3", "title": "Strategy", "kind": "chapter"},
                    {"ref": "Policy SP1", "title": "Growth", "kind": "policy"},
                ],
            }
        )
        db.session.execute(
            text("CREATE TABLE bench_insert (id serial PRIMARY KEY, note text, created_at timestamptz DEFAULT now())")
        )
        db.session.commit()
    return "bench"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env() -> dict:
    """Production settings for the served app; the rate limit raised, email and Redis as the run asks."""
    return {
        **os.environ,
        "DATABASE_URL": os.environ["BENCH_DATABASE_URL"],
        "SECRET_KEY": "benchmark-secret-not-for-production",
        "CONSULT_SUBMIT_RATE_LIMIT": RATE_LIMIT,
        "CONSULT_SAVE_RATE_LIMIT": RATE_LIMIT,
        "REDIS_URL": _redis_url(),
        "JOBS_QUEUE": "engage-bench",
        "MAIL_SUPPRESS_SEND": "true",
    }


def _redis_url() -> str:
    """BENCH_REDIS_URL as it is when the server starts (benchmarks/deadline_day.py sets it for its run)."""
    return os.environ.get("BENCH_REDIS_URL", "")


class _gunicorn:
    """gunicorn (with gunicorn.conf.py) on 127.0.0.1 for a `with` block; waits until it answers, stops it after."""

    def __init__(self, target: str, port: int, probe: str):
        workers = ["--workers", WORKERS] if WORKERS else []
        self.command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), *workers]
        self.command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", target]
        self.port, self.probe = port, probe

    def __enter__(self):
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=_server_env())
        deadline = time.monotonic() + 90
        quick = 0
        while time.monotonic() < deadline and quick < 20:  # every worker has loaded the app and answers fast
            started = time.monotonic()
            try:
                status = asyncio.run(_request(self.port, "GET", self.probe))[0]
            except OSError:
                status = 0
            quick = quick + 1 if status == 200 and time.monotonic() - started < 0.5 else 0
            if not status:
                time.sleep(0.2)
        if quick < 20:
            self.__exit__()
            raise RuntimeError("gunicorn did not become ready within 90 s")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


class _rq_worker:
    """With BENCH_REDIS_URL, one `flask worker --simple` draining the email queue during the run (same CPUs)."""

    def __enter__(self):
        self.process = None
        if _redis_url():
            command = [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--simple"]
            self.process = subprocess.Popen(command, cwd=ROOT, env={**_server_env(), "ENGAGE_CONFIG": "production"})
        return self

    def __exit__(self, *exc):
        if self.process:
            time.sleep(2)  # let it finish the queue's tail
            self.process.terminate()
            self.process.wait(timeout=20)


async def _request(port: int, method: str, path: str, body: str = "", cookie: str = "") -> tuple[int, str, bytes]:
    """One HTTP/1.1 request on a fresh loopback connection: (status, session cookie, body)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", f"Content-Length: {len(body)}"]
    if body:
        head.append("Content-Type: application/x-www-form-urlencoded")
    if cookie:
        head.append(f"Cookie: session={cookie}")
    writer.write(("\r\n".join(head) + "\r\n\r\n" + body).encode())
    data = await reader.read()
    writer.close()
    raw_head, _, content = data.partition(b"\r\n\r\n")
    headers = raw_head.decode("latin-1").split("\r\n")
    status = int(headers[0].split()[1])
    for line in headers[1:]:
        if line.lower().startswith("set-cookie: session="):
            return status, line.split("=", 1)[1].split(";", 1)[0], content
    return status, cookie, content


STEPS = ["GET about you", "POST it", "GET representation", "POST it", "GET check", "POST send", "GET confirmation"]
POST_STEPS = ["POST about you", "POST representation", "POST send"]


async def _submission(client: dict, port: int, slug: str) -> list[float]:
    """A complete response as a browser makes it; returns each request's milliseconds. Raises on any surprise."""
    return (await _walk(port, _submission_steps(slug)))[0]


def _submission_steps(slug: str) -> list[tuple[str, str, str | None, int]]:
    """(method, path, form fields or None, expected status) of a complete response."""
    base = f"/consult/{slug}/respond"
    return [
        ("GET", f"{base}/about-you", None, 200),
        ("POST", f"{base}/about-you", ABOUT, 302),
        ("GET", f"{base}/representations/1", None, 200),
        ("POST", f"{base}/representations/1", ITEM, 302),
        ("GET", f"{base}/check", None, 200),
        ("POST", f"{base}/check", "", 302),
        ("GET", f"{base}/confirmation", None, 200),
    ]


async def _walk(port: int, steps: list) -> tuple[list[float], bytes]:
    """The requests in turn with one session cookie, each POST carrying the CSRF token of the first page that had
    one; each request's milliseconds and the last page. Raises on any surprise."""
    timings, cookie, token, content = [], "", "", b""
    for method, path, fields, expected in steps:
        body = "" if fields is None else "&".join(filter(None, [f"csrf_token={token}", fields]))
        started = time.perf_counter()
        status, cookie, content = await _request(port, method, path, body, cookie)
        timings.append((time.perf_counter() - started) * 1000)
        if status != expected:
            raise RuntimeError(f"{method} {path} answered {status}")
        if method == "GET" and not token and (found := CSRF.search(content)):
            token = (found.group(1) or found.group(2)).decode()
    return timings, content


async def _posts(client: dict, port: int, slug: str) -> list[float]:
    """The first version's flow: three POSTs, CSRF off; returns each request's milliseconds."""
    timings, cookie = [], ""
    steps = [
        (f"/consult/{slug}/respond/about-you", ABOUT),
        (f"/consult/{slug}/respond/representations/1", ITEM),
        (f"/consult/{slug}/respond/check", ""),
    ]
    for path, body in steps:
        started = time.perf_counter()
        status, cookie, _ = await _request(port, "POST", path, body, cookie)
        timings.append((time.perf_counter() - started) * 1000)
        if status != 302:
            raise RuntimeError(f"{path} answered {status}")
    return timings


async def _bare(port: int) -> list[float]:
    started = time.perf_counter()
    status = (await _request(port, "POST", "/insert"))[0]
    if status != 201:
        raise RuntimeError(f"bare endpoint answered {status}")
    return [(time.perf_counter() - started) * 1000]


async def _load(port: int, make_one, duration: float | None = None) -> dict:
    totals, requests, errors, by_step = [], [], [], []
    stop = time.perf_counter() + (DURATION if duration is None else duration)

    async def client_loop():
        client: dict = {}
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                timings = await make_one(client)
            except Exception as error:  # count it and go on: the run reports every error
                errors.append(str(error))
                continue
            totals.append((time.perf_counter() - started) * 1000)
            requests.extend(timings)
            by_step.append(timings)

    began, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(client_loop() for _ in range(CLIENTS)))
    seconds = time.perf_counter() - began
    client_cpu = (time.process_time() - cpu) / seconds
    return {
        "totals": totals,
        "requests": requests,
        "by_step": by_step,
        "errors": errors,
        "seconds": seconds,
        "client_cpu": client_cpu,
    }


def _record(report, name: str, result: dict, target: bool) -> None:
    totals, done = result["totals"], len(result["totals"])
    rate = done / result["seconds"]
    if not totals:
        report._add(
            Row(
                report.module,
                report.database,
                name,
                "no completed requests",
                "",
                False,
                f"{len(result['errors'])} errors: {result['errors'][:1]}",
            )
        )
        return
    p50, p95, p99 = (percentile(totals, pct) for pct in (50, 95, 99))
    ok = None
    target_text = ""
    if target:
        ok = rate >= TARGET_PER_SECOND and p99 <= TARGET_P99_MS and not result["errors"]
        target_text = f"≥ {TARGET_PER_SECOND}/s, p99 ≤ {TARGET_P99_MS} ms, 0 errors"
    requests = result["requests"]
    detail = (
        f"{done:,} in {result['seconds']:.1f} s, {len(result['errors'])} errors, {CLIENTS} clients, "
        f"gunicorn workers {WORKERS or 'from gunicorn.conf.py'}; per request p50 {percentile(requests, 50):.0f} ms, "
        f"p99 {percentile(requests, 99):.0f} ms; client CPU {result['client_cpu']:.0%} of a core"
        + _cpu_text(result, done)
        + (f"; first error: {result['errors'][0]}" if result["errors"] else "")
    )
    measured = f"{rate:.0f}/s; p50 {p50:.0f}, p95 {p95:.0f}, p99 {p99:.0f} ms"
    report._add(Row(report.module, report.database, name, measured, target_text, ok, detail))


def _cpu_text(result: dict, done: int) -> str:
    cpu = result.get("cpu")
    if not cpu or not done:
        return ""
    return (
        f"; server CPU each: app {cpu['app_ms'] / done:.1f} ms + PostgreSQL {cpu['database_ms'] / done:.1f}"
        f" ms; machine {cpu['machine_busy']:.0%} busy (all processes), load average {cpu['load']}"
    )


def _record_steps(report, result: dict, names: list[str]) -> None:
    """Each request of the completed submissions on its own: p50 / p99 ms, from the same run."""
    if not result["by_step"]:
        return
    columns = list(zip(*result["by_step"], strict=True))
    parts = [
        f"{name} {percentile(list(times), 50):.0f} / {percentile(list(times), 99):.0f}"
        for name, times in zip(names, columns, strict=True)
    ]
    report._add(Row(report.module, report.database, "each step, p50 / p99 ms (same run)", "; ".join(parts)))


def _check_counts(result: dict) -> None:
    """Every completed submission made exactly one respondent and one representation."""
    from engage.extensions import db
    from engage.models import Representation, Respondent

    app = make_app()
    with app.app_context():
        respondents = db.session.scalar(select(func.count()).select_from(Respondent))
        representations = db.session.scalar(select(func.count()).select_from(Representation))
    dispose(app)
    if respondents != len(result["totals"]) or representations != respondents:
        raise AssertionError(
            f"{len(result['totals'])} submissions made {respondents} respondents and {representations} representations"
        )
