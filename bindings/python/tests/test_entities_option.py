"""User entities from Python: keyword arguments, files, and errors that name the line."""
import pytest

import dateline

TEXT = "LONDON, May 1 - Zorblax Industries and its chief Quentin Vale said on Friday that ZBX shares rose."


def entity_named(article, name):
    return next((e for e in article.entities if e.name == name), None)


def test_entities_keyword_argument():
    ex = dateline.Extractor(entities=[{"name": "Zorblax Industries", "label": "ORG", "aliases": ["ZBX"], "kb": "Q42"}])
    article = ex.extract(TEXT, date="2018-05-01")
    zorblax = entity_named(article, "Zorblax Industries")
    assert zorblax is not None and zorblax.label == "ORG"
    assert [m.text for m in zorblax.mentions] == ["Zorblax Industries", "ZBX"]
    assert zorblax.kb["id"] == "Q42"


def test_add_entities_rebuilds():
    ex = dateline.Extractor()
    ex.add_entities([{"name": "Quentin Vale", "label": "PERSON"}])
    assert entity_named(ex.extract(TEXT), "Quentin Vale").label == "PERSON"


@pytest.mark.parametrize(
    "name, content",
    [
        ("ents.csv", "name,label,aliases,kb\nZorblax Industries,ORG,ZBX,Q42\n"),
        ("ents.tsv", "name\tlabel\taliases\tkb\nZorblax Industries\tORG\tZBX\tQ42\n"),
        ("ents.json", '[{"name": "Zorblax Industries", "label": "ORG", "aliases": ["ZBX"], "kb": "Q42"}]'),
    ],
)
def test_entities_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    article = dateline.Extractor(entities_file=path).extract(TEXT)
    assert entity_named(article, "Zorblax Industries").kb["id"] == "Q42"


def test_bad_entities_name_the_problem(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,label\nAcme,ORG\nBeta,SPACESHIP\n", encoding="utf-8")
    with pytest.raises(dateline.InvalidEntryError, match="line 3"):
        dateline.Extractor(entities_file=path)
    with pytest.raises(dateline.InvalidEntryError):
        dateline.Extractor(entities=[{"label": "ORG"}])
    with pytest.raises(OSError):
        dateline.Extractor(entities_file=tmp_path / "missing.csv")
