"""Article objects, lookups, pandas frames and notebook views over the seed story."""
import pathlib

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
