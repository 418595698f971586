"""The objects an Article is made of.

Each object wraps the plain dict of CONTRACT.md (``to_dict()`` returns it unchanged) and
exposes its fields as attributes. Objects are made when first asked for: an Article holds the
Rust article it came from and converts each of its fields to Python data when that field is
first read, so that a batch of articles costs no Python work until it is used.
"""
from __future__ import annotations

import json
from typing import Any, Dict, Generic, Iterator, List, Optional, Type, TypeVar, overload

from ._dateline import NativeArticle

_F = TypeVar("_F", bound="Fact")
_T = TypeVar("_T")


class _Field(Generic[_T]):
    """A read-only attribute that reads one key of the fact's dict (None when absent)."""

    def __init__(self, key: str, doc: str) -> None:
        self.key = key
        self.__doc__ = doc

    @overload
    def __get__(self, fact: None, owner: Any) -> "_Field[_T]": ...

    @overload
    def __get__(self, fact: "Fact", owner: Any) -> _T: ...

    def __get__(self, fact: Optional["Fact"], owner: Any) -> Any:
        if fact is None:
            return self
        return fact._get(self.key)


class Fact:
    """One fact of an article. ``start``/``end`` (where present) are Python string indices."""

    __slots__ = ("_data", "_article")
    _repr_fields: tuple = ()

    def __init__(self, data: Dict[str, Any], article: Optional["Article"] = None) -> None:
        self._data = data
        self._article = article

    def _get(self, key: str) -> Any:
        """One field of the fact's dict, None when absent."""
        return self._data.get(key)

    def to_dict(self) -> Dict[str, Any]:
        """The fact as plain Python data, as in CONTRACT.md."""
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._data == other._data  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(json.dumps(self._data, sort_keys=True))

    def __getstate__(self) -> Dict[str, Any]:
        return {"data": self._data, "article": self._article}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._data = state["data"]
        self._article = state["article"]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={self._get(k)!r}" for k in self._repr_fields if self._get(k) is not None)
        return f"{type(self).__name__}({shown})"


class Span(Fact):
    """A paragraph or a sentence."""

    __slots__ = ()
    _repr_fields = ("start", "end")
    start: "_Field[int]" = _Field("start", "Start offset (Python string index).")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")

    @property
    def text(self) -> str:
        """The text of the span."""
        return self._article.text[self.start:self.end] if self._article is not None else ""

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end}, {self.text[:60]!r})"


class Title(Fact):
    """The headline line before the dateline."""

    __slots__ = ()
    _repr_fields = ("text",)
    start: "_Field[int]" = _Field("start", "Start offset.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    text: "_Field[str]" = _Field("text", "The headline.")


class Dateline(Fact):
    """``TEHRAN, May 13 -``: where and when the story was filed."""

    __slots__ = ()
    _repr_fields = ("text", "place", "date", "agency")
    start: "_Field[int]" = _Field("start", "Start offset.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    text: "_Field[str]" = _Field("text", "The dateline as written.")
    place: "_Field[str]" = _Field("place", "The place, e.g. 'Tehran'.")
    place_entity: "_Field[Optional[str]]" = _Field("place_entity", "Id of the place's entity.")
    region: "_Field[Optional[str]]" = _Field("region", "State, province or country after the place.")
    date: "_Field[Optional[str]]" = _Field("date", "TIMEX3 value: '2018-05-13', or 'XXXX-05-13' without a year.")
    agency: "_Field[Optional[str]]" = _Field("agency", "Agency in brackets, e.g. 'Reuters'.")


class Credit(Fact):
    """Who wrote or supplied the story: ``Source: Press TV``, ``Reporting by …``."""

    __slots__ = ()
    _repr_fields = ("name", "role", "alias")
    start: "_Field[int]" = _Field("start", "Start offset.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    text: "_Field[str]" = _Field("text", "The credit as written.")
    name: "_Field[str]" = _Field("name", "Who is credited.")
    role: "_Field[str]" = _Field("role", "source, agency, author, reporter, writer or editor.")
    alias: "_Field[Optional[str]]" = _Field("alias", "A short form written beside the name, e.g. 'YJC'.")


class Mention(Fact):
    """One place in the text where an entity is named."""

    __slots__ = ()
    _repr_fields = ("text", "start", "end")
    start: "_Field[int]" = _Field("start", "Start offset.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    text: "_Field[str]" = _Field("text", "The mention as written.")

    @property
    def entity(self) -> Optional["Entity"]:
        """The entity this mention belongs to."""
        if self._article is None:
            return None
        for entity in self._article.entities:
            if any(m is self._data for m in entity._data.get("mentions") or []):
                return entity
        return None


class Entity(Fact):
    """A person, organization, place or group, with every mention of it."""

    __slots__ = ()
    _repr_fields = ("id", "label", "name", "country")
    id: "_Field[str]" = _Field("id", "'E1', 'E2', … in order of first mention.")
    label: "_Field[str]" = _Field("label", "PERSON, ORG, GPE, LOC, NORP or FAC.")
    name: "_Field[str]" = _Field("name", "The canonical name.")
    titles: "_Field[List[str]]" = _Field("titles", "Titles and ranks, e.g. ['Defense Minister'].")
    affiliation: "_Field[Optional[str]]" = _Field("affiliation", "Id of the entity this one belongs to.")
    country: "_Field[Optional[str]]" = _Field("country", "ISO 3166-1 alpha-2 code.")
    kb: "_Field[Optional[Dict[str, Any]]]" = _Field("kb", "Knowledge-base link: {'source', 'id', 'lat', 'lon'}.")

    @property
    def mentions(self) -> List[Mention]:
        """Every mention, in text order."""
        return [Mention(m, self._article) for m in self._data.get("mentions") or []]

    @property
    def affiliated(self) -> Optional["Entity"]:
        """The entity named by ``affiliation``."""
        return self._article.entity(self.affiliation) if self._article and self.affiliation else None


class Timex(Fact):
    """A temporal expression, normalized as a TimeML TIMEX3."""

    __slots__ = ()
    _repr_fields = ("text", "type", "value")
    start: "_Field[int]" = _Field("start", "Start offset.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    text: "_Field[str]" = _Field("text", "The expression as written.")
    type: "_Field[str]" = _Field("type", "DATE, TIME, DURATION or SET.")
    value: "_Field[str]" = _Field("value", "TIMEX3 value, e.g. '2018-05-11', 'P17Y', 'PAST_REF'.")
    anchor: "_Field[Optional[str]]" = _Field("anchor", "What the value was computed from: 'date', 'dateline' or None.")
    mod: "_Field[Optional[str]]" = _Field("mod", "TIMEX3 mod: APPROX, START, MID, END, MORE_THAN, LESS_THAN.")


class Quote(Fact):
    """Direct or reported speech; ``start``/``end`` cover the content without quotation marks."""

    __slots__ = ()
    _repr_fields = ("kind", "text", "speaker", "cue")
    start: "_Field[int]" = _Field("start", "Start offset of the content.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    text: "_Field[str]" = _Field("text", "What was said.")
    kind: "_Field[str]" = _Field("kind", "'direct' or 'reported'.")
    speaker: "_Field[Optional[str]]" = _Field("speaker", "The speaker's entity id.")
    speaker_start: "_Field[Optional[int]]" = _Field("speaker_start", "Start offset of the speaker's span.")
    speaker_end: "_Field[Optional[int]]" = _Field("speaker_end", "End offset of the speaker's span.")
    cue: "_Field[Optional[str]]" = _Field("cue", "The speech verb or phrase, e.g. 'said'.")

    @property
    def speaker_entity(self) -> Optional[Entity]:
        """The entity named by ``speaker``."""
        return self._article.entity(self.speaker) if self._article and self.speaker else None


class Casualty(Fact):
    """``killed more than 30 policemen``: kind, count bounds, victims, perpetrator, place, time."""

    __slots__ = ()
    _repr_fields = ("kind", "count", "min", "max", "victims", "text")
    start: "_Field[int]" = _Field("start", "Start offset.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    text: "_Field[str]" = _Field("text", "The casualty phrase.")
    kind: "_Field[str]" = _Field("kind", "killed, injured, missing, kidnapped, arrested or displaced.")
    count: "_Field[Optional[int]]" = _Field("count", "The exact number, when given.")
    min: "_Field[Optional[int]]" = _Field("min", "Lower bound.")
    max: "_Field[Optional[int]]" = _Field("max", "Upper bound.")
    approximate: "_Field[bool]" = _Field("approximate", "Whether the number is an estimate ('about 30', 'dozens').")
    victims: "_Field[Optional[str]]" = _Field("victims", "Who was harmed, e.g. 'policemen'.")
    perpetrator: "_Field[Optional[str]]" = _Field("perpetrator", "Entity id of who carried out or claimed it.")
    location: "_Field[Optional[str]]" = _Field("location", "Entity id of the place.")
    time: "_Field[Optional[int]]" = _Field("time", "Index into Article.timexes.")


class Event(Fact):
    """Who did what to whom: a meeting, visit, attack, accusation…"""

    __slots__ = ()
    _repr_fields = ("type", "cameo", "trigger", "actors", "targets")
    type: "_Field[str]" = _Field("type", "MEET, VISIT, ATTACK, ACCUSE, THREATEN, ARREST, STATEMENT, INVADE.")
    cameo: "_Field[str]" = _Field("cameo", "CAMEO code, e.g. '040'.")
    trigger: "_Field[str]" = _Field("trigger", "The trigger word as written.")
    start: "_Field[int]" = _Field("start", "Start offset of the trigger.")
    end: "_Field[int]" = _Field("end", "End offset, exclusive.")
    actors: "_Field[List[str]]" = _Field("actors", "Entity ids of who acted.")
    targets: "_Field[List[str]]" = _Field("targets", "Entity ids of who was acted on.")
    location: "_Field[Optional[str]]" = _Field("location", "Entity id of the place.")
    time: "_Field[Optional[int]]" = _Field("time", "Index into Article.timexes.")


class Article(Fact):
    """Everything dateline found in one article, with the article's text.

    An article from ``extract`` or ``extract_many`` holds the Rust article (``_native``) and
    converts one field (``entities``, ``dateline``, …) to Python data the first time it is
    read; ``to_dict()`` converts the rest. ``Article(data, text)`` wraps a dict of
    CONTRACT.md instead, such as a line of the CLI's output.
    """

    __slots__ = ("text", "_native", "_fields")
    _repr_fields = ("id",)

    def __init__(self, data: Optional[Dict[str, Any]] = None, text: str = "") -> None:
        self._fields: Dict[str, Any] = {} if data is None else data
        self._native: Optional[NativeArticle] = None
        self._article = None
        self.text = text

    @classmethod
    def _from_native(cls, native: NativeArticle) -> "Article":
        """The article of an extraction; the batch path makes one per text, so it does no more."""
        article = cls.__new__(cls)
        article._fields = {}
        article._native = native
        article._article = None
        article.text = native.text
        return article

    def _get(self, key: str) -> Any:
        # Read _native before _fields: _data sets _fields before it clears _native, so a
        # thread that sees no _native also sees every field.
        native = self._native
        fields = self._fields
        if key not in fields and native is not None:
            # setdefault: threads that read the same field at once all get the first result.
            return fields.setdefault(key, native.field(key))
        return fields.get(key)

    @property
    def _data(self) -> Dict[str, Any]:  # type: ignore[override]
        native = self._native
        if native is not None:
            data = native.to_dict()
            data.update(self._fields)  # fields already read keep the objects handed out
            self._fields = data
            # Everything is Python data now: the Rust article is no longer needed.
            self._native = None
        return self._fields

    def __getstate__(self) -> Dict[str, Any]:
        return {"data": self._data, "text": self.text}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._fields = state["data"]
        self._native = None
        self._article = None
        self.text = state["text"]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Article) and self._data == other._data and self.text == other.text

    __hash__ = Fact.__hash__

    def _make(self, cls: Type[_F], field: str) -> List[_F]:
        return [cls(x, self) for x in self._get(field) or []]

    id: "_Field[Optional[str]]" = _Field("id", "The id given with the input.")

    @property
    def title(self) -> Optional[Title]:
        """The headline, when the story has one."""
        t = self._get("title")
        return Title(t, self) if t else None

    @property
    def dateline(self) -> Optional[Dateline]:
        """The dateline, when the story has one."""
        d = self._get("dateline")
        return Dateline(d, self) if d else None

    @property
    def credits(self) -> List[Credit]:
        return self._make(Credit, "credits")

    @property
    def paragraphs(self) -> List[Span]:
        return self._make(Span, "paragraphs")

    @property
    def sentences(self) -> List[Span]:
        return self._make(Span, "sentences")

    @property
    def entities(self) -> List[Entity]:
        return self._make(Entity, "entities")

    @property
    def mentions(self) -> List[Mention]:
        """Every entity mention, in text order."""
        found = [Mention(m, self) for e in self._get("entities") or [] for m in e.get("mentions") or []]
        return sorted(found, key=lambda m: (m.start, m.end))

    @property
    def timexes(self) -> List[Timex]:
        return self._make(Timex, "timexes")

    @property
    def quotes(self) -> List[Quote]:
        return self._make(Quote, "quotes")

    @property
    def casualties(self) -> List[Casualty]:
        return self._make(Casualty, "casualties")

    @property
    def events(self) -> List[Event]:
        return self._make(Event, "events")

    def entity(self, entity_id: str) -> Optional[Entity]:
        """The entity with this id (``"E1"``), or None."""
        for e in self._get("entities") or []:
            if e.get("id") == entity_id:
                return Entity(e, self)
        return None

    def to_json(self, **kwargs: Any) -> str:
        """The article as JSON, as in CONTRACT.md (keyword arguments go to ``json.dumps``)."""
        return json.dumps(self._data, ensure_ascii=False, **kwargs)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.sentences)

    def __repr__(self) -> str:
        d = self._get("dateline")
        return (
            f"Article(id={self._get('id')!r}, dateline={(d or {}).get('place')!r}, "
            f"sentences={len(self._get('sentences') or [])}, entities={len(self._get('entities') or [])}, "
            f"timexes={len(self._get('timexes') or [])}, quotes={len(self._get('quotes') or [])})"
        )

    def _repr_html_(self) -> str:
        from ._display import article_html

        return article_html(self)

    def displacy(self) -> Dict[str, Any]:
        """The dict ``spacy.displacy.render(article.displacy(), style="ent", manual=True)`` takes."""
        from ._display import displacy_dict

        return displacy_dict(self)
