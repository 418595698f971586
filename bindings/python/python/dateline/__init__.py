"""dateline: structured, evidence-linked facts from news articles.

    >>> import dateline
    >>> article = dateline.extract("TEHRAN, May 13 - Iran said so.", date="2018-05-13")
    >>> article.dateline.place, article.dateline.date
    ('Tehran', '2018-05-13')

Offsets (``start``/``end``) are Python string indices: ``text[m.start:m.end] == m.text``.
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from ._dateline import DatelineError, __version__
from ._dateline import Extractor as _NativeExtractor

__all__ = ["Article", "DatelineError", "Extractor", "Record", "extract", "__version__"]


class Record:
    """One fact of an article: its fields are attributes (``quote.speaker``), as in CONTRACT.md."""

    __slots__ = ("_data",)

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __getitem__(self, name: str) -> Any:
        return self._data[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._data == other._data

    def __getstate__(self) -> Dict[str, Any]:
        return self._data

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._data = state

    def to_dict(self) -> Dict[str, Any]:
        """The fact as plain Python data."""
        return self._data

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._data.items() if not isinstance(v, (list, dict)))
        return f"{type(self).__name__}({fields})"


class Article(Record):
    """Everything dateline found in one article."""

    __slots__ = ()

    def _records(self, field: str) -> List[Record]:
        return [Record(x) for x in self._data.get(field) or []]

    @property
    def dateline(self) -> Optional[Record]:
        d = self._data.get("dateline")
        return Record(d) if d is not None else None

    @property
    def title(self) -> Optional[Record]:
        t = self._data.get("title")
        return Record(t) if t is not None else None

    @property
    def credits(self) -> List[Record]:
        return self._records("credits")

    @property
    def paragraphs(self) -> List[Record]:
        return self._records("paragraphs")

    @property
    def sentences(self) -> List[Record]:
        return self._records("sentences")

    @property
    def entities(self) -> List[Record]:
        return self._records("entities")

    @property
    def timexes(self) -> List[Record]:
        return self._records("timexes")

    @property
    def quotes(self) -> List[Record]:
        return self._records("quotes")

    @property
    def casualties(self) -> List[Record]:
        return self._records("casualties")

    @property
    def events(self) -> List[Record]:
        return self._records("events")

    def to_json(self, **kwargs: Any) -> str:
        """The article as JSON (keyword arguments go to ``json.dumps``)."""
        return json.dumps(self._data, ensure_ascii=False, **kwargs)

    def __repr__(self) -> str:
        d = self._data.get("dateline")
        place = d["place"] if d else None
        return (
            f"Article(id={self._data.get('id')!r}, dateline={place!r}, "
            f"sentences={len(self._data.get('sentences') or [])}, entities={len(self._data.get('entities') or [])})"
        )


class Extractor:
    """Builds the pipeline once; extract as often as you like, from any number of threads."""

    def __init__(self) -> None:
        self._native = _NativeExtractor()

    def extract(self, text: str, date: Optional[str] = None, id: Optional[str] = None) -> Article:
        """Extracts facts from one article. ``date`` is the publication date, ``YYYY-MM-DD``."""
        _check_text(text)
        return Article(json.loads(self._native.extract_json(text, date, id)))

    def extract_many(
        self,
        texts_or_dicts: Iterable[Union[str, Dict[str, Any]]],
        dates: Optional[Sequence[Optional[str]]] = None,
        threads: Optional[int] = None,
    ) -> List[Article]:
        """Extracts many articles on all cores, without the GIL; results in input order.

        Items are texts, or dicts ``{"text", "date", "id"}``; ``dates`` gives one date per text.
        """
        texts: List[str] = []
        item_dates: List[Optional[str]] = []
        ids: List[Optional[str]] = []
        for n, item in enumerate(texts_or_dicts):
            if isinstance(item, dict):
                if "text" not in item:
                    raise DatelineError(f"item {n} has no 'text'")
                texts.append(item["text"])
                item_dates.append(item.get("date"))
                ids.append(None if item.get("id") is None else str(item["id"]))
            else:
                texts.append(item)
                item_dates.append(None)
                ids.append(None)
            _check_text(texts[-1], n)
        if dates is not None:
            dates = list(dates)
            if len(dates) != len(texts):
                raise DatelineError(f"got {len(texts)} texts but {len(dates)} dates")
            item_dates = [d if d is not None else item_dates[i] for i, d in enumerate(dates)]
        results = self._native.extract_many_json(texts, item_dates, ids, threads)
        return [Article(json.loads(r)) for r in results]

    @property
    def stage_names(self) -> List[str]:
        """The pipeline's stages, in the order they run."""
        return self._native.stage_names()


def _check_text(text: object, n: Optional[int] = None) -> None:
    if not isinstance(text, str):
        where = "" if n is None else f" (item {n})"
        hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text must be str, not {type(text).__name__}{where}{hint}")


_default: Optional[Extractor] = None


def extract(text: str, date: Optional[str] = None, id: Optional[str] = None) -> Article:
    """Extracts facts from one article with a default Extractor, built on first use."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, date, id)
