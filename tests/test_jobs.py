"""Background jobs: inline without Redis, on an RQ queue with it; status and progress on the Job row."""

from contextlib import contextmanager

from sqlalchemy import create_engine, select, text

from engage import create_app, jobs
from engage.extensions import db
from engage.models import Job, Register


def add_register(job_id: int) -> dict:
    """A job that writes through the session and reports progress; the result is stored on the row."""
    jobs.record_progress(job_id, 1, total_rows=2)
    db.session.add(Register(slug=f"from-job-{job_id}", name="Added by a job"))
    db.session.commit()
    jobs.record_progress(job_id, 2)
    return {"added": 1}


def broken_job(job_id: int) -> dict:
    db.session.add(Register(slug="half-done", name="Never committed"))
    db.session.flush()
    raise RuntimeError("something went wrong")


def new_job() -> int:
    job = Job(kind="test", status="pending", payload=b"upload")
    db.session.add(job)
    db.session.commit()
    return job.id


def reload(job_id: int) -> Job:
    db.session.expire_all()
    return db.session.get(Job, job_id)


def test_without_redis_a_job_runs_at_once_and_is_marked_done(app):
    job_id = new_job()

    jobs.enqueue("tests.test_jobs.add_register", job_id)

    job = reload(job_id)
    assert (job.status, job.result, job.processed_rows, job.total_rows) == ("done", {"added": 1}, 2, 2)
    assert job.finished_at is not None and job.payload is None
    assert db.session.scalar(select(Register).where(Register.slug == f"from-job-{job_id}")) is not None


def test_a_callable_can_be_enqueued_too(app):
    job_id = new_job()
    jobs.enqueue(add_register, job_id)
    assert reload(job_id).status == "done"


def test_a_failing_job_is_rolled_back_and_marked_failed_with_a_message(app):
    job_id = new_job()

    jobs.enqueue("tests.test_jobs.broken_job", job_id)

    job = reload(job_id)
    assert job.status == "failed" and job.result == {"error": jobs.FAILED_MESSAGE}
    assert db.session.scalar(select(Register).where(Register.slug == "half-done")) is None


@contextmanager
def database_for_two_connections(tmp_path):
    """The suite's database on PostgreSQL; on SQLite (one in-memory connection) an app over a database file."""
    if db.engine.dialect.name != "sqlite":
        yield
        return
    file_app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'jobs.sqlite'}")
    with file_app.app_context():
        db.create_all()
        yield
        db.session.remove()
        db.engine.dispose()


def test_progress_is_committed_at_once_for_other_connections(app, tmp_path):
    with database_for_two_connections(tmp_path):
        job_id = new_job()
        writing = db.engine.dialect.name != "sqlite"  # SQLite allows one writer, so jobs report before they write
        if writing:
            db.session.add(Register(slug="uncommitted", name="Still in the job's transaction"))
            db.session.flush()

        jobs.record_progress(job_id, 40, total_rows=100)

        poller = create_engine(db.engine.url.render_as_string(hide_password=False))
        with poller.connect() as connection:
            row = connection.execute(text("SELECT processed_rows, total_rows FROM job WHERE id = :id"), {"id": job_id})
            assert tuple(row.one()) == (40, 100)
            registers = connection.execute(text("SELECT count(*) FROM register WHERE slug = 'uncommitted'"))
            assert registers.scalar() == 0
        poller.dispose()
        db.session.rollback()


def test_with_redis_a_job_waits_on_the_queue_until_a_worker_runs_it(app, redis_queue):
    from rq import SimpleWorker

    job_id = new_job()

    jobs.enqueue("tests.test_jobs.add_register", job_id)

    assert reload(job_id).status == "pending" and redis_queue.count == 1
    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)
    job = reload(job_id)
    assert (job.status, job.result, job.processed_rows) == ("done", {"added": 1}, 2)
    assert redis_queue.count == 0


def test_worker_command_refuses_to_start_without_redis(app):
    result = app.test_cli_runner().invoke(args=["worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL" in result.output


def add_named_register(slug: str) -> None:
    db.session.add(Register(slug=slug, name="Added by a call"))
    db.session.commit()


def test_without_redis_a_call_runs_at_once_with_its_arguments(app):
    jobs.enqueue_call(add_named_register, "called-inline")
    assert db.session.scalar(select(Register).where(Register.slug == "called-inline")) is not None


def test_with_redis_a_call_waits_on_the_queue_until_a_worker_runs_it(app, redis_queue):
    from rq import SimpleWorker

    jobs.enqueue_call("tests.test_jobs.add_named_register", "called-later")

    assert redis_queue.count == 1
    assert db.session.scalar(select(Register).where(Register.slug == "called-later")) is None
    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)
    db.session.expire_all()
    assert db.session.scalar(select(Register).where(Register.slug == "called-later")) is not None


def add_register_named_by_process(slug: str) -> None:
    import os

    db.session.add(Register(slug=slug, name=f"Added by process {os.getpid()}"))
    db.session.commit()


def test_the_simple_worker_runs_queued_calls_in_its_own_process_without_forking(app, redis_queue):
    import os

    jobs.enqueue_call("tests.test_jobs.add_register_named_by_process", "simple-worker")

    result = app.test_cli_runner().invoke(args=["worker", "--burst", "--simple"])

    assert result.exit_code == 0, result.output
    db.session.expire_all()
    register = db.session.scalar(select(Register).where(Register.slug == "simple-worker"))
    assert register.name == f"Added by process {os.getpid()}"
    assert redis_queue.count == 0


def test_after_commit_runs_only_once_the_transaction_really_commits(app):
    from engage.extensions import COMMIT_LATER, after_commit

    called = []
    after_commit(lambda: called.append("rolled back"))
    db.session.rollback()
    after_commit(lambda: called.append("closed"))
    db.session.close()
    session = db.session()
    session.info[COMMIT_LATER] = True
    after_commit(lambda: called.append("committed"))
    db.session.commit()  # only flushes: whoever set COMMIT_LATER commits
    assert called == []
    session.info.pop(COMMIT_LATER)
    db.session.commit()
    db.session.commit()
    assert called == ["committed"]
