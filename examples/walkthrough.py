"""A notebook-style walk through the seed story with the Python API.

Run it as a script (`python examples/walkthrough.py`) or paste the cells into Jupyter, where
`article` alone in a cell shows the story with its facts highlighted.
"""
# %% Build one extractor and read the story.
import pathlib

import dateline

text = (pathlib.Path(__file__).parent / "tehran.txt").read_text(encoding="utf-8")
extractor = dateline.Extractor()
article = extractor.extract(text, date="2018-05-13", id="tehran")
print(article)

# %% Structure: where and when the story was filed, and who supplied it.
print(article.dateline)
for credit in article.credits:
    print(credit)
print(len(article.sentences), "sentences; the first:", article.sentences[0].text)

# %% Entities, with canonical names, titles and affiliations.
for entity in article.entities:
    titles = ", ".join(entity.titles or [])
    affiliated = entity.affiliated.name if entity.affiliated else ""
    print(f"{entity.id:4} {entity.label:7} {entity.name:35} {len(entity.mentions)} mentions  {titles}  {affiliated}")

# %% Times, normalized against the publication date.
for timex in article.timexes:
    print(f"{timex.text!r:25} {timex.type:9} {timex.value}")

# %% Quotes and who said them.
for quote in article.quotes:
    who = quote.speaker_entity.name if quote.speaker_entity else text[quote.speaker_start:quote.speaker_end]
    print(f"{quote.kind:9} {who:25} {quote.text[:70]!r}")

# %% Casualties and events.
for casualty in article.casualties:
    print(casualty)
for event in article.events:
    print(event)

# %% Every offset is a Python string index.
mention = article.entities[0].mentions[0]
assert text[mention.start:mention.end] == mention.text

# %% Many articles at once, on all cores, and pandas tables (needs pandas).
articles = extractor.extract_many([{"text": text, "date": "2018-05-13", "id": "tehran"}] * 4)
try:
    frames = dateline.to_frames(articles)
    print(frames["entities"].groupby("label").size())
except ImportError:
    print("pip install pandas for dateline.to_frames")

# %% In Jupyter, `article` renders as highlighted HTML; for spaCy's viewer:
# from spacy import displacy; displacy.render(article.displacy(), style="ent", manual=True)
html = article._repr_html_()
print(f"HTML view: {len(html)} characters")
