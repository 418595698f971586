"""Hostile input through the Python API: documented exceptions or well-defined results, never a crash."""
import pytest

import dateline

ODD_TEXTS = [
    "",
    " \t\r\n\u00a0\u2028\u3000",
    "\x00" * 100,
    "\"" * 20_000,
    "(" * 20_000 + "Iran" + ")" * 20_000,
    "Alpha Bravo Charlie " * 20_000,
    "x" * 1_000_000,
    "طهران، 13 مايو - قال وزير الدفاع الأفغاني \u202eTehran\u202c في طهران.",
    "Ira\u0301n said, Ka\u0303bul. 👨‍👩‍👧 🇮🇷 “🙂”",
    "TEHRAN, May 13 - Iran said so.\r\nIraq agreed.\rSyria did not.\n\r\n",
    "<html><body><p>TEHRAN, May 13 - <b>Iran</b> said &quot;no&quot;.</p></body></html>",
    "".join(chr(c) for c in range(0, 0x30000, 7) if not 0xD800 <= c <= 0xDFFF),
]


@pytest.fixture(scope="module")
def extractor():
    return dateline.Extractor()


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_odd_text_gives_valid_spans(extractor, text):
    article = extractor.extract(text, date="2018-05-13")
    for fact in article.mentions + article.timexes + article.quotes + article.casualties:
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.text
    for sentence in article.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)


@pytest.mark.parametrize("bad", [b"bytes", bytearray(b"x"), 42, None, ["a list"], object()])
def test_non_text_is_a_type_error(extractor, bad):
    with pytest.raises(TypeError):
        extractor.extract(bad)
    with pytest.raises(TypeError):
        extractor.extract_many(["fine", bad])


@pytest.mark.parametrize("date", ["", "2018-13-01", "2018-02-30", "tomorrow", "2018/05/13"])
def test_bad_dates_are_invalid_date_errors(extractor, date):
    with pytest.raises(dateline.InvalidDateError):
        extractor.extract("text", date=date)


def test_lone_surrogates_are_a_unicode_error(extractor):
    with pytest.raises(UnicodeEncodeError):
        extractor.extract("a\udc80b")
    with pytest.raises(UnicodeEncodeError):
        extractor.extract_many(["fine", "\ud800"])


def test_odd_texts_in_one_batch_match_one_by_one(extractor):
    one_by_one = [extractor.extract(text, date="2018-05-13") for text in ODD_TEXTS]
    assert extractor.extract_many(ODD_TEXTS, dates=["2018-05-13"] * len(ODD_TEXTS)) == one_by_one


@pytest.mark.parametrize(
    "items, error, message",
    [
        ("one text", TypeError, "for one text, use extract"),
        ([{"date": "2018-05-13"}], dateline.DatelineError, "item 0 has no 'text'"),
        (["fine", {"text": None}], TypeError, r"not NoneType \(item 1\)"),
        (["fine", b"bytes"], TypeError, r"\(item 1\); decode bytes first"),
        ([{"text": "x", "date": 20180513}], TypeError, "item 0: the date must be a str"),
        ([{"text": "x", "date": "13 May"}], dateline.InvalidDateError, "text 0"),
    ],
)
def test_bad_batch_items_name_the_item(extractor, items, error, message):
    with pytest.raises(error, match=message):
        extractor.extract_many(items)


def test_batch_items_ids_and_dates(extractor):
    items = [{"text": "PARIS, May 1 - Rain.", "id": 7, "date": None}, {"text": "PARIS, May 1 - Rain.", "id": None}]
    first, second = extractor.extract_many(items, dates=[None, "2018-05-01"])
    assert first.id == "7" and first.dateline.date == "XXXX-05-01"
    assert second.id is None and second.dateline.date == "2018-05-01"
    many = [f"text {n}" for n in range(600)]
    with pytest.raises(dateline.InvalidDateError, match="text 599"):
        extractor.extract_many(many, dates=[None] * 599 + ["bad"], progress=True)
    # With a progress bar, batches go to the native module in chunks that keep the item numbers.
    with pytest.raises(TypeError, match=r"item 257"):
        extractor._native.extract_many(["fine", 5], None, None, 256)
