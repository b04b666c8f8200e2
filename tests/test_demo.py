"""`minutes demo` as a new user runs it: everything from the bundled samples, in a fresh folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from docx import Document as Docx


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "MINUTES_DB"}
    return subprocess.run(
        [sys.executable, "-m", "minutes", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def docx_text(path: Path) -> str:
    document = Docx(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_demo_archives_the_samples_and_writes_their_documents(tmp_path):
    done = run("demo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr

    stats = json.loads(run("stats", "--format", "json", cwd=tmp_path).stdout)
    assert stats["documents"] == 4 and stats["meetings"] >= 2 and stats["tasks"] >= 15
    assert stats["extraction_failed"] == 0

    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert "draft-example-会议纪要.docx" in written
    assert sum(name.endswith("-会议纪要.docx") for name in written) == 3  # two sample meetings + the draft
    assert sum(name.endswith("-任务分解表.docx") for name in written) == 4  # every sample has tasks

    # the task sheet of the dispatch meeting carries its tasks as archived, in document order
    shown = json.loads(run("show", "1", "--format", "json", cwd=tmp_path).stdout)
    assert [task["seq"] for task in shown["tasks"]] == sorted(task["seq"] for task in shown["tasks"])
    sheet = docx_text(tmp_path / "out" / f"{Path(shown['source']).stem}-任务分解表.docx")
    for task in shown["tasks"]:
        assert task["text"][:12] in sheet

    # the Traditional-script sample search found Simplified text
    assert "揚塵" in done.stdout and "扬尘" in done.stdout


def test_demo_twice_changes_nothing_in_the_archive(tmp_path):
    assert run("demo", cwd=tmp_path).returncode == 0
    again = run("demo", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("unchanged") == 4
    assert json.loads(run("stats", "--format", "json", cwd=tmp_path).stdout)["documents"] == 4


def test_demo_into_an_unwritable_place_is_one_error_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run("demo", "--out", str(blocker / "out"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and len(done.stderr.strip().splitlines()) == 1
