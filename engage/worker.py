"""The RQ worker that `flask --app wsgi worker` runs (engage.jobs.work). It lives apart from engage.jobs so that
the app imports rq and redis only when it queues or runs a job, not when it starts."""

from rq import Worker

from engage.extensions import db


class AppWorker(Worker):
    """An RQ worker whose forked work horse drops the database connections it inherited from its parent."""

    def main_work_horse(self, job, queue):
        db.engine.dispose(close=False)
        return super().main_work_horse(job, queue)
