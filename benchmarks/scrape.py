"""Scraping throughput and memory on a loopback site with zero delay.

A server process serves the fixture site of tests/sites (TRS-style list pages of 20
items, articles of ~1.5 KB); for each site size and with extraction off and on, a fresh
process runs ``scrapers.run.scrape`` into a new archive and reports articles/s through
fetch + parse + normalize (+ extract) + archive, and its peak RSS. Memory should stay
flat as the site grows (pages are stored as they arrive, nothing accumulates).

    .venv/bin/python benchmarks/scrape.py [--sizes 500 2000] [--no-extract-only]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
PER_PAGE = 20


def site_routes(size: int) -> dict:
    from sites.news import article, article_page, list_page, listing
    from sites.server import Response, html

    articles = [article(n, date(2025, 6, 30) - timedelta(days=n // 5)) for n in range(1, size + 1)]
    pages = (size + PER_PAGE - 1) // PER_PAGE
    routes: dict = {"/robots.txt": Response(404)}
    for k in range(pages):
        name = "/news/index.html" if k == 0 else f"/news/index_{k}.html"
        routes[name] = html(list_page(listing(articles[k * PER_PAGE : (k + 1) * PER_PAGE]), k, pages))
    routes.update({a.path: html(article_page(a)) for a in articles})
    return routes


def serve(size: int) -> None:
    """Child process: serve the site, print its base URL, run until stdin closes."""
    from sites.server import Site

    with Site(site_routes(size)) as site:
        print(site.base, flush=True)
        sys.stdin.read()


def measure(url: str, extract: bool) -> None:
    """Child process: one scrape into a fresh archive; print the figures as JSON."""
    from minutes.store import Archive
    from minutes.scrapers.run import Options, scrape
    from minutes.scrapers.sources import generic_source, load_catalog

    if extract:  # build the pipeline before the clock starts, as a long run amortises it
        from minutes.ingest import understand
        from minutes.models import Document

        understand(Document(source="warmup", kind="txt", blocks=["示例市生态环境局召开调度会，要求各区县6月底前完成整改。"]))
    with tempfile.TemporaryDirectory() as folder, Archive(Path(folder) / "bench.db") as archive:
        options = Options(delay=0, max_pages=10**6, extract=extract, concurrency=1)
        started = time.perf_counter()
        summary = scrape([generic_source(url + "/news/index.html")], archive, options, catalog=load_catalog())
        seconds = time.perf_counter() - started
    source = summary.sources[0]
    print(json.dumps({
        "articles": source.new,
        "list_pages": source.pages,
        "failed": source.failed,
        "seconds": round(seconds, 2),
        "articles_per_s": round(source.new / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--no-extract-only", action="store_true", help="skip the (slow) runs with extraction")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--extract", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.serve)
    if args.measure:
        return measure(args.measure, args.extract)
    print(f"{'articles':>8} {'extract':>7} {'list pages':>10} {'seconds':>8} {'articles/s':>10} {'peak RSS MB':>11}")
    for size in args.sizes:
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(size)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            base = server.stdout.readline().strip()
            for extract in (False,) if args.no_extract_only else (False, True):
                command = [sys.executable, __file__, "--measure", base] + (["--extract"] if extract else [])
                result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
                assert result["articles"] == size and not result["failed"], result
                print(f"{size:>8} {'on' if extract else 'off':>7} {result['list_pages']:>10} {result['seconds']:>8} "
                      f"{result['articles_per_s']:>10} {result['peak_rss_mb']:>11}", flush=True)
        finally:
            server.stdin.close()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
