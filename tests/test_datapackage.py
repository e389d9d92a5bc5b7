"""The dataset as a data package: Frictionless validates it, and it says how to cite it."""

import json
import re

import frictionless
import pandas as pd

from mapping import datapackage
from mapping.paths import DATA_DIR, DATAPACKAGE_FILE, PROJECT_ROOT
from mapping.provenance import load_metadata

CITATION = PROJECT_ROOT / "CITATION.cff"


def copy_package(folder, *but):
    """The data package's descriptor and every resource it names, except ``but``, in
    ``folder`` (a missing resource would be an error of its own, hiding the one tested)."""
    descriptor = json.loads(DATAPACKAGE_FILE.read_text(encoding="utf-8"))
    names = ["datapackage.json", *(resource["path"] for resource in descriptor["resources"])]
    for name in names:
        if name not in but:
            (folder / name).write_bytes((DATA_DIR / name).read_bytes())


def test_the_descriptor_is_derived_from_the_code():
    # Vocabularies, columns and networks come from the code: rerun the script if this fails.
    assert DATAPACKAGE_FILE.read_text(encoding="utf-8") == datapackage.text()


def test_frictionless_validates_every_resource():
    report = frictionless.validate(DATAPACKAGE_FILE)
    errors = [error for task in report.tasks for error in task.errors][:5]
    assert report.valid, [(e.type, e.note) for e in errors]


def test_frictionless_catches_an_unknown_relation_and_a_dangling_link(tmp_path):
    # The package's schema is strict enough to be worth validating.
    copy_package(tmp_path, "relationships.csv")
    lines = (DATA_DIR / "relationships.csv").read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    first[2] = "likes"
    second = lines[2].split(",")
    second[0] = "nobody-here"
    broken = [lines[0], ",".join(first), ",".join(second), *lines[3:]]
    (tmp_path / "relationships.csv").write_text("\n".join(broken) + "\n", encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    types = {error.type for task in report.tasks for error in task.errors}
    assert {"constraint-error", "foreign-key"} <= types


def test_package_and_metadata_agree():
    descriptor = json.loads(DATAPACKAGE_FILE.read_text(encoding="utf-8"))
    metadata = load_metadata()
    assert descriptor["version"] == metadata["version"]
    assert descriptor["created"].startswith(metadata["date"])


def test_citation_cff_names_this_version():
    text = CITATION.read_text(encoding="utf-8")
    metadata = load_metadata()
    assert re.search(rf"^version: \"?{re.escape(metadata['version'])}\"?$", text, re.MULTILINE)
    assert re.search(rf"^date-released: \"?{metadata['date']}\"?$", text, re.MULTILINE)
    assert "cff-version: 1.2.0" in text
    assert "CC-BY-4.0" in text


def test_frictionless_catches_a_bad_roster(tmp_path):
    # The roster columns are typed: a size that is not a positive integer, a date in
    # another format and a source that is not a URL are each an error.
    copy_package(tmp_path, "networks.csv")
    networks = pd.read_csv(DATA_DIR / "networks.csv", dtype=str, keep_default_na=False)
    networks.loc[0, "roster_size"] = "0"
    networks.loc[1, "roster_date"] = "September 2017"
    networks.loc[2, "roster_source"] = "the directory"
    networks.to_csv(tmp_path / "networks.csv", index=False)
    report = frictionless.validate(tmp_path / "datapackage.json")
    errors = [error for task in report.tasks for error in task.errors]
    assert {(e.type, e.field_name) for e in errors} == {
        ("constraint-error", "roster_size"),
        ("constraint-error", "roster_date"),
        ("constraint-error", "roster_source"),
    }
