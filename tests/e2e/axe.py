"""axe-core in every frame of a page: the accessibility audit the browser tests run.

axe-core (Deque, MPL-2.0) comes from the ``axe-playwright-python`` wheel on
PyPI, which ships ``axe.min.js``; we inject that file ourselves into the page
and into every frame in it (the map's, the charts', the network graph's), run
``axe.run`` in each and collect the violations, so a frame is audited as its
own document. The app serves everything from the loopback, so every frame is
same-origin and reachable.

Run it against a running app to print the violations of each page::

    python -m tests.e2e.axe http://127.0.0.1:8501
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
# WCAG 2.0-2.2 A and AA, plus axe's best practices (landmarks, headings, regions).
RUN_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
IMPACTS = ("critical", "serious", "moderate", "minor")
PAGES = ("", "charts", "data", "network", "present", "contribute", "about")


@dataclass(frozen=True)
class Violation:
    """One axe rule broken in one frame: its impact, how many elements, and an example."""

    rule: str
    impact: str
    frame: str
    nodes: int
    example: str
    help: str

    def __str__(self) -> str:
        return f"{self.impact} {self.rule} x{self.nodes} in {self.frame}: {self.example}"


def _frame_name(frame) -> str:
    """A short name for a frame: 'page' or the frame element's title."""
    if frame.parent_frame is None:
        return "page"
    element = frame.frame_element()
    return element.get_attribute("title") or frame.url.rsplit("/", 1)[-1][:40] or "frame"


def audit(page) -> list[Violation]:
    """Run axe-core in the page and in each of its frames; return every violation."""
    source = AXE_JS.read_text(encoding="utf-8")
    found = []
    for frame in page.frames:
        if frame.is_detached() or frame.url in ("", "about:blank", "about:srcdoc"):
            continue
        frame.evaluate(source + "\n;undefined")
        result = frame.evaluate("(options) => axe.run(document, options)", RUN_OPTIONS)
        name = _frame_name(frame)
        for violation in result["violations"]:
            nodes = violation["nodes"]
            found.append(
                Violation(
                    rule=violation["id"],
                    impact=violation.get("impact") or "minor",
                    frame=name,
                    nodes=len(nodes),
                    example=nodes[0]["html"][:160] if nodes else "",
                    help=violation["help"],
                )
            )
    return found


def serious(violations: list[Violation]) -> list[Violation]:
    """The serious and critical ones: the tests allow none."""
    return [v for v in violations if v.impact in ("critical", "serious")]


def counts(violations: list[Violation]) -> dict[str, int]:
    """Rules broken, by impact."""
    return {impact: sum(1 for v in violations if v.impact == impact) for impact in IMPACTS}


def main(argv: list[str]) -> None:
    """Audit every page of a running app in English and Hebrew; print a table."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, NetworkGuard
    from tests.e2e.pages import wait_until_drawn

    base = argv[0].rstrip("/")
    print("| page | language | critical | serious | moderate | minor | rules |")
    print("|---|---|---:|---:|---:|---:|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in ("en", "he"):
            for key in PAGES:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                context.route("**/*", NetworkGuard().route)
                page = context.new_page()
                page.goto(f"{base}/{key}?lang={lang}")
                wait_until_drawn(page, key)
                found = audit(page)
                row = counts(found)
                rules = "; ".join(
                    sorted({f"{v.rule} ({v.impact[0]}) x{v.nodes} in {v.frame}" for v in found})
                )
                print(
                    f"| {key or 'map'} | {lang} | {row['critical']} | {row['serious']} "
                    f"| {row['moderate']} | {row['minor']} | {rules} |"
                )
                context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
