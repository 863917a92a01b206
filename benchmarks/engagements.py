"""Benchmark: the engagement list, the month calendar and a stakeholder's history over 20,000 engagements and
100,000 stakeholders, p95 within 150 ms.

Seeds the scratch database (BENCH_DATABASE_URL) with 100,000 stakeholders (benchmarks.common) and 20,000
engagements over the demo plan's two years (1–4 attendees, 1–3 strategic matters, 0–2 actions each; a few
well-known bodies attend far more often than anyone else, like Natural England in real life). Requests go through
the Flask test client with a signed-in officer, so template time counts. Run it alone with
`.venv/bin/python -m benchmarks engagements`.
"""

import os
import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, select

from benchmarks.common import dispose, make_app, seed_stakeholders, signed_in_client, time_ms

STAKEHOLDERS = int(os.environ.get("BENCH_STAKEHOLDERS", "100000"))
ENGAGEMENTS = int(os.environ.get("BENCH_ENGAGEMENTS", "20000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
TARGET_MS = 150
FREQUENT = 20  # stakeholders who attend about a fifth of all engagements between them

LIST_SCENARIOS = [
    ("list: first page, newest first", ""),
    ("list: filter by authority", "authority=DBC"),
    ("list: filter by matter and status", "matter=green-belt&status=held"),
    ("list: filter by register", "register=statutory-consultees"),
    ("list: date range, page 3", "from=2026-04-01&to=2026-09-30&page=3"),
    ("list: page 200 of everything", "page=200"),
]
CALENDAR_SCENARIOS = [
    ("calendar: busiest month", "month=2026-06"),
    ("calendar: month filtered by authority", "month=2026-06&authority=WBC"),
]


def run(report) -> None:
    import time

    app = make_app()
    with app.app_context():
        seconds = seed_stakeholders(STAKEHOLDERS)
        started = time.perf_counter()
        frequent, ordinary = seed_engagements(ENGAGEMENTS)
        seeded = time.perf_counter() - started
    report(f"seed {STAKEHOLDERS:,} stakeholders (bulk insert)", seconds, "set-up, not a target")
    report(f"seed {ENGAGEMENTS:,} engagements", seeded, "set-up, not a target")
    client, _ = signed_in_client(app)
    _pages(report, client, "/engagements/", LIST_SCENARIOS)
    _pages(report, client, "/engagements/calendar", CALENDAR_SCENARIOS)
    _pages(
        report,
        client,
        "/stakeholders/",
        [
            ("stakeholder history: a body at many engagements", f"{frequent}"),
            ("stakeholder history: an ordinary stakeholder", f"{ordinary}"),
        ],
        path_style=True,
    )
    dispose(app)


def _pages(report, client, base: str, scenarios, path_style: bool = False) -> None:
    for label, query in scenarios:
        url = f"{base}{query}" if path_style else f"{base}?{query}"
        response = client.get(url)
        if response.status_code != 200:
            report.skip(label, f"{url} answered {response.status_code}")
            continue
        samples = time_ms(lambda url=url: client.get(url), REPEAT)
        report.latency(label, samples, TARGET_MS, f"{url} ({len(samples)} requests)")


def _plan():
    from engage.extensions import db
    from engage.models import Plan, PlanStage
    from engage.seeds.demo import LEGACY_STAGES

    plan = Plan(slug="swh-jsp", name="South West Hertfordshire Joint Strategic Plan", route="legacy")
    plan.stages = [PlanStage(slug=s, name=n, starts_on=d, position=i) for i, (s, n, d) in enumerate(LEGACY_STAGES)]
    db.session.add(plan)
    db.session.commit()
    return plan


def seed_engagements(count: int, seed: int = 2026) -> tuple[int, int]:
    """Bulk-insert engagements with attendees, matters and actions; returns a frequent and an ordinary attendee."""
    from engage.extensions import db
    from engage.models import (
        Action,
        Authority,
        Engagement,
        Stakeholder,
        StrategicMatter,
        engagement_matter,
        engagement_stakeholder,
    )

    rng = random.Random(seed)
    plan = _plan()
    stages = sorted((s.starts_on, s.id) for s in plan.stages)
    authorities = list(db.session.scalars(select(Authority.id).where(Authority.kind != "neighbour")))
    matters = list(db.session.scalars(select(StrategicMatter.id)))
    low, high = db.session.execute(select(db.func.min(Stakeholder.id), db.func.max(Stakeholder.id))).one()
    people = select(Stakeholder.id).where(Stakeholder.kind == "person").order_by(Stakeholder.id).limit(FREQUENT)
    frequent = list(db.session.scalars(people))
    first = datetime(2026, 1, 12, 9, tzinfo=UTC)
    rows, attendees, topics, actions = [], [], [], []
    for number in range(1, count + 1):
        when = first + timedelta(minutes=rng.randrange(0, 60 * 24 * 700))
        stage = max((s for s in stages if s[0] <= when.date()), default=(None, None))[1]
        held = rng.random() < 0.85
        rows.append(
            {
                "id": number,
                "plan_id": plan.id,
                "title": f"Officer liaison meeting {number}",
                "kind": rng.choice(("meeting", "workshop", "call", "email", "briefing")),
                "status": "held" if held else "planned",
                "starts_at": when,
                "ends_at": when + timedelta(hours=1),
                "lead_authority_id": rng.choice(authorities),
                "level": "officer",
                "plan_stage_id": stage,
                "summary": "Discussed the evidence base",
                "outcome": "Agreed next steps" if held else "",
                "agreement": "ongoing",
                "influence_on_plan": "",
                "evidence_url": "",
                "created_at": when,
                "updated_at": when,
            }
        )
        people = {rng.choice(frequent)} if rng.random() < 0.2 else set()
        people |= {rng.randint(low, high) for _ in range(rng.randint(1, 3))}
        attendees += [{"engagement_id": number, "stakeholder_id": person} for person in people]
        topics += [{"engagement_id": number, "matter_id": m} for m in rng.sample(matters, rng.randint(1, 3))]
        for _ in range(rng.choice((0, 0, 1, 2))):
            due = (when + timedelta(days=28)).date()
            actions.append(
                {
                    "engagement_id": number,
                    "description": "Send the data",
                    "owner_authority_id": rng.choice(authorities),
                    "due_on": due,
                    "status": "open" if due > date(2026, 11, 1) else "done",
                    "created_at": when,
                    "updated_at": when,
                }
            )
    for table, items in (
        (Engagement.__table__, rows),
        (engagement_stakeholder, attendees),
        (engagement_matter, topics),
        (Action.__table__, actions),
    ):
        for start in range(0, len(items), 5000):
            db.session.execute(insert(table), items[start : start + 5000])
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(db.text("SELECT setval('engagement_id_seq', (SELECT max(id) FROM engagement))"))
        db.session.commit()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(db.text("VACUUM ANALYZE"))
    return frequent[0], attendees[-1]["stakeholder_id"]


if __name__ == "__main__":
    from benchmarks.__main__ import main

    main(["engagements"])
