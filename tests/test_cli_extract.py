"""``minutes extract``: the JSON Lines contract, bad inputs, the table view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

MINUTES = Path(sys.executable).with_name("minutes")

NOTICE = """关于做好春季森林防火工作的通知
各乡镇人民政府，县直有关单位：
为做好春季森林防火工作，现将有关事项通知如下。
一、开展隐患排查
请各乡镇人民政府于4月10日前完成林区隐患排查，建立问题清单。
二、加强巡护值守
县林业局牵头，县应急管理局配合，加强重点时段巡护，严格24小时值班。
某某县森林防火指挥部办公室
2025年3月20日
"""


def extract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(MINUTES), "extract", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    made = {
        "notice": ("notice.txt", NOTICE.encode("gb18030")),
        "empty": ("empty.txt", b""),
        "latin": ("latin.txt", b"Quarterly report: nothing to see here.\n"),
        # unclosed <p>, <td> and <tr>, a ragged table
        "broken": ("broken.html", "<html><head><title>本月工作安排</title></head><body><div class=content><p>为做好本月各项工作，"
                                  "现将任务安排如下。<p>各单位要高度重视<b>任务落实。</b><table><tr><td>任务<td>责任单位"
                                  "<tr><td>开展排查<td>县林业局<td>多余<tr><td>建立台账</table><p>未闭合的段落".encode()),
    }
    out = {}
    for key, (name, data) in made.items():
        (folder / name).write_bytes(data)
        out[key] = folder / name
    return out


def test_one_line_per_input_in_order(files):
    result = extract(str(files["notice"]), str(files["latin"]), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    first, second = map(json.loads, result.stdout.splitlines())
    assert first["source"] == str(files["notice"]) and second["source"] == str(files["latin"])
    assert first["meeting"] is None
    assert [(t["text"], [(u["name"], u["role"]) for u in t["units"]]) for t in first["tasks"]] == [
        ("请各乡镇人民政府于4月10日前完成林区隐患排查，建立问题清单", [("各乡镇人民政府", "responsible")]),
        ("县林业局牵头，县应急管理局配合，加强重点时段巡护，严格24小时值班",
         [("县林业局", "lead"), ("县应急管理局", "support")]),
    ]
    assert first["tasks"][0]["deadline"] == {"text": "4月10日前", "date": "2025-04-10", "kind": "by"}
    assert second["tasks"] == []


def test_failing_input_yields_an_error_line_and_exit_1(files, tmp_path):
    missing = tmp_path / "missing.txt"
    result = extract(str(missing), str(files["notice"]))
    assert result.returncode == 1
    first, second = map(json.loads, result.stdout.splitlines())
    assert first["source"] == str(missing) and first["error"]
    assert "error" not in second and second["tasks"]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("key", ["empty", "latin", "broken"])
def test_bad_inputs_never_crash(files, key):
    result = extract(str(files[key]))
    assert "Traceback" not in result.stderr
    (line,) = result.stdout.splitlines()
    obj = json.loads(line)
    assert obj["source"] == str(files[key])
    assert ("error" in obj) == (result.returncode == 1)


def test_table_format_is_for_people(files):
    result = extract(str(files["notice"]), "--format", "table")
    assert result.returncode == 0
    assert "县应急管理局 (support)" in result.stdout and "4月10日前" in result.stdout
    assert not result.stdout.lstrip().startswith("{")
