"""Benchmark: opening-day load on the public response form, against gunicorn on PostgreSQL.

50 concurrent clients each make complete online responses, one after another, for DURATION seconds: POST about
you, POST one representation, POST "send" on the check-answers page (each answered with a redirect), carrying the
session cookie. Throughput counts complete submissions; latency is per complete submission (three requests) and
per request. In the same run, the same 50 clients POST to a bare Flask endpoint doing one INSERT (the floor).
Goal: ≥ 200 complete submissions/s, p99 ≤ 300 ms per submission, zero errors. Loopback only; bounded by time.
PostgreSQL only: SQLite allows one writer and is not what production runs.
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, text

from benchmarks.common import Row, database_url, dispose, make_app, percentile

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
DURATION = float(os.environ.get("BENCH_DURATION", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1))))
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
    with _gunicorn("benchmarks.consult_wsgi:engage_app", port, "/consult/"):
        result = asyncio.run(_load(port, lambda client: _submission(client, port, slug)))
    _record(report, "online submissions (3 requests each)", result, target=True)
    with _gunicorn("benchmarks.consult_wsgi:bare_app", port, "/ready"):
        bare = asyncio.run(_load(port, lambda client: _bare(port)))
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


class _gunicorn:
    """gunicorn on 127.0.0.1 for the length of a `with` block; waits until it answers, stops it after."""

    def __init__(self, target: str, port: int, probe: str):
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
            target,
        ]
        self.port, self.probe = port, probe

    def __enter__(self):
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=os.environ.copy())
        deadline = time.monotonic() + 90
        quick = 0
        while time.monotonic() < deadline and quick < 4 * WORKERS:  # every worker has loaded the app
            started = time.monotonic()
            try:
                status, _ = asyncio.run(_request(self.port, "GET", self.probe))
            except OSError:
                status = 0
            quick = quick + 1 if status == 200 and time.monotonic() - started < 0.5 else 0
            if not status:
                time.sleep(0.2)
        if quick < 4 * WORKERS:
            self.__exit__()
            raise RuntimeError("gunicorn did not become ready within 90 s")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def _request(port: int, method: str, path: str, body: str = "", cookie: str = "") -> tuple[int, str]:
    """One HTTP/1.1 request on a fresh loopback connection: (status, session cookie or "")."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", f"Content-Length: {len(body)}"]
    if body:
        head.append("Content-Type: application/x-www-form-urlencoded")
    if cookie:
        head.append(f"Cookie: session={cookie}")
    writer.write(("\r\n".join(head) + "\r\n\r\n" + body).encode())
    data = await reader.read()
    writer.close()
    headers = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(headers[0].split()[1])
    for line in headers[1:]:
        if line.lower().startswith("set-cookie: session="):
            return status, line.split("=", 1)[1].split(";", 1)[0]
    return status, cookie


async def _submission(client: dict, port: int, slug: str) -> list[float]:
    """A complete response; returns each request's milliseconds. Raises on any unexpected answer."""
    timings, cookie = [], ""
    steps = [
        (f"/consult/{slug}/respond/about-you", ABOUT),
        (f"/consult/{slug}/respond/representations/1", ITEM),
        (f"/consult/{slug}/respond/check", ""),
    ]
    for path, body in steps:
        started = time.perf_counter()
        status, cookie = await _request(port, "POST", path, body, cookie)
        timings.append((time.perf_counter() - started) * 1000)
        if status != 302:
            raise RuntimeError(f"{path} answered {status}")
    return timings


async def _bare(port: int) -> list[float]:
    started = time.perf_counter()
    status, _ = await _request(port, "POST", "/insert")
    if status != 201:
        raise RuntimeError(f"bare endpoint answered {status}")
    return [(time.perf_counter() - started) * 1000]


async def _load(port: int, make_one) -> dict:
    totals, requests, errors = [], [], []
    stop = time.perf_counter() + DURATION

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

    began = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(CLIENTS)))
    return {"totals": totals, "requests": requests, "errors": errors, "seconds": time.perf_counter() - began}


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
        f"{WORKERS} gunicorn workers; per request p50 {percentile(requests, 50):.0f} ms, "
        f"p99 {percentile(requests, 99):.0f} ms"
    )
    measured = f"{rate:.0f}/s; p50 {p50:.0f}, p95 {p95:.0f}, p99 {p99:.0f} ms"
    report._add(Row(report.module, report.database, name, measured, target_text, ok, detail))


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
