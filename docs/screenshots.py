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
from minutes.store.queries import units_by_open_tasks  # noqa: E402


NOTICE = """关于做好秸秆禁烧工作的通知
2025年9月20日
各有关单位：为做好今年秋收期间秸秆禁烧工作，现将有关事项通知如下。
一、市城管局要于10月15日前完成城郊结合部秸秆焚烧专项检查。
二、市生态环境局负责在10月31日前完成秸秆焚烧火点卫星遥感监测通报。
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        ids = build(db)
        with Archive(db) as archive:
            tasks = archive.tasks()
            sample = next(t for t in tasks if t.document_id != ids["hostile"] and t.units)
            for task in [*tasks[1:4], sample]:
                archive.set_status([task.id], "已办结", by="王芳", note="已现场核查，整改到位")
            unit = units_by_open_tasks(archive)[0][0]
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
            }
            for name, path in shots.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=HERE / f"web-{name}.png", full_page=False)
                print(HERE / f"web-{name}.png")
            page.goto(base + "/import")
            page.set_input_files("#file", files=[{"name": "秸秆禁烧通知.txt", "mimeType": "text/plain", "buffer": NOTICE.encode()}])
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=HERE / "web-import.png")
            print(HERE / "web-import.png")
            browser.close()


if __name__ == "__main__":
    main()
