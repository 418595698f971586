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
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

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
        return Article._from_native(self._native.extract(text, date, id))

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
        if isinstance(texts_or_dicts, str):
            raise TypeError("extract_many takes a list of texts or dicts; for one text, use extract")
        items = list(texts_or_dicts)
        if dates is not None:
            dates = list(dates)
            if len(dates) != len(items):
                raise DatelineError(f"got {len(items)} texts but {len(dates)} dates; give one date per text")
        bar = _progress_bar(len(items)) if progress else None
        step = _PROGRESS_CHUNK if bar is not None else max(len(items), 1)
        articles: List[Article] = []
        for at in range(0, len(items), step):
            chunk_dates = None if dates is None else dates[at:at + step]
            results = self._native.extract_many(items[at:at + step], chunk_dates, threads, at)
            articles.extend(map(Article._from_native, results))
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
