"""Archive and search at scale: import throughput, database size, search latency.

Builds an archive of N synthetic documents (~1,500 characters each, made of sentences
of the shared corpus, deterministic seed), imports them through the normal import path
(read_bytes → normalize → save, extraction off, a group of documents at a time and
committed in batches, as ``minutes import`` does) and times full-text search for 2-, 3-, 4- and 8-character
queries, a common and a rare term and 5-character ones holding a punctuation mark,
against a ``LIKE '%q%'`` scan of the same texts stored plainly (in a separate file, so
that the archive's size is its own).

    .venv/bin/python benchmarks/search.py                # 100,000 documents
    .venv/bin/python benchmarks/search.py --docs 5000    # a quick run
    .venv/bin/python benchmarks/search.py --db a.db --reuse   # search an archive built before
    # 300,000 documents stored without reading and normalizing them (the synthetic texts
    # are normalized already: same rows, same index), a copy kept at 100,000:
    .venv/bin/python benchmarks/search.py --docs 300000 --db b.db --stored --copy-at 100000
    # the growth from 100,000 to 300,000 documents, both searched in the same minutes
    .venv/bin/python benchmarks/search.py --docs 300000 --db b.db --reuse --against b.100000.db
    # import with extraction, and extraction alone on the same documents
    .venv/bin/python benchmarks/search.py --docs 1000 --extract --queries 20
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import tempfile
import time
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

from minutes.lines import plain_title
from minutes.models import Document
from minutes.store import Archive
from minutes.ingest import ingest_all
from minutes.readers import read, read_bytes
from minutes.store import search, search_page
from minutes.nlp.normalize import normalize

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SENTENCE_END = re.compile(r"(?<=[。！？；])|\n")
HAN = re.compile(r"[\u4e00-\u9fff]+")
PUNCTUATED = re.compile(r"[\u4e00-\u9fff]{2}[，、。：；][\u4e00-\u9fff]{2}")


def corpus_sentences() -> list[str]:
    sentences = []
    for folder in ("seeds", "dev"):
        for path in sorted((SHARED / "corpus" / folder).iterdir()):
            if path.suffix in (".txt", ".html", ".docx"):
                text = normalize(read(path)).text
                sentences.extend(s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) >= 8)
    return sentences


def synthetic_documents(n: int, sentences: list[str], rng: random.Random, size: int = 1500):
    start = date(2020, 1, 1)
    for i in range(n):
        title = rng.choice(sentences)[:30]
        lines, length = [], 0
        while length < size:
            sentence = rng.choice(sentences)
            lines.append(sentence)
            length += len(sentence)
        published = start + timedelta(days=rng.randrange(2000))
        yield f"synthetic://{i:07d}.txt", f"{title}\n{published:%Y年%-m月%-d日}\n" + "\n".join(lines) + "\n"


class Clock:
    """Wall and CPU seconds spent inside its ``with`` blocks."""

    elapsed = cpu = 0.0

    def __enter__(self) -> None:
        self._began, self._used = time.perf_counter(), time.process_time()

    def __exit__(self, *exc: object) -> None:
        self.elapsed += time.perf_counter() - self._began
        self.cpu += time.process_time() - self._used


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="searches per query length")
    parser.add_argument("--scans", type=int, default=5, help="LIKE scans per query length")
    parser.add_argument("--seed", type=int, default=20250324)
    parser.add_argument("--db", type=Path, help="keep the archive here (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="search the archive at --db as it is (no import)")
    parser.add_argument("--stored", action="store_true", help="build with Archive.save, without reading and normalizing")
    parser.add_argument("--extract", action="store_true", help="import with extraction, and time extraction alone too")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each search, the fastest counted")
    parser.add_argument("--against", type=Path, help="time the same searches on this archive too, alternately")
    parser.add_argument("--copy-at", type=int, default=0, help="copy the archive to DB.N.db when it holds N documents")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    sentences = corpus_sentences()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        plain_db = db.with_suffix(".plain.db")
        texts = [text for _, text in synthetic_documents(2000, sentences, random.Random(args.seed))]
        if not args.reuse:
            for path in (db, plain_db):
                path.unlink(missing_ok=True)
            if args.extract:  # loading the pipeline (jieba, rules) once is no part of the import rate
                from minutes.nlp import extract

                extract(normalize(read_bytes(texts[0].encode(), "warm-up.txt", kind="txt")))
            documents = synthetic_documents(args.docs, sentences, random.Random(args.seed))
            clock = Clock()
            with Archive(db) as archive:
                done = 0
                while done < args.docs:
                    # one import, one batch as `minutes import` makes (up to the copy, then
                    # the rest): commits every 1,000 documents, the index merged at its end
                    stop = args.copy_at if done < args.copy_at else args.docs
                    with ExitStack() as stack:
                        with clock:
                            stack.enter_context(archive.batch())
                        while done < stop:
                            # the documents are made up between timed chunks: their making is no import
                            end = min(done + 1000, stop)
                            chunk = [next(documents) for _ in range(end - done)]
                            with clock:
                                if args.stored:
                                    for source, text in chunk:
                                        lines = text.splitlines()
                                        archive.save(Document(source, "txt", raw=text.encode(), encoding="utf-8", title=plain_title(lines), blocks=lines))
                                else:  # as minutes import does: read, normalized and saved a group at a time
                                    for _ in ingest_all(archive, (read_bytes(t.encode(), source, kind="txt") for source, t in chunk),
                                                        extract=args.extract):
                                        pass
                            done = end
                            if done % 10_000 == 0:
                                print(f"  {done} documents, {done / clock.elapsed:.0f} docs/s", flush=True)
                        with clock:
                            stack.close()  # the last commit and the index merge
                    if done == args.copy_at:
                        with sqlite3.connect(db.with_suffix(f".{done}.db")) as copy:
                            archive.conn.backup(copy)
            elapsed, cpu = clock.elapsed, clock.cpu
            # CPU seconds too: on a shared machine the wall clock counts other processes' turns
            print(f"import: {args.docs / elapsed:.0f} docs/s ({elapsed:.1f} s, extraction {'on' if args.extract else 'off'}),"
                  f" {args.docs / cpu:.0f} docs per CPU second")
            if args.extract:
                _extraction_alone(sentences, args)
        if not plain_db.exists():
            with sqlite3.connect(plain_db) as plain:
                plain.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT)")
                plain.executemany("INSERT INTO documents (text) VALUES (?)", ((t,) for _, t in synthetic_documents(args.docs, sentences, random.Random(args.seed))))
        with Archive(db) as archive:
            archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = db.stat().st_size
            documents = archive.stats()["documents"]
            print(f"documents: {documents}")
            print(f"database: {size / 2**20:.1f} MB ({size / documents / 1024:.2f} KB/doc)")
            tables = dict(archive.conn.execute(
                "SELECT CASE WHEN name LIKE '%fts%' THEN 'index' ELSE 'rows' END, sum(pgsize) FROM dbstat GROUP BY 1"
            ).fetchall()) if _has_dbstat(archive.conn) else {}
            if tables:
                print("  " + ", ".join(f"{k} {v / documents / 1024:.2f} KB/doc" for k, v in sorted(tables.items())))
            plain = sqlite3.connect(plain_db)

            workloads: dict[str, list[str]] = {}
            for length in (2, 3, 4, 8):
                queries = []
                while len(queries) < args.queries:
                    runs = [r for r in HAN.findall(rng.choice(texts)) if len(r) >= length]
                    if runs:
                        run = rng.choice(runs)
                        at = rng.randrange(len(run) - length + 1)
                        queries.append(run[at : at + length])
                workloads[str(length)] = queries
            workloads["common"] = ["生态环境"] * (args.queries // 4)
            workloads["rare"] = [_rare_term(sentences, rng) for _ in range(args.queries // 4)]
            # two Han characters, a mark, two more, as a text has them: punctuation is no
            # index term, so the candidates of such a query are checked in the text (last:
            # the workloads above stay those of earlier runs)
            punctuated = [m for t in texts[:200] for m in PUNCTUATED.findall(t)]
            workloads["punct"] = [rng.choice(punctuated) for _ in range(args.queries)]

            # Each query is run --repeat times and its fastest run counted: a search's cost
            # without waiting for the CPU (a shared machine preempts); p50/p95 are over the
            # queries. page p95: the web page's search, which counts the matches (up to
            # 2,000) for its pages. With --against, each query runs on that archive too,
            # alternately, and "growth" is this archive's p50/p95 over that one's.
            against = Archive(args.against) if args.against else None
            print(f"{'query':>6} {'min':>9} {'p50':>9} {'p95':>9} {'hits p50':>9} {'LIKE p50':>9} {'ratio':>7} {'page p95':>9}"
                  + (f" {'growth p50/p95':>15}" if against else ""))
            for name, queries in workloads.items():
                fts, hits, pages, other = [], [], [], []
                for query in queries:
                    hits.append(len(search(archive, query)))
                    fts.append(_fastest(lambda: search(archive, query), args.repeat))
                    pages.append(_fastest(lambda: search_page(archive, query), args.repeat))
                    if against:
                        other.append(_fastest(lambda: search(against, query), args.repeat))
                scans = []
                for query in queries[: args.scans]:
                    began = time.perf_counter()
                    plain.execute("SELECT id FROM documents WHERE text LIKE ?", (f"%{query}%",)).fetchall()
                    scans.append(time.perf_counter() - began)
                ms = lambda seconds: f"{seconds * 1000:8.1f}ms"  # noqa: E731
                ratio = statistics.median(scans) / statistics.median(fts)
                growth = (f" {percentile(fts, 0.5) / percentile(other, 0.5):7.2f}x {percentile(fts, 0.95) / percentile(other, 0.95):5.2f}x"
                          if against else "")
                print(
                    f"{name:>6} {ms(min(fts))} {ms(percentile(fts, 0.5))} {ms(percentile(fts, 0.95))} {statistics.median(hits):>9.0f}"
                    f" {ms(percentile(scans, 0.5))} {ratio:>6.0f}x {ms(percentile(pages, 0.95))}{growth}",
                    flush=True,
                )
            plain.close()


def _extraction_alone(sentences: list[str], args: argparse.Namespace) -> None:
    """Extraction of the same documents, read and normalized beforehand: what an import
    with extraction costs beyond it is the archive's share."""
    from minutes.nlp import extract

    docs = [normalize(read_bytes(text.encode(), source, kind="txt"))
            for source, text in synthetic_documents(args.docs, sentences, random.Random(args.seed))]
    began, used = time.perf_counter(), time.process_time()
    for doc in docs:
        extract(doc)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - used
    print(f"extraction alone: {len(docs) / elapsed:.0f} docs/s, {len(docs) / cpu:.0f} docs per CPU second")


def _fastest(run, times: int) -> float:
    best = float("inf")
    for _ in range(times):
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return best


def _rare_term(sentences: list[str], rng: random.Random) -> str:
    """Four Han characters found in one corpus sentence only."""
    while True:
        runs = [r for r in HAN.findall(rng.choice(sentences)) if len(r) >= 4]
        if runs:
            run = rng.choice(runs)
            at = rng.randrange(len(run) - 3)
            term = run[at : at + 4]
            if sum(term in s for s in sentences) == 1:
                return term


def _has_dbstat(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
        return True
    except sqlite3.Error:
        return False


if __name__ == "__main__":
    main()
