"""The archive: saving, versions, units and aliases, tasks, page state, schema and errors."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from datetime import date, datetime

import pytest

from minutes.store import SCHEMA_VERSION, Archive, StoredAssignment, StoredDocument, StoredTask, TaskEvent, search
from minutes.store.content import unpack
from minutes.store.schema import MIGRATIONS
from minutes.nlp.names import canonical_unit, document_region
from minutes.errors import ArchiveError
from minutes.models import Assignment, Deadline, Document, Extraction, Meeting, Person, Task

# Original sample text composed for these tests.
TITLE = "重庆市生态环境局召开秸秆禁烧工作推进会"
BODY = [
    "3月2日，市生态环境局召开秸秆禁烧工作推进会，通报近期火点监测情况。",
    "会议要求，市农业农村委要牵头做好秸秆综合利用，4月底前完成台账核查。",
    "各区县生态环境局要加强夜间巡查，发现火点立即处置。",
]


def make_doc(body=BODY, raw=None, source="/archive/notice.txt") -> Document:
    text = "\n".join(body)
    return Document(
        source=source,
        kind="txt",
        raw=(raw if raw is not None else text.encode()),
        encoding="utf-8",
        title=TITLE,
        published=date(2025, 3, 2),
        blocks=list(body),
        metadata={"来源": "重庆市生态环境局"},
    )


def make_extraction(deadline_date=date(2025, 4, 30)) -> Extraction:
    return Extraction(
        title=TITLE,
        published=date(2025, 3, 2),
        meeting=Meeting(
            name="秸秆禁烧工作推进会",
            date=date(2025, 3, 2),
            organizer="重庆市生态环境局",
            people=[Person("王明", "市生态环境局副局长", "chair")],
            units=["市农业农村委"],
        ),
        tasks=[
            Task(
                "要牵头做好秸秆综合利用",
                [Assignment("市农业农村委", "lead"), Assignment("市生态环境局", "support")],
                Deadline("4月底前", deadline_date, "by"),
            ),
            Task("要加强夜间巡查，发现火点立即处置", [Assignment("各区县生态环境局", "responsible")], Deadline("立即", None, "asap")),
        ],
    )


@pytest.fixture
def archive():
    with Archive(":memory:") as archive:
        yield archive


def test_save_new_then_unchanged(archive):
    first = archive.save(make_doc(), make_extraction())
    again = archive.save(make_doc(), make_extraction())
    assert (first.status, again.status) == ("new", "unchanged")
    assert first.id == again.id
    stored = archive.document(first.id)
    assert isinstance(stored, StoredDocument)
    assert stored.text == "\n".join(BODY)
    assert stored.title == TITLE and stored.published == date(2025, 3, 2)
    assert (stored.source, stored.kind, stored.encoding) == ("/archive/notice.txt", "txt", "utf-8")
    assert stored.metadata == {"来源": "重庆市生态环境局"} and isinstance(stored.imported, datetime)
    assert stored.versions == 0 and stored.size == len(make_doc().raw)
    assert stored.meeting.people == [Person("王明", "市生态环境局副局长", "chair")]
    assert [t.text for t in stored.tasks] == ["要牵头做好秸秆综合利用", "要加强夜间巡查，发现火点立即处置"]


def test_a_stored_document_gives_back_what_was_extracted(archive):
    """The stored records are the extraction plus what the archive knows: nothing lost in between."""
    doc_id = archive.save(make_doc(), make_extraction()).id
    stored = archive.document(doc_id)
    assert stored.extraction().to_dict() == make_extraction().to_dict()
    task = stored.tasks[0]
    assert isinstance(task, StoredTask) and isinstance(task, Task)
    assert (task.id, task.document_id, task.seq, task.status, task.history) == (1, doc_id, 1, "待交办", [])
    assert (task.document_title, task.document_published, task.document_source) == (TITLE, date(2025, 3, 2), "/archive/notice.txt")
    assert archive.task(task.id) == task and archive.task(999) is None
    plain = task.to_dict()
    assert plain["deadline"] == {"text": "4月底前", "date": "2025-04-30", "kind": "by"}
    assert plain["units"][0] == {"name": "市农业农村委", "role": "lead", "unit": "重庆市农业农村委"}


def test_changed_content_updates_in_place_and_keeps_the_previous_version(archive):
    first = archive.save(make_doc(), make_extraction())
    changed_body = [*BODY[:2], "各区县生态环境局要每日报送火点处置情况。"]
    changed = Extraction(title=TITLE, tasks=[Task("要每日报送火点处置情况", [Assignment("各区县生态环境局", "responsible")])])
    result = archive.save(make_doc(changed_body), changed)
    assert (result.status, result.id) == ("updated", first.id)
    stored = archive.document(first.id)
    assert stored.versions == 1
    assert [t.text for t in stored.tasks] == ["要每日报送火点处置情况"]
    assert stored.meeting is None
    old = archive.conn.execute("SELECT content FROM document_versions WHERE document_id = ?", (first.id,)).fetchone()
    assert unpack(old["content"]) == ("\n".join(BODY), "\n".join(BODY).encode())
    assert archive.stats()["documents"] == 1


def test_an_updated_source_keeps_every_tracked_task(archive):
    doc_id = archive.save(make_doc(), make_extraction()).id
    same, reworded = (t.id for t in archive.document(doc_id).tasks)
    archive.set_status([same, reworded], "已办结", by="李华")
    archive.conn.execute("UPDATE tasks SET code = 'T2025-001' WHERE id = ?", (same,))
    revised = make_extraction()
    revised.tasks[1].text = "要加强夜间巡查"  # the same directive read with less text around it
    assert archive.save(make_doc(raw=b"revised"), revised).note is None
    first, second = archive.document(doc_id).tasks
    assert (first.id, first.status, first.code, [(e.by, e.to_status) for e in first.history]) == (
        same, "已办结", "T2025-001", [("李华", "已办结")])
    assert (second.id, second.text, second.status) == (reworded, "要加强夜间巡查", "已办结")

    replaced = make_extraction()
    replaced.tasks[1].text = "要于5月底前完成秸秆离田"  # a directive of its own: the tracked one is gone
    result = archive.save(make_doc(raw=b"replaced"), replaced)
    assert result.note == "1 tracked task(s) no longer found by extraction: kept as they were"
    tasks = archive.document(doc_id).tasks
    assert [(t.seq, t.text, t.status) for t in tasks] == [
        (1, "要牵头做好秸秆综合利用", "已办结"),
        (2, "要于5月底前完成秸秆离田", "待交办"),
        (3, "要加强夜间巡查", "已办结"),
    ]
    assert tasks[2].id == reworded and [e.by for e in tasks[2].history] == ["李华"]
    assert [h.task.id for h in search(archive, "夜间巡查", tasks=True)] == [reworded]  # still indexed


def test_untracked_tasks_are_replaced_by_the_new_extraction(archive):
    doc_id = archive.save(make_doc(), make_extraction()).id
    replaced = make_extraction()
    replaced.tasks[1].text = "要于5月底前完成秸秆离田"
    assert archive.save(make_doc(raw=b"replaced"), replaced).note is None
    assert [t.text for t in archive.document(doc_id).tasks] == ["要牵头做好秸秆综合利用", "要于5月底前完成秸秆离田"]


def test_relative_unit_names_take_the_document_region_and_stay_aliases(archive):
    archive.save(make_doc(), make_extraction())
    units = archive.document(1).tasks[0].units
    assert units == [
        StoredAssignment("市农业农村委", "lead", unit="重庆市农业农村委"),
        StoredAssignment("市生态环境局", "support", unit="重庆市生态环境局"),
    ]
    assert archive.document(1).tasks[1].units[0].unit == "各区县生态环境局"
    aliases = dict(archive.conn.execute("SELECT alias, u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id"))
    assert aliases == {"市农业农村委": "重庆市农业农村委", "市生态环境局": "重庆市生态环境局"}


@pytest.mark.parametrize(
    ("name", "region", "canonical"),
    [
        ("市生态环境局", "重庆市", "重庆市生态环境局"),
        ("区生态环境局", "璧山区", "璧山区生态环境局"),
        ("区生态环境厅", "新疆维吾尔自治区", "新疆维吾尔自治区生态环境厅"),
        ("省生态环境厅", "成都市", "省生态环境厅"),  # level differs: the province is unknown
        ("市级有关部门", "重庆市", "市级有关部门"),  # a collective, not a body of the city
        ("市生态环境局", None, "市生态环境局"),
        ("万州区生态环境局", "重庆市", "万州区生态环境局"),
    ],
)
def test_canonical_unit(name, region, canonical):
    assert canonical_unit(name, region) == canonical


def test_document_region_from_organizer_title_or_site_facts():
    doc = make_doc()
    assert document_region(doc, make_extraction()) == "重庆市"
    doc.title, doc.metadata = "关于印发成都市臭氧污染防控方案的通知", {}
    assert document_region(doc, None) == "成都市"
    doc.title, doc.metadata = "关于做好秸秆禁烧工作的通知", {"来源": "璧山区生态环境局"}
    assert document_region(doc, None) == "璧山区"
    doc.metadata = {}
    assert document_region(doc, None) is None


def test_tasks_filters_by_unit_alias_deadline_and_overdue(archive):
    archive.save(make_doc(), make_extraction())
    assert [t.seq for t in archive.tasks(unit="市农业农村委")] == [1]
    assert [t.seq for t in archive.tasks(unit="重庆市农业农村委")] == [1]
    assert [t.seq for t in archive.tasks(unit="区县生态")] == [2]  # part of a name
    assert archive.tasks(unit="不存在的单位") == []
    assert [t.seq for t in archive.tasks(due_before=date(2025, 5, 1))] == [1]
    assert archive.tasks(due_before="2025-04-30") == []
    assert [t.seq for t in archive.tasks(overdue=True, today=date(2025, 5, 1))] == [1]
    assert archive.tasks(overdue=True, today=date(2025, 4, 30)) == []


def test_tasks_are_marked_done_all_or_none_and_stay_done_after_reextraction(archive):
    doc_id = archive.save(make_doc(), make_extraction()).id
    first, second = (t.id for t in archive.document(doc_id).tasks)
    archive.set_status([first], "已办结")
    assert archive.tasks(overdue=True, today=date(2025, 5, 1)) == []
    with pytest.raises(ArchiveError, match="no task 999"):
        archive.set_status([second, 999], "已办结")
    assert archive.task(second).status == "待交办"  # the batch changed nothing
    assert archive.task(second).history == []
    with pytest.raises(ArchiveError, match="must be one of 待交办、已交办"):
        archive.set_status([second], "finished")
    archive.replace_extraction(doc_id, make_extraction(), doc=make_doc())
    assert [t.status for t in archive.document(doc_id).tasks] == ["已办结", "待交办"]


def test_status_changes_are_kept_in_the_task_history_across_reextraction(archive):
    doc_id = archive.save(make_doc(), make_extraction()).id
    task_id = archive.document(doc_id).tasks[0].id
    archive.set_status([task_id], "已办结", by="李华", note="现场核查完毕")
    archive.set_status([task_id], "已办结")  # no change, no event
    archive.set_status([task_id], "办理中")
    history = archive.task(task_id).history
    assert [(e.by, e.from_status, e.to_status, e.note) for e in history] == [
        ("李华", "待交办", "已办结", "现场核查完毕"),
        (None, "已办结", "办理中", None),
    ]
    assert all(isinstance(e, TaskEvent) and isinstance(e.at, datetime) for e in history)
    archive.replace_extraction(doc_id, make_extraction(), doc=make_doc())
    again = archive.document(doc_id).tasks
    assert again[0].history == history and again[1].history == []


def test_a_recurring_task_is_never_overdue(archive):
    extraction = make_extraction()
    extraction.tasks[0].deadline = Deadline("每月5日前", date(2025, 3, 5), "recurring")
    archive.save(make_doc(), extraction)
    assert archive.tasks(overdue=True, today=date(2025, 6, 1)) == []
    assert [t.seq for t in archive.tasks(due_before=date(2025, 4, 1))] == [1]


def test_replace_extraction_keeps_task_status_and_document_text(archive):
    doc_id = archive.save(make_doc(), make_extraction()).id
    archive.conn.execute("UPDATE tasks SET status = '已办结' WHERE seq = 1")
    archive.replace_extraction(doc_id, make_extraction(deadline_date=date(2025, 5, 31)))
    tasks = archive.document(doc_id).tasks
    assert [(t.status, t.deadline.date) for t in tasks] == [("已办结", date(2025, 5, 31)), ("待交办", None)]
    assert archive.document(doc_id).text == "\n".join(BODY)
    assert archive.stats()["document_versions"] == 0
    with pytest.raises(ArchiveError, match="no document 99"):
        archive.replace_extraction(99, None)


def test_extraction_failure_is_recorded(archive):
    result = archive.save(make_doc(), None, extraction_error="extraction failed: boom")
    assert result.status == "new" and result.error == "extraction failed: boom"
    stored = archive.document(result.id)
    assert (stored.tasks, stored.meeting, stored.extraction_error) == ([], None, "extraction failed: boom")
    assert archive.stats()["extraction_failed"] == 1


def test_a_failing_save_leaves_nothing_behind(archive):
    broken = make_extraction()
    broken.tasks.append(Task(None, []))  # type: ignore[arg-type]  # violates NOT NULL on tasks.text
    with pytest.raises(ArchiveError):
        archive.save(make_doc(), broken)
    assert archive.stats()["documents"] == 0 and archive.stats()["tasks"] == 0
    assert archive.save(make_doc(), make_extraction()).status == "new"


def test_in_a_batch_the_index_is_written_at_commit_and_a_failed_write_leaves_none_of_its_index_rows(tmp_path):
    broken = make_extraction()
    broken.tasks.append(Task(None, []))  # type: ignore[arg-type]  # violates NOT NULL on tasks.text
    with Archive(tmp_path / "minutes.db") as archive:
        with archive.batch(every=100, seconds=600):
            kept = archive.save(make_doc(), make_extraction()).id
            with pytest.raises(ArchiveError):  # its old terms were queued for removal before it failed
                archive.replace_extraction(kept, broken)
            with pytest.raises(ArchiveError):
                archive.save(make_doc(source="/archive/other.txt", body=["大气污染防治攻坚。"]), broken)
            assert search(archive, "秸秆禁烧") == []  # not committed yet: not searchable yet
        assert [hit.document_id for hit in search(archive, "秸秆禁烧")] == [kept]
        assert [hit.task.seq for hit in search(archive, "夜间巡查", tasks=True)] == [2]
        assert search(archive, "大气污染") == []
        for table in ("documents_fts", "titles_fts", "tasks_fts"):
            archive.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")


def _segments(archive: Archive) -> dict[str, int]:
    """How many segments each index table is in (each has at least one row in its _idx table)."""
    return {table: archive.conn.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0]
            for table in ("documents_fts", "titles_fts", "tasks_fts")}


def _save_numbered(archive: Archive, numbers: range) -> None:
    for n in numbers:
        archive.save(make_doc(source=f"/archive/{n}.txt", body=[*BODY, f"第{n}号通报。"]), make_extraction())


def test_a_bulk_import_leaves_each_index_in_one_segment(tmp_path):
    with Archive(tmp_path / "minutes.db") as archive:
        with archive.batch(every=1):  # a commit, so a new segment, per document
            _save_numbered(archive, range(12))
            assert _segments(archive)["documents_fts"] > 1
        assert _segments(archive) == {"documents_fts": 1, "titles_fts": 1, "tasks_fts": 1}
        assert len(search(archive, "秸秆禁烧", limit=50)) == 12
        assert [hit.document_id for hit in search(archive, "第7号")] == [8]


def test_a_small_import_into_a_larger_archive_leaves_the_merging_to_fts5_and_optimize_does_it(tmp_path):
    with Archive(tmp_path / "minutes.db") as archive:
        with archive.batch():
            _save_numbered(archive, range(20))
        with archive.batch(every=1):  # 2 documents: a tenth of the archive
            _save_numbered(archive, range(20, 22))
        assert _segments(archive)["documents_fts"] > 1
        archive.optimize()
        assert _segments(archive) == {"documents_fts": 1, "titles_fts": 1, "tasks_fts": 1}
        assert len(search(archive, "夜间巡查", tasks=True, limit=100)) == 22
        for table in ("documents_fts", "titles_fts", "tasks_fts"):
            archive.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")


def test_an_interrupted_bulk_import_keeps_what_it_committed_and_merges_nothing(tmp_path):
    with Archive(tmp_path / "minutes.db") as archive:
        with pytest.raises(KeyboardInterrupt), archive.batch(every=1):
            _save_numbered(archive, range(5))
            raise KeyboardInterrupt
        assert archive.stats()["documents"] == 5
        assert _segments(archive)["documents_fts"] > 1


def _long_doc(n: int) -> Document:
    # (3,000 characters a document, few shared: each commit writes a segment of many pages,
    # enough for FTS5's merges to have work to do)
    body = "".join(chr(0x4E00 + (n * 7919 + k * 104729) % 20000) for k in range(3000))
    return make_doc(body=[body], source=f"/archive/{n}.txt")


def test_a_batch_that_merges_the_index_at_its_end_does_not_merge_it_before(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        with archive.batch(every=1):
            for n in range(12):
                archive.save(_long_doc(n))
            assert _segments(archive)["documents_fts"] == 12  # one a commit, none merged yet
            # the merge setting committed is the table's own (FTS5's default: none stored)
            with sqlite3.connect(tmp_path / "a.db") as other:
                assert other.execute("SELECT v FROM documents_fts_config WHERE k = 'automerge'").fetchone() in (None, (4,))
        assert _segments(archive)["documents_fts"] == 1
        assert len(search(archive, "秸秆禁烧", limit=20)) == 12


def test_a_small_batch_into_a_larger_archive_lets_the_index_merge_as_it_goes(tmp_path):
    # (it ends without a merge of its own: FTS5's merges keep the segments few)
    with Archive(tmp_path / "a.db") as archive:
        with archive.batch():
            for n in range(40):
                archive.save(_long_doc(n))
        statements: list[str] = []
        archive.conn.set_trace_callback(statements.append)
        with archive.batch(every=1):  # 6 documents into 40
            for n in range(40, 46):
                archive.save(_long_doc(n))
        assert len([s for s in statements if s == "COMMIT"]) == 6
        assert not [s for s in statements if "automerge" in s]


def test_page_state(archive):
    assert archive.page("https://example.org/a.html") is None
    archive.record_page("https://example.org/a.html", etag='"x1"', status=200, fetched="2025-03-02T08:00:00+00:00")
    archive.record_page("https://example.org/a.html", status=304)
    page = archive.page("https://example.org/a.html")
    assert (page["etag"], page["status"], page["last_modified"]) == ('"x1"', 304, None)
    with pytest.raises(ArchiveError, match="unknown page field"):
        archive.record_page("https://example.org/a.html", colour="red")


def test_originals_iterates_raw_bytes_for_reextraction(archive):
    archive.save(make_doc(), None)
    archive.save(make_doc(source="/archive/other.txt", raw=b"other"), None)
    rows = list(archive.originals())
    assert [(r["source"], r["kind"], r["original"][:5]) for r in rows] == [
        ("/archive/notice.txt", "txt", "\n".join(BODY).encode()[:5]),
        ("/archive/other.txt", "txt", b"other"),
    ]


def test_file_archive_uses_wal_foreign_keys_and_reopens(tmp_path):
    path = tmp_path / "minutes.db"
    with Archive(path) as archive:
        archive.save(make_doc(), make_extraction())
        assert archive.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert archive.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Archive(path) as archive:
        assert archive.stats()["tasks"] == 2
        assert archive.conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_an_archive_of_the_first_schema_is_upgraded_in_place(tmp_path):
    path = tmp_path / "minutes.db"
    with sqlite3.connect(path) as conn:  # an archive as the first release wrote it
        conn.executescript(MIGRATIONS[0])
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (1)")
        conn.execute(
            "INSERT INTO documents (source, kind, title, metadata, content_hash, imported, updated, text, original)"
            " VALUES ('/old.txt', 'txt', '旧通知', '{}', 'h', '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00',"
            " '正文要求完成整改', x'00')"
        )
        conn.execute(
            "INSERT INTO document_versions (document_id, content_hash, imported, replaced, text, original)"
            " VALUES (1, 'g', '2024-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00', '初稿', x'0102')"
        )
        conn.execute("INSERT INTO tasks (document_id, seq, text, status) VALUES (1, 1, '要完成整改', 'done')")
    with Archive(path) as archive:
        assert archive.conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert archive.document(1).title == "旧通知" and archive.document(1).text == "正文要求完成整改"
        assert [row["original"] for row in archive.originals()] == [b"\x00"]
        version = archive.conn.execute("SELECT content FROM document_versions").fetchone()[0]
        assert unpack(version) == ("初稿", b"\x01\x02")
        # the index was rebuilt: text, title and tasks are found
        assert [hit.document_id for hit in search(archive, "完成整改")] == [1]
        assert [hit.document_id for hit in search(archive, "旧通知")] == [1]
        assert [hit.task.id for hit in search(archive, "完成整改", tasks=True)] == [1]
        assert archive.task(1).status == "已办结"  # done → 已办结 (schema 3)
        archive.set_status([1], "办理中")
        assert [(e.from_status, e.to_status) for e in archive.task(1).history] == [("已办结", "办理中")]


def _zlib_content(text: str, raw: bytes) -> bytes:
    """A document's text and raw bytes as archives stored them before zstd: flags 0
    (GB18030 text, raw bytes as they came), the two sizes, one zlib stream."""
    stored = text.encode("gb18030")
    return struct.pack(">BII", 0, len(stored), len(raw)) + zlib.compress(stored + raw)


def test_an_archive_whose_documents_are_stored_with_zlib_opens_searches_and_updates(tmp_path):
    path = tmp_path / "minutes.db"
    with Archive(path) as archive:
        doc_id = archive.save(make_doc(), make_extraction()).id
        text = "\n".join(BODY)
        archive.conn.execute("UPDATE documents SET content = ?", (_zlib_content(text, text.encode()),))
    with Archive(path) as archive:
        assert archive.document(doc_id).text == text
        assert archive.original(doc_id)["original"] == text.encode()
        hit, = search(archive, "夜间巡查")
        assert hit.document_id == doc_id and "夜间巡查" in hit.snippet
        # a new version: the zlib one moves to the versions as it is, the index forgets its text
        changed = [*BODY[:2], "各区县要每日报送火点处置情况。"]
        assert archive.save(make_doc(changed), None).status == "updated"
        assert search(archive, "夜间巡查") == [] and [h.document_id for h in search(archive, "每日报送")] == [doc_id]
        old = archive.conn.execute("SELECT content FROM document_versions").fetchone()[0]
        assert old[0] == 0 and unpack(old) == (text, text.encode())
        assert archive.conn.execute("SELECT content FROM documents").fetchone()[0][0] & 4  # written with zstd
        archive.conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "minutes.db"
    Archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(ArchiveError, match="created by a newer minutes; upgrade"):
        Archive(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "minutes.db"
    path.write_text("these are meeting notes, not a database\n" * 50)
    with pytest.raises(ArchiveError, match=r"^minutes.db is not a minutes archive \(file is not a database\)$"):
        Archive(path)


def test_another_sqlite_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(ArchiveError, match="not a minutes archive"):
        Archive(path)
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]


def test_locked_database(tmp_path):
    path = tmp_path / "minutes.db"
    Archive(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Archive(path, timeout=0.2) as archive:
            assert archive.stats()["documents"] == 0  # reading still works under WAL
            with pytest.raises(ArchiveError, match="^minutes.db is locked by another process; try again when it finishes$"):
                archive.save(make_doc(), make_extraction())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Archive(path) as archive:
        assert archive.save(make_doc(), make_extraction()).status == "new"
        assert archive.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_unopenable_path(tmp_path):
    with pytest.raises(ArchiveError, match="cannot open archive"):
        Archive(tmp_path / "missing-folder" / "minutes.db")


def test_tasks_by_id_keep_the_order_asked_for(archive):
    doc_id = archive.save(make_doc(), make_extraction()).id
    first, second = (t.id for t in archive.document(doc_id).tasks)
    assert [t.id for t in archive.tasks_by_id([second, 999, first])] == [second, first]
    assert archive.tasks_by_id([]) == []


def test_a_batch_reads_with_a_larger_page_cache_and_gives_it_back(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        cache = lambda: archive.conn.execute("PRAGMA cache_size").fetchone()[0]  # noqa: E731 (negative: KiB)
        before = cache()
        with archive.batch():
            assert cache() <= -65536 < before
        assert cache() == before
        with pytest.raises(ValueError), archive.batch():
            raise ValueError
        assert cache() == before


def test_pages_a_batch_frees_go_back_to_the_file_system_when_it_ends(tmp_path):
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        free = lambda: archive.conn.execute("PRAGMA freelist_count").fetchone()[0]  # noqa: E731
        with archive.batch():
            archive.conn.execute("CREATE TABLE scratch (blob BLOB)")
            archive.conn.executemany("INSERT INTO scratch VALUES (randomblob(4000))", [()] * 500)
            archive.conn.execute("DROP TABLE scratch")
            assert free() > 100
        assert free() == 0
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert path.stat().st_size < 1_000_000


def test_ingest_all_gives_each_document_its_result_in_order_a_group_at_a_time(tmp_path, monkeypatch):
    from minutes import ingest as ingest_module
    from minutes.ingest import ingest_all
    from minutes.readers import read_bytes
    from minutes.store import SaveResult

    monkeypatch.setattr(ingest_module, "_GROUP", 3)  # groups of three: the steps run over each in turn
    texts = [f"关于第{i}次会议的通知\n各区县要加强大气污染防治，全面推进第{i}项整治。\n" for i in range(8)]
    docs: list = [read_bytes(text.encode(), f"doc{i}.txt", kind="txt") for i, text in enumerate(texts)]
    docs[4] = Document("blank.txt", "txt", raw=b"-", blocks=["版权所有"])  # boilerplate only: no text once normalized
    docs[6] = SaveResult(None, "failed", "unreadable.txt", "cannot read it")
    with Archive(tmp_path / "a.db") as archive, archive.batch():
        results = list(ingest_all(archive, docs, extract=False,
                                  on_error=lambda doc, error: SaveResult(None, "failed", doc.source, str(error))))
        assert [r.source for r in results] == ["doc0.txt", "doc1.txt", "doc2.txt", "doc3.txt", "blank.txt", "doc5.txt",
                                                "unreadable.txt", "doc7.txt"]
        assert [r.status for r in results] == ["new"] * 4 + ["failed", "new", "failed", "new"]
        assert "no text found" in results[4].error
        again = list(ingest_all(archive, [read_bytes(texts[0].encode(), "doc0.txt", kind="txt")], extract=False))
        assert [(r.id, r.status) for r in again] == [(results[0].id, "unchanged")]
        with pytest.raises(Exception, match="no text found"):  # without on_error, a document's error is raised
            list(ingest_all(archive, [docs[4]], extract=False))
    with Archive(tmp_path / "a.db") as archive:
        assert archive.stats()["documents"] == 6


def test_new_documents_saved_together_are_stored_as_one_by_one_and_not_at_all_when_one_is_archived(tmp_path):
    from minutes.nlp.normalize import normalize
    from minutes.readers import read_bytes

    texts = [f"关于第{i}次会议的通知\n2024年3月{i + 1}日\n各区县要加强大气污染防治，全面推进第{i}项整治（牵头单位：市生态环境局）。\n"
             for i in range(5)]
    docs = [normalize(read_bytes(text.encode(), f"doc{i}.txt", kind="txt")) for i, text in enumerate(texts)]
    stored = lambda archive: [  # noqa: E731
        (tuple(row), archive.document(row["id"]).text) for row in archive.conn.execute(
            "SELECT id, source, kind, title, published, encoding, metadata, content_hash, extraction_error FROM documents"
            " ORDER BY id")]
    with Archive(tmp_path / "one.db") as one, Archive(tmp_path / "together.db") as together:
        with one.batch():
            expected = [one.save(doc) for doc in docs]
        with together.batch():
            assert together.save_new(docs) == expected
        assert stored(together) == stored(one)
        assert search(together, "整治") == search(one, "整治")
        assert len(search(together, "第3项")) == 1
        # a source archived already, or named twice: nothing written, each is to be saved on its own
        for group in ([*docs[:1], normalize(read_bytes(b"new text", "doc9.txt", kind="txt"))], [docs[0], docs[0]]):
            with together.batch():
                assert together.save_new(group[::-1]) is None
            assert together.stats()["documents"] == 5
            assert together.lookup("doc9.txt") is None


def test_ingest_all_without_extraction_saves_one_by_one_a_group_holding_an_update(tmp_path):
    from minutes.ingest import ingest_all
    from minutes.readers import read_bytes

    with Archive(tmp_path / "a.db") as archive, archive.batch():
        list(ingest_all(archive, [read_bytes("关于会议的通知\n第一版。\n".encode(), "a.txt", kind="txt")], extract=False))
        results = list(ingest_all(archive, [read_bytes(f"关于会议的通知\n第{n}版。\n".encode(), source, kind="txt")
                                            for n, source in (("二", "a.txt"), ("一", "b.txt"), ("三", "b.txt"))],
                                  extract=False))
        assert [r.status for r in results] == ["updated", "new", "updated"]
        assert "第三版" in archive.document(results[2].id).text


def test_the_index_holds_a_bulk_batch_of_terms_before_writing_a_segment(tmp_path):
    # (FTS5's 1 MB default made a batch several segments that the merges rewrote again and
    # again; an archive made before schema version 9 gets the setting too)
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        archive.conn.execute("DELETE FROM documents_fts_config WHERE k = 'hashsize'")
        archive.conn.execute("UPDATE schema_version SET version = 8")
    with Archive(path) as archive:
        for table in ("documents_fts", "titles_fts", "tasks_fts"):
            settings = dict(archive.conn.execute(f"SELECT k, v FROM {table}_config").fetchall())
            assert settings["hashsize"] == 16 * 2**20
