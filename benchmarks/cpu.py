"""CPU time during a load run, read from /proc (Linux): for benchmarks/consult_submit.py."""

import os
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool


class CpuMeter:
    """CPU time during a run, from /proc: the gunicorn workers (and RQ worker), the PostgreSQL backends serving the
    benchmark database, and the whole machine, so the figures say what a submission costs and how busy the two
    CPUs were with other work. Workers that gunicorn recycles during the run (max_requests) are counted too: once
    reaped, their CPU time shows in the master's children's times."""

    TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")

    def __init__(self, master_pid: int, worker=None):
        self.master_pid, self.extra = master_pid, [worker.pid] if worker else []
        self.engine = create_engine(os.environ["BENCH_DATABASE_URL"], poolclass=NullPool)
        self.app, self.database = self._times(self._app_pids()), self._times(self._backend_pids())
        self.reaped = self._reaped()
        self.machine, self.load = self._machine(), Path("/proc/loadavg").read_text().split()[0]

    def stop(self) -> dict:
        app = self._times(self._app_pids())
        database = self._times(self._backend_pids())
        gone = sum(ms for pid, ms in self.app.items() if pid not in app)  # counted at the start, then reaped
        busy, total = (now - then for now, then in zip(self._machine(), self.machine, strict=True))
        self.engine.dispose()
        return {
            "app_ms": sum(ms - self.app.get(pid, 0.0) for pid, ms in app.items()) + self._reaped() - self.reaped - gone,
            "worker_ms": sum(app.get(pid, 0.0) - self.app.get(pid, 0.0) for pid in self._worker_pids()),  # in app_ms
            "database_ms": sum(ms - self.database.get(pid, 0.0) for pid, ms in database.items()),
            "machine_busy": busy / total,
            "load": f"{self.load}–{Path('/proc/loadavg').read_text().split()[0]}",
        }

    def _app_pids(self) -> list[int]:
        return self._children(self.master_pid) + self._worker_pids()

    @staticmethod
    def _children(pid: int) -> list[int]:
        """A process's children (the RQ worker's: its scheduler, which RQ forks)."""
        try:
            return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def _worker_pids(self) -> list[int]:
        return self.extra + [pid for extra in self.extra for pid in self._children(extra)]

    def _reaped(self) -> float:
        """CPU time of the master's children that have exited and been waited for (cutime + cstime)."""
        fields = Path(f"/proc/{self.master_pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[13]) + int(fields[14])) * self.TICK_MS

    def _backend_pids(self) -> list[int]:
        query = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        with self.engine.connect() as connection:
            return list(connection.scalars(text(query)))

    @classmethod
    def _times(cls, pids: list[int]) -> dict[int, float]:
        found = {}
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # it has exited
                continue
            found[pid] = (int(fields[11]) + int(fields[12])) * cls.TICK_MS  # utime + stime
        return found

    @staticmethod
    def _machine() -> tuple[int, int]:
        ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return sum(ticks) - ticks[3] - ticks[4], sum(ticks)  # busy (not idle, not iowait), all
