"""The office profile: office.yaml beside the archive, and the documents that take from it."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from typer.testing import CliRunner

from minutes.cli import app
from minutes.drafts import Draft, NoticeDraft, with_profile
from minutes.models import Extraction, Meeting
from minutes.office import ProfileError, dump_profile, load_profile, parse_profile
from test_register import PROFILE


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_init_show_and_round_trip(tmp_path):
    db = tmp_path / "minutes.db"
    made = invoke("office", "init", "--organ", "青川市大气污染防治工作领导小组办公室", "--short-name", "市大气办", "--db", str(db))
    assert made.exit_code == 0, made.output
    profile = load_profile(db)
    assert (profile.organ, profile.name, profile.assignment_number) == (
        "青川市大气污染防治工作领导小组办公室", "市大气办", "〔{year}〕督字{n}号")
    assert parse_profile(dump_profile(profile)) == profile
    again = invoke("office", "init", "--db", str(db))
    assert again.exit_code == 1 and again.stderr.startswith("error: ") and "--force" in again.stderr
    shown = invoke("office", "show", "--db", str(db))
    assert shown.exit_code == 0 and "short_name: 市大气办" in shown.stdout
    assert PROFILE.recipients("各成员单位") == ["市生态环境局", "市住房城乡建设局"]
    assert PROFILE.recipients("各区县人民政府") == ["甲区人民政府", "乙县人民政府"]
    assert PROFILE.recipients("市公安局") == ["市公安局"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("organ: [a]\n", "field 'organ' must be a text, not list"),
        ("short_name: 市大气办\n", "field 'organ' (the office's full name) is required"),
        ("organ: 办\ncolour: red\n", "unknown field 'colour'"),
        ("organ: 办\nassignment_number: 督字号\n", "must contain {n}"),
        ("organ: 办\nassignment_number: '{n}{x}'\n", "may use only {year} and {n}"),
        ("organ: 办\nmembers: 3\n", "field 'members' must be a list of unit names"),
        ("organ: 办\nreport_to: {support: 省政府}\n", "maps lead/support/responsible to office or lead"),
        ("organ: [\n", "is not valid YAML at line"),
        ("- a\n- b\n", "must be a YAML mapping"),
        ("organ: 办\n# " + "x" * 70_000 + "\n", "larger than 64 KB"),
        ("a: &a [*a]\n", "unknown field 'a'"),
    ],
)
def test_bad_profiles_are_one_line(tmp_path, text, message):
    with pytest.raises(ProfileError, match=message.replace("(", r"\(").replace(")", r"\)").replace("{", r"\{").replace("}", r"\}")):
        parse_profile(text)
    (tmp_path / "office.yaml").write_text(text, encoding="utf-8")
    shown = invoke("office", "show", "--db", str(tmp_path / "minutes.db"))
    assert shown.exit_code == 1 and shown.stderr.startswith("error: office.yaml") and shown.stderr.count("\n") == 1


def test_minutes_take_the_header_and_imprint_from_the_profile(tmp_path):
    extracted = Draft.from_extraction(Extraction(title="扬尘治理调度会", published=date(2025, 3, 3),
                                                 meeting=Meeting(name="扬尘治理调度会", organizer="青川市")))
    assert with_profile(extracted, None) is extracted
    assert with_profile(extracted, None, number=3).number == "第3期"
    issued = with_profile(extracted, PROFILE)
    assert issued.header == "青川市大气污染防治工作领导小组办公室会议纪要"
    assert issued.printed_by == "青川市大气污染防治工作领导小组办公室"
    notice = with_profile(NoticeDraft(meeting="扬尘治理调度会"), PROFILE)
    assert (notice.header, notice.organ, notice.contact, notice.phone) == (
        "青川市大气污染防治工作领导小组办公室文件", PROFILE.organ, "王敏", "0000-12345678")
    hand_written = with_profile(Draft(title="纪要", header="青川市环委会会议纪要", printed_by="青川市环委办"), PROFILE)
    assert (hand_written.header, hand_written.printed_by) == ("青川市环委会会议纪要", "青川市环委办")

    (tmp_path / "office.yaml").write_text(dump_profile(PROFILE), encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    draft.write_text("title: 扬尘治理调度会纪要\norgan: 青川市\ndate: 2025-03-03\n", encoding="utf-8")
    out = tmp_path / "m.docx"
    done = invoke("doc", "minutes", str(draft), "-o", str(out), "--number", "7", "--db", str(tmp_path / "minutes.db"))
    assert done.exit_code == 0, done.output
    body = docx.Document(str(out)).element.body
    text = "".join(body.itertext())  # the 版记 sits in a text box: all text, not just the paragraphs
    assert "第7期" in text
    assert "青川市大气污染防治工作领导小组办公室会议纪要" in text and "青川市会议纪要" not in text
    assert "青川市大气污染防治工作领导小组办公室\t2025年3月3日印发" in text
