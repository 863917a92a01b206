"""Deadline day: PostgreSQL restarts, and later every connection is cut, during a burst of 200 online responses
(the whole public journey) and 200 representations sent to the API. Nothing is lost and nothing is stored twice.

The app runs in this process over a PostgreSQL cluster the test starts itself (tests/faults/cluster.py), with the
engine options the app always has (pool_pre_ping). 12 threads play respondents and an API client, each with its own
cookies; every request that gets a 503 must carry the "try again" answer and Retry-After, and is sent again (with
the same Idempotency-Key on the API) until it succeeds. Then the database is read back: each confirmation shown
and each 201 is stored exactly once, with its respondent and, where one was sent, its file.
"""

import io
import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engage import create_app
from engage.auth.services import create_token
from engage.consultations.services import create_consultation
from engage.extensions import db
from engage.models import Attachment, Representation, Respondent, utcnow
from engage.seeds.reference import load_reference
from tests.conftest import Client
from tests.factories import create_user
from tests.faults import cluster as clusters

pytestmark = pytest.mark.faults

JOURNEYS = API_REQUESTS = 200
THREADS = 12
RETRY_FOR = 60  # seconds a client keeps sending one request again before the test gives up on it
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
REFERENCE = re.compile(r"Your reference<br><strong>(R-\d+)</strong>")
SLUG = "deadline-day"


@pytest.fixture(scope="module")
def cluster():
    reason = clusters.why_not()
    if reason:
        if os.environ.get("ENGAGE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"The PostgreSQL restart test is required (ENGAGE_REQUIRE_POSTGRES=1): {reason}")
        pytest.skip(reason)
    with clusters.Cluster() as running:
        yield running


@pytest.fixture
def burst_app(cluster):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=cluster.url)
    app.test_client_class = Client
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is True
    with app.app_context():
        db.create_all()
        load_reference()
        now = utcnow()
        consultation = create_consultation(
            {
                "slug": SLUG,
                "title": "Deadline day",
                "stage": "reg-19",
                "published": True,
                "opens_at": now - timedelta(days=1),
                "closes_at": now + timedelta(days=1),
                "parts": [{"ref": "Policy SP1", "title": "Growth", "kind": "policy"}],
            }
        )
        app.config["burst"] = {"consultation_id": consultation.id, "token": create_token(create_user(), "burst")}
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


class Tally:
    """What the clients saw, shared between threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.confirmed: dict[int, str] = {}  # journey -> reference shown
        self.created: dict[int, str] = {}  # API request -> reference answered
        self.unavailable = {"public": 0, "api": 0}
        self.problems: list[str] = []

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)

    def count_503(self, kind: str) -> None:
        with self.lock:
            self.unavailable[kind] += 1


def _until_not_503(tally: Tally, kind: str, send):
    """Send until the answer is not a 503; each 503 must say to try again and carry Retry-After."""
    deadline = time.monotonic() + RETRY_FOR
    while True:
        response = send()
        if response.status_code != 503:
            return response
        tally.count_503(kind)
        body = response.get_data(as_text=True)
        says_try_again = "Try again" in (response.get_json()["detail"] if kind == "api" else body)
        if response.headers.get("Retry-After") != "30" or not says_try_again:
            tally.problem(f"a 503 without Retry-After or 'try again': {body[:300]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"still 503 after {RETRY_FOR} s")
        time.sleep(0.2)


def _journey(app, tally: Tally, number: int) -> None:
    """One respondent through every page: start, about you, representation (every other one with a file), check,
    send, confirmation."""
    client = app.test_client()
    base = f"/consult/{SLUG}/respond"
    about = {"is_agent": "no", "first_name": f"Journey{number}", "last_name": "Burst", "email": "j@example.com"}
    item = {"part": "Policy SP1", "nature": "object", "comment": f"Journey {number}: too many homes."}

    def representation():
        data = dict(item)
        if number % 2 == 0:
            data["attachment"] = (io.BytesIO(PDF), f"evidence-{number}.pdf")
        return client.post(f"{base}/representations/1", data=data, content_type="multipart/form-data")

    steps = [
        ("start", lambda: client.get(f"/consult/{SLUG}"), 200),
        ("about you", lambda: client.get(f"{base}/about-you"), 200),
        ("about you", lambda: client.post(f"{base}/about-you", data=about), 302),
        ("representation", lambda: client.get(f"{base}/representations/1"), 200),
        ("representation", representation, 302),
        ("check", lambda: client.get(f"{base}/check"), 200),
        ("send", lambda: client.post(f"{base}/check"), 302),
        ("confirmation", lambda: client.get(f"{base}/confirmation"), 200),
    ]
    for name, send, expected in steps:
        response = _until_not_503(tally, "public", send)
        if response.status_code != expected:
            tally.problem(f"journey {number}, {name}: {response.status_code} {response.headers.get('Location')}")
            return
    found = REFERENCE.search(response.get_data(as_text=True))
    with tally.lock:
        tally.confirmed[number] = found.group(1) if found else "no reference shown"


def _api_request(app, tally: Tally, number: int) -> None:
    burst = app.config["burst"]
    client = app.test_client()
    headers = {"Authorization": f"Bearer {burst['token']}", "Idempotency-Key": f"burst-{number}"}
    body = {
        "respondent": {"first_name": f"Api{number}", "last_name": "Burst", "email": f"api{number}@example.com"},
        "channel": "email",
        "received_at": (utcnow() - timedelta(minutes=5)).isoformat(),
        "part": "Policy SP1",
        "nature": "comment",
        "comment": f"API {number}: keyed in from an email.",
    }
    url = f"/api/v1/consultations/{burst['consultation_id']}/representations"
    response = _until_not_503(tally, "api", lambda: client.post(url, json=body, headers=headers))
    if response.status_code != 201:
        tally.problem(f"API request {number}: {response.status_code} {response.get_data(as_text=True)[:300]}")
        return
    with tally.lock:
        tally.created[number] = response.get_json()["respondent_reference"]


def _faults(cluster, tally: Tally, finished: threading.Event, log: list[str]) -> None:
    """Restart PostgreSQL (2 s down) once a fifth of the journeys are done; cut every connection at three fifths."""
    for share, fault in ((0.2, "restart"), (0.6, "terminate")):
        while len(tally.confirmed) < JOURNEYS * share and not finished.is_set():
            time.sleep(0.05)
        if finished.is_set():
            log.append(f"{fault}: the burst ended first")
            return
        if fault == "restart":
            cluster.restart(outage=2)
            log.append("restarted")
        else:
            log.append(f"terminated {cluster.terminate_connections()} connections")


def test_a_restart_during_a_burst_loses_nothing_and_stores_nothing_twice(cluster, burst_app):
    tally, finished, fault_log = Tally(), threading.Event(), []
    faults = threading.Thread(target=_faults, args=(cluster, tally, finished, fault_log))
    faults.start()
    try:
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            work = []
            for number in range(JOURNEYS):
                work.append(pool.submit(_journey, burst_app, tally, number))
                work.append(pool.submit(_api_request, burst_app, tally, number))
            for future in work:
                future.result()
    finally:
        finished.set()
        faults.join()

    assert tally.problems == []
    assert fault_log == ["restarted", fault_log[1]] and fault_log[1].startswith("terminated")
    assert tally.unavailable["public"] > 0 and tally.unavailable["api"] > 0, "the faults must hit some requests"
    assert len(tally.confirmed) == JOURNEYS and len(tally.created) == API_REQUESTS
    with burst_app.app_context():
        _assert_stored_once(tally)
        assert burst_app.test_client().get("/healthz").status_code == 200


def _assert_stored_once(tally: Tally) -> None:
    respondents = {r.first_name: r for r in db.session.scalars(select(Respondent))}
    assert len(respondents) == db.session.scalar(select(func.count(Respondent.id))) == JOURNEYS + API_REQUESTS
    files = dict(
        db.session.execute(
            select(Representation.respondent_id, func.count(Attachment.id))
            .join(Attachment, Attachment.representation_id == Representation.id)
            .group_by(Representation.respondent_id)
        ).all()
    )
    for number, reference in tally.confirmed.items():
        respondent = respondents[f"Journey{number}"]
        assert respondent.reference == reference
        assert [r.comment for r in respondent.representations] == [f"Journey {number}: too many homes."]
        assert files.get(respondent.id, 0) == (1 if number % 2 == 0 else 0), f"journey {number}'s file"
    for number, reference in tally.created.items():
        respondent = respondents[f"Api{number}"]
        assert respondent.reference == reference
        assert [r.comment for r in respondent.representations] == [f"API {number}: keyed in from an email."]
    unattached = select(func.count(Attachment.id)).where(Attachment.representation_id.is_(None))
    assert db.session.scalar(unattached.where(Attachment.draft_id.is_not(None))) == 0
