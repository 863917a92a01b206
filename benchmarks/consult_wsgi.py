"""The WSGI apps gunicorn serves for benchmarks/consult_submit.py, over BENCH_DATABASE_URL.

- `engage_app`: Engage as production runs it (production config: CSRF on, DEBUG and template reloading off),
  except that email is kept in memory (MAIL_SUPPRESS_SEND) and the rate limits are raised to
  CONSULT_SUBMIT_RATE_LIMIT and CONSULT_SAVE_RATE_LIMIT from the environment (the benchmark sets them), since
  every client shares the loopback address. Built on first use, so serving `bare_app` does not import Engage.
- `engage_testing_app`: the testing config the first version of the benchmark used (CSRF off), for comparison.
- `bare_app`: a bare Flask endpoint doing one INSERT, the floor to compare with.
"""

import os

from flask import Flask
from sqlalchemy import create_engine, text

URL = os.environ["BENCH_DATABASE_URL"]


def __getattr__(name: str):
    if name == "engage_app":
        from engage import create_app

        return create_app("production", SQLALCHEMY_DATABASE_URI=URL, MAIL_SUPPRESS_SEND=True)
    if name == "engage_testing_app":
        from engage import create_app

        limits = {"CONSULT_SUBMIT_RATE_LIMIT": "1000000 per minute", "CONSULT_SAVE_RATE_LIMIT": "1000000 per minute"}
        return create_app("testing", SQLALCHEMY_DATABASE_URI=URL, **limits)
    raise AttributeError(name)


bare_app = Flask("bare")
_engine = create_engine(URL, pool_pre_ping=True)


@bare_app.get("/ready")
def ready():
    return "ready"


@bare_app.post("/insert")
def insert():
    with _engine.begin() as connection:
        connection.execute(text("INSERT INTO bench_insert (note) VALUES (:note)"), {"note": "benchmark"})
    return "created", 201
