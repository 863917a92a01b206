"""Benchmark: group 50,000 representations into campaigns within 30 seconds.

The representations are the labelled corpus of tests/campaigns/corpus.py at scale: 40 campaign letters sent 3 to
1,200 times each with the edits people make, and independent representations written in the same vocabulary,
50,000 in all, in one consultation. Timed: the whole "find campaigns" job as an officer starts it (inline, as
without Redis): reading the texts, grouping them (engage.campaigns.similarity), replacing the suggested campaigns
and writing every member's campaign. Reported beside it: the grouping alone, and its pairwise precision and recall
against the corpus labels, and the CPU time each took in this process (on a machine shared with other work the
wall-clock time can be several times the CPU time). Run alone with `python -m benchmarks campaigns`.
"""

import itertools
import time
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import func, insert, select

from benchmarks.common import dispose, make_app

REPRESENTATIONS = 50_000
BUDGET_SECONDS = 30.0
BATCH = 5_000


def corpus() -> list[tuple[int, str, str]]:
    from tests.campaigns.corpus import generate

    return generate(seed=2026, campaigns=40, independent=26_000, largest=1_200)[:REPRESENTATIONS]


def _seed(items) -> int:
    from engage.extensions import db
    from engage.models import Consultation, Representation, Respondent, utcnow

    now = utcnow()
    consultation = Consultation(
        slug="bench-campaigns", title="Regulation 19 publication", stage="reg-19",
        opens_at=now - timedelta(days=42), closes_at=now - timedelta(days=1), published=True,
    )  # fmt: skip
    db.session.add(consultation)
    db.session.flush()
    people, texts = [], []
    for number, text, _label in items:
        person = {"first_name": "Sam", "last_name": f"Resident{number}", "email": f"resident{number}@example.com"}
        people.append({"id": number, "consultation_id": consultation.id, "created_at": now, **person})
        empty = {"unsound_tests": [], "notify": [], "answers": {}}
        texts.append({"consultation_id": consultation.id, "respondent_id": number, "number": 1, "comment": text,
                      "received_at": now, "created_at": now, **empty})  # fmt: skip
    for table, rows in ((Respondent, people), (Representation, texts)):
        for start in range(0, len(rows), BATCH):
            db.session.execute(insert(table), rows[start : start + BATCH])
    db.session.commit()
    return consultation.id


def _precision_recall(items, groups) -> tuple[float, float]:
    def pairs(sets):
        return {pair for group in sets for pair in itertools.combinations(sorted(group), 2)}

    labelled = defaultdict(list)
    for number, _text, label in items:
        labelled[label].append(number)
    truth, found = pairs(labelled.values()), pairs(groups)
    return len(found & truth) / max(1, len(found)), len(found & truth) / max(1, len(truth))


def run(report) -> None:
    from engage.campaigns.grouping import find_campaigns
    from engage.campaigns.similarity import group_texts
    from engage.extensions import db
    from engage.models import Campaign, Consultation, Job, Representation

    items = corpus()
    app = make_app()
    with app.app_context():
        started = time.perf_counter()
        consultation_id = _seed(items)
        report(f"seed {len(items):,} representations", time.perf_counter() - started, "set-up, not a target")

        started, cpu = time.perf_counter(), time.process_time()
        groups = group_texts((number, text) for number, text, _label in items)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        precision, recall = _precision_recall(items, groups)
        detail = (
            f"{len(groups)} groups; pairwise precision {precision:.4f}, recall {recall:.4f} (40 campaigns); "
            f"{cpu:.1f} s of CPU"
        )
        report("grouping alone (normalise, MinHash, LSH, Jaccard, union-find)", seconds, detail)

        started, cpu = time.perf_counter(), time.process_time()
        job = find_campaigns(db.session.get(Consultation, consultation_id))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        db.session.expire_all()
        job = db.session.get(Job, job.id)
        grouped = db.session.scalar(
            select(func.count(Representation.id)).where(Representation.campaign_id.is_not(None))
        )
        campaigns = db.session.scalar(select(func.count(Campaign.id)))
        detail = (
            f"{job.status}: {campaigns} suggested campaigns of {grouped:,} representations; {cpu:.1f} s of CPU in "
            f"this process (the database server's own is not counted)"
        )
        report(f"find campaigns in {len(items):,} representations (the whole job)", seconds, detail, BUDGET_SECONDS)
    dispose(app)
