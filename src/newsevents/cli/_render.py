"""Human-readable summaries (rich tables) of results and evaluation reports."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..evaluate import EvalReport
from ..schema import ArticleResult

_SNIPPET = 70


def _clip(text: str, width: int = _SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_result(result: ArticleResult, console: Console) -> None:
    """Print actors, events, quotes, times and places of one article as tables."""
    art = result.article
    head = (
        f"[bold]{art.title or art.id}[/bold]  published {art.published or '—'}, {art.chars} chars"
    )
    console.rule(head)
    names = {a.id: a.name for a in result.actors}

    actors = Table(title=f"Actors ({len(result.actors)})", title_justify="left")
    for col in ("id", "name", "kind", "code", "mentions"):
        actors.add_column(col)
    for a in result.actors:
        mentions = ", ".join(dict.fromkeys(m.text for m in a.mentions))
        actors.add_row(a.id, a.name, a.kind, a.code or "—", _clip(mentions, 50))
    console.print(actors)

    events = Table(title=f"Events ({len(result.events)})", title_justify="left")
    for col in ("id", "source", "target", "cameo", "plover", "modality", "date", "trigger"):
        events.add_column(col)
    for e in result.events:
        events.add_row(
            e.id,
            f"{names.get(e.source or '', '—')} ({e.source_code or '—'})",
            f"{names.get(e.target or '', '—')} ({e.target_code or '—'})" if e.target else "—",
            f"{e.cameo} {_clip(e.cameo_name, 30)}",
            e.plover.type if e.plover else "—",
            e.modality,
            e.date or "—",
            e.trigger.text,
        )
    console.print(events)

    quotes = Table(title=f"Quotes ({len(result.quotes)})", title_justify="left")
    for col in ("id", "kind", "speaker", "cue", "via", "content"):
        quotes.add_column(col)
    for q in result.quotes:
        speaker = names.get(q.speaker or "") or (
            f"({q.speaker_mention.text})" if q.speaker_mention else "—"
        )
        quotes.add_row(
            q.id,
            q.kind,
            speaker,
            q.cue.text if q.cue else "—",
            ", ".join(names.get(v, v) for v in q.via) or "—",
            _clip(q.content.text, 60),
        )
    console.print(quotes)

    times = Table(title=f"Times ({len(result.times)})", title_justify="left")
    for col in ("id", "text", "type", "value"):
        times.add_column(col)
    for t in result.times:
        times.add_row(t.id, t.text, t.type, t.value)
    console.print(times)

    places = Table(title=f"Places ({len(result.places)})", title_justify="left")
    for col in ("id", "text", "name", "geonameid", "country", "feature"):
        places.add_column(col)
    for p in result.places:
        places.add_row(
            p.id, p.text, p.name, str(p.geonameid or "—"), p.country or "—", p.feature or "—"
        )
    console.print(places)


def render_report(report: EvalReport, console: Console) -> None:
    """Print an evaluation report: P/R/F1 rows and the other figures."""
    table = Table(
        title=f"{report.task}: {report.gold} ({report.documents} documents, "
        f"{report.seconds:.1f} s)",
        title_justify="left",
    )
    for col in ("metric", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "metric" else "left")
    for m in report.metrics:
        table.add_row(
            m.name,
            str(m.tp),
            str(m.fp),
            str(m.fn),
            f"{m.precision:.3f}",
            f"{m.recall:.3f}",
            f"{m.f1:.3f}",
        )
    console.print(table)
    if report.figures:
        figures = Table(title="Figures", title_justify="left")
        figures.add_column("figure")
        figures.add_column("value", justify="right")
        for name, value in report.figures.items():
            figures.add_row(name, f"{value:.3f}")
        console.print(figures)
    for note in report.notes:
        console.print(f"note: {note}")
