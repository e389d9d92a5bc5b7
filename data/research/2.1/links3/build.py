"""Turn links.txt (pipe-separated drafts) into relationships.csv, refusing unknown ids and repeats."""
import csv, glob
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2]
CHECKED = "2026-12-07"

ids = set()
for f in [DATA / "organisations.csv", *glob.glob(str(DATA / "research/2.1/*/organisations.csv"))]:
    with open(f, newline="", encoding="utf-8") as fh:
        ids |= {r["id"] for r in csv.DictReader(fh)}
existing = set()
for f in [DATA / "relationships.csv", *glob.glob(str(DATA / "research/2.1/*/relationships.csv"))]:
    if Path(f).parent == HERE:
        continue
    with open(f, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            existing.add((r["source_id"], r["target_id"], r["relation"]))
            if r["relation"] == "partners_with":
                existing.add((r["target_id"], r["source_id"], r["relation"]))

rows, seen = [], set()
for line in (HERE / "links.txt").read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    s, t, rel, since, until, src, note = line.split("|")
    assert s in ids and t in ids, f"unknown id in {line}"
    key = (s, t, rel)
    if key in existing or key in seen:
        print("REPEAT", key); continue
    if rel == "partners_with":
        if (t, s, rel) in existing or (t, s, rel) in seen:
            print("REPEAT", key); continue
    seen.add(key)
    rows.append(dict(source_id=s, target_id=t, relation=rel, since=since, until=until,
                     source=src, checked=CHECKED, note=note))

with open(HERE / "relationships.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.DictWriter(fh, fieldnames=["source_id", "target_id", "relation", "since", "until",
                                       "source", "checked", "note"])
    w.writeheader()
    w.writerows(rows)
print(len(rows), "links written")
