"""Shapes of plans, work schemes and notices of small places as published (transmittal
notices, phased schemes, placeholder years, items without trigger words), each on
sentences written for these tests."""

from __future__ import annotations

from datetime import date

from minutes.models import Document
from minutes.nlp.components.tasks import tasks_of

ANCHOR = date(2025, 3, 10)


def extract(*blocks, anchor=ANCHOR):
    return tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=anchor)


def run(*blocks, anchor=ANCHOR):
    return [(t.text, [(u.name, u.role) for u in t.units]) for t in extract(*blocks, anchor=anchor)]


# ---------------------------------------------------------------- notices (category 4)

def test_an_addressee_line_with_members_the_recognizer_does_not_know():
    # the line is a list of addressees: the members that are units count, the rest are
    # left out, and a note after a member (（单位）) does not hide it
    assert run(
        "各镇人民政府、青岚街道办事处，县政府有关部门，云溪产业园管委会，有关科级事业单位：",
        "现将《云溪县扬尘治理方案》转发给你们，请结合实际，认真抓好贯彻落实。",
    ) == [("请结合实际，认真抓好贯彻落实",
           [("各镇人民政府", "responsible"), ("青岚街道办事处", "responsible"),
            ("县政府有关部门", "responsible"), ("云溪产业园管委会", "responsible")])]
    assert run(
        "各县（区）环委会，市级有关部门（单位）：",
        "现将《石湾市臭氧防治方案》印发你们，请认真贯彻执行。",
    ) == [("请认真贯彻执行", [("各县（区）环委会", "responsible"), ("市级有关部门（单位）", "responsible")])]


def test_a_line_of_mostly_words_is_no_addressee_line():
    assert run("经研究，现将有关事项通知如下：", "请于6月底前报送自查报告。") == [
        ("请于6月底前报送自查报告", [])]


def test_a_note_pointing_to_the_subject_stands_between_it_and_the_trigger():
    # （详见任务分工） after the addressees, and the members of a named organ 有关 qualifies
    tasks = extract("各县（区）和市环委会有关成员单位（详见任务分工）要制定本地方案，于4月15日前报市环委办备案。")
    assert [(t.text, [u.name for u in t.units], t.deadline.date) for t in tasks] == [
        ("要制定本地方案，于4月15日前报市环委办备案", ["各县（区）", "市环委会有关成员单位"], date(2025, 4, 15))]
