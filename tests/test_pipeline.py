"""The extraction pipeline is a spaCy pipeline whose components read the Doc: character
tokens, an organisation recognizer built from the lexicon file, the rule stages writing
their results to Doc extensions."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
import spacy
from spacy.language import Language

from minutes import datafiles
from minutes.models import Document
from minutes.nlp.components import units
from minutes.nlp.pipeline import COMPONENTS, doc_of, extract, get_nlp


def test_components_are_registered_factories_in_order():
    nlp = get_nlp()
    assert nlp.lang == "zh"
    assert nlp.pipe_names == list(COMPONENTS)
    assert all(Language.has_factory(name) for name in COMPONENTS)


# 龘𪚥: characters no other test has put into the vocabulary
@pytest.mark.parametrize("text", ["县林业局要加强巡查。", "a b  c\n d 市局 ", "  ", "", "龘𪚥局，龘。"])
def test_one_token_per_character_and_the_text_kept(text):
    doc = get_nlp().make_doc(text)
    assert doc.text == text
    assert all(len(token.text) == 1 for token in doc)
    assert [token.is_punct for token in doc] == [token.text in "，。" for token in doc]


# 鼗: first seen here, then read by its code point; 𪚥 lies beyond the BMP
@pytest.mark.parametrize("text", ["鼗鼗局 鼗。", "鼗𪚥 局"])
def test_a_text_read_again_gives_the_same_tokens(text):
    first, again = get_nlp().make_doc(text), get_nlp().make_doc(text)
    assert [(t.text, t.whitespace_) for t in first] == [(t.text, t.whitespace_) for t in again]
    assert first.text == again.text == text


def test_stages_write_their_results_to_the_doc():
    document = Document("notice.txt", "txt", blocks=["县林业局要于6月底前完成火灾隐患排查。"], published=date(2025, 3, 10))
    doc = get_nlp()(doc_of(document))
    assert [span.text for span in doc.spans["orgs"]] == ["县林业局"]
    assert doc._.clauses.clauses and doc._.meeting is None and doc._.anchor is not None
    [task] = doc._.tasks
    assert [a.name for a in task.units] == ["县林业局"] and task.deadline.date == date(2025, 6, 30)
    assert extract(document).tasks == doc._.tasks


def test_organisation_suffixes_come_from_the_lexicon_file(monkeypatch):
    sentence = "市生态文明促进会要加强宣传。"

    def orgs() -> list[str]:
        nlp = spacy.blank("zh")
        nlp.add_pipe("minutes_orgs")
        doc = nlp(sentence)
        return [span.text for span in doc.spans["orgs"]]

    read = datafiles.text

    def reload() -> None:
        for cached in (read, datafiles.load, units.rules, units.lexicon):
            cached.cache_clear()

    get_nlp()  # registers the factories
    assert orgs() == []
    original = read("organizations.yaml")
    assert "organ_suffixes: [" in original
    monkeypatch.setattr(datafiles, "text", lambda name: (
        original.replace("organ_suffixes: [", "organ_suffixes: [促进会, ") if name == "organizations.yaml" else read(name)))
    reload()
    try:
        assert orgs() == ["市生态文明促进会"]
    finally:
        monkeypatch.undo()
        reload()
    assert orgs() == []


def test_minutes_help_imports_no_spacy():
    probe = "import sys; sys.argv = ['minutes', '--help']\nimport minutes.cli\ntry:\n    minutes.cli.main()\nexcept SystemExit:\n    pass\nprint('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert "Usage" in result.stdout and result.stdout.split()[-1] == "False"


def test_bingtuan_units_and_titles_in_a_meeting_report():
    document = Document("report.txt", "txt", title="第九师青松市召开环委会会议", published=date(2026, 4, 2), blocks=[
        "4月1日，第九师青松市召开环委会会议。师市党委常委、副师长林远航出席会议并讲话。",
        "师市住建局、一二五团、一二七团等单位负责人参加会议。",
        "会议要求，一二五团、一二七团要加强秸秆禁烧巡查。",
    ])
    extraction = extract(document)
    assert extraction.meeting.units == ["师市住建局", "一二五团", "一二七团"]
    assert [(p.name, p.title, p.role) for p in extraction.meeting.people] == [("林远航", "师市党委常委、副师长", "speaker")]
    [task] = extraction.tasks
    assert [a.name for a in task.units] == ["一二五团", "一二七团"]
