"""The Python API over the seed story and odd inputs."""
import json
import multiprocessing
import pathlib
import pickle
import threading
import warnings

import pytest

import dateline

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples"
TEHRAN = (EXAMPLES / "tehran.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def extractor():
    return dateline.Extractor()


def test_seed_story_structure(extractor):
    article = extractor.extract(TEHRAN, date="2018-05-13", id="tehran")
    assert article.id == "tehran"
    assert article.dateline.place == "Tehran"
    assert article.dateline.date == "2018-05-13"
    assert TEHRAN[article.dateline.start:article.dateline.end] == "TEHRAN, May 13 -"
    roles = {(c.name, c.role) for c in article.credits}
    assert ("Press TV", "source") in roles
    assert ("Young Journalists Club", "agency") in roles
    assert len(article.sentences) == 16
    assert all("Source: Press TV" not in TEHRAN[s.start:s.end] for s in article.sentences)


def test_without_date_the_year_is_unknown(extractor):
    assert extractor.extract(TEHRAN).dateline.date == "XXXX-05-13"


def test_module_level_extract_and_serialization():
    article = dateline.extract(TEHRAN, date="2018-05-13")
    data = article.to_dict()
    assert json.loads(article.to_json()) == data
    assert set(data) >= {"id", "dateline", "credits", "sentences", "entities", "timexes", "quotes", "casualties", "events"}
    again = pickle.loads(pickle.dumps(article))
    assert again == article and again.text == TEHRAN
    assert pickle.loads(pickle.dumps(article.sentences[0])).text == article.sentences[0].text
    assert "Tehran" in repr(article)
    assert "Dateline(" in repr(article.dateline) and "Span(" in repr(article.sentences[0])


def test_stage_selection(extractor):
    assert extractor.stage_names[0] == "structure"
    only = dateline.Extractor(stages=["structure"])
    assert only.stage_names == ["structure"]
    article = only.extract(TEHRAN)
    assert article.entities == [] and len(article.sentences) == 16


def test_offsets_are_python_string_indices(extractor):
    text = "KÖLN, May 2 - 🙂 Émile Zola met 東京 officials. He left."
    article = extractor.extract(text)
    first = article.sentences[0]
    assert text[first.start:first.end] == "🙂 Émile Zola met 東京 officials."
    assert text[article.dateline.start:article.dateline.end] == "KÖLN, May 2 -"


def test_bad_input_raises_documented_errors(extractor):
    with pytest.raises(dateline.InvalidDateError, match="YYYY-MM-DD"):
        extractor.extract("text", date="13/05/2018")
    assert issubclass(dateline.InvalidDateError, dateline.DatelineError)
    assert issubclass(dateline.DatelineError, ValueError)
    with pytest.raises(dateline.InvalidOptionError, match="no stage"):
        dateline.Extractor(stages=["structure", "sentiment"])
    with pytest.raises(dateline.InvalidDateError, match="text 1"):
        extractor.extract_many(["a", "b"], dates=[None, "yesterday"])
    with pytest.raises(TypeError, match="decode"):
        extractor.extract(b"bytes")
    with pytest.raises(TypeError):
        extractor.extract(None)
    with pytest.raises(UnicodeEncodeError):
        extractor.extract("lone \ud800 surrogate")


def test_empty_and_whitespace_give_empty_articles(extractor):
    for text in ["", "   \n\t\r\n ", "\x00"]:
        article = extractor.extract(text)
        assert article.dateline is None
        assert article.entities == []


def test_extract_many_keeps_order_and_matches_serial(extractor):
    texts = [TEHRAN, "LONDON, Jan. 5 (Reuters) - Prices rose.", ""] * 10
    serial = [extractor.extract(t) for t in texts]
    assert extractor.extract_many(texts) == serial
    assert extractor.extract_many(texts, threads=1) == serial
    dicts = [{"text": t, "id": str(i), "date": "2018-05-13"} for i, t in enumerate(texts)]
    many = extractor.extract_many(dicts)
    assert [a.id for a in many] == [str(i) for i in range(len(texts))]
    assert many[0].dateline.date == "2018-05-13"
    with pytest.raises(dateline.DatelineError):
        extractor.extract_many(texts, dates=["2018-05-13"])


def test_threads_share_one_extractor(extractor):
    expected = extractor.extract(TEHRAN, date="2018-05-13")
    results = []

    def work():
        for _ in range(5):
            results.append(extractor.extract(TEHRAN, date="2018-05-13"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 40 and all(r == expected for r in results)


def test_threads_share_batches_and_unread_articles(extractor):
    texts = [TEHRAN, "LONDON, Jan. 5 (Reuters) - Prices rose.", "PARÍS, May 2 - 🙂 Zoë met 東京 officials."] * 4
    serial = [extractor.extract(t, date="2018-05-13") for t in texts]
    batches = []
    threads = [threading.Thread(target=lambda: batches.append(extractor.extract_many(texts, dates=["2018-05-13"] * len(texts))))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(batches) == 8 and all(batch == serial for batch in batches)

    # Eight threads reading the same unread articles, whose fields convert on first read.
    unread = extractor.extract_many(texts, dates=["2018-05-13"] * len(texts))
    seen = []

    def read():
        seen.append([(a.entities, a.timexes, a.to_dict()) for a in unread])

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and unread == serial
    for view in seen:
        for (entities, timexes, data), expected in zip(view, serial):
            assert data == expected.to_dict()
            assert [e.to_dict() for e in entities] == data["entities"] and timexes == expected.timexes


def test_batch_offsets_are_python_string_indices(extractor):
    texts = ["KÖLN, May 2 - 🙂 Émile Zola met 東京 officials. He left.", "TOKYO, May 2 - 東京で会議。Merkel met Abe on Friday. 👨‍👩‍👧"]
    for text, article in zip(texts, extractor.extract_many(texts, dates=["2018-05-02"] * 2)):
        assert article == extractor.extract(text, date="2018-05-02")
        for fact in article.mentions + article.timexes:
            assert text[fact.start:fact.end] == fact.text
        for sentence in article.sentences:
            assert 0 <= sentence.start <= sentence.end <= len(text)


def _extract_in_child(extractor, results):
    results.put([a.dateline.place for a in extractor.extract_many(["PARIS, May 1 - Sun.", "ROME, May 1 - Rain."])])


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_batches_in_a_forked_child_do_not_hang(extractor):
    extractor.extract_many(["LONDON, May 1 - Rain."] * 4)  # the parent starts the thread pool
    fork = multiprocessing.get_context("fork")
    results = fork.Queue()
    child = fork.Process(target=_extract_in_child, args=(extractor, results))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork of a threaded process
        child.start()
    child.join(60)
    if child.is_alive():
        child.kill()
        pytest.fail("extract_many in a forked child hung")
    assert child.exitcode == 0 and results.get(timeout=5) == ["Paris", "Rome"]


def test_walkthrough_example_runs():
    import subprocess
    import sys

    script = EXAMPLES / "walkthrough.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Tariq Shah Bahrami" in done.stdout
