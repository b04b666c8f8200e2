"""Full-text search: recall over the shared corpus, literal queries, filters, ranking."""

from __future__ import annotations

import importlib
import re
from datetime import date

import pytest

from minutes.store import Archive
from minutes.errors import QueryError
from minutes.ingest import ingest
from minutes.models import Assignment, Deadline, Document, Extraction, Task
from minutes.readers import read
from minutes.store import index_terms, make_snippet, search

HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
QUERY_LENGTHS = (2, 3, 4, 8)
POSITIONS_PER_LENGTH = 6


@pytest.fixture(scope="module")
def corpus_archive(corpus_files):
    """The seed and dev corpus, imported without extraction: (archive, {source: id})."""
    archive = Archive(":memory:")
    ids = {}
    for path in corpus_files:
        result = ingest(archive, read(path), extract=False)
        ids[str(path)] = result.id
    yield archive, ids
    archive.close()


def sample_queries(text: str) -> list[str]:
    """Han substrings of the given lengths at evenly spaced positions (deterministic)."""
    queries = []
    for length in QUERY_LENGTHS:
        starts = [m.start() + i for m in HAN_RUN.finditer(text) for i in range(len(m.group()) - length + 1)]
        step = max(1, len(starts) // POSITIONS_PER_LENGTH)
        queries.extend(text[start : start + length] for start in starts[::step][:POSITIONS_PER_LENGTH])
    return queries


def test_every_han_substring_finds_its_document_in_simplified_and_traditional(corpus_archive):
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    archive, ids = corpus_archive
    total = archive.stats()["documents"]
    misses = []
    checked = 0
    for source, doc_id in ids.items():
        text = archive.document(doc_id).text
        for query in sample_queries(text):
            for variant in (query, to_traditional.convert(query)):
                checked += 1
                if doc_id not in {hit.document_id for hit in search(archive, variant, limit=total)}:
                    misses.append((source.rsplit("/", 1)[-1], variant))
    assert checked > len(ids) * 40
    assert misses == []


def test_a_traditional_query_finds_simplified_text():
    with Archive(":memory:") as archive:
        doc_id = save(archive, "会议要求加强机动车尾气检测，确保环境质量持续改善。")
        assert [h.document_id for h in search(archive, "機動車尾氣檢測")] == [doc_id]
        assert [h.document_id for h in search(archive, "環境質量")] == [doc_id]


def save(archive: Archive, body: str, *, title: str = "通知", source: str | None = None, published=None, extraction=None) -> int:
    source = source or f"/docs/{archive.stats()['documents'] + 1}.txt"
    doc = Document(source=source, kind="txt", raw=(title + body).encode(), title=title, published=published, blocks=[body])
    return archive.save(doc, extraction).id


@pytest.fixture
def small_archive():
    with Archive(":memory:") as archive:
        ids = {
            "reduction": save(archive, "各地要落实应急减排措施，减排清单要动态更新。", title="减排工作通知", published=date(2025, 1, 10),
                              source="https://sthj.example.gov.cn/a/1.html",
                              extraction=Extraction(tasks=[Task("要落实应急减排措施", [Assignment("市生态环境局", "lead")],
                                                                Deadline("6月底前", date(2025, 6, 30), "by"))])),
            "ozone": save(archive, "夏季臭氧污染防控进入关键期，请各单位做好VOCs治理和PM2.5协同控制。", title="臭氧防控", published=date(2025, 6, 1),
                          source="/local/ozone.txt"),
            "symbols": save(archive, "文件编号为A-B(2025)第3号，标记\"*\"的项目须在NOT列中注明。", title="符号说明", published=date(2025, 7, 1)),
            "mention": save(archive, "简报中顺带提到减排一词。", title="工作简报", published=date(2025, 2, 1)),
        }
        yield archive, ids


@pytest.mark.parametrize(
    "query", ['"', "AND", "OR", "NOT", "*", "-", "(", ")", '"减排', "减排 AND", "(减排", "减排)", "-减排", "减排*", "NOT 减排", "减排 OR 臭氧", "A-B", "*)(\"-"]
)
def test_fts_syntax_in_a_query_is_literal_and_never_raises(small_archive, query):
    archive, _ = small_archive
    search(archive, query)
    search(archive, query, tasks=True)


def test_operators_are_words_unless_advanced(small_archive):
    archive, ids = small_archive
    assert search(archive, "减排 OR 臭氧") == []
    assert {h.document_id for h in search(archive, "减排 OR 臭氧", advanced=True)} == {ids["reduction"], ids["ozone"], ids["mention"]}
    assert {h.document_id for h in search(archive, "减排 NOT 简报", advanced=True)} == {ids["reduction"]}
    assert {h.document_id for h in search(archive, "(臭氧 OR 减排) AND 简报", advanced=True)} == {ids["mention"]}
    assert [h.document_id for h in search(archive, "NOT")] == [ids["symbols"]]
    assert [h.document_id for h in search(archive, "A-B")] == [ids["symbols"]]
    assert [h.document_id for h in search(archive, '"*"')] == [ids["symbols"]]


@pytest.mark.parametrize("query", ["", "   ", '"减排', "减排 AND", "AND"])
def test_bad_advanced_queries_are_query_errors(small_archive, query):
    archive, _ = small_archive
    with pytest.raises(QueryError):
        search(archive, query, advanced=True)


def test_empty_query_is_an_error(small_archive):
    with pytest.raises(QueryError, match="empty"):
        search(small_archive[0], "  ")


def test_single_characters_and_mixed_queries(small_archive):
    archive, ids = small_archive
    assert {h.document_id for h in search(archive, "减")} == {ids["reduction"], ids["mention"]}
    assert [h.document_id for h in search(archive, "第3号")] == [ids["symbols"]]
    assert [h.document_id for h in search(archive, "PM2.5")] == [ids["ozone"]]
    assert [h.document_id for h in search(archive, "vocs")] == [ids["ozone"]]
    assert search(archive, "第4号") == []


def test_title_hits_rank_first_and_snippets_point_at_the_match(small_archive):
    archive, ids = small_archive
    hits = search(archive, "减排")
    assert [h.document_id for h in hits] == [ids["reduction"], ids["mention"]]
    for hit in hits:
        assert hit.highlights and all(hit.snippet[s:e] == "减排" for s, e in hit.highlights)


def test_filters(small_archive):
    archive, ids = small_archive
    found = lambda **kw: {h.document_id for h in search(archive, "减排", **kw)}  # noqa: E731
    assert found(since="2025-01-15") == {ids["mention"]}
    assert found(until=date(2025, 1, 31)) == {ids["reduction"]}
    assert found(source="sthj.example.gov.cn") == {ids["reduction"]}
    assert found(source="/nowhere/") == set()
    assert found(unit="市生态环境局") == {ids["reduction"]}
    assert found(unit="不存在的单位") == set()


def test_task_search(small_archive):
    archive, ids = small_archive
    hits = search(archive, "应急减排", tasks=True)
    assert len(hits) == 1
    assert hits[0].document_id == ids["reduction"]
    assert hits[0].task.text == "要落实应急减排措施"
    assert hits[0].task.units[0].name == "市生态环境局"
    assert hits[0].task.document_id == ids["reduction"] and hits[0].published == hits[0].task.document_published
    assert hits[0].to_dict()["task"]["units"][0]["name"] == "市生态环境局"
    assert [h.task.seq for h in search(archive, "生态环境局", tasks=True)] == [1]  # unit names are searched
    assert search(archive, "6月底前", tasks=True)[0].task.deadline.date == date(2025, 6, 30)
    assert search(archive, "臭氧", tasks=True) == []


def test_updated_documents_are_reindexed(small_archive):
    archive, ids = small_archive
    doc = Document(source="/local/ozone.txt", kind="txt", raw=b"v2", title="臭氧防控", blocks=["改为讨论扬尘治理。"])
    assert archive.save(doc, None).status == "updated"
    assert search(archive, "臭氧污染") == []
    assert [h.document_id for h in search(archive, "扬尘治理")] == [ids["ozone"]]
    archive.conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)")


def test_index_terms_are_bigrams_and_words_and_punctuation_is_checked_in_the_text():
    assert index_terms("环境保护，PM2.5与臭氧") == "环境 境保 保护 pm2 5 与臭 臭氧"
    assert index_terms("一") == "一"
    assert index_terms("“引号”与'撇号'") == "引号 与 撇号"


def test_index_terms_are_the_terms_of_the_runs_a_query_is_split_into():
    # the index is built over arrays of code points, a query's terms run by run: both must
    # agree for every kind of character (Han of every block, letters of other scripts,
    # digits, underscores, combining marks, marks, blanks) or a document is not found
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from minutes.store.index import _SHORT, run_terms, text_runs

    alphabet = st.sampled_from(list("环境保护一，。、（）() \n\t_-.aAZ09İßΣ²½①Ⅻǅ\u0301\u3000\u3400\u4dbf\u9fff\uf900\ufaff")
                               + ["\U00020000", "\U0003134f", "\U0001f600", "\U00010400"])

    @settings(max_examples=3000, deadline=None)
    @given(st.text(alphabet, min_size=_SHORT, max_size=3 * _SHORT))  # (shorter ones are read run by run)
    def agree(text):
        assert index_terms(text) == " ".join(t for kind, run in text_runs(text.lower()) for t in run_terms(kind, run))

    agree()


@pytest.mark.parametrize(
    ("query", "found"),
    [("民政府，市级有", False), ("民政府、市级有", True), ("府、市", True), ("府，市", False), ("政府、", True),
     ("PM2.5", True), ("PM2,5", False), ("（2025）", True), ("(2025)", False), ("'A'", True), ('"A"', False)],
)
def test_punctuation_in_a_query_is_matched_literally(query, found):
    with Archive(":memory:") as archive:
        doc_id = save(archive, "请各区县人民政府、市级有关部门做好PM2.5防控，文号（2025）'A'。")
        assert [h.document_id for h in search(archive, query)] == ([doc_id] if found else [])


def test_an_index_with_punctuation_terms_is_rebuilt_without_them(tmp_path):
    path = tmp_path / "minutes.db"
    with Archive(path) as archive:
        doc_id = save(archive, "请各区县人民政府、市级有关部门做好防控。", source="/docs/a.txt")
        # the index as schema version 6 wrote it: punctuation marks were terms of their own
        archive.conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
        archive.conn.execute(
            "INSERT INTO documents_fts (rowid, title, body, tasks) VALUES (?, '通知', ?, '')",
            (doc_id, "请各 各区 区县 县人 人民 民政 政府 、 市级 级有 有关 关部 部门 门做 做好 好防 防控 。"),
        )
        archive.conn.execute("UPDATE schema_version SET version = 6")
    with Archive(path) as archive:
        assert [h.document_id for h in search(archive, "政府、市级")] == [doc_id]
        assert search(archive, "政府，市级") == []
        # the rows written by the rebuild are the ones a new version deletes
        doc = Document("/docs/a.txt", "txt", raw=b"v2", title="通知", blocks=["扬尘治理要求。"])
        assert archive.save(doc).status == "updated"
        assert search(archive, "政府、市级") == [] and [h.document_id for h in search(archive, "扬尘治理")] == [doc_id]
        archive.conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)")


def test_make_snippet_maps_back_to_the_text():
    text = "前文" * 40 + "\n关键词出现在这里\n" + "后文" * 60
    snippet, highlights = make_snippet(text, "关键词")
    assert "\n" not in snippet and len(snippet) < len(text)
    assert [snippet[s:e] for s, e in highlights] == ["关键词"]


def test_title_hits_first_then_the_newest_matches_by_frequency(monkeypatch):
    ranking = importlib.import_module("minutes.store.search")  # the module: minutes.store.search is the function

    with Archive(":memory:") as archive:
        oldest = save(archive, "正文提到减排。", title="减排专题")
        older = save(archive, "减排减排减排，三次提到减排。")
        newer = [save(archive, f"第{n}份材料顺带提到减排，篇幅较长的说明文字。") for n in range(2)]
        assert [h.document_id for h in search(archive, "减排")] == [oldest, older, newer[1], newer[0]]
        monkeypatch.setattr(ranking, "RANKED_AT_MOST", 2)
        # a title hit is found in the whole archive; other matches among the newest ones only
        # (as many as the page asks for, at least RANKED_AT_MOST)
        assert [h.document_id for h in search(archive, "减排", limit=2)] == [oldest, newer[1]]
        hits = search(archive, "减排")
        assert hits[0].score < -1 < hits[1].score < 0


def test_a_page_of_hits_knows_the_total_and_a_status_narrows_task_searches(tmp_path):
    from minutes.store import Archive, search_page
    from minutes.errors import QueryError
    from minutes.models import Document

    with Archive(tmp_path / "a.db") as archive:
        for i in range(5):
            archive.save(Document(f"s{i}.txt", "txt", raw=str(i).encode(), title=f"通知{i}", blocks=[f"扬尘治理第{i}项"]))
        first, second = search_page(archive, "扬尘治理", per_page=3), search_page(archive, "扬尘治理", page=2, per_page=3)
        assert (first.total, len(first.hits), second.total, len(second.hits)) == (5, 3, 5, 2)
        assert {h.document_id for h in first.hits} | {h.document_id for h in second.hits} == {1, 2, 3, 4, 5}
        assert search_page(archive, "扬尘治理", page=9, per_page=3).total == 5
        with pytest.raises(QueryError, match="task searches only"):
            search_page(archive, "扬尘治理", status="done")


def test_a_search_that_shows_no_total_leaves_the_matches_uncounted(tmp_path, monkeypatch):
    from minutes.store import Archive, search, search_page
    module = importlib.import_module("minutes.store.search")  # the package's `search` is the function
    from minutes.models import Document

    monkeypatch.setattr(module, "RANKED_AT_MOST", 3)
    with Archive(tmp_path / "a.db") as archive:
        for i in range(5):
            archive.save(Document(f"s{i}.txt", "txt", raw=str(i).encode(), title=f"通知{i}", blocks=[f"扬尘治理第{i}项"]),
                         extraction=Extraction(tasks=[Task(f"完成扬尘治理第{i}项", [Assignment("区住建局", "lead")])]))
        for tasks in (False, True):
            counted = search_page(archive, "扬尘治理", tasks=tasks, per_page=2)
            uncounted = search_page(archive, "扬尘治理", tasks=tasks, per_page=2, count=False)
            assert (counted.total, counted.capped) == (5, False)
            assert (uncounted.total, uncounted.capped) == (3, True)  # a lower bound: the matches ranked
            assert [h.document_id for h in uncounted.hits] == [h.document_id for h in counted.hits]
            assert [h.snippet for h in search(archive, "扬尘治理", tasks=tasks, limit=2)] == [h.snippet for h in counted.hits]
            # fewer matches than a page ranks are all of them: no count needed to know the total
            one = search_page(archive, "第3项", tasks=tasks, count=False)
            assert (one.total, one.capped) == (1, False)
