"""`make bench`: run every benchmark module on a scratch SQLite file and, when reachable, a scratch PostgreSQL
database, print a table and append a dated section to docs/performance.md.

    python -m benchmarks [MODULE ...] [--sqlite-only] [--no-record]

BENCH_POSTGRES_URL names the scratch PostgreSQL database (default postgresql://postgres@127.0.0.1:5432/bench_engage);
it is dropped and created again before each module, so never point it at data you want to keep.
"""

import argparse
import importlib
import os
import pkgutil
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from benchmarks import common
from benchmarks.record import append_to_performance_md, machine_summary

HERE = Path(__file__).resolve().parent
NOT_BENCHMARKS = {"common", "record"}
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/bench_engage"


def discover() -> list[str]:
    """Modules here that define run(report); helpers without it are left alone."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules([str(HERE)])
        if not info.name.startswith("_")
        and info.name not in NOT_BENCHMARKS
        and "\ndef run(" in (HERE / f"{info.name}.py").read_text()
    )


def postgres_target() -> tuple[str | None, str]:
    """The scratch PostgreSQL URL and its server version, or None and the reason it cannot be used."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from engage.config import _database_url

    url = make_url(_database_url_for(os.environ.get("BENCH_POSTGRES_URL") or DEFAULT_POSTGRES, _database_url))
    engine = create_engine(url.set(database="postgres"), connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            version = connection.scalar(text("SHOW server_version"))
    except SQLAlchemyError as error:
        return None, f"unreachable at {url.host}:{url.port or 5432} ({str(error.orig or error).splitlines()[0]})"
    finally:
        engine.dispose()
    return url.render_as_string(hide_password=False), f"PostgreSQL server {version}, scratch database {url.database}"


def _database_url_for(url: str, normalise) -> str:
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        return normalise("")
    finally:
        if previous is None:
            del os.environ["DATABASE_URL"]
        else:
            os.environ["DATABASE_URL"] = previous


def fresh_database(label: str, postgres_url: str | None, module: str, scratch: Path) -> str:
    """An empty scratch database for one module: a new SQLite file, or the PostgreSQL one dropped and created."""
    if label == "SQLite":
        return f"sqlite:///{scratch / f'{module}.sqlite'}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url)
    engine = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    engine.dispose()
    return postgres_url


def run_module(name: str, label: str, url: str) -> common.Report:
    report = common.Report(module=name, database=label)
    os.environ["BENCH_DATABASE_URL"] = url
    print(f"\n== {name} on {label}", flush=True)
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"benchmarks.{name}")
        if not hasattr(module, "run"):
            report.skip(name, "the module has no run(report)")
        else:
            module.run(report)
    except Exception as error:  # one broken benchmark must not hide the others' results
        traceback.print_exc()
        report.skip(f"{name} (failed)", f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")
    finally:
        os.environ.pop("BENCH_DATABASE_URL", None)
    print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return report


def print_table(rows: list[common.Row]) -> None:
    width = max(len(row.name) for row in rows)
    print(f"\n{'Benchmark':<{width}}  {'Database':<10}  {'Measured':<26}  {'Target':<14}  Verdict")
    for row in rows:
        print(f"{row.name:<{width}}  {row.database:<10}  {row.measured:<26}  {row.target:<14}  {row.verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"which to run (default all: {', '.join(discover())})")
    parser.add_argument("--sqlite-only", action="store_true", help="skip the PostgreSQL pass")
    parser.add_argument("--no-record", action="store_true", help="do not append the results to docs/performance.md")
    args = parser.parse_args(argv)
    modules = args.modules or discover()
    unknown = set(modules) - set(discover())
    if unknown:
        parser.error(f"no benchmark module called {', '.join(sorted(unknown))}")

    scratch = Path(tempfile.mkdtemp(prefix="engage-bench-"))  # of this run alone: runs may overlap
    targets = [("SQLite", None)]
    notes = []
    postgres_url, reason = (None, "--sqlite-only") if args.sqlite_only else postgres_target()
    if postgres_url:
        targets.append(("PostgreSQL", postgres_url))
        notes.append(reason)
    else:
        notes.append(f"PostgreSQL pass skipped: {reason}")
        print(f"PostgreSQL pass skipped: {reason}")
    print(machine_summary())

    rows = []
    for label, pg_url in targets:
        for name in modules:
            rows += run_module(name, label, fresh_database(label, pg_url, name, scratch)).rows
    print_table(rows)
    if not args.no_record:
        path = append_to_performance_md(rows, notes)
        print(f"\nRecorded in {path.relative_to(HERE.parent)}")
    shutil.rmtree(scratch, ignore_errors=True)
    missed = [row for row in rows if row.ok is False]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
