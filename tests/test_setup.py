"""The README's two commands: the second (scripts/test.sh) sets a fresh machine up and tests.

scripts/test.sh runs here against fake system tools (``id``, ``sudo``, ``dpkg-query``,
``apt-get``, ``python3``) that log what they are asked, so every path of the script is
checked without installing anything: what it installs, as whom, when it stops, and that a
second run installs nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM
from tests.e2e.servers import HAPROXY

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = PROJECT_ROOT / "scripts" / "test.sh"
PACKAGES = ["chromium", "fonts-noto-core", "haproxy", "postgresql"]
# Each fake logs "name args" to $LOG; behaviour comes from environment variables.
FAKES = {
    "id": 'echo "${FAKE_UID:-0}"',
    "sudo": (
        'echo "sudo $*" >>"$LOG"\n'
        'if [ "$1" = "-n" ] && [ "$2" = "true" ]; then exit "${FAKE_SUDO_STATUS:-1}"; fi\n'
        '"$@"'
    ),
    "dpkg-query": (
        'package="${@: -1}"\n'
        'case " ${FAKE_MISSING:-} " in *" $package "*) exit 1;; esac\n'
        "printf 'install ok installed'"
    ),
    "apt-get": 'echo "apt-get $*" >>"$LOG"',
    "python3": (
        'echo "python3 $*" >>"$LOG"\n'
        'if [ "$1" = "-m" ]; then\n'
        "  mkdir -p .venv/bin\n"
        "  for tool in python pip; do\n"
        '    printf \'#!/bin/bash\\necho "%s $*" >>"$LOG"\\n\' "$tool" >".venv/bin/$tool"\n'
        '    chmod +x ".venv/bin/$tool"\n'
        "  done\n"
        "fi"
    ),
}


@pytest.fixture
def machine(tmp_path):
    """A copy of the script and requirements, and a PATH of fake tools; returns a runner."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy2(SCRIPT, repo / "scripts" / "test.sh")
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy2(PROJECT_ROOT / name, repo / name)
    fakes = tmp_path / "bin"
    fakes.mkdir()
    for name, body in FAKES.items():
        (fakes / name).write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
        (fakes / name).chmod(0o755)
    log = tmp_path / "calls.log"

    def run(*args: str, **env: str) -> tuple[subprocess.CompletedProcess, list[str]]:
        log.write_text("", encoding="utf-8")
        system = ":".join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir())
        variables = {"PATH": f"{fakes}:{system}", "LOG": str(log), "HOME": str(tmp_path), **env}
        done = subprocess.run(
            ["bash", str(repo / "scripts" / "test.sh"), *args],
            capture_output=True,
            text=True,
            env=variables,
            cwd=tmp_path,
        )
        return done, log.read_text(encoding="utf-8").splitlines()

    run.repo = repo
    return run


def installs(calls: list[str]) -> list[str]:
    """The apt-get install lines among the calls."""
    return [call for call in calls if "apt-get install" in call]


def test_a_machine_with_everything_installs_nothing_and_runs_pytest(machine):
    done, calls = machine("-q", "tests/test_rules.py")
    assert done.returncode == 0, done.stderr
    assert not [call for call in calls if call.startswith(("apt-get", "sudo"))]
    assert "python3 -m venv .venv" in calls
    assert "pip install -q -r requirements-dev.txt" in calls
    assert calls[-1] == "python -m pytest -q tests/test_rules.py"


def test_a_second_run_costs_nothing(machine):
    machine()
    done, calls = machine()
    assert done.returncode == 0, done.stderr
    # No package manager, no new environment, no pip: only the tests.
    assert calls[-1] == "python -m pytest"
    assert not [c for c in calls if c.startswith(("apt-get", "sudo", "pip", "python3 -m"))]


def test_a_changed_requirement_reinstalls(machine):
    machine()
    with (machine.repo / "requirements-dev.txt").open("a", encoding="utf-8") as file:
        file.write("# a new pin\n")
    _, calls = machine()
    assert "pip install -q -r requirements-dev.txt" in calls


@pytest.mark.parametrize(
    ("uid", "sudo", "prefix", "why"),
    [
        ("0", "1", "", "root installs directly"),
        ("1000", "0", "sudo ", "a user with passwordless sudo installs through it"),
    ],
)
def test_missing_packages_are_installed_by_whoever_may(machine, uid, sudo, prefix, why):
    done, calls = machine(FAKE_UID=uid, FAKE_SUDO_STATUS=sudo, FAKE_MISSING="haproxy postgresql")
    assert done.returncode == 0, (why, done.stderr)
    assert f"{prefix}apt-get update -qq" in calls
    assert installs(calls)[-1].endswith("--no-install-recommends haproxy postgresql"), calls
    assert calls[-1] == "python -m pytest"


def test_anyone_else_gets_the_exact_command_and_nothing_else(machine):
    done, calls = machine(FAKE_UID="1000", FAKE_SUDO_STATUS="1", FAKE_MISSING=" ".join(PACKAGES))
    assert done.returncode == 1
    install = "sudo apt-get install -y --no-install-recommends " + " ".join(PACKAGES)
    assert f"sudo apt-get update && {install}" in done.stderr
    assert not installs(calls)
    assert not (machine.repo / ".venv").exists(), "it stops before anything else"


def test_the_readme_ci_and_tests_agree_on_the_second_command():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.+?)\n```", readme.split("## Two commands")[1])[:2]
    assert commands[0].startswith("python3 -m venv .venv && .venv/bin/pip install -r requirements")
    assert commands[1] == "scripts/test.sh"
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^scripts/test\.sh$", ci, re.M)
    script = SCRIPT.read_text(encoding="utf-8")
    assert f"PACKAGES=({' '.join(PACKAGES)})" in script
    assert os.access(SCRIPT, os.X_OK)
    assert os.access(PROJECT_ROOT / ".ci" / "run", os.X_OK)


@pytest.mark.parametrize(("tool", "package"), [(CHROMIUM, "chromium"), (HAPROXY, "haproxy")])
def test_the_tools_the_tests_run_come_from_the_packages_the_script_installs(tool, package):
    if not shutil.which("dpkg-query"):
        pytest.skip("not a Debian system")
    owner = subprocess.run(["dpkg-query", "-S", tool], capture_output=True, text=True)
    assert owner.stdout.startswith(f"{package}:"), owner.stdout + owner.stderr
