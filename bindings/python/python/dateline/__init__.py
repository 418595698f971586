"""dateline: structured, evidence-linked facts from news articles.

    >>> import dateline
    >>> article = dateline.extract("TEHRAN, May 13 - Iran said so.", date="2018-05-13")
    >>> article.dateline.place, article.dateline.date
    ('Tehran', '2018-05-13')

Offsets (``start``/``end``) are Python string indices: ``text[m.start:m.end] == m.text``.
"""
from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ._dateline import (
    DatelineError,
    InvalidDateError,
    InvalidEntryError,
    InvalidOptionError,
    __version__,
)
from ._dateline import Extractor as _NativeExtractor
from ._facts import (
    Article,
    Casualty,
    Credit,
    Dateline,
    Entity,
    Event,
    Fact,
    Mention,
    Quote,
    Span,
    Timex,
    Title,
)
from ._frames import to_frames

__all__ = [
    "Article", "Casualty", "Credit", "Dateline", "DatelineError", "Entity", "Event", "Extractor", "Fact",
    "InvalidDateError", "InvalidEntryError", "InvalidOptionError", "Mention", "Quote", "Span", "Timex",
    "Title", "extract", "to_frames", "__version__",
]

#: How many texts go to the native code at once when a progress bar is shown.
_PROGRESS_CHUNK = 256

TextOrDict = Union[str, Dict[str, Any]]


class Extractor:
    """Builds the pipeline once; extract as often as you like, from any number of threads.

    Keyword arguments, all optional:

    - ``stages``: the stages to run, e.g. ``["structure", "time"]`` (default: all; the
      structure stage always runs). Skipping stages saves their time.
    - ``entities``: your own entities, dicts ``{"name", "label", "aliases", "kb"}``
      (``label`` one of PERSON, ORG, GPE, LOC, NORP, FAC; ``aliases`` a list; ``kb`` your id).
      They are found wherever their names are written and win over built-in entries.
    - ``entities_file``: a file of such entities: a JSON array, or CSV / TSV with a header
      naming the columns ``name,label,aliases,kb`` (aliases separated by ``|``).

    Building takes a fraction of a second: keep one Extractor and reuse it.
    """

    def __init__(
        self,
        stages: Optional[Sequence[str]] = None,
        entities: Optional[Sequence[Dict[str, Any]]] = None,
        entities_file: Optional[Union[str, "os.PathLike[str]"]] = None,
    ) -> None:
        self._stages = None if stages is None else list(stages)
        self._entities: List[Dict[str, Any]] = list(entities or [])
        self._entities_file = None if entities_file is None else os.fspath(entities_file)
        self._native = self._build()

    def _build(self) -> _NativeExtractor:
        entities_json = json.dumps(self._entities) if self._entities else None
        return _NativeExtractor(self._stages, entities_json, self._entities_file)

    def add_entities(self, entities: Sequence[Dict[str, Any]]) -> None:
        """Adds user entities (as for ``entities=``) and rebuilds the pipeline with them."""
        added = self._entities + list(entities)
        native = _NativeExtractor(self._stages, json.dumps(added), self._entities_file)
        self._entities, self._native = added, native

    def extract(self, text: str, date: Optional[str] = None, id: Optional[str] = None) -> Article:
        """Extracts facts from one article. ``date`` is the publication date, ``YYYY-MM-DD``."""
        _check_text(text)
        return Article._from_native(self._native.extract(text, date, id), text)

    def extract_many(
        self,
        texts_or_dicts: Iterable[TextOrDict],
        dates: Optional[Sequence[Optional[str]]] = None,
        threads: Optional[int] = None,
        progress: bool = False,
    ) -> List[Article]:
        """Extracts many articles on all cores (or ``threads``), without the GIL, in input order.

        Items are texts, or dicts ``{"text", "date", "id"}``; ``dates`` gives one date per text
        and wins over a dict's. ``progress=True`` shows a tqdm bar when tqdm is installed.
        """
        texts, item_dates, ids = _split_inputs(texts_or_dicts)
        if dates is not None:
            dates = list(dates)
            if len(dates) != len(texts):
                raise DatelineError(f"got {len(texts)} texts but {len(dates)} dates; give one date per text")
            item_dates = [d if d is not None else item_dates[i] for i, d in enumerate(dates)]
        bar = _progress_bar(len(texts)) if progress else None
        step = _PROGRESS_CHUNK if bar is not None else max(len(texts), 1)
        articles: List[Article] = []
        for at in range(0, len(texts), step):
            chunk = slice(at, at + step)
            results = self._native.extract_many(texts[chunk], item_dates[chunk], ids[chunk], threads)
            articles.extend(map(Article._from_native, results, texts[chunk]))
            if bar is not None:
                bar.update(len(results))
        if bar is not None:
            bar.close()
        return articles

    @property
    def stage_names(self) -> List[str]:
        """The pipeline's stages, in the order they run."""
        return self._native.stage_names()

    def __repr__(self) -> str:
        return f"Extractor(stages={self.stage_names!r})"


def _split_inputs(items: Iterable[TextOrDict]) -> Tuple[List[str], List[Optional[str]], List[Optional[str]]]:
    """Texts, dates and ids of batch items (texts, or dicts with "text", "date", "id")."""
    texts: List[str] = []
    dates: List[Optional[str]] = []
    ids: List[Optional[str]] = []
    for n, item in enumerate(items):
        if isinstance(item, dict):
            if "text" not in item:
                raise DatelineError(f"item {n} has no 'text'")
            texts.append(item["text"])
            dates.append(item.get("date"))
            ids.append(None if item.get("id") is None else str(item["id"]))
        else:
            texts.append(item)  # type: ignore[arg-type]
            dates.append(None)
            ids.append(None)
        _check_text(texts[-1], n)
    return texts, dates, ids


def _check_text(text: object, n: Optional[int] = None) -> None:
    if not isinstance(text, str):
        where = "" if n is None else f" (item {n})"
        hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text must be str, not {type(text).__name__}{where}{hint}")


def _progress_bar(total: int) -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(total=total, unit="article")


_default: Optional[Extractor] = None


def extract(text: str, date: Optional[str] = None, id: Optional[str] = None) -> Article:
    """Extracts facts from one article with a default Extractor, built on first use."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, date, id)
