"""Background jobs: run a function over a `Job` row, on an RQ worker when Redis is configured, inline otherwise.

How to use it from a feature:

1. Create a `Job` row (kind, user, total_rows, payload/params as the job needs) and commit it.
2. Write the work as a plain function taking the job id, e.g. `engage.stakeholders.imports.run_import(job_id)`.
   It reads its input from the row, reports progress with `record_progress(job_id, n)`, owns its own
   transaction (commit or roll back) and returns a JSON-able result dict.
3. Call `enqueue("engage.stakeholders.imports.run_import", job.id)` after committing the row, or
   `enqueue_after_commit(...)` before the commit, which queues it once the row is really committed (an API write
   commits last, after its answer is built: see engage.api.idempotency).

`run()` wraps every job: it marks the row running, calls the function, stores its result and marks the row
done; if the function raises, the session is rolled back and the row is marked failed with a generic message
(the exception is logged by id, never its data). Without `REDIS_URL` the job runs at once, in the calling
process. With it, the job goes on the "engage" queue (`JOBS_QUEUE`) and `flask --app wsgi worker` runs it.

When Redis cannot be reached (down, or REDIS_URL wrong), nothing fails: the job runs at once, in this process, as
without Redis, and a warning is logged. For the next REDIS_RETRY_AFTER seconds this process does not try Redis again
(so a Redis that is down costs each request nothing), then it does.

`enqueue_call(..., retry_after=(60, 600))` tries a failed call again on the worker after each delay in turn (RQ's
Retry; `flask worker` runs the scheduler that puts the call back on the queue). The function asks `last_attempt()`
whether a failure now is the final one, to record it (inline there is one attempt).

`wake(func)` is for a sender that works through an outbox table (engage.respond.emails, the acknowledgements):
it queues one run of `func()` unless one is already waiting, however many rows wait, so on deadline day the worker
sends many emails a run instead of paying a job's overhead for each. The run calls `woken(func)` first, so a row
committed after that wakes another run; `wake_at(when, func)` schedules a run for rows waiting to be tried again.
`flask worker` wakes each of WAKE_ON_START as it starts, for rows whose run was lost with the queue.

Status and progress are written with a connection of their own in short transactions, so a page polling the
row sees them while the job's session is busy. On SQLite only one connection may write at a time, so jobs
report progress before they open their write transaction, not during it (see `imports.run_import`).
"""

import functools
import importlib
import logging
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from flask import current_app
from sqlalchemy import update

from engage.extensions import after_commit, db
from engage.models import Job, utcnow

T = TypeVar("T")

log = logging.getLogger(__name__)

DEFAULT_QUEUE = "engage"
JOB_TIMEOUT = 30 * 60
FAILED_MESSAGE = "The job stopped because of an error. Nothing was changed. Try again, or contact support"
REDIS_TIMEOUT = 2  # seconds to connect to Redis and to hear back from it
REDIS_RETRY_AFTER = 30  # seconds a process runs jobs inline after Redis could not be reached, before trying again
_unreachable_until: dict[str, float] = {}  # REDIS_URL -> time.monotonic() to try it again
_queues: dict[tuple[str, str], Any] = {}  # (REDIS_URL, queue name) -> rq.Queue, see _shared_queue
WAKE_TTL = 60  # seconds a "run waiting" mark lasts if its run is lost, after which a new commit wakes another
WAKE_ON_START = ("engage.respond.emails.acknowledge_due",)
_RUN_OPTIONS = {"job_timeout": JOB_TIMEOUT, "result_ttl": 0, "failure_ttl": 86400}  # a woken or scheduled run


def enqueue(func: str | Callable, job_id: int) -> None:
    """Run `func(job_id)` in the background (RQ) when Redis is configured, or now, in this process."""
    func_path = _path(func)
    options = {"job_timeout": JOB_TIMEOUT, "result_ttl": 3600, "failure_ttl": 86400}
    if not _put_on_queue("engage.jobs.run_queued", func_path, job_id, **options):
        run(func_path, job_id)


def enqueue_after_commit(func: str | Callable, job_id: int) -> None:
    """`enqueue(func, job_id)` once the transaction that saves the job's row commits; never if it rolls back."""
    after_commit(functools.partial(enqueue, func, job_id))


def enqueue_call(func: str | Callable, *args: Any, retry_after: Sequence[int] = ()) -> None:
    """Run `func(*args)` on an RQ worker when Redis is configured, or now, in this process: for small follow-ups
    that need no `Job` row, such as an email after a commit. Call it after committing; the function loads what
    it needs by id. It never raises: a failure inline is logged, as the worker logs one, because the request that
    called it has already committed. On the worker a failed call is tried again after each of `retry_after`
    (seconds) in turn."""
    func_path = _path(func)
    options = {"job_timeout": 300, "result_ttl": 0, "failure_ttl": 86400}
    if _put_on_queue("engage.jobs.run_call", func_path, *args, retry_after=retry_after, **options):
        return
    try:
        _resolve(func_path)(*args)
    except Exception:
        log.exception("%s failed", func_path)


def _put_on_queue(runner: str, func_path: str, *args: Any, retry_after: Sequence[int] = (), **options) -> bool:
    """Queue `runner(func_path, *args)` on Redis; False when Redis is not configured or cannot be reached, and the
    caller runs the job itself."""
    redis_url = current_app.config.get("REDIS_URL")
    if not redis_url or time.monotonic() < _unreachable_until.get(redis_url, 0):
        return False
    from redis.exceptions import RedisError
    from rq import Retry

    if retry_after:
        options["retry"] = Retry(max=len(retry_after), interval=list(retry_after))
    try:
        _shared_queue(redis_url).enqueue(runner, func_path, *args, **options)
    except RedisError as error:
        _unreachable(redis_url, func_path, error)
        return False
    return True


def _unreachable(redis_url: str, func_path: str, error: Exception) -> None:
    _unreachable_until[redis_url] = time.monotonic() + REDIS_RETRY_AFTER
    _queues.pop((redis_url, current_app.config.get("JOBS_QUEUE", DEFAULT_QUEUE)), None)  # connect afresh
    log.warning(
        "Redis (REDIS_URL) cannot be reached (%s): %s runs in this process instead, as does every job for the "
        "next %s seconds",
        type(error).__name__,
        func_path,
        REDIS_RETRY_AFTER,
    )


def wake(func: str | Callable, after: float = 0) -> bool:
    """Queue one run of `func()` on the worker unless one is already waiting, `after` seconds from now (the worker's
    scheduler queues it then; meanwhile more rows gather for the one run). False when Redis is not configured or
    cannot be reached: the caller then does the work itself."""
    func_path = _path(func)
    redis_url = current_app.config.get("REDIS_URL")
    if not redis_url or time.monotonic() < _unreachable_until.get(redis_url, 0):
        return False
    from redis.exceptions import RedisError

    try:
        if not _shared_queue(redis_url).connection.set(_wake_key(func_path), 1, nx=True, ex=WAKE_TTL):
            return True  # a run is waiting, and will find what was just committed
    except RedisError as error:
        _unreachable(redis_url, func_path, error)
        return False
    if after:
        return _schedule(datetime.now(UTC) + timedelta(seconds=after), func_path)
    return _put_on_queue("engage.jobs.run_call", func_path, **_RUN_OPTIONS)


def woken(func: str | Callable) -> None:
    """Called by a woken run before it reads its outbox: from now on, a commit wakes another run."""
    from rq import get_current_job

    job = get_current_job()
    if job is not None:
        job.connection.delete(_wake_key(_path(func)))


def wake_at(when: datetime, func: str | Callable) -> None:
    """Schedule a run of `func()` at `when` (the worker's scheduler queues it then); nothing without Redis."""
    if current_app.config.get("REDIS_URL"):
        _schedule(when, _path(func))


def _schedule(when: datetime, func_path: str) -> bool:
    redis_url = current_app.config["REDIS_URL"]
    from redis.exceptions import RedisError

    try:
        _shared_queue(redis_url).enqueue_at(when, "engage.jobs.run_call", func_path, **_RUN_OPTIONS)
    except RedisError as error:
        _unreachable(redis_url, func_path, error)
        return False
    return True


def _wake_key(func_path: str) -> str:
    return f"engage:wake:{current_app.config.get('JOBS_QUEUE', DEFAULT_QUEUE)}:{func_path}"


def last_attempt() -> bool:
    """Whether a call that fails now will not be tried again: always when it runs in the calling process, and on
    the worker when its retries (enqueue_call's retry_after) are used up."""
    from rq import get_current_job

    job = get_current_job()
    return job is None or not job.retries_left


def run_call(func_path: str, *args: Any) -> None:
    """What the RQ worker runs for `enqueue_call`: the function, then a fresh session for the next job."""
    try:
        _resolve(func_path)(*args)
    finally:
        db.session.remove()


def _path(func: str | Callable) -> str:
    return func if isinstance(func, str) else f"{func.__module__}.{func.__qualname__}"


def _queue(connection):
    from rq import Queue  # here, not at the top: rq and redis take a third of a second to load

    return Queue(current_app.config.get("JOBS_QUEUE", DEFAULT_QUEUE), connection=connection)


def _shared_queue(url: str):
    """This process's queue for enqueueing, one per Redis URL and queue name: each enqueue reuses its open
    connection and the server version it read once (redis-py's pool starts afresh in a forked process), instead of
    connecting and asking for the version every time."""
    key = (url, current_app.config.get("JOBS_QUEUE", DEFAULT_QUEUE))
    queue = _queues.get(key)
    if queue is None:
        queue = _queues[key] = _queue(redis_connection(url))
    return queue


def redis_connection(url: str):
    """A client that gives up on a Redis that does not answer within REDIS_TIMEOUT seconds (the worker lengthens
    the read timeout it needs for waiting on the queue)."""
    from redis import Redis

    return Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT)


def run(func_path: str, job_id: int) -> None:
    """Run one job with the current app context and record how it ended on its `Job` row."""
    func = _resolve(func_path)
    record_status(job_id, "running")
    try:
        result = func(job_id)
    except Exception:
        db.session.rollback()
        log.exception("Job %s (%s) failed", job_id, func_path)
        record_status(job_id, "failed", result={"error": FAILED_MESSAGE})
    else:
        record_status(job_id, "done", result=result or {})


def run_queued(func_path: str, job_id: int) -> None:
    """What the RQ worker runs: the job, then a fresh session for the next one."""
    try:
        run(func_path, job_id)
    finally:
        db.session.remove()


def _resolve(func_path: str) -> Callable:
    module_name, _, name = func_path.rpartition(".")
    return getattr(importlib.import_module(module_name), name)


def record_progress(job_id: int, processed_rows: int, total_rows: int | None = None) -> None:
    """Write progress in a short transaction of its own, visible to pollers at once."""
    values: dict[str, Any] = {"processed_rows": processed_rows}
    if total_rows is not None:
        values["total_rows"] = total_rows
    _write(job_id, values)


def send_each(job_id: int, items: Sequence[T], send: Callable[[T], bool], every: int = 20) -> dict[str, int]:
    """Send each item (an email job's invitations or notices): `send` says whether it went. The outcomes are
    committed and the job's progress recorded every `every` items, so pollers see it move and a crash loses little."""
    sent = failed = 0
    for number, item in enumerate(items, start=1):
        if send(item):
            sent += 1
        else:
            failed += 1
        if number % every == 0:
            db.session.commit()
            record_progress(job_id, number)
    db.session.commit()
    record_progress(job_id, len(items))
    return {"sent": sent, "failed": failed}


def record_status(job_id: int, status: str, result: dict[str, Any] | None = None) -> None:
    values: dict[str, Any] = {"status": status}
    if status in ("done", "failed"):
        values["finished_at"] = utcnow()
        values["payload"] = None  # the upload may hold personal data: keep it no longer than the job
    if result is not None:
        values["result"] = result
    _write(job_id, values)


def _write(job_id: int, values: dict[str, Any]) -> None:
    with db.engine.begin() as connection:
        connection.execute(update(Job).where(Job.id == job_id).values(**values))


def work(burst: bool = False, simple: bool = False) -> None:
    """Process the queue until stopped (or until empty with `burst`); needs an app context.

    By default each job runs in a work horse forked for it (RQ's Worker): a long import cannot leave memory or a
    broken connection behind, at a cost of a fork and a new database connection per job. With `simple`, jobs run
    one after another in this process (RQ's SimpleWorker), reusing its connections: the choice for a queue of
    small jobs such as acknowledgement emails, which it sends many times faster (docs/performance.md). Either way
    the worker also runs RQ's scheduler, which puts calls waiting to be tried again back on the queue when due."""
    redis_url = current_app.config.get("REDIS_URL")
    if not redis_url:
        raise RuntimeError("Set REDIS_URL to run a worker; without it jobs run inline")
    from rq import SimpleWorker

    from engage.worker import AppWorker

    connection = redis_connection(redis_url)
    queue = _queue(connection)
    for func_path in WAKE_ON_START:  # rows whose run was lost with the queue (Redis restarted empty)
        wake(func_path)
    worker_class = SimpleWorker if simple else AppWorker
    worker_class([queue], connection=connection).work(burst=burst, with_scheduler=True)
