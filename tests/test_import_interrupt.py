"""A bulk import killed with SIGKILL in the middle of a batch, then run again: what was
committed is whole, at most the open batch is lost, nothing is stored twice."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from minutes.store import Archive, search

DOCUMENTS = 600
BATCH = 100

# A child process saving documents with tasks and units (several tables each) in
# batches, printing how many it has saved; it waits a little per document so that the
# kill lands between commits.
CHILD = textwrap.dedent(
    f"""
    import sys, time
    from minutes.models import Assignment, Document, Extraction, Task
    from minutes.store import Archive

    with Archive(sys.argv[1]) as archive, archive.batch(every={BATCH}, seconds=600):
        for n in range({DOCUMENTS}):
            body = [f"第{{n}}号通知正文。", f"要完成编号甲{{n}}乙的整改任务。", f"要报送编号丙{{n}}丁的台账。"]
            doc = Document(f"/import/{{n}}.txt", "txt", raw="\\n".join(body).encode(), title=f"第{{n}}号通知", blocks=body)
            tasks = [Task(f"要完成编号甲{{n}}乙的整改任务", [Assignment("市生态环境局", "lead"), Assignment("市水利局", "support")]),
                     Task(f"要报送编号丙{{n}}丁的台账", [Assignment("市农业农村委", "lead")])]
            status = archive.save(doc, Extraction(tasks=tasks)).status
            print(n + 1, status, flush=True)
            time.sleep(0.002)
    """
)


def run(db, kill_after: int | None = None, child: str = CHILD) -> tuple[int, list[str]]:
    """Run the child; with ``kill_after``, SIGKILL it once it reports that many saves.
    Returns (saves reported, statuses)."""
    process = subprocess.Popen([sys.executable, "-c", child, str(db)], stdout=subprocess.PIPE, text=True)
    reported, statuses = 0, []
    for line in process.stdout:
        reported, status = int(line.split()[0]), line.split()[1]
        statuses.append(status)
        if kill_after is not None and reported >= kill_after:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    if kill_after is not None:
        assert process.returncode == -signal.SIGKILL
    return reported, statuses


def test_a_killed_batch_import_loses_at_most_the_open_batch_and_never_part_of_a_document(tmp_path):
    db = tmp_path / "minutes.db"
    reported, _ = run(db, kill_after=BATCH * 3 + BATCH // 2)

    with Archive(db) as archive:
        stored = archive.stats()["documents"]
        # committed batches survive; the open one (at most BATCH saves) may not
        assert reported - BATCH <= stored <= reported and stored % BATCH == 0
        for document_id in range(1, stored + 1):
            document = archive.document(document_id)
            number = document.source.removeprefix("/import/").removesuffix(".txt")
            assert [len(task.units) for task in document.tasks] == [2, 1]
            assert [hit.document_id for hit in search(archive, f"编号甲{number}乙")] == [document_id]
            assert [hit.task.id for hit in search(archive, f"编号丙{number}丁", tasks=True)] == [document.tasks[1].id]
        assert archive.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 2 * stored
        assert archive.conn.execute("SELECT count(*) FROM task_units").fetchone()[0] == 3 * stored
        # nothing of the lost documents is left in the index
        assert search(archive, f"编号甲{stored}乙") == [] and search(archive, f"编号丙{stored}丁", tasks=True) == []
        assert search(archive, f"第{stored}号通知") == []
        archive.conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)")

    # run again: what was committed is unchanged, the rest new, nothing twice
    reported, statuses = run(db)
    assert reported == DOCUMENTS
    assert statuses == ["unchanged"] * stored + ["new"] * (DOCUMENTS - stored)
    with Archive(db) as archive:
        assert archive.stats()["documents"] == DOCUMENTS
        assert archive.conn.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0] == DOCUMENTS
        assert [hit.document_id for hit in search(archive, f"编号甲{DOCUMENTS - 1}乙")] == [DOCUMENTS]


# The same, importing without extraction as ``minutes import --no-extract`` does: new
# documents are written a group at a time (``Archive.save_new``), GROUP of them in one
# savepoint, BATCH per commit.
GROUP = 20
GROUPED_CHILD = textwrap.dedent(
    f"""
    import sys, time
    from minutes import ingest
    from minutes.readers import read_bytes
    from minutes.store import Archive

    ingest._GROUP = {GROUP}
    texts = (f"第{{n}}号通知\\n要完成编号甲{{n}}乙的整改任务。\\n".encode() for n in range({DOCUMENTS}))
    with Archive(sys.argv[1]) as archive, archive.batch(every={BATCH}, seconds=600):
        docs = (read_bytes(text, f"/import/{{n}}.txt", kind="txt") for n, text in enumerate(texts))
        for n, result in enumerate(ingest.ingest_all(archive, docs, extract=False)):
            print(n + 1, result.status, flush=True)
            time.sleep(0.002)
    """
)


def test_a_killed_import_without_extraction_loses_at_most_the_open_batch_and_never_part_of_a_group(tmp_path):
    db = tmp_path / "minutes.db"
    reported, _ = run(db, kill_after=BATCH * 3 + BATCH // 2, child=GROUPED_CHILD)

    with Archive(db) as archive:
        stored = archive.stats()["documents"]
        # a group is written (and may be committed) before its documents are reported
        assert reported - BATCH <= stored <= reported + GROUP and stored % BATCH == 0
        for document_id in range(1, stored + 1):
            number = archive.document(document_id).source.removeprefix("/import/").removesuffix(".txt")
            assert [hit.document_id for hit in search(archive, f"编号甲{number}乙")] == [document_id]
        assert search(archive, f"编号甲{stored}乙") == [] and search(archive, f"第{stored}号通知") == []
        archive.conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)")

    reported, statuses = run(db, child=GROUPED_CHILD)
    assert statuses == ["unchanged"] * stored + ["new"] * (DOCUMENTS - stored)
    with Archive(db) as archive:
        assert archive.conn.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0] == DOCUMENTS
        assert [hit.document_id for hit in search(archive, f"编号甲{DOCUMENTS - 1}乙")] == [DOCUMENTS]
