"""The deployment files agree with each other and with the README's command."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.e2e.servers import Server, balancer_config

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def haproxy() -> str:
    return (DEPLOY / "haproxy.cfg").read_text(encoding="utf-8")


def test_the_image_runs_the_readme_command():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert '"streamlit", "run", "app.py"' in dockerfile
    assert "COPY requirements.txt" in dockerfile  # the runtime pins, not the test tools
    assert "_stcore/health" in dockerfile


def test_compose_builds_that_image_and_shares_the_cookie_secret(compose):
    app = compose["services"]["app"]
    assert (DEPLOY / app["build"]["context"] / app["build"]["dockerfile"]).resolve() == (
        DEPLOY / "Dockerfile"
    ).resolve()
    # Unset, compose refuses to start: replicas with different secrets break uploads.
    assert ":?" in app["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert app["environment"]["ATLAS_RUN_SLOTS"] == "1"


def test_the_balancer_and_the_replicas_meet_on_the_same_ports(compose, haproxy):
    balancer = compose["services"]["balancer"]
    config_mount = next(v for v in balancer["volumes"] if v.endswith("haproxy.cfg:ro"))
    assert (DEPLOY / config_mount.split(":")[0]).resolve() == (DEPLOY / "haproxy.cfg").resolve()
    bind = re.search(r"^\s*bind\s+:(\d+)", haproxy, re.M).group(1)
    assert balancer["ports"] == [f"{bind}:{bind}"]
    template = re.search(r"server-template \w+ \d+ (\w+):(\d+)", haproxy)
    assert template.group(1) in compose["services"]
    assert compose["services"]["app"]["expose"] == [template.group(2)]


def test_sessions_stick_to_one_replica(haproxy):
    assert re.search(r"^\s*cookie SERVERID insert\b", haproxy, re.M)
    assert "option httpchk GET /_stcore/health" in haproxy


def test_haproxy_accepts_the_config_and_its_loopback_rewrite(tmp_path):
    # HAProxy comes from Debian, as Chromium does (scripts/test.sh installs both).
    assert shutil.which("haproxy"), "scripts/test.sh installs haproxy"
    checked = subprocess.run(
        ["haproxy", "-c", "-f", str(DEPLOY / "haproxy.cfg")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    replicas = [Server(f"http://127.0.0.1:{port}", None, None, 0) for port in (9001, 9002)]
    rewritten = tmp_path / "haproxy.cfg"
    rewritten.write_text(balancer_config(replicas, 9000), encoding="utf-8")
    checked = subprocess.run(
        ["haproxy", "-c", "-f", str(rewritten)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_streamlit_run_serves_app_py_as_a_server_that_warms_up():
    # `streamlit run app.py` looks for `app = st.App(...)` in the file without running it;
    # if it stopped finding it, every process would go back to a cold first visitor.
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app
    assert found.import_string == "app:app"
    assert "lifespan=warm_up" in (ROOT / "app.py").read_text(encoding="utf-8")


def test_every_replica_keeps_suggestions_in_one_postgresql(compose):
    app, db = compose["services"]["app"], compose["services"]["db"]
    url = app["environment"]["ATLAS_DB_URL"]
    assert url.startswith("postgresql+psycopg://atlas:")
    assert "@db:5432/atlas" in url  # the compose service, by its name
    assert ":?" in url  # no password, no start: never a default one
    assert db["environment"]["POSTGRES_DB"] == "atlas"
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in db["volumes"])


def test_the_balancer_forwards_each_visitors_address(haproxy):
    # The suggestion quotas count per visitor: without it every visitor is the balancer.
    assert re.search(r"^\s*option forwardfor\b", haproxy, re.M)


def test_the_image_can_keep_suggestions_without_a_database_server():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert "/app/var" in dockerfile  # var/atlas.db, writable by the app's user


def test_the_balancer_passes_the_replicas_compressed_files_through(compose, haproxy):
    # Offloading would strip Accept-Encoding before the replicas, which then could not
    # answer with their precompressed files.
    assert not re.search(r"^\s*compression\s+offload", haproxy, re.M)
    app = compose["services"]["app"]
    assert "precompressed:/app/.cache/precompressed" in app["volumes"]
    assert "precompressed" in compose["volumes"]
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"chown -R atlas /app/static .*/app/\.cache", dockerfile)


def test_every_replica_mounts_the_same_sign_in_secrets(compose):
    """st.login reads [auth] from .streamlit/secrets.toml: one file for every replica (one
    cookie secret, one redirect_uri on the balancer), mounted, never built into the image."""
    import tomllib

    app = compose["services"]["app"]
    mounted = {entry["source"]: entry["target"] for entry in app["secrets"]}
    assert mounted == {"atlas_secrets": "/app/.streamlit/secrets.toml"}
    file = compose["secrets"]["atlas_secrets"]["file"]
    variable, default = re.fullmatch(r"\$\{(\w+):-(.+)\}", file).groups()
    assert variable == "ATLAS_SECRETS"
    # Without it: a file with no [auth], so the replicas run without sign-in.
    assert "auth" not in tomllib.loads((DEPLOY / default).read_text(encoding="utf-8"))
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert ".streamlit/secrets.toml" in ignored
    # The mounted file keeps its owner and mode: the image's user has a known uid.
    assert "useradd --create-home --uid 1000 atlas" in (DEPLOY / "Dockerfile").read_text()
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text())
    assert set(example["auth"]) == {
        "redirect_uri",
        "cookie_secret",
        "client_id",
        "client_secret",
        "server_metadata_url",
    }
    assert example["auth"]["redirect_uri"].endswith("/oauth2callback")
