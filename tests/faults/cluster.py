"""A PostgreSQL cluster of a test's own, in a temporary directory on a free port, to stop and start under load.

Never the machine's shared server: `initdb` makes a new cluster (trust authentication, 127.0.0.1 only) and
`pg_ctl` runs it. The binaries are PostgreSQL's own (/usr/lib/postgresql/<version>/bin, or wherever `pg_config
--bindir` says). PostgreSQL refuses to run as root, so as root they run as the `postgres` user (`runuser`), with the
directory owned by that user.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text


def binaries() -> Path | None:
    """The directory holding initdb and pg_ctl (the newest installed version), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip())
        if (bindir / "initdb").exists():
            return bindir
    return None


def why_not() -> str | None:
    """Why a cluster cannot be started here, or None."""
    if binaries() is None:
        return "PostgreSQL's initdb and pg_ctl are not installed (/usr/lib/postgresql/*/bin)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no postgres user to run PostgreSQL as"
        if not shutil.which("runuser"):
            return "running as root, and runuser is not installed to run PostgreSQL as the postgres user"
    return None


def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens (at the moment of asking)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """`with Cluster() as cluster:` a running server at `cluster.url` (database `engage`), removed afterwards."""

    def __init__(self):
        self.bin = binaries()
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="engage-pg-"))
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/engage"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{program} {' '.join(args)} failed: {result.stderr or result.stdout}\n{log}")

    def __enter__(self) -> "Cluster":
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "-N")
        self.start()
        engine = create_engine(self.url.replace("/engage", "/postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("CREATE DATABASE engage"))
        engine.dispose()
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c max_connections=60"
        self._run("pg_ctl", "start", "-w", "-D", str(self.data), "-l", str(self.log), "-o", options)

    def stop(self) -> None:
        """A fast shutdown, as `systemctl restart postgresql` does: open transactions are rolled back and every
        connection is closed."""
        self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    def restart(self, outage: float) -> None:
        """Stop, stay down for `outage` seconds (connections are refused), start again."""
        self.stop()
        time.sleep(outage)
        self.start()

    def terminate_connections(self) -> int:
        """End every connection to the `engage` database, as a failover or a network cut would; how many."""
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        query = (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = 'engage' AND pid <> pg_backend_pid()"
        )
        with engine.connect() as connection:
            ended = len(connection.execute(text(query)).all())
        engine.dispose()
        return ended
