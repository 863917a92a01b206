"""gunicorn settings for production and the benchmarks; gunicorn reads this file from the working directory.

    ENGAGE_CONFIG=production gunicorn wsgi:app

The app is CPU-bound Python over PostgreSQL, so throughput comes from processes, not threads: by default two sync
workers per CPU (WEB_CONCURRENCY overrides it), each holding one database connection at a time. Run it behind a
reverse proxy (nginx) that buffers slow clients and keeps client connections alive; sync workers answer one request
per connection. The app is loaded once before forking (preload_app): workers share its memory and start at once.
It opens no database connection while loading (checked in tests/test_gunicorn_conf.py), so no connection is shared
between processes; each worker's pool connects on first use. Templates are compiled in the master before the
first fork (when_ready), so new and recycled workers do not each spend seconds compiling them under load.
The master then moves everything loaded so far (about 250,000 objects: the app, its libraries and templates) out
of the garbage collector's reach with gc.freeze(): otherwise every full collection in a worker scans them again,
a pause of about 100 ms that lands on whichever request triggers it (see docs/performance.md).
"""

import gc
import importlib
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
worker_class = "sync"
preload_app = True
backlog = 2048
timeout = 60  # a 30,000-row import preview or a full export can take this long; jobs run off the request
graceful_timeout = 30
keepalive = 5  # used by gthread workers if WORKER_CLASS=gthread is chosen; sync workers close after each answer
max_requests = 5000  # recycle workers now and then so a slow leak cannot grow without bound
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Libraries Engage imports only when something first needs them, so that the flask command and the tests start
# fast. The master imports them before forking, so workers share them rather than each paying about 1 s of CPU
# on its first chart, import or export (again after every recycle).
DEFERRED_IMPORTS = ("openpyxl", "matplotlib.figure", "rq", "docx", "icalendar")

if os.environ.get("WORKER_CLASS") == "gthread":
    worker_class = "gthread"
    threads = int(os.environ.get("GUNICORN_THREADS", "4"))


def when_ready(server) -> None:
    """In the master, before the first worker forks: compile Engage's templates and import the libraries it
    defers, once for every worker."""
    app = getattr(server.app, "callable", None)  # set when preload_app loaded the app
    if getattr(app, "import_name", None) == "engage":
        from engage.setup import compile_templates

        server.log.info("Compiled %d templates", compile_templates(app))
        for name in DEFERRED_IMPORTS:
            importlib.import_module(name)
    gc.collect()
    gc.freeze()
