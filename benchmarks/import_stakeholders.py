"""Benchmark: import 30,000 stakeholders from a CSV file, the way the import pages do, within 10 seconds.

Contract with the runner (`make bench`, benchmarks/__main__.py):

    run(report) -> None
        report(name: str, seconds: float, detail: str) is called once per measured step;
        the last call, "import 30,000 rows (total)", is the figure with the 10-second budget.

It needs no server: it makes an app over BENCH_DATABASE_URL (default: a new SQLite file under /tmp), creates the
tables, loads reference data, and times reading the file, checking the rows (the preview) and the import job
(inline, as without Redis). It adds 30,000 stakeholders to that database each run, so point BENCH_DATABASE_URL
only at a throwaway database. Run it alone with
`.venv/bin/python -m benchmarks.import_stakeholders`.
"""

import io
import os
import tempfile
import time
from collections.abc import Callable

ROWS = 30_000
BUDGET_SECONDS = 10.0
REGISTERS = ("general-consultees", "strategic-stakeholders", "statutory-consultees")


def make_csv(rows: int = ROWS) -> bytes:
    """A realistic file: semicolons, a byte order mark, every tenth row an organisation, some rows invalid."""
    out = io.StringIO()
    out.write("Title;First name;Surname;Organisation name;Email address;Postcode;Registers;Categories;Notes\r\n")
    for n in range(rows):
        register = REGISTERS[n % len(REGISTERS)]
        if n % 10 == 0:
            out.write(f";;;Residents Association {n};ra{n}@example.org;WD17 1AA;{register};community-group;\r\n")
        elif n % 500 == 1:
            out.write(f"Mx;Broken;Row{n};;not-an-email;;{register};resident;bad email\r\n")
        else:
            out.write(f"Ms;Person{n};Surname{n};;person{n}@example.com;AL1 3JE;{register};resident;\r\n")
    return b"\xef\xbb\xbf" + out.getvalue().encode()


def run(report: Callable[[str, float, str], None]) -> None:
    from engage import create_app
    from engage.extensions import db
    from engage.models import Job, Stakeholder
    from engage.seeds.reference import load_reference
    from engage.stakeholders import imports

    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench-import.sqlite"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, REDIS_URL=None)
    data = make_csv()
    with app.app_context():
        db.create_all()
        load_reference()
        existing = db.session.scalar(db.select(db.func.count(Stakeholder.id)))
        started = time.perf_counter()
        job = imports.create_import("bench.csv", data)
        job.params = {**job.params, "mapped": True}
        db.session.commit()
        read = time.perf_counter()
        report("read and store the upload", read - started, f"{ROWS:,} rows, {len(data) / 1e6:.1f} MB")
        check = imports.check_job(job)
        checked = time.perf_counter()
        report("check every row (preview)", checked - read, f"{len(check.valid):,} valid, {len(check.invalid):,} not")
        job_id = job.id
        before, cpu_before = time.perf_counter(), time.process_time()
        imports.start_import(job)
        done, cpu = time.perf_counter(), time.process_time() - cpu_before
        job = db.session.get(Job, job_id)
        imported = db.session.scalar(db.select(db.func.count(Stakeholder.id))) - existing
        detail = f"{job.status}, {imported:,} stakeholders, {cpu:.2f} s of CPU in this process"
        report("import job (check again, insert, commit)", done - before, detail)
        total = done - started
        verdict = "within" if total <= BUDGET_SECONDS else "OVER"
        database = url.split(":")[0]
        report(f"import {ROWS:,} rows (total)", total, f"{verdict} the {BUDGET_SECONDS:.0f} s budget ({database})")
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    run(lambda name, seconds, detail: print(f"{name:<45} {seconds:7.2f} s  {detail}"))
