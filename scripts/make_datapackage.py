"""Write ``data/datapackage.json`` (the descriptor is built by ``mapping.datapackage``).

Run: ``python scripts/make_datapackage.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping.datapackage import package, text
from mapping.paths import DATAPACKAGE_FILE

if __name__ == "__main__":
    DATAPACKAGE_FILE.write_text(text(), encoding="utf-8")
    print(f"{DATAPACKAGE_FILE}: {len(package()['resources'])} resources")
