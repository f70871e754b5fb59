"""Load test of ``newsevents serve``: concurrent clients on loopback, p50/p99 latency, errors.

Builds a store of N synthetic articles (default 10,000; rows generated directly, no
NLP), starts the real server (``newsevents serve``) in a subprocess, then runs:

1. reads: ``--clients`` clients (default 50) calling GET /events with random filters,
   sorts and pages for ``--duration`` seconds;
2. mixed: the same number of clients, ``--extract-clients`` of them (default 5) posting
   short articles to POST /extract (the real pipeline, one worker thread), the rest reading.

Prints per-endpoint request counts, throughput, p50/p99 latency and errors (any non-2xx
or transport error). The goal in the issue: zero errors, p99 < 1 s for reads.

    .venv/bin/python bench/server_load.py --articles 10000 --clients 50 --duration 30

Clients and server share this machine's cores, so figures are for loopback on this box.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAX_ARTICLES = 200_000
MAX_CLIENTS = 200
MAX_DURATION = 120.0

ACTORS = [
    (f"{country}{sector}", f"{name} {label}", country)
    for country, name in [
        ("SYR", "Syrian"),
        ("RUS", "Russian"),
        ("TUR", "Turkish"),
        ("UKR", "Ukrainian"),
        ("USA", "US"),
        ("FRA", "French"),
        ("KEN", "Kenyan"),
        ("BRA", "Brazilian"),
        ("IND", "Indian"),
        ("JPN", "Japanese"),
        ("EGY", "Egyptian"),
        ("DEU", "German"),
    ]
    for sector, label in [("GOV", "government"), ("MIL", "army"), ("OPP", "opposition")]
]
PLACES = [
    ("Damascus", 33.51, 36.29, "SYR"),
    ("Moscow", 55.75, 37.62, "RUS"),
    ("Ankara", 39.93, 32.86, "TUR"),
    ("Kyiv", 50.45, 30.52, "UKR"),
    ("Washington", 38.90, -77.04, "USA"),
    ("Paris", 48.85, 2.35, "FRA"),
    ("Nairobi", -1.29, 36.82, "KEN"),
    ("Brasilia", -15.79, -47.88, "BRA"),
    ("New Delhi", 28.61, 77.21, "IND"),
    ("Tokyo", 35.69, 139.69, "JPN"),
    ("Cairo", 30.04, 31.24, "EGY"),
    ("Berlin", 52.52, 13.40, "DEU"),
]
EXTRACT_TEXTS = [
    "The {a} met the {b} in {p} on Monday to discuss border security.",
    "Officials of the {a} accused the {b} of shelling villages near {p} on Tuesday.",
    "The {a} praised the {b} for sending aid to {p}, a spokesman said on Friday.",
]


def synthetic_results(n: int, seed: int = 7, first_id: int = 0) -> list:
    """``n`` ArticleResults with 1–5 events each, spread over two years (offsets exact)."""
    from newsevents.codes import default_code_tables
    from newsevents.schema import (
        Actor,
        ArticleInfo,
        ArticleResult,
        CharRange,
        Event,
        Place,
        TextSpan,
    )

    tables = default_code_tables()
    codes = [c for c in tables.cameo.values() if len(c.code) >= 3]
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    results = []
    for i in range(n):
        published = start + dt.timedelta(days=rng.randrange(730))
        parts: list[str] = []
        actors: dict[str, Actor] = {}
        events: list[Event] = []
        places: list[Place] = []
        pos = 0
        for _ in range(rng.randint(1, 5)):
            (sc, sn, sco), (tc, tn, tco) = rng.sample(ACTORS, 2)
            cameo = rng.choice(codes)
            pname, lat, lon, pco = rng.choice(PLACES)
            verb = cameo.name.split(",")[0].lower()
            sentence = f"The {sn} will {verb} the {tn} in {pname}. "
            spans = {}
            for key, needle in (("s", sn), ("v", verb), ("t", tn), ("p", pname)):
                at = sentence.index(needle) + pos
                spans[key] = TextSpan(at, at + len(needle), needle)
            for code, name, country, key in ((sc, sn, sco, "s"), (tc, tn, tco, "t")):
                if code not in actors:
                    actors[code] = Actor(
                        f"A{len(actors) + 1}", name, "group", code, country, [code[3:]], []
                    )
                actor = actors[code]
                actors[code] = dataclasses.replace(actor, mentions=[*actor.mentions, spans[key]])
            place = Place(
                f"P{len(places) + 1}",
                spans["p"].start,
                spans["p"].end,
                pname,
                pname,
                None,
                lat,
                lon,
                pco,
                "PPLC",
            )
            places.append(place)
            day = published - dt.timedelta(days=rng.randrange(3))
            events.append(
                Event(
                    id=f"E{len(events) + 1}",
                    source=actors[sc].id,
                    target=actors[tc].id,
                    source_code=sc,
                    target_code=tc,
                    cameo=cameo.code,
                    cameo_root=cameo.root,
                    cameo_name=cameo.name,
                    plover=tables.plover_for(cameo.code),
                    goldstein=cameo.goldstein,
                    quad_class=cameo.quad_class,
                    modality="asserted",
                    date=day.isoformat(),
                    date_text=None,
                    place=place.id,
                    trigger=spans["v"],
                    sentence=CharRange(pos, pos + len(sentence) - 1),
                    quote=None,
                    confidence=0.7,
                )
            )
            parts.append(sentence)
            pos += len(sentence)
        text = "".join(parts)
        info = ArticleInfo(
            id=f"syn-{first_id + i:06d}",
            title=f"Synthetic report {i}",
            published=published.isoformat(),
            source=f"Wire {i % 17}",
            chars=len(text),
            text=text,
        )
        results.append(
            ArticleResult(article=info, actors=list(actors.values()), events=events, places=places)
        )
    return results


def build_store(path: Path, n: int) -> float:
    """Write ``n`` synthetic articles in batches; returns seconds taken."""
    from newsevents.store import Store

    t0 = time.perf_counter()
    with Store(path) as store:
        for first in range(0, n, 1000):
            store.write_batch(synthetic_results(min(1000, n - first), seed=first, first_id=first))
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_url(rng: random.Random) -> str:
    code, _, country = rng.choice(ACTORS)
    choice = rng.randrange(6)
    query = {
        0: "",
        1: f"actor={code}",
        2: f"country={country}&quad_class={rng.randint(1, 4)}",
        3: f"cameo_root={rng.randint(1, 20):02d}&sort=-goldstein",
        4: f"date_from=2023-{rng.randint(1, 12):02d}-01&date_to=2024-06-30&sort=date",
        5: "q=government&sort=source",
    }[choice]
    offset = rng.choice([0, 0, 50, 500])
    return f"/events?{query}&limit=50&offset={offset}"


class Connection:
    """A minimal HTTP/1.1 keep-alive client: light enough that the clients, which share
    the cores with the server, do not dominate what is measured."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, dict]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if body:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode("latin-1") + b"\r\n" + body)
        await self.writer.drain()
        assert self.reader is not None
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def client_loop(
    host: str, port: int, kind: str, deadline: float, seed: int, out: dict
) -> None:
    rng = random.Random(seed)
    conn = Connection(host, port)
    while time.perf_counter() < deadline:
        if kind == "extract":
            (_, a, _), (_, b, _) = rng.sample(ACTORS, 2)
            text = rng.choice(EXTRACT_TEXTS).format(a=a, b=b, p=rng.choice(PLACES)[0])
            payload = json.dumps({"text": text, "published": "2024-03-01"}).encode()
            call = conn.request("POST", "/extract", payload)
        else:
            call = conn.request("GET", read_url(rng))
        t0 = time.perf_counter()
        try:
            status, headers = await asyncio.wait_for(call, 60)
            timing = headers.get("server-timing", "")
            if timing.startswith("app;dur="):
                out.setdefault(f"{kind}_app", []).append(float(timing[8:]) / 1000)
            ok = 200 <= status < 300
            if not ok:
                out.setdefault(f"{kind}_status", []).append(status)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
            ok = False
            conn.close()
            out.setdefault(f"{kind}_status", []).append(type(exc).__name__)
        out.setdefault(kind, []).append(time.perf_counter() - t0)
        if not ok:
            out[f"{kind}_errors"] = out.get(f"{kind}_errors", 0) + 1
    conn.close()


async def run_phase(port: int, clients: int, extract_clients: int, duration: float) -> dict:
    out: dict = {}
    deadline = time.perf_counter() + duration
    tasks = [
        client_loop(
            "127.0.0.1", port, "extract" if i < extract_clients else "read", deadline, i, out
        )
        for i in range(clients)
    ]
    await asyncio.gather(*tasks)
    return out


def percentile(ordered: list[float], q: float) -> float:
    """The nearest-rank ``q`` percentile of sorted values."""
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def report(name: str, out: dict, duration: float) -> None:
    for kind in ("read", "extract"):
        times = sorted(out.get(kind, []))
        if not times:
            continue
        p50 = percentile(times, 0.5)
        p99 = percentile(times, 0.99)
        errors = out.get(f"{kind}_errors", 0)
        endpoint = "POST /extract" if kind == "extract" else "GET /events "
        codes = sorted({str(c) for c in out.get(f"{kind}_status", [])})
        app = sorted(out.get(f"{kind}_app", []))
        in_app = (
            f"  (in app: p50 {percentile(app, 0.5) * 1000:.1f} ms, "
            f"p99 {percentile(app, 0.99) * 1000:.1f} ms)"
            if app
            else ""
        )
        print(
            f"  {name:<6} {endpoint}  requests {len(times):>6}  {len(times) / duration:7.1f}/s  "
            f"p50 {p50 * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms  errors {errors}"
            + (f" ({', '.join(codes)})" if codes else "")
            + in_app
        )


def wait_ready(base: str, *, model: bool, timeout: float = 300) -> None:
    import httpx2 as httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            health = httpx.get(f"{base}/health", timeout=5).json()
            if not model or health.get("model") == "ready":
                return
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"the server at {base} was not ready within {timeout:.0f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles")
    parser.add_argument("--limit", type=int, default=None, help="alias of --articles")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--extract-clients", type=int, default=5)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per phase")
    parser.add_argument("--db", type=Path, default=None, help="reuse or keep this store")
    parser.add_argument("--skip-extract", action="store_true", help="reads only")
    parser.add_argument(
        "--no-prewarm", action="store_true", help="serve without the start-up cache warming"
    )
    args = parser.parse_args(argv)
    n = min(args.limit or args.articles, MAX_ARTICLES)
    clients = max(1, min(args.clients, MAX_CLIENTS))
    duration = max(1.0, min(args.duration, MAX_DURATION))
    extract_clients = 0 if args.skip_extract else max(0, min(args.extract_clients, clients))

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            seconds = build_store(db, n)
            print(f"store: {n} synthetic articles written in {seconds:.1f} s ({db})")
        else:
            print(f"store: reusing {db}")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_API_KEY"}
        server = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from newsevents.cli import main; main()",
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
                *(["--no-prewarm"] if args.no_prewarm else []),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            # The server loads the language model in the background at start; wait for
            # it, so the read phase does not compete with loading.
            wait_ready(base, model=True)
            print(f"server: pid {server.pid} on {base}; {clients} clients, {duration:.0f} s/phase")
            report("reads", asyncio.run(run_phase(port, clients, 0, duration)), duration)
            if extract_clients:
                out = asyncio.run(run_phase(port, clients, extract_clients, duration))
                report("mixed", out, duration)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
