"""Extraction throughput and memory, measured against plain jieba segmentation.

Reads every document of ../shared/corpus/seeds, dev and real once (reader +
normalization, not timed), repeats the list to at least --docs documents, loads the rules
once, then times ``nlp.extract`` and ``jieba.lcut`` over the same normalized texts in this
one process (one core, CPU time). The two alternate pass by pass (each pass the distinct
documents once), and each pass counts at the fastest of its --rounds: on a shared machine
a slow second then falls on both, where timing one whole run of each after the other
gave the same code 1.1× in one run and 1.7× in the next. Extraction segments no words
(no rule reads them), so the comparison says what the rules cost against the cheapest
useful pass over the text.
Extraction keeps answers about names across documents (``nlp.components.units``); a
repeated document would find all of its own there, so they are emptied before each pass
over the distinct documents: a document profits only from those read before it, as in
an import of distinct documents. jieba keeps nothing per text.
Targets: >= 50 docs/s, extraction <= 1.5x segmentation, peak <= 500 MB. ``--profile N``
prints where extraction's time goes.

    .venv/bin/python benchmarks/extract.py [--docs 2000] [--rounds 3] [--profile 15]
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = ("seeds", "dev", "real")
TARGET_RATE = 50  # docs/s
TARGET_RATIO = 1.5  # extraction time / segmentation time
TARGET_PEAK_MB = 500


def corpus() -> list:
    """The normalized documents of the shared corpora, each read once."""
    from minutes.readers import read
    from minutes.nlp.normalize import normalize

    paths = sorted(
        path
        for name in CORPORA
        for path in (SHARED / "corpus" / name).iterdir()
        if path.suffix in (".txt", ".html", ".htm", ".docx")
    )
    if not paths:
        sys.exit(f"no documents under {SHARED / 'corpus'}")
    return [normalize(read(path)) for path in paths]


# CPU seconds of this process, not wall time: the machine is shared, and a run that waits
# for a core would charge the wait to whichever stage happened to be running.
clock = time.process_time


def seconds(run: Callable[[object], object], items: Sequence) -> float:
    start = clock()
    for item in items:
        run(item)
    return clock() - start


def forget_names() -> None:
    """Empty the answers about names that extraction keeps across documents."""
    from minutes.nlp.components import meeting, roles, units

    units.is_unit.cache_clear()
    units.is_vague.cache_clear()
    units.region_units.cache_clear()
    meeting.orgs_listed.cache_clear()
    meeting._person.cache_clear()
    roles.part_roles.cache_clear()


def passes(run: Callable[[object], object], items: Sequence, size: int) -> float:
    """``seconds`` over ``items`` (the distinct documents repeated) pass by pass, the
    answers about names forgotten before each pass of ``size`` documents."""
    total = 0.0
    for start in range(0, len(items), size):
        forget_names()
        total += seconds(run, items[start : start + size])
    return total


def alternating(extract: Callable, segment: Callable, items: Sequence, size: int,
                rounds: int) -> tuple[float, float]:
    """Seconds of ``extract`` over ``items`` and of ``segment`` over their texts, pass by
    pass of ``size`` documents, one right after the other; each pass at its fastest of
    ``rounds`` (other processes slow a pass down, never speed it up)."""
    starts = range(0, len(items), size)
    extraction, segmentation = [float("inf")] * len(starts), [float("inf")] * len(starts)
    for _ in range(max(1, rounds)):
        for k, start in enumerate(starts):
            documents = items[start : start + size]
            texts = [document.text for document in documents]
            segmentation[k] = min(segmentation[k], seconds(segment, texts))
            forget_names()
            extraction[k] = min(extraction[k], seconds(extract, documents))
    return sum(extraction), sum(segmentation)


def components(nlp, doc_of: Callable, documents: Sequence, size: int) -> dict[str, float]:
    """Seconds spent making Docs (the character tokenizer) and in each component."""
    spent = dict.fromkeys(["tokenizer + Doc", *nlp.pipe_names], 0.0)
    for n, document in enumerate(documents):
        if n % size == 0:
            forget_names()
        start = clock()
        doc = doc_of(document)
        spent["tokenizer + Doc"] += clock() - start
        for name, component in nlp.pipeline:
            start = clock()
            doc = component(doc)
            spent[name] += clock() - start
    return spent


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents per timed run (default 2000)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="timed runs of each pass, alternating; the fastest counts (default 3)")
    parser.add_argument("--profile", type=int, metavar="N", help="also profile extraction, print the top N functions")
    args = parser.parse_args(argv)

    import jieba

    from minutes.nlp import extract
    from minutes.nlp.pipeline import doc_of, get_nlp

    docs = corpus()
    workload = list(itertools.islice(itertools.cycle(docs), max(args.docs, len(docs))))
    texts = [doc.text for doc in workload]

    start = time.perf_counter()
    jieba.setLogLevel(60)
    jieba.initialize()
    extract(docs[0])  # the first call loads and compiles the rules
    load = time.perf_counter() - start

    extraction, segment = alternating(extract, jieba.lcut, workload, len(docs), args.rounds)
    n, chars = len(workload), sum(map(len, texts))
    ratio = extraction / segment

    print(f"{len(docs)} distinct documents repeated to {n} ({chars / n:,.0f} chars/doc); jieba + rules load {load:.2f} s")
    print(f"{'stage':<14}{'seconds':>9}{'docs/s':>10}{'chars/s':>12}")
    for stage, spent in (("jieba.lcut", segment), ("nlp.extract", extraction)):
        print(f"{stage:<14}{spent:>9.2f}{n / spent:>10.1f}{chars / spent:>12,.0f}")
    print("where extraction's time goes (a further pass, component by component):")
    spent_by_stage = components(get_nlp(), doc_of, workload, len(docs))
    for stage, spent in spent_by_stage.items():
        print(f"  {stage:<18}{spent:>9.2f}  {spent / sum(spent_by_stage.values()):>5.0%}")
    checks = (
        (f"extract docs/s {n / extraction:.1f}", n / extraction >= TARGET_RATE, f">= {TARGET_RATE}"),
        (f"extract/segment {ratio:.2f}x", ratio <= TARGET_RATIO, f"<= {TARGET_RATIO}x"),
        (f"peak memory {peak_mb():.0f} MB", peak_mb() <= TARGET_PEAK_MB, f"<= {TARGET_PEAK_MB} MB"),
    )
    for figure, ok, target in checks:
        print(f"{figure:<28}{'ok' if ok else 'MISSED':>7}  (target {target})")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(passes, extract, workload[: max(len(docs), n // 4)], len(docs))
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
