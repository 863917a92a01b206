"""Benchmark: the stakeholder register list page and the API list over 100,000 stakeholders, p95 within 100 ms, and
the whole register exported as CSV and XLSX (measured, no target).

Seeds the scratch database (BENCH_DATABASE_URL) with 100,000 stakeholders by bulk insert, then requests the list
the way officers use it (search, filter by register, category and authority, sort, page) through the Flask test
client with a signed-in session, and the same through `/api/v1/stakeholders` with a Bearer token. Every request
renders the real page, so template time counts. Run it alone with `.venv/bin/python -m benchmarks registers`.
"""

import os
import time

from benchmarks.common import dispose, make_app, seed_stakeholders, signed_in_client, time_ms

STAKEHOLDERS = int(os.environ.get("BENCH_STAKEHOLDERS", "100000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
TARGET_MS = 100

# (what an officer does, query string)
SCENARIOS = [
    ("first page, sorted by name", ""),
    ("search a surname", "q=patel"),
    ("search two words", "q=priya+ashworth"),
    ("search an exact email", "q=tom.khan.4242%40example.com"),
    ("filter by register", "register=statutory-consultees"),
    ("search + register + authority, page 2", "q=ash&register=general-consultees&authority=WBC&page=2"),
    ("filter by category, sort by recently updated", "category=resident&sort=-updated"),
    ("page 1,000 of everything", "page=1000"),
]


def run(report) -> None:
    app = make_app()
    with app.app_context():
        seconds = seed_stakeholders(STAKEHOLDERS)
    report(f"seed {STAKEHOLDERS:,} stakeholders (bulk insert)", seconds, "set-up, not a target")
    client, token = signed_in_client(app)
    _list_page(report, client)
    _api_list(report, client, token)
    _exports(report, client)
    dispose(app)


def _list_page(report, client) -> None:
    everything = []
    for label, query in SCENARIOS:
        response = client.get(f"/stakeholders/?{query}")
        if response.status_code != 200:
            report.skip(f"list page: {label}", f"/stakeholders/ answered {response.status_code}")
            continue
        samples = time_ms(lambda query=query: client.get(f"/stakeholders/?{query}"), REPEAT)
        everything += samples
        report.latency(f"list page: {label}", samples, TARGET_MS, _detail(query, samples))
    if everything:
        report.latency("list page: all of the above", everything, TARGET_MS, f"{len(everything)} requests")


def _api_list(report, client, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    probe = client.get("/api/v1/stakeholders?per_page=1", headers=headers)
    if probe.status_code != 200:
        report.skip("API list", f"/api/v1/stakeholders answered {probe.status_code}: not built yet?")
        return
    everything = []
    for label, query in SCENARIOS:
        url = f"/api/v1/stakeholders?{query}"
        samples = time_ms(lambda url=url: client.get(url, headers=headers), REPEAT)
        everything += samples
        report.latency(f"API list: {label}", samples, TARGET_MS, _detail(query, samples))
    report.latency("API list: all of the above", everything, TARGET_MS, f"{len(everything)} requests")


def _exports(report, client) -> None:
    """The whole register as each file, from sending the request to the last byte."""
    for file_format in ("csv", "xlsx"):
        started = time.perf_counter()
        response = client.get(f"/stakeholders/export.{file_format}", buffered=False)
        size = sum(len(chunk) for chunk in response.response)
        seconds = time.perf_counter() - started
        detail = f"{size / 1e6:.1f} MB file, HTTP {response.status_code}"
        report(f"export {STAKEHOLDERS:,} stakeholders as {file_format.upper()}", seconds, detail)


def _detail(query: str, samples: list[float]) -> str:
    return f"?{query} ({len(samples)} requests)" if query else f"50 per page ({len(samples)} requests)"


if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(["registers"])
