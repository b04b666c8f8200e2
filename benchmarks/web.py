"""The web page at scale: server time of the search page and of the ledger filtered by a
unit on an archive of 100,000 documents, then 20 concurrent clients for 30 s.

The archive is benchmarks/search.py's synthetic documents (sentences of the shared
corpus, deterministic seed), each saved with 2–4 synthetic tasks assigned to units of a
fixed list (so a unit has thousands of tasks, as a busy 生态环境局 would), a third of the
tasks marked done. ``minutes serve`` runs as a child process on a free loopback port;
times are measured by the client over loopback, one request at a time (so they include
HTTP on the loopback, a little more than the server's own time). The concurrent phase
mixes every page and status changes; anything but a page, a redirect after a change or
a 409 for a change that lost its race counts as an error. It stops by itself.

    .venv/bin/python benchmarks/web.py                      # 100,000 documents
    .venv/bin/python benchmarks/web.py --docs 5000 --seconds 10
    .venv/bin/python benchmarks/web.py --db /tmp/web.db     # keep (and reuse) the archive
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from search import HAN, corpus_sentences, percentile, synthetic_documents  # noqa: E402
from web.server import serving  # noqa: E402

from minutes.store import Archive  # noqa: E402
from minutes.models import Assignment, Deadline, Extraction, Task  # noqa: E402
from minutes.nlp.normalize import normalize  # noqa: E402
from minutes.readers import read_bytes  # noqa: E402

UNITS = [f"{district}{office}" for district in ("青川区", "江宁区", "北陵县", "云溪县", "望川市")
         for office in ("生态环境局", "住建局", "城管局", "农业农村局", "水务局", "交通运输局", "自然资源局", "应急管理局")]
ROLES = ("lead", "support", "responsible")


def build(db: Path, docs: int, rng: random.Random) -> list[str]:
    """Fill ``db`` with ``docs`` documents and their tasks; returns texts to draw queries from."""
    sentences = corpus_sentences()
    texts: list[str] = []
    with Archive(db) as archive:
        began = time.perf_counter()
        for done, (source, text) in enumerate(synthetic_documents(docs, sentences, rng), 1):
            doc = normalize(read_bytes(text.encode(), source, kind="txt"))
            lines = [line for line in doc.text.splitlines()[2:] if len(line) >= 12]
            tasks = [
                Task(line, [Assignment(unit, rng.choice(ROLES)) for unit in rng.sample(UNITS, rng.randint(1, 2))],
                     Deadline("限期", date(2020, 1, 1) + timedelta(days=rng.randrange(2400)), "by"))
                for line in rng.sample(lines, min(len(lines), rng.randint(2, 4)))
            ]
            archive.save(doc, Extraction(title=doc.title, published=doc.published, tasks=tasks))
            if len(texts) < 2000:
                texts.append(doc.text)
            if done % 10_000 == 0:
                print(f"  {done} documents, {done / (time.perf_counter() - began):.0f} docs/s", flush=True)
        ids = [task.id for task in archive.tasks() if rng.random() < 0.33]
        for at in range(0, len(ids), 5000):
            archive.set_status(ids[at : at + 5000], "已办结")
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"archive: {archive.stats()['documents']} documents, {archive.stats()['tasks']} tasks "
              f"({time.perf_counter() - began:.0f} s)", flush=True)
    return texts


def sample_texts(db: Path, rng: random.Random) -> list[str]:
    with Archive(db) as archive:
        count = archive.stats()["documents"]
        return [archive.document(rng.randint(1, count)).text for _ in range(300)]


def queries(texts: list[str], rng: random.Random, n: int) -> list[str]:
    found = []
    while len(found) < n:
        length = rng.choice((2, 4))
        runs = [r for r in HAN.findall(rng.choice(texts)) if len(r) >= length]
        if runs:
            run = rng.choice(runs)
            at = rng.randrange(len(run) - length + 1)
            found.append(run[at : at + length])
    return found


def timed(client: httpx.Client, url: str, params: dict) -> float:
    began = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = time.perf_counter() - began
    if response.status_code != 200:
        raise SystemExit(f"{url} {params}: HTTP {response.status_code}")
    return elapsed


def report(name: str, seconds: list[float]) -> None:
    print(f"{name:<28} p50 {percentile(seconds, 0.5) * 1000:7.1f} ms   p95 {percentile(seconds, 0.95) * 1000:7.1f} ms"
          f"   ({len(seconds)} requests)")


def load(base: str, words: list[str], seconds: float, clients: int, seed: int) -> tuple[int, Counter]:
    """``clients`` threads, each its own session, for ``seconds``; returns (requests, errors)."""
    stop = time.monotonic() + seconds
    total, errors, lock = [0], Counter(), threading.Lock()

    def client(number: int) -> None:
        rng = random.Random(seed + number)
        with httpx.Client(base_url=base, timeout=30, follow_redirects=False) as http:
            try:
                token = re.search(r'name="csrf" value="([^"]+)"', http.get("/import").text).group(1)
            except (httpx.HTTPError, AttributeError) as error:
                with lock:
                    errors[f"session: {type(error).__name__}"] += 1
                return
            while time.monotonic() < stop:
                kind = rng.choice(("search", "tasks", "ledger", "whole ledger", "document", "dashboard", "unit", "change"))
                try:
                    if kind == "search":
                        response = http.get("/search", params={"q": rng.choice(words)})
                    elif kind == "tasks":
                        response = http.get("/search", params={"q": rng.choice(words), "kind": "tasks"})
                    elif kind == "ledger":
                        response = http.get("/ledger", params={"unit": rng.choice(UNITS), "page": rng.randint(1, 5)})
                    elif kind == "whole ledger":
                        response = http.get("/ledger", params={"status": rng.choice(("", "open"))})
                    elif kind == "document":
                        response = http.get(f"/documents/{rng.randint(1, 1000)}")
                    elif kind == "dashboard":
                        response = http.get("/dashboard")
                    elif kind == "unit":
                        response = http.get(f"/units/{rng.choice(UNITS)}")
                    else:
                        task = rng.randint(1, 500)
                        seen = rng.choice(("待交办", "办理中"))  # a wrong guess is a lost race: 409
                        response = http.post(f"/tasks/{task}/status", data={
                            "csrf": token, "status": "办理中", "seen": seen, "note": f"client {number}"})
                    ok = response.status_code == 200 or (kind == "change" and response.status_code in (303, 409))
                    outcome = None if ok else f"{kind}: HTTP {response.status_code}"
                except httpx.HTTPError as error:
                    outcome = f"{kind}: {type(error).__name__}"
                with lock:
                    total[0] += 1
                    if outcome:
                        errors[outcome] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return total[0], errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--seed", type=int, default=20250324)
    parser.add_argument("--db", type=Path, help="keep the archive here; an existing one is reused")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "web.db"
        if db.exists():
            print(f"reusing {db}")
            texts = sample_texts(db, rng)
        else:
            texts = build(db, args.docs, rng)
        words = queries(texts, rng, args.requests)
        with serving(db) as base, httpx.Client(base_url=base, timeout=60) as http:
            http.get("/search", params={"q": words[0]})  # warm up: the pipeline's first import
            report("search page", [timed(http, "/search", {"q": word}) for word in words])
            report("ledger page, one unit", [timed(http, "/ledger", {"unit": rng.choice(UNITS)}) for _ in range(args.requests)])
            report("ledger page, unit + open", [
                timed(http, "/ledger", {"unit": rng.choice(UNITS), "status": "open", "sort": "newest"}) for _ in range(args.requests // 4)
            ])
            report("ledger page, every task", [timed(http, "/ledger", {}) for _ in range(10)])
            report("dashboard", [timed(http, "/dashboard", {}) for _ in range(10)])
            began = time.perf_counter()
            total, errors = load(base, words, args.seconds, args.clients, args.seed)
            elapsed = time.perf_counter() - began
            print(f"{args.clients} concurrent clients, {elapsed:.0f} s: {total} requests ({total / elapsed:.0f}/s), "
                  f"{sum(errors.values())} errors{': ' + str(dict(errors)) if errors else ''}")
        if errors:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
