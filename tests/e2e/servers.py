"""Start and stop the app and an HAProxy balancer on loopback ports (tests and benchmarks).

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


def wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float) -> float:
    """Wait until ``url`` + ``/_stcore/health`` answers 200; return the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"{log.name}: process exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + HEALTH, timeout=2) as response:
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
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / f"server-{name}-{port}.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1", *extra_args]
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    server = Server(f"http://127.0.0.1:{port}", process, log, started)
    if wait:
        wait_healthy(server.url, process, log, STARTUP_TIMEOUT_S)
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


def start_balancer(replicas: list[Server], name: str = "haproxy") -> Server:
    """Start HAProxy in front of ``replicas`` with the repository's config."""
    if not shutil.which(HAPROXY) and not Path(HAPROXY).exists():
        raise RuntimeError(f"HAProxy not found at {HAPROXY}: scripts/test.sh installs it")
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    config = ARTIFACTS / f"{name}-{port}.cfg"
    config.write_text(balancer_config(replicas, port), encoding="utf-8")
    log = ARTIFACTS / f"{name}-{port}.log"
    started = time.monotonic()
    process = subprocess.Popen(
        [HAPROXY, "-db", "-f", str(config)], stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    server = Server(f"http://127.0.0.1:{port}", process, log, started)
    wait_healthy(server.url, process, log, STARTUP_TIMEOUT_S)
    return server
