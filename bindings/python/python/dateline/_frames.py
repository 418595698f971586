"""pandas DataFrames of many articles' facts: one row per fact, the article id in every row."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List

if TYPE_CHECKING:
    from ._facts import Article

#: The tables ``to_frames`` returns, and the Article field each one comes from.
TABLES = ("entities", "mentions", "timexes", "quotes", "casualties", "events", "sentences", "credits")


def _rows(number: int, article: "Article") -> Dict[str, List[Dict[str, Any]]]:
    article_id = article.id if article.id is not None else number
    data = article.to_dict()
    tables: Dict[str, List[Dict[str, Any]]] = {name: [] for name in TABLES}
    for entity in data.get("entities") or []:
        fields = {k: v for k, v in entity.items() if k != "mentions"}
        kb = entity.get("kb") or {}
        fields.update(kb_source=kb.get("source"), kb_id=kb.get("id"), lat=kb.get("lat"), lon=kb.get("lon"))
        fields.pop("kb", None)
        fields["mention_count"] = len(entity.get("mentions") or [])
        tables["entities"].append({"article": article_id, **fields})
        for m in entity.get("mentions") or []:
            tables["mentions"].append({"article": article_id, "entity": entity["id"], "label": entity["label"], **m})
    for name in ("timexes", "quotes", "casualties", "events", "sentences", "credits"):
        for n, fact in enumerate(data.get(name) or []):
            row = {"article": article_id, "index": n, **fact}
            if name == "sentences":
                row["text"] = article.text[fact["start"]:fact["end"]]
            tables[name].append(row)
    return tables


def to_frames(articles: Iterable["Article"]) -> Dict[str, Any]:
    """One DataFrame per kind of fact: ``entities``, ``mentions``, ``timexes``, ``quotes``,
    ``casualties``, ``events``, ``sentences`` and ``credits`` (each a ``pandas.DataFrame``).
    Needs pandas (``pip install pandas``)."""
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("dateline.to_frames needs pandas: pip install pandas") from e
    merged: Dict[str, List[Dict[str, Any]]] = {name: [] for name in TABLES}
    for number, article in enumerate(articles):
        for name, rows in _rows(number, article).items():
            merged[name].extend(rows)
    return {name: pandas.DataFrame(rows) for name, rows in merged.items()}
