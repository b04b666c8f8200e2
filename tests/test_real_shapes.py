"""Shapes of real published texts the rules must read (the categories of failure seen on
real reposts, plans and notices), each on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from minutes.models import Document
from minutes.nlp.components.tasks import tasks_of

ANCHOR = date(2025, 3, 10)


def run(*blocks, anchor=ANCHOR):
    tasks = tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=anchor)
    return [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks]


def test_addressee_carries_to_the_subjectless_clauses_of_its_sentence():
    assert run("会议要求，各乡镇要压实属地责任；要建立巡查台账；要及时上报。要加强宣传。") == [
        ("要压实属地责任", [("各乡镇", "responsible")]),
        ("要建立巡查台账", [("各乡镇", "responsible")]),
        ("要及时上报", [("各乡镇", "responsible")]),
        ("要加强宣传", []),  # not past the sentence's 。
    ]


def test_a_second_addressee_in_the_sentence_stops_the_carrying():
    assert run("各乡镇要加强巡查；县水利局要做好监测；要严肃问责。") == [
        ("要加强巡查", [("各乡镇", "responsible")]),
        ("要做好监测", [("县水利局", "responsible")]),
        ("要严肃问责", []),
    ]
