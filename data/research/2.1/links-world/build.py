"""Turn links.txt (pipe-separated drafts) into relationships.csv."""
import csv
from pathlib import Path
here = Path(__file__).parent
rows = []
for line in (here / "links.txt").read_text().splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    s, t, rel, since, until, src, note = line.split("|")
    rows.append(dict(source_id=s, target_id=t, relation=rel, since=since, until=until,
                     source=src, checked="2026-12-07", note=note))
with open(here / "relationships.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["source_id", "target_id", "relation", "since", "until", "source", "checked", "note"])
    w.writeheader()
    w.writerows(rows)
print(len(rows), "links")
