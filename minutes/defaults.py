"""Defaults that more than one layer needs, in one place.

The command line, the web page and the library read them from here, so a default
changes once. Light on purpose: ``minutes --help`` imports it.
"""

from pathlib import Path

# The archive a command or the web page opens when no --db / $MINUTES_DB is given.
DB = Path("minutes.db")

# Scraping (``minutes scrape`` and ``minutes.scrapers.run.Options``).
SCRAPE_MAX_PAGES = 5  # list pages read per listing
SCRAPE_CONCURRENCY = 4  # sources (hosts) worked on at once
SCRAPE_DELAY = 1.0  # seconds between two requests to one host, unless the source or --delay says otherwise
