#!/usr/bin/env python3
# fixture.py — writes fixture.jsonl: a handful of small synthetic articles in
# the `factline extract --text` format with hand-written facts (entities,
# quotes, attributions, figures, times), for the server and browser tests.
# They give a figure series with two sources that disagree and a cumulative
# count that goes down, and hostile text (<script>, "><img onerror>,
# javascript: URLs) in headlines, quotes, names and URLs. Spans are computed
# here from the text (UTF-8 bytes), so they are exact. Not for: testing the
# extraction layers. Run: python3 tests/web/fixture.py > tests/web/fixture.jsonl
import json
import sys


def span(text, needle, nth=0):
    """Byte span [start, end) of the nth occurrence of needle in text."""
    b, n = text.encode(), needle.encode()
    i = -1
    for _ in range(nth + 1):
        i = b.index(n, i + 1)
    return [i, i + len(n)]


def article(id, date, source, url, headline, body, facts):
    text = headline + "\n\n" + body
    o = {"id": id, "date": date, "headline": headline, "source": source, "url": url,
         "text_length": len(text.encode()), "body_start": len(headline.encode()) + 2, "text": text}
    o.update({k: [] for k in ("entities", "quotes", "attributions", "figures", "times")})
    facts(text, o)
    return o


def entity(o, text, name, type, surfaces):
    mentions = []
    for s in surfaces:
        s, nth = (s if isinstance(s, tuple) else (s, 0))
        mentions.append(span(text, s, nth))
    o["entities"].append({"name": name, "type": type, "aliases": sorted({s if isinstance(s, str) else s[0] for s in surfaces}),
                          "mentions": mentions})


def quote(o, text, said, speaker, cue):
    s = span(text, said)
    sp = span(text, speaker)
    o["quotes"].append({"text": said, "start": s[0], "end": s[1], "kind": "statement",
                        "speaker": {"name": speaker, "start": sp[0], "end": sp[1]}, "cue": cue})


def figure(o, text, surface, value, low, high, qualifier, category, subject, source, date, place):
    s = span(text, surface)
    o["figures"].append({"text": surface, "start": s[0], "end": s[1], "value": value, "low": low, "high": high,
                         "qualifier": qualifier, "category": category, "subject": subject, "source": source,
                         "date": date, "place": place})


def attribution(o, text, source, cue, content):
    s, c, t = span(text, source), span(text, cue), span(text, content)
    o["attributions"].append({"source": {"text": source, "start": s[0], "end": s[1]},
                              "cue": {"text": cue, "start": c[0], "end": c[1]}, "content": t, "anonymous": False})


def time(o, text, surface, type, value):
    s = span(text, surface)
    o["times"].append({"text": surface, "start": s[0], "end": s[1], "type": type, "value": value})


def a1(text, o):
    entity(o, text, "Gaza Health Ministry", "ORG", ["Health Ministry in Gaza"])
    entity(o, text, "Ashraf al-Qudra", "PER", ["Ashraf al-Qudra"])
    entity(o, text, "Antony Blinken", "PER", ["Antony Blinken", ("Blinken", 1)])
    entity(o, text, "Gaza", "LOC", [("Gaza", 1)])
    quote(o, text, "We are running out of everything <script>alert(1)</script>", "Ashraf al-Qudra", "said")
    quote(o, text, "humanitarian pauses", "Antony Blinken", "said")
    attribution(o, text, "The Health Ministry in Gaza", "said",
                "more than 9,200 Palestinians had been killed in Gaza since October 7")
    figure(o, text, "more than 9,200 Palestinians", 9200, 9200, None, "more_than", "killed", "Palestinians",
           "the Health Ministry in Gaza", "2023-11-04", "Gaza")
    time(o, text, "October 7", "DATE", "2023-10-07")
    time(o, text, "Saturday", "DATE", "2023-11-04")


def a2(text, o):
    entity(o, text, "Daniel Hagari", "PER", ["Daniel Hagari", "Hagari"])
    entity(o, text, "Israeli military", "ORG", ["Israeli military"])
    quote(o, text, "Read it at javascript:alert(document.cookie) and \"><img src=x onerror=alert(2)>", "Daniel Hagari",
          "told")
    figure(o, text, "about 5,000", 5000, 4500, 5500, "about", "killed", "Palestinians", "the Israeli military",
           "2023-11-04", "Gaza")
    attribution(o, text, "The Israeli military", "estimated", "about 5,000 of the dead were militants")


def a3(text, o):
    entity(o, text, "Gaza Health Ministry", "ORG", ["Hamas-run health ministry"])
    entity(o, text, "Antony Blinken", "PER", ["Blinken"])
    quote(o, text, "We are ready to work on pauses", "Blinken", "said")
    figure(o, text, "9,000 people", 9000, 9000, 9000, "exact", "killed", "Palestinians",
           "the Hamas-run health ministry", "2023-11-05", "Gaza")
    figure(o, text, "25,000", 25000, 25000, 25000, "exact", "injured", "Palestinians",
           "the Hamas-run health ministry", "2023-11-05", "Gaza")
    time(o, text, "Sunday", "DATE", "2023-11-05")


def a4(text, o):
    entity(o, text, "Gaza Health Ministry", "ORG", ["Gaza Ministry of Health"])
    entity(o, text, "OCHA", "ORG", ["OCHA"])
    entity(o, text, "<svg onload=alert(3)>", "MISC", ["<svg onload=alert(3)>"])
    figure(o, text, "10,022 people", 10022, 10022, 10022, "exact", "killed", "Palestinians",
           "the Gaza Ministry of Health", "2023-11-06", "Gaza")
    figure(o, text, "at least 10,000", 10000, 10000, None, "at_least", "killed", "Palestinians", "OCHA",
           "2023-11-06", "Gaza")
    figure(o, text, "26,000", 26000, 26000, 26000, "exact", "injured", "Palestinians", "the Gaza Ministry of Health",
           "2023-11-06", "Gaza")
    attribution(o, text, "OCHA", "reported", "at least 10,000 Palestinians had died")


def a5(text, o):
    entity(o, text, "Gaza Health Ministry", "ORG", ["Gaza Ministry of Health"])
    figure(o, text, "10,328 people", 10328, 10328, 10328, "exact", "killed", "Palestinians",
           "the Gaza Ministry of Health", "2023-11-07", "Gaza")


articles = [
    article("fx-1", "2023-11-04", "Wire <script>alert('src')</script>", "https://example.org/news/1",
            "Health ministry says <script>alert(\"x\")</script> toll passes 9,200",
            "The Health Ministry in Gaza — run by Hamas — said on Saturday that more than 9,200 Palestinians had been killed in Gaza "
            "since October 7.\n\"We are running out of everything <script>alert(1)</script>,\" said Ashraf al-Qudra, "
            "the ministry's spokesman.\nSecretary of State Antony Blinken said Washington wanted \"humanitarian "
            "pauses\". Blinken spoke in Tel Aviv.", a1),
    article("fx-2", "2023-11-04", "\"><img src=x onerror=alert(1)>", "javascript:alert(document.cookie)",
            "Army figure \"><img src=x onerror=alert(1)> differs",
            "The Israeli military estimated that about 5,000 of the dead were militants, far fewer than the "
            "ministry's figure.\n\"Read it at javascript:alert(document.cookie) and \"><img src=x onerror=alert(2)>,\" "
            "spokesman Daniel Hagari told reporters. Hagari gave no evidence.", a2),
    article("fx-3", "2023-11-05", "Wire", "https://example.org/news/3",
            "Ministry revises toll to 9,000",
            "The Hamas-run health ministry said on Sunday that 9,000 people had been killed and 25,000 injured.\n"
            "Blinken said: \"We are ready to work on pauses.\"", a3),
    article("fx-4", "2023-11-06", "Wire", "https://example.org/news/4",
            "Toll passes 10,000, UN says",
            "The Gaza Ministry of Health said 10,022 people had been killed and 26,000 wounded.\n"
            "OCHA reported that at least 10,000 Palestinians had died. A banner read <svg onload=alert(3)>.", a4),
    article("fx-5", "2023-11-07", "Wire", "https://example.org/news/5",
            "Gaza toll rises to 10,328",
            "The Gaza Ministry of Health said on Tuesday that 10,328 people had been killed.", a5),
]

for o in articles:
    sys.stdout.write(json.dumps(o, ensure_ascii=False) + "\n")
