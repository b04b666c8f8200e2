"""The screenshots of the web page in docs/ (web-*.png), taken with Debian's chromium
on an archive of the bundled samples:

    .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402
from web.archive import build  # noqa: E402
from web.server import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402

from minutes.store import Archive  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        ids = build(db)
        with Archive(db) as archive:
            tasks = archive.tasks()
            sample = next(t for t in tasks if t.document_id != ids["hostile"] and t.units)
            for task in tasks[1:4]:
                archive.set_status([task.id], "done", by="王芳", note="已现场核查")
            unit = sample.units[0].unit
            document = sample.document_id
        with serving(db) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            shots = {
                "search": f"/search?q=揚塵",
                "document": f"/documents/{document}",
                "ledger": f"/ledger?document={document}#task-{sample.id}",
                "unit": f"/units/{unit}",
                "dashboard": "/dashboard",
                "import": "/import",
            }
            for name, path in shots.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=HERE / f"web-{name}.png", full_page=False)
                print(HERE / f"web-{name}.png")
            browser.close()


if __name__ == "__main__":
    main()
