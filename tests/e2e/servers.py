"""Start and stop the app, an HAProxy balancer, the local OpenID Connect provider and a
throwaway PostgreSQL cluster on loopback ports (tests and benchmarks).

``start_app`` runs the README's command (``streamlit run app.py``) with only a
port and an address added, so every test and benchmark runs with the
production settings in ``.streamlit/config.toml``; ``start_balancer`` puts
HAProxy with ``deploy/haproxy.cfg`` in front of several app processes (the
config's backend is rewritten to the loopback replicas, everything else is
used as it is). Every process started is stopped by its pid.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / "artifacts"
HAPROXY_CONFIG = PROJECT_ROOT / "deploy" / "haproxy.cfg"
HAPROXY = os.environ.get("ATLAS_HAPROXY", "/usr/sbin/haproxy")
STARTUP_TIMEOUT_S = 90
HEALTH = "/_stcore/health"
# The replicas of deploy/haproxy.cfg, replaced by loopback servers here.
_SERVER_TEMPLATE = re.compile(r"^\s*server-template\s.*$", re.MULTILINE)
_RESOLVERS = re.compile(r"^resolvers\s.*?(?=^\S|\Z)", re.MULTILINE | re.DOTALL)


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(
    url: str, process: subprocess.Popen, log: Path, timeout: float, path: str = HEALTH
) -> float:
    """Wait until ``url`` + ``path`` (default: the health check) answers 200; return the wait."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"{log.name}: process exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + path, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{log.name}: not healthy in {timeout:.0f}s:\n{log.read_text()}")


@dataclass
class Server:
    """A process serving the app (or the balancer) at ``url``."""

    url: str
    process: subprocess.Popen
    log: Path
    started: float  # time.monotonic() when the process was started

    @property
    def pid(self) -> int:
        """The process id."""
        return self.process.pid

    def stop(self) -> None:
        """Terminate the process (by its pid) and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


def start_app(
    env_overrides: dict[str, str] | None = None,
    name: str = "app",
    port: int | None = None,
    extra_args: tuple[str, ...] = (),
    wait: bool = True,
    cwd: Path = PROJECT_ROOT,
) -> Server:
    """Start ``streamlit run app.py`` (in ``cwd``) on a loopback port; wait until healthy."""
    port = port or free_port()
    env = {**os.environ, **(env_overrides or {})}
    env.pop("CI", None)  # streamlit's own CI switch changes nothing we need
    command = [sys.executable, "-m", "streamlit", "run", "app.py"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", *extra_args]
    return _spawn(command, f"server-{name}-{port}.log", port, cwd=cwd, env=env, wait=wait)


def _spawn(
    command: list[str],
    log_name: str,
    port: int,
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    path: str = HEALTH,
    timeout: float = STARTUP_TIMEOUT_S,
    wait: bool = True,
) -> Server:
    """Start ``command``, a server on loopback ``port`` logging to ``ARTIFACTS/log_name``;
    wait until ``path`` answers 200 (unless ``wait`` is false)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / log_name
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    server = Server(f"http://127.0.0.1:{port}", process, log, started)
    if wait:
        wait_healthy(server.url, process, log, timeout, path=path)
    return server


def balancer_config(replicas: list[Server], port: int, source: Path = HAPROXY_CONFIG) -> str:
    """Return ``deploy/haproxy.cfg`` with its backend servers set to the loopback replicas."""
    text = source.read_text(encoding="utf-8")
    if not _SERVER_TEMPLATE.search(text):
        raise ValueError(f"{source}: no server-template line to replace")
    servers = "\n".join(
        f"    server app{index} {replica.url.removeprefix('http://')} check cookie app{index}"
        for index, replica in enumerate(replicas, start=1)
    )
    text = _SERVER_TEMPLATE.sub(lambda _m: servers, text)
    text = _RESOLVERS.sub("", text)
    return re.sub(r"^(\s*bind\s+)\S+", lambda m: f"{m.group(1)}127.0.0.1:{port}", text, flags=re.M)


def start_balancer(
    replicas: list[Server], name: str = "haproxy", port: int | None = None
) -> Server:
    """Start HAProxy in front of ``replicas`` with the repository's config.

    ``port``: the balancer's port, when it must be known before the replicas start (their
    sign-in's ``redirect_uri`` is on the balancer's address); a free one otherwise.
    """
    if not shutil.which(HAPROXY) and not Path(HAPROXY).exists():
        raise RuntimeError(f"HAProxy not found at {HAPROXY}: scripts/test.sh installs it")
    port = port or free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    config = ARTIFACTS / f"{name}-{port}.cfg"
    config.write_text(balancer_config(replicas, port), encoding="utf-8")
    return _spawn([HAPROXY, "-db", "-f", str(config)], f"{name}-{port}.log", port)


def start_provider(name: str = "oidc-provider") -> Server:
    """Start the local OpenID Connect provider (``tests/e2e/oidc_provider.py``) on a free
    loopback port; wait until it answers its discovery document."""
    port = free_port()
    command = [sys.executable, "-m", "tests.e2e.oidc_provider", str(port)]
    discovery = "/.well-known/openid-configuration"
    return _spawn(command, f"{name}-{port}.log", port, cwd=PROJECT_ROOT, path=discovery, timeout=30)


# A throwaway PostgreSQL cluster -------------------------------------------------------------

POSTGRES_ROOT = Path(os.environ.get("ATLAS_POSTGRES_ROOT", "/usr/lib/postgresql"))
POSTGRES_USER = "postgres"  # PostgreSQL refuses to run as root: as root, run it as this user


def postgres_bin() -> Path:
    """The newest installed PostgreSQL's ``bin`` folder (Debian: /usr/lib/postgresql/N/bin).

    Raises
    ------
    RuntimeError
        If there is none: the tests that need it fail (they are never skipped).
    """
    found = sorted(
        (p for p in POSTGRES_ROOT.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not found:
        raise RuntimeError(
            f"PostgreSQL not found under {POSTGRES_ROOT}: apt-get install postgresql (see .ci/run)"
        )
    return found[-1]


def _as_postgres(command: list[str]) -> list[str]:
    """``command`` run as the ``postgres`` user when we are root (initdb refuses root)."""
    return ["runuser", "-u", POSTGRES_USER, "--", *command] if os.geteuid() == 0 else command


@dataclass
class Postgres:
    """A PostgreSQL cluster in a temporary folder, on a loopback port, for one test run."""

    folder: Path
    port: int
    log: Path
    pid: int = 0
    settings: tuple[str, ...] = ()  # extra "name=value" server settings

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of its ``atlas`` database (the atlas's ``ATLAS_DB_URL``)."""
        return f"postgresql+psycopg://atlas@127.0.0.1:{self.port}/atlas"

    def start(self) -> None:
        """Start the server (again) and wait until it takes connections."""
        binary = postgres_bin()
        subprocess.run(
            _as_postgres(
                [
                    str(binary / "pg_ctl"),
                    "start",
                    "--wait",
                    "--timeout",
                    str(STARTUP_TIMEOUT_S),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-o",
                    f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
                    + "".join(f" -c {setting}" for setting in self.settings),
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])

    def stop(self, sig: int = signal.SIGINT) -> None:
        """Stop the server by its pid (default: fast shutdown) and wait until it is gone."""
        if not self.pid:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            self.pid = 0
            return
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while Path(f"/proc/{self.pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.pid = 0

    def remove(self) -> None:
        """Stop it at once (its data is thrown away) and delete its folder."""
        self.stop(signal.SIGQUIT)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres(*settings: str) -> Postgres:
    """Create a cluster with Debian's PostgreSQL in a new temporary folder; start it.

    Its superuser is ``atlas`` (trust authentication on loopback only), with a database
    ``atlas``; ``settings`` are extra server settings (``"autovacuum=off"``). Stop it
    with ``Postgres.remove()``.
    """
    import tempfile

    binary = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="atlas-postgres-"))
    if os.geteuid() == 0:
        shutil.chown(folder, POSTGRES_USER, POSTGRES_USER)
    cluster = Postgres(folder, free_port(), folder / "postgres.log", settings=settings)
    initdb = [str(binary / "initdb"), "-D", str(cluster.data), "-U", "atlas", "-A", "trust"]
    subprocess.run(
        _as_postgres([*initdb, "-E", "UTF8", "--no-instructions"]), check=True, capture_output=True
    )
    cluster.start()
    createdb = [str(binary / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port)]
    subprocess.run(
        _as_postgres([*createdb, "-U", "atlas", "atlas"]), check=True, capture_output=True
    )
    return cluster
