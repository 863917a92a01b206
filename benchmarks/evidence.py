"""Benchmark: the co-operation (DtC) table exported as CSV, XLSX and DOCX over 20,000 engagements and 50,000
representations, each within 5 s and 300 MB peak memory, next to PostgreSQL's own COPY of the same rows (the floor).

Seeds the scratch database (BENCH_DATABASE_URL) by bulk insert: a plan with stages, 150 bodies (co-operation
bodies, neighbours and others) with 400 officers, 5,000 residents, 20,000 engagements (85% held, 1–4 attendees,
1–3 matters, 0–2 actions), 3 consultations with invitations, 20,000 respondents and 50,000 representations. Each
export is then requested through the Flask test client with a Bearer token in a fresh child process, so the
child's peak resident memory (ru_maxrss, interpreter and app included) is the figure reported; the time is the
request alone, from sending it to the last byte. The "full set" is `scope=all` (every row); the default scope
(co-operation bodies) is measured too.

Runner contract: `run(report)` (benchmarks/__main__.py). Alone: `.venv/bin/python -m benchmarks.evidence`
(SQLite under /tmp, or BENCH_DATABASE_URL).
"""

import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, select, text

from benchmarks.common import Row, database_url, dispose, make_app, signed_in_client

ENGAGEMENTS = int(os.environ.get("BENCH_DTC_ENGAGEMENTS", "20000"))
REPRESENTATIONS = int(os.environ.get("BENCH_DTC_REPRESENTATIONS", "50000"))
TARGET_SECONDS = 5.0
TARGET_MB = 300
EXPORTS = [("csv", "scope=all"), ("xlsx", "scope=all"), ("docx", "scope=all"), ("xlsx", "")]
VOCABULARY = (
    "housing need unmet distribution green belt review transport corridor junction capacity school places "
    "health centre water supply sewerage flood risk sequential test employment land town centre viability "
    "biodiversity net gain heritage setting air quality minerals waste infrastructure delivery evidence base"
)
WORDS = VOCABULARY.split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _ids(model, column, values) -> list[int]:
    from engage.extensions import db

    return list(db.session.scalars(select(model.id).where(column.in_(values))))


def seed(engagements: int = ENGAGEMENTS, representations: int = REPRESENTATIONS, seed_value: int = 2026) -> dict:
    """Bulk-insert the record described in the module docstring; returns how many of each were added."""
    from engage.extensions import db
    from engage.models import Authority, Plan, PlanStage, StrategicMatter

    rng = random.Random(seed_value)
    plan = db.session.scalar(select(Plan).where(Plan.slug == "bench-plan"))
    if plan is None:
        plan = Plan(slug="bench-plan", name="Benchmark joint strategic plan", route="legacy")
        stages = [("reg-18", date(2025, 1, 6)), ("reg-19", date(2026, 1, 5)), ("submission", date(2026, 9, 1))]
        plan.stages = [PlanStage(slug=s, name=s.title(), starts_on=d, position=i) for i, (s, d) in enumerate(stages)]
        db.session.add(plan)
        db.session.commit()
    authorities = list(db.session.scalars(select(Authority.id)))
    matters = list(db.session.scalars(select(StrategicMatter.id)))
    bodies, people = _seed_stakeholders(rng)
    _seed_engagements(rng, engagements, plan, authorities, matters, bodies, people)
    consultations = _seed_consultations(rng, plan, bodies, people)
    _seed_representations(rng, representations, consultations, bodies)
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        for table in ("stakeholder", "engagement", "respondent", "representation", "invitation", "engagement_action"):
            db.session.execute(text(f"SELECT setval('{table}_id_seq', (SELECT coalesce(max(id), 1) FROM {table}))"))
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    return {"engagements": engagements, "representations": representations}


def _insert(model_or_table, rows: list[dict], batch: int = 5000) -> None:
    from engage.extensions import db

    for start in range(0, len(rows), batch):
        db.session.execute(insert(model_or_table), rows[start : start + batch])


def _seed_stakeholders(rng: random.Random) -> tuple[list[int], list[int]]:
    """150 organisations (100 co-operation bodies), 400 officers in them and 5,000 residents."""
    from engage.extensions import db
    from engage.models import Category, Register, Stakeholder, register_membership, stakeholder_category
    from engage.models.types import utcnow

    start = (db.session.scalar(select(db.func.max(Stakeholder.id))) or 0) + 1
    categories = dict(db.session.execute(select(Category.slug, Category.id)).all())
    registers = dict(db.session.execute(select(Register.slug, Register.id)).all())
    now = utcnow()
    rows, tags, members = [], [], []
    bodies = list(range(start, start + 150))
    for number, body_id in enumerate(bodies):
        name = f"Body {number} {'Council' if number % 3 == 0 else 'Agency'}"
        rows.append({"id": body_id, "kind": "organisation", "organisation_name": name, "sort_name": name.lower()})
        if number < 40:
            tags += [(body_id, "dtc-prescribed-body"), (body_id, "specific-consultation-body")]
            members.append((body_id, "statutory-consultees"))
        elif number < 100:
            tags.append((body_id, "neighbouring-authority"))
            members.append((body_id, "neighbouring-authorities"))
        else:
            members.append((body_id, "strategic-stakeholders"))
    people = list(range(start + 150, start + 150 + 400 + 5000))
    for number, person_id in enumerate(people):
        organisation = bodies[number % 150] if number < 400 else None
        last = f"Person{number}"
        rows.append(
            {"id": person_id, "kind": "person", "first_name": "Alex", "last_name": last, "sort_name": f"{last} alex"}
        )
        rows[-1]["organisation_id"] = organisation
        if organisation is None:
            tags.append((person_id, "resident"))
    for row in rows:
        row.setdefault("organisation_id", None)
        row.update(created_at=now, updated_at=now, search_text=row["sort_name"])
    _insert(Stakeholder, rows)
    _insert(stakeholder_category, [{"stakeholder_id": s, "category_id": categories[c]} for s, c in tags])
    _insert(register_membership, [{"stakeholder_id": s, "register_id": registers[r]} for s, r in members])
    return bodies, people


def _seed_engagements(rng, count, plan, authorities, matters, bodies, people) -> None:
    from engage.extensions import db
    from engage.models import Action, Engagement, engagement_matter, engagement_stakeholder

    start = (db.session.scalar(select(db.func.max(Engagement.id))) or 0) + 1
    first_day = datetime(2025, 1, 6, 9, tzinfo=UTC)
    stages = {s.slug: s.id for s in plan.stages}
    rows, attendees, topics, actions = [], [], [], []
    for offset in range(count):
        engagement_id = start + offset
        when = first_day + timedelta(minutes=rng.randrange(0, 60 * 24 * 640))
        stage = "reg-18" if when.date() < date(2026, 1, 5) else "reg-19" if when.date() < date(2026, 9, 1) else None
        roll = rng.random()
        rows.append(
            {
                "id": engagement_id,
                "plan_id": plan.id,
                "title": f"Liaison meeting {offset}",
                "kind": rng.choice(("meeting", "workshop", "call", "email", "briefing")),
                "status": "held" if roll < 0.85 else "planned" if roll < 0.95 else "cancelled",
                "starts_at": when,
                "lead_authority_id": rng.choice(authorities),
                "level": rng.choice(("officer", "senior-officer", "member")),
                "plan_stage_id": stages.get(stage or "submission"),
                "summary": _text(rng, 25),
                "outcome": _text(rng, 12),
                "agreement": rng.choice(("agreed", "not-agreed", "ongoing", "no-response", "n-a")),
                "influence_on_plan": _text(rng, 8) if rng.random() < 0.4 else "",
                "evidence_url": f"https://evidence.example.org/minutes/{engagement_id}.pdf" if roll < 0.5 else "",
                "created_at": when,
                "updated_at": when,
            }
        )
        chosen = set(rng.sample(bodies, rng.randint(1, 2))) | set(rng.sample(people, rng.randint(0, 2)))
        attendees += [{"engagement_id": engagement_id, "stakeholder_id": s} for s in chosen]
        topics += [{"engagement_id": engagement_id, "matter_id": m} for m in rng.sample(matters, rng.randint(1, 3))]
        for _ in range(rng.choice((0, 0, 1, 2))):
            actions.append(
                {
                    "engagement_id": engagement_id,
                    "description": _text(rng, 8),
                    "owner_authority_id": rng.choice(authorities),
                    "due_on": (when + timedelta(days=28)).date(),
                    "status": "open",
                    "created_at": when,
                    "updated_at": when,
                }
            )
    _insert(Engagement, rows)
    _insert(engagement_stakeholder, attendees)
    _insert(engagement_matter, topics)
    _insert(Action, actions)


def _seed_consultations(rng, plan, bodies, people) -> list[int]:
    from engage.extensions import db
    from engage.models import Consultation, Invitation

    ids = []
    for number, (stage, opens) in enumerate(
        (("reg-18", datetime(2025, 3, 3, tzinfo=UTC)), ("reg-19", datetime(2026, 1, 5, tzinfo=UTC)))
    ):
        consultation = Consultation(
            plan_id=plan.id,
            slug=f"bench-{number}-{stage}",
            title=f"Benchmark {stage} consultation",
            stage=stage,
            opens_at=opens,
            closes_at=opens + timedelta(days=42),
            published=True,
        )
        db.session.add(consultation)
        db.session.flush()
        ids.append(consultation.id)
        invited = bodies + people[:2000]
        _insert(
            Invitation,
            [
                {
                    "consultation_id": consultation.id,
                    "stakeholder_id": s,
                    "method": "email",
                    "status": "sent",
                    "sent_at": opens,
                    "created_at": opens,
                    "details": {},
                }
                for s in invited
            ],
        )
    return ids


def _seed_representations(rng, count, consultations, bodies) -> None:
    from engage.extensions import db
    from engage.models import Consultation, Representation, Respondent

    start_respondent = (db.session.scalar(select(db.func.max(Respondent.id))) or 0) + 1
    opens = dict(
        db.session.execute(
            select(Consultation.id, Consultation.opens_at).where(Consultation.id.in_(consultations))
        ).all()
    )
    respondents, representations = [], []
    number_of_respondents = max(1, count * 2 // 5)
    for offset in range(number_of_respondents):
        consultation_id = consultations[offset % len(consultations)]
        linked = bodies[offset % len(bodies)] if offset % 20 == 0 else None
        respondents.append(
            {
                "id": start_respondent + offset,
                "consultation_id": consultation_id,
                "stakeholder_id": linked,
                "first_name": "Sam",
                "last_name": f"Respondent{offset}",
                "organisation": "",
                "created_at": opens[consultation_id],
            }
        )
    for offset in range(count):
        respondent = respondents[offset % number_of_respondents]
        received = respondent["created_at"] + timedelta(minutes=rng.randrange(0, 60 * 24 * 41))
        representations.append(
            {
                "consultation_id": respondent["consultation_id"],
                "respondent_id": respondent["id"],
                "number": offset // number_of_respondents + 1,
                "received_at": received,
                "channel": "online",
                "nature": rng.choice(("support", "object", "comment")),
                "sound": rng.choice(("yes", "no", "not-specified")),
                "unsound_tests": ["justified"],
                "comment": _text(rng, 40),
                "notify": [],
                "answers": {},
                "created_at": received,
            }
        )
    _insert(Respondent, respondents)
    _insert(Representation, representations)


def _export_in_child(url: str, token: str, file_format: str, query: str) -> tuple[dict, int]:
    """Run one export in a fresh interpreter; returns its report and its peak resident memory in MB."""
    env = {**os.environ, "BENCH_DATABASE_URL": url}
    args = [sys.executable, "-m", "benchmarks.evidence", "--child", file_format, query, token]
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"the {file_format} export child failed ({process.returncode})")
    return json.loads(output.strip().splitlines()[-1]), usage.ru_maxrss // 1024


def child(file_format: str, query: str, token: str) -> None:
    """Inside the child: one request for the file, timed to its last byte; prints a JSON line."""
    from engage import create_app

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=os.environ["BENCH_DATABASE_URL"], REDIS_URL=None)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    started = time.perf_counter()
    with app.app_context():
        response = client.get(f"/evidence/dtc-table.{file_format}?{query}", headers=headers, buffered=False)
        size = sum(len(chunk) for chunk in response.response)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "bytes": size, "status": response.status_code}))


def copy_floor(report, url: str) -> None:
    """PostgreSQL writing the same rows itself: COPY (the table's query, details aggregated in SQL) TO STDOUT."""
    from sqlalchemy import create_engine

    from benchmarks.evidence_sql import COPY_SQL

    engine = create_engine(url)
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        raw.execute("SET jit = off")  # JIT compiling this big query costs ~2.5 s, more than running it
        started = time.perf_counter()
        size = 0
        with raw.cursor() as cursor, cursor.copy(f"COPY ({COPY_SQL}) TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
            for data in copy:
                size += len(data)
        seconds = time.perf_counter() - started
    engine.dispose()
    detail = f"{size / 1e6:.1f} MB written, jit off"
    report("COPY of the same rows to CSV (PostgreSQL floor)", seconds, detail)


def run(report) -> None:
    from engage.evidence.dtc import rows as dtc
    from engage.extensions import db

    app = make_app()
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    with app.app_context():
        started = time.perf_counter()
        seed()
        report(f"seed {ENGAGEMENTS:,} engagements, {REPRESENTATIONS:,} representations", time.perf_counter() - started)
        rows_all = dtc.count_rows(dtc.DtcFilters(scope="all"))
        rows_default = dtc.count_rows(dtc.DtcFilters())
        dialect = db.engine.dialect.name
    _, token = signed_in_client(app)
    dispose(app)
    for file_format, query in EXPORTS:
        rows = rows_all if query else rows_default
        label = f"{file_format.upper()} export, {'all' if query else 'co-operation bodies'} ({rows:,} rows)"
        result, peak_mb = _export_in_child(url, token, file_format, query)
        detail = f"{result['bytes'] / 1e6:.1f} MB file, HTTP {result['status']}"
        report(label, result["seconds"], detail, target_seconds=TARGET_SECONDS)
        report._add(
            Row(
                report.module,
                report.database,
                f"{label}: peak memory",
                f"{peak_mb} MB",
                f"≤ {TARGET_MB} MB",
                peak_mb <= TARGET_MB,
            )
        )
    if dialect == "postgresql":
        copy_floor(report, url)
    else:
        report.skip("COPY of the same rows (PostgreSQL floor)", "PostgreSQL only")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:5])
    else:
        from benchmarks.common import Report

        os.environ.setdefault("BENCH_DATABASE_URL", database_url())
        run(Report("evidence", "PostgreSQL" if "postgres" in os.environ["BENCH_DATABASE_URL"] else "SQLite"))
