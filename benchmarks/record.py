"""The machine a run happened on, and the dated section each run appends to docs/performance.md."""

import os
import platform
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PERFORMANCE_MD = ROOT / "docs" / "performance.md"
INTRO = """# Performance

Measured by `make bench` (`python -m benchmarks`), which appends a section here on every run. Each benchmark
module runs on a scratch SQLite file and, when reachable, a scratch PostgreSQL database (`bench_engage`).

Targets:

- the stakeholder list page and `GET /api/v1/stakeholders` over 100,000 stakeholders: p95 ≤ 100 ms, with search,
  filters, sorting and paging (requests go through the Flask test client, so template rendering counts; no
  network or web server);
- importing 30,000 stakeholders from a CSV file: ≤ 10 s from upload to committed rows.

Run one module with `python -m benchmarks registers`; `--sqlite-only` skips PostgreSQL; `--no-record` leaves this
file alone.
"""


def _memory() -> str:
    try:
        with open("/proc/meminfo") as meminfo:
            kib = int(meminfo.readline().split()[1])
        return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def _postgres_version() -> str:
    try:
        out = subprocess.run(["psql", "--version"], capture_output=True, text=True, timeout=5, check=False)
        return out.stdout.strip().removeprefix("psql (PostgreSQL) ") or "not installed"
    except (OSError, subprocess.SubprocessError):
        return "not installed"


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True, timeout=5
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine_summary() -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs (load average {load} at the start), {_memory()} memory, "
        f"{platform.system()} {platform.machine()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"PostgreSQL {_postgres_version()} (client); commit {_commit()}"
    )


def append_to_performance_md(rows, notes: list[str]) -> Path:
    PERFORMANCE_MD.parent.mkdir(exist_ok=True)
    if not PERFORMANCE_MD.exists():
        PERFORMANCE_MD.write_text(INTRO)
    lines = [
        "",
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {machine_summary()}.",
        *[f"{note}." for note in notes],
        "",
        "| Benchmark | Database | Measured | Target | Verdict | Detail |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        detail = row.detail.replace("|", "\\|")
        lines.append(f"| {row.name} | {row.database} | {row.measured} | {row.target} | {row.verdict} | {detail} |")
    with PERFORMANCE_MD.open("a") as out:
        out.write("\n".join(lines) + "\n")
    return PERFORMANCE_MD
