"""The library is pure: only the UI adapter imports Streamlit, and importing does no I/O."""

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Every library module, packages included, except the UI adapter (which is Streamlit's).
MODULES = sorted(
    ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in (PROJECT_ROOT / "mapping").rglob("*.py")
    if "ui" not in path.relative_to(PROJECT_ROOT / "mapping").parts
    and "locales" not in path.relative_to(PROJECT_ROOT / "mapping").parts
)
UI_PACKAGE = PROJECT_ROOT / "mapping" / "ui"


def test_every_library_module_imports_without_streamlit():
    code = (
        "import sys\n"
        f"for name in {MODULES!r}:\n"
        "    __import__(name)\n"
        "print(sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
    assert len(MODULES) >= 15


def test_the_ui_adapter_is_the_only_streamlit_importer():
    importers = {
        path.parent
        for path in (PROJECT_ROOT / "mapping").rglob("*.py")
        if "import streamlit" in path.read_text(encoding="utf-8")
        or "from streamlit" in path.read_text(encoding="utf-8")
    }
    assert importers == {UI_PACKAGE}
