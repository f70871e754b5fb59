"""Capture the screenshots of docs/server.md with headless Chromium (not part of the tests).

Builds a demo store (2,000 synthetic articles from bench/server_load.py plus the
hand-written test articles), serves it on loopback, and saves PNGs next to this file:

    .venv/bin/python docs/screenshots/capture.py [--articles 2000] [--no-paste]

``--no-paste`` skips the paste-box shot, which runs the real pipeline.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from server_load import synthetic_results  # noqa: E402
from tests.server.conftest import hostile_result, water_result  # noqa: E402
from tests.server.test_browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    TEAM_ARTICLE,
    LiveServer,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--no-paste", action="store_true")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")

    from playwright.sync_api import sync_playwright

    from newsevents.server import create_app
    from newsevents.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        with Store(db) as store:
            store.write_batch([water_result(), hostile_result()])
            for first in range(0, args.articles, 1000):
                batch = synthetic_results(
                    min(1000, args.articles - first), seed=first, first_id=first
                )
                store.write_batch(batch)
        app = create_app(db, preload=not args.no_paste)
        with LiveServer(app) as server, sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                str(Path(tmp) / "profile"),
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                viewport={"width": 1360, "height": 1400},
            )
            page = context.new_page()
            shots = [
                ("explorer.png", "/ui/explore", "explore", False),
                ("explorer-filtered.png", "/ui/explore?country=SYR&quad_class=4", "explore", False),
                ("event-groups.png", "/ui/event-groups", "event-groups", False),
                ("article.png", "/ui/articles/water-1", "article", False),
                ("hostile-article.png", "/ui/articles/hostile-%3C1%3E", "article", False),
            ]
            for name, path, state, full in shots:
                page.goto(server.url + path)
                page.wait_for_selector(f"body[data-loaded={state}]", timeout=60_000)
                page.wait_for_timeout(400)  # the map's backdrop arrives separately
                page.screenshot(path=str(HERE / name), full_page=full)
                print("saved", HERE / name)
            if not args.no_paste:
                page.goto(server.url + "/ui/paste")
                page.fill("textarea[name=body]", TEAM_ARTICLE)
                page.fill("input[name=published]", "2024-03-05")
                page.click("#paste button[type=submit]")
                page.wait_for_selector("body[data-loaded]", timeout=300_000)
                page.screenshot(path=str(HERE / "paste.png"), full_page=True)
                print("saved", HERE / "paste.png", page.get_attribute("body", "data-loaded"))
            context.close()


if __name__ == "__main__":
    main()
