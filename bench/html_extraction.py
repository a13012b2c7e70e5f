"""Article text from HTML: trafilatura (graphkit.article, what graphkit uses) against the
BeautifulSoup cleaning graphkit used before (kept below, verbatim, as the baseline).

    python bench/html_extraction.py            # table of the measures, per method
    python bench/html_extraction.py --pages    # ... and per page

Pages: tests/data/web/*.html (three articles, each in three kinds of news-site boilerplate;
tests/data/web/make_pages.py writes them and truth.json). Measures, over all pages:

* body recall: the share of the article's paragraphs found whole in the text;
* boilerplate leaked: how many boilerplate sentences (ads, related stories, comments,
  cookie banner, newsletter box, script, footer) reached the text, of how many offered;
* navigation leaked: pages whose text holds the menu's "Subscribe now";
* title / date / author / canonical URL: pages where each is exactly right.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphkit.article import from_html  # noqa: E402

PAGES = ROOT / "tests" / "data" / "web"
DATE_META = ("article:published_time", "og:published_time", "date", "pubdate",
             "publishdate", "dc.date", "dcterms.date", "datepublished", "sailthru.date")


def bs4_clean(markup: str) -> tuple[str, str, str | None]:
    """graphkit's HTML cleaning before trafilatura (graphkit/documents.py, html_to_text)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    published = None
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in DATE_META and meta.get("content"):
            m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", meta["content"])
            published = "-".join(m.groups()) if m else None
            if published:
                break
    if not published:
        t = soup.find("time", attrs={"datetime": True})
        if t:
            m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", t["datetime"])
            published = "-".join(m.groups()) if m else None
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "header", "aside",
                     "form", "iframe", "svg", "head"]):
        tag.decompose()
    body = soup.find("article") or soup.body or soup
    blocks = []
    for el in body.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "figcaption", "td", "pre"]):
        if el.find(["p", "li", "blockquote"]):
            continue
        t = re.sub(r"\s+", " ", el.get_text(" ", strip=True))
        if t:
            blocks.append(t)
    if not blocks:
        blocks = [re.sub(r"[ \t]+", " ", line).strip() for line in body.get_text("\n").splitlines()]
        blocks = [b for b in blocks if b]
    return "\n\n".join(blocks), title, published


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def measure(method: str) -> tuple[dict, list[dict]]:
    truth = json.loads((PAGES / "truth.json").read_text(encoding="utf-8"))
    boiler = truth["boilerplate"]
    rows = []
    for name, t in sorted(truth["pages"].items()):
        markup = (PAGES / name).read_text(encoding="utf-8")
        if method == "bs4":
            text, title, published = bs4_clean(markup)
            author = url = None
        else:
            a = from_html(markup)
            text, title, published, author, url = a.text, a.title, a.published, a.author, a.url
        flat = _norm(text)
        rows.append({"page": name,
                     "body": sum(_norm(p) in flat for p in t["paragraphs"]), "of": len(t["paragraphs"]),
                     "leaked": [b for b in boiler if _norm(b) in flat],
                     "nav": "Subscribe now" in flat,
                     "title": title == t["title"], "date": published == t["published"],
                     "author": author == t["author"], "url": url == t["url"]})
    n = len(rows)
    summary = {"method": method, "pages": n,
               "body recall": f"{sum(r['body'] for r in rows)}/{sum(r['of'] for r in rows)}",
               "boilerplate leaked": f"{sum(len(r['leaked']) for r in rows)}/{len(boiler) * n}",
               "navigation leaked": f"{sum(r['nav'] for r in rows)}/{n}",
               **{k: f"{sum(r[k] for r in rows)}/{n}" for k in ("title", "date", "author", "url")}}
    return summary, rows


def main() -> None:
    per_page = "--pages" in sys.argv
    results = [measure(m) for m in ("bs4", "trafilatura")]
    cols = list(results[0][0])
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for summary, _ in results:
        print("| " + " | ".join(str(summary[c]) for c in cols) + " |")
    if per_page:
        for summary, rows in results:
            print(f"\n{summary['method']}:")
            for r in rows:
                print(f"  {r['page']:22s} body {r['body']}/{r['of']} nav {int(r['nav'])} title {int(r['title'])} "
                      f"date {int(r['date'])} author {int(r['author'])} url {int(r['url'])} leaked {r['leaked']}")


if __name__ == "__main__":
    main()
