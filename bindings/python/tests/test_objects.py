"""Article objects, lookups, pandas frames and notebook views over the seed story."""
import json
import pathlib
import pickle

import pytest

import dateline

TEHRAN = (pathlib.Path(__file__).resolve().parents[3] / "examples" / "tehran.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article():
    return dateline.extract(TEHRAN, date="2018-05-13", id="tehran")


def test_every_span_is_its_text(article):
    for fact in article.mentions + article.timexes + article.credits + article.casualties:
        assert TEHRAN[fact.start:fact.end] == fact.text
    for quote in article.quotes:
        assert TEHRAN[quote.start:quote.end] == quote.text
    for sentence in article.sentences:
        assert sentence.text == TEHRAN[sentence.start:sentence.end]
    assert list(article) == article.sentences


def test_lookups(article):
    for entity in article.entities:
        assert article.entity(entity.id) == entity
        assert all(m.entity == entity for m in entity.mentions)
        if entity.affiliation:
            assert entity.affiliated == article.entity(entity.affiliation)
        assert entity.id in repr(entity)
    assert article.entity("E999") is None
    for quote in article.quotes:
        if quote.speaker:
            assert quote.speaker_entity.id == quote.speaker
    with pytest.raises(KeyError):
        article.sentences[0]["nope"]


def test_to_frames(article):
    pandas = pytest.importorskip("pandas")
    frames = dateline.to_frames([article, dateline.extract("LONDON, May 1 - Rain fell.")])
    assert set(frames) == {"entities", "mentions", "timexes", "quotes", "casualties", "events", "sentences", "credits"}
    sentences = frames["sentences"]
    assert isinstance(sentences, pandas.DataFrame)
    assert list(sentences["article"]).count("tehran") == 16
    assert list(sentences["article"]).count(1) == 1  # no id: the article's position
    credits = frames["credits"]
    assert "Press TV" in set(credits["name"])
    if len(frames["entities"]):
        assert {"article", "id", "label", "name", "mention_count"} <= set(frames["entities"].columns)
        mentions = frames["mentions"]
        assert (mentions["article"] == "tehran").sum() == sum(len(e.mentions) for e in article.entities)


def test_html_view_highlights_facts(article):
    page = article._repr_html_()
    assert page.count("<span") == page.count("</span>")
    for entity in article.entities:
        assert f'data-label="{entity.label}"' in page
    for timex in article.timexes:
        assert "TIME" in page and timex.value in page
    assert "Source: Press TV" in page


def test_displacy_dict(article):
    view = article.displacy()
    assert view["text"] == TEHRAN
    ends = -1
    for ent in view["ents"]:
        assert ent["start"] >= ends, "displaCy needs spans that do not overlap"
        ends = ent["end"]


def test_non_ascii_offsets_are_string_indices():
    text = "PARÍS, May 2 - 🙂🙂 Zoë Durand said 東京 was calm on Friday. «Oui», she said."
    article = dateline.extract(text, date="2018-05-02")
    for fact in article.mentions + article.timexes:
        assert text[fact.start:fact.end] == fact.text
    for sentence in article.sentences:
        assert sentence.text and text[sentence.start:sentence.end] == sentence.text


def test_fields_convert_when_first_read():
    fresh = dateline.extract(TEHRAN, date="2018-05-13", id="tehran")
    assert fresh._native is not None and fresh._fields == {}
    assert fresh.dateline.place == "Tehran"
    assert set(fresh._fields) == {"dateline"}, "reading one field converts that field only"
    first = fresh.entities[0]
    data = fresh.to_dict()
    assert fresh._native is None, "once all is Python data the Rust article is let go"
    assert data["entities"][0] is first.to_dict(), "fields already read keep their objects"
    assert list(data) == ["id", "title", "dateline", "credits", "paragraphs", "sentences", "entities", "timexes",
                          "quotes", "casualties", "events"]
    assert fresh == dateline.extract(TEHRAN, date="2018-05-13", id="tehran")
    with pytest.raises(KeyError, match="no field"):
        dateline.extract("x")._native.field("sentiment")


def test_article_from_a_dict_of_the_contract(article):
    again = dateline.Article(json.loads(article.to_json()), TEHRAN)
    assert again == article and again.dateline == article.dateline
    assert [e.name for e in again.entities] == [e.name for e in article.entities]
    assert dateline.Article().entities == [] and dateline.Article().dateline is None


def test_pickling_unread_and_partly_read_articles():
    unread, partly = dateline.Extractor().extract_many([TEHRAN, TEHRAN], dates=["2018-05-13"] * 2)
    assert partly.sentences
    for original in (unread, partly):
        again = pickle.loads(pickle.dumps(original))
        assert again == original and again.text == TEHRAN and again._native is None
