"""Regenerates the news-page fixtures in this folder (run: python tests/data/web/make_pages.py).

Three articles, each wrapped in the boilerplate of three kinds of news site:

* ``semantic``: <header>/<nav>, <article> with <time> and a byline, an <aside> of related
  stories, a comment section, a cookie banner, ads, scripts, a <footer>;
* ``divsoup``: no semantic tags at all: menus as lists in <div>s, ads and "read more"
  boxes between the paragraphs, a newsletter box, comments as <div>s of <p>;
* ``jsonld``: metadata only in JSON-LD and OpenGraph, the body in
  <div itemprop="articleBody">, a "most read" sidebar of whole sentences.

Written: ``<article>-<template>.html`` for every pair (the extraction measurement in
bench/html_extraction.py reads them all), and ``truth.json`` with each page's title,
date, author, canonical URL, body paragraphs and the boilerplate sentences that must
not reach the text. The boilerplate deliberately names states and groups, so a
leaked comment or sidebar would become a wrong claim in the graph.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE = "http://news.example"

ARTICLES = {
    "idlib": {
        "title": "Turkey sends reinforcements to Idlib as Russia warns of escalation",
        "published": "2024-03-05", "author": "Leyla Demir",
        "paragraphs": [
            "Turkey sent hundreds of troops and armoured vehicles into Syria's Idlib province on Tuesday, "
            "officials in Ankara said, days after a ceasefire brokered by Moscow began to fray.",
            "Turkey backs the Syrian National Army, a coalition of rebel factions that controls much of "
            "northern Idlib, and has repeatedly accused Damascus of breaking the truce.",
            "Russia's Defense Ministry said Syrian government forces had come under fire from militants near "
            "Saraqib and warned that it would not tolerate further provocations.",
            "Russian warplanes bombed positions held by Hay'at Tahrir al-Sham west of Aleppo overnight, "
            "according to a war monitor based in Britain.",
            "Iran, which supports the government of Bashar al-Assad, called on both sides to respect the "
            "agreement signed in Sochi.",
        ],
    },
    "redsea": {
        "title": "Houthis claim attack on cargo ship in the Red Sea",
        "published": "2024-01-19", "author": "Omar Haddad",
        "paragraphs": [
            "The Houthis said on Friday that they had fired missiles at a cargo ship in the Red Sea, the "
            "latest in a series of attacks on commercial shipping.",
            "A spokesman for the group said the strike was a response to American and British raids on "
            "targets in Yemen earlier in the week.",
            "The United States condemned the attack and said its navy had shot down two drones launched "
            "from areas controlled by the Houthis.",
            "Iran backs the Houthis with weapons and training, according to Western officials, a charge "
            "Tehran denies.",
        ],
    },
    "sudan": {
        "title": "Talks in Jeddah stall as fighting spreads in Darfur",
        "published": "2023-11-02", "author": "Amina Yusuf",
        "paragraphs": [
            "Negotiators from the Sudanese Armed Forces and the Rapid Support Forces left Jeddah without an "
            "agreement on Thursday, mediators said.",
            "Saudi Arabia and the United States, which host the talks, urged both sides to honour the "
            "humanitarian ceasefire they signed in May.",
            "The Rapid Support Forces attacked the army's garrison in Nyala, the largest city in South "
            "Darfur, according to residents who fled the fighting.",
            "Egypt supports the army of General Abdel Fattah al-Burhan and has called for a return to "
            "negotiations.",
        ],
    },
}

# Boilerplate sentences: each must stay out of the extracted text.
NAV = ["Home", "World", "Middle East", "Opinion", "Sport", "Subscribe now"]
ADS = ["Advertisement: Save 50% on your first year of unlimited access.",
       "Sponsored: The best VPN deals of the season, hand-picked by our editors."]
RELATED = ["Russia and Ukraine exchange prisoners in deal brokered by the United Arab Emirates",
           "Israel strikes Hezbollah targets in southern Lebanon after rocket fire"]
COMMENTS = ["Comment by patriot88: Qatar funds every militia in the region and nobody says a word.",
            "Comment by realist: China is arming Russia, that is the real story here."]
COOKIE = "We use cookies to improve your experience. By continuing you accept our cookie policy."
NEWSLETTER = "Sign up for our Middle East briefing, delivered to your inbox every morning."
SCRIPT = "window.dataLayer = window.dataLayer || []; trackPageview('article');"
FOOTER = "Copyright 2024 News Example Media Group. All rights reserved."


def boilerplate() -> list[str]:
    return ADS + RELATED + COMMENTS + [COOKIE, NEWSLETTER, SCRIPT, FOOTER]


def e(s: str) -> str:
    return html.escape(s, quote=True)


def _semantic(key: str, a: dict) -> str:
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in a["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="utf-8"><title>{e(a['title'])} | News Example</title>
  <meta property="article:published_time" content="{a['published']}T09:30:00Z">
  <meta name="author" content="{e(a['author'])}">
  <link rel="canonical" href="{SITE}/world/{key}">
  <script>{SCRIPT}</script><style>body {{ font-family: serif; }}</style>
</head><body>
  <div class="cookie-banner"><p>{e(COOKIE)}</p><button>Accept</button></div>
  <header><a href="/" class="logo">News Example</a>
    <nav><ul>{''.join(f'<li><a href="/{n.lower()}">{e(n)}</a></li>' for n in NAV)}</ul></nav></header>
  <div class="ad ad-top"><p>{e(ADS[0])}</p></div>
  <main>
    <article>
      <h1>{e(a['title'])}</h1>
      <p class="byline">By <span class="author">{e(a['author'])}</span>,
        <time datetime="{a['published']}T09:30:00Z">{a['published']}</time></p>
{paras}
    </article>
    <aside class="related"><h2>Related stories</h2><ul>
      {''.join(f'<li><a href="/r{i}">{e(r)}</a></li>' for i, r in enumerate(RELATED))}</ul></aside>
    <section id="comments"><h2>Comments</h2>
      {''.join(f'<div class="comment"><p>{e(c)}</p></div>' for c in COMMENTS)}</section>
  </main>
  <div class="ad ad-bottom"><p>{e(ADS[1])}</p></div>
  <div class="newsletter"><p>{e(NEWSLETTER)}</p><form><input type="email"></form></div>
  <footer><p>{e(FOOTER)}</p></footer>
  <script src="/static/app.js"></script>
</body></html>
"""


def _divsoup(key: str, a: dict) -> str:
    body = []
    for i, p in enumerate(a["paragraphs"]):
        body.append(f'<p>{e(p)}</p>')
        if i == 1:
            body.append(f'<div class="advert"><span>{e(ADS[0])}</span></div>')
        if i == 2:
            body.append(f'<div class="read-more"><b>Read more:</b> <a href="/r0">{e(RELATED[0])}</a></div>')
    return f"""<html><head><title>{e(a['title'])} - News Example</title>
<meta name="date" content="{a['published']}"><meta name="byl" content="By {e(a['author'])}">
<meta property="og:url" content="{SITE}/{key}.html">
<script type="text/javascript">{SCRIPT}</script></head>
<body><div id="wrapper"><div id="top-menu"><ul>{''.join(f'<li><a href="/{n}">{e(n)}</a></li>' for n in NAV)}</ul></div>
<div id="cookies">{e(COOKIE)}</div>
<div id="content"><div class="headline"><h1>{e(a['title'])}</h1></div>
<div class="meta">By {e(a['author'])} | {a['published']}</div>
<div class="story-body">
{chr(10).join(body)}
</div>
<div class="share">Share this article on Facebook Twitter Email</div>
<div class="newsletter-box"><p>{e(NEWSLETTER)}</p></div>
<div class="comments"><h3>Reader comments</h3>{''.join(f'<div class="comment"><p>{e(c)}</p></div>' for c in COMMENTS)}</div>
</div>
<div id="sidebar"><div class="ad"><p>{e(ADS[1])}</p></div><h3>Also in the news</h3>
<ul>{''.join(f'<li>{e(r)}</li>' for r in RELATED[1:])}</ul></div>
<div id="footer"><p>{e(FOOTER)}</p></div></div></body></html>
"""


def _jsonld(key: str, a: dict) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": f"{a['published']}T06:00:00+00:00", "author": {"@type": "Person", "name": a["author"]},
          "mainEntityOfPage": f"{SITE}/news/{key}"}
    paras = "\n".join(f"<p>{e(p)}</p>" for p in a["paragraphs"])
    return f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>{e(a['title'])}</title>
<meta property="og:title" content="{e(a['title'])}">
<meta property="og:url" content="{SITE}/news/{key}">
<link rel="canonical" href="{SITE}/news/{key}">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>{SCRIPT}</script>
</head><body>
<div class="topbar"><a href="/">News Example</a> {' '.join(f'<a href="/{n}">{e(n)}</a>' for n in NAV)}</div>
<div class="layout"><div class="col-main">
<h1 class="headline">{e(a['title'])}</h1>
<div itemprop="articleBody">
{paras}
</div>
<div class="comments-area">{''.join(f'<p class="comment">{e(c)}</p>' for c in COMMENTS)}</div>
</div>
<div class="col-side"><div class="most-read"><h4>Most read</h4>{''.join(f'<p><a href="/r{i}">{e(r)}</a></p>' for i, r in enumerate(RELATED))}</div>
<div class="promo"><p>{e(ADS[0])}</p><p>{e(ADS[1])}</p></div>
<div class="signup"><p>{e(NEWSLETTER)}</p></div></div></div>
<div class="cookie">{e(COOKIE)}</div>
<p class="copyright">{e(FOOTER)}</p>
</body></html>
"""


TEMPLATES = {"semantic": (_semantic, "/world/{key}"), "divsoup": (_divsoup, "/{key}.html"),
             "jsonld": (_jsonld, "/news/{key}")}
# The page of each article the local HTTP server (tests/test_web.py) serves: one per template.
SERVED = {"idlib": "semantic", "redsea": "divsoup", "sudan": "jsonld"}


def main() -> None:
    truth = {"boilerplate": boilerplate(), "pages": {}}
    for key, a in ARTICLES.items():
        for tname, (make, canon) in TEMPLATES.items():
            name = f"{key}-{tname}.html"
            (HERE / name).write_text(make(key, a), encoding="utf-8")
            truth["pages"][name] = {"article": key, "template": tname, "title": a["title"],
                                    "published": a["published"], "author": a["author"],
                                    "url": SITE + canon.format(key=key), "paragraphs": a["paragraphs"]}
    truth["served"] = SERVED
    (HERE / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(truth['pages'])} pages and truth.json to {HERE}")


if __name__ == "__main__":
    main()
