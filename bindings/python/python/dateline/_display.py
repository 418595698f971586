"""Notebook views of an Article: highlighted HTML and spaCy's displaCy format."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Dict, List, Set, Tuple

if TYPE_CHECKING:
    from ._facts import Article

# One colour a label, close to displaCy's so the two views agree.
COLOURS = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "TIME": "#bfe1d9",
    "CASUALTY": "#ff8197",
}

STYLE = """<style>
.dl-article { font-family: sans-serif; line-height: 2.1; max-width: 60em; }
.dl-ent { padding: 0.1em 0.3em; border-radius: 0.3em; }
.dl-ent .dl-label { font-size: 0.65em; font-weight: bold; margin-left: 0.3em; text-transform: uppercase; }
.dl-quote { border-bottom: 2px dashed #555; font-style: italic; }
.dl-facts { font-family: sans-serif; border-collapse: collapse; margin-top: 1em; font-size: 0.9em; }
.dl-facts td, .dl-facts th { border: 1px solid #ddd; padding: 0.2em 0.5em; text-align: left; }
</style>"""


def _annotations(article: "Article") -> List[Tuple[int, int, str, str]]:
    """(start, end, kind, label) for every highlighted span; kind is the CSS class."""
    spans = []
    for entity in article.entities:
        for m in entity.mentions:
            spans.append((m.start, m.end, "dl-ent", entity.label))
    for t in article.timexes:
        spans.append((t.start, t.end, "dl-ent", "TIME"))
    for c in article.casualties:
        spans.append((c.start, c.end, "dl-ent", "CASUALTY"))
    for q in article.quotes:
        spans.append((q.start, q.end, "dl-quote", q.kind))
    return spans


def _highlighted_text(article: "Article") -> str:
    """The text cut at every annotation boundary; each piece wrapped in the spans covering it,
    so overlapping annotations still give well-formed HTML."""
    text = article.text
    spans = _annotations(article)
    cuts: Set[int] = {0, len(text)}
    for start, end, _, _ in spans:
        cuts.update((start, end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        # Outer spans first: longest first.
        for start, end, kind, label in sorted(covering, key=lambda s: s[0] - s[1], reverse=True):
            style = f' style="background: {COLOURS.get(label, "#ddd")}"' if kind == "dl-ent" else ""
            tag = f'<span class="{kind}" data-label="{label}"{style}>'
            tail = f'<span class="dl-label">{label}</span>' if kind == "dl-ent" and b == end else ""
            piece = f"{tag}{piece}{tail}</span>"
        out.append(piece)
    return "".join(out)


def _facts_table(article: "Article") -> str:
    rows = []
    if article.dateline:
        d = article.dateline
        rows.append(("dateline", d.text, f"{d.place} {d.date or ''}".strip()))
    for c in article.credits:
        rows.append(("credit", c.text, f"{c.role}: {c.name}"))
    for e in article.entities:
        rows.append(("entity", e.name, f"{e.label} ({len(e.mentions)} mentions){' ' + ', '.join(e.titles or []) if e.titles else ''}"))
    for t in article.timexes:
        rows.append(("time", t.text, t.value))
    for q in article.quotes:
        speaker = q.speaker_entity.name if q.speaker_entity else (
            article.text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else "?")
        rows.append(("quote", q.text[:120], f"{q.kind}, {speaker}"))
    for casualty in article.casualties:
        count = casualty.count if casualty.count is not None else (casualty.min, casualty.max)
        rows.append(("casualty", casualty.text, f"{casualty.kind} {count}"))
    for event in article.events:
        who = f"{', '.join(event.actors or [])} → {', '.join(event.targets or [])}"
        rows.append(("event", event.trigger, f"{event.type} {who}"))
    body = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(str(a))}</td><td>{html.escape(str(b))}</td></tr>" for k, a, b in rows
    )
    return f'<table class="dl-facts"><tr><th>fact</th><th>text</th><th>value</th></tr>{body}</table>'


def article_html(article: "Article") -> str:
    """The story with entities, times, casualties and quotes highlighted, and the facts below."""
    return f'{STYLE}<div class="dl-article">{_highlighted_text(article)}</div>{_facts_table(article)}'


def displacy_dict(article: "Article") -> Dict[str, Any]:
    """Entities and times as displaCy's manual "ent" input; overlapping spans are left out."""
    spans = sorted(
        [(m.start, m.end, e.label) for e in article.entities for m in e.mentions]
        + [(t.start, t.end, t.type) for t in article.timexes]
    )
    ents, last_end = [], -1
    for start, end, label in spans:
        if start >= last_end:
            ents.append({"start": start, "end": end, "label": label})
            last_end = end
    title = article.title.text if article.title else None
    return {"text": article.text, "ents": ents, "title": title}
