"""How much one answer may carry: the API's pages and parts, the dashboard's article view.

Declared once here and read where they apply (`api.routes`, `web.views`); the
README's "HTTP API" and "Dashboard" sections quote them. Listings were always
paged; an article was not, and its size is the one the ledger does not bound:
`newsledger ingest` stores a 200,000-word article whole (1.2 million
characters, thousands of statements and figures), which made a 15 MB JSON
answer and a 9.6 MB page. So `GET /api/articles/{id}` gives its text in parts
of at most `MAX_TEXT_CHARS` characters and its statement and figure lists in
pages of at most `MAX_ARTICLE_ITEMS`, and the article page shows at most
`PAGE_TEXT_CHARS` characters of highlighted text with a link to the next part.
Characters are Unicode code points, the unit of every stored offset.
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_ARTICLE_ITEMS",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_TEXT_CHARS",
    "PAGE_FIGURE_ROWS",
    "PAGE_MARKS",
    "PAGE_TEXT_CHARS",
]

# Listings (/api/articles, /api/statements, /api/figures...): rows per page.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Far beyond any ledger; keeps offset + limit inside SQLite's 64-bit integers.
MAX_OFFSET = 1_000_000_000

# GET /api/articles/{id}: characters of text per answer (`text_limit`, default and
# maximum), and statements and figures per answer (`statements_limit`,
# `figures_limit`, default and maximum). Nearly every news article fits whole.
MAX_TEXT_CHARS = 100_000
MAX_ARTICLE_ITEMS = 500

# The dashboard's /articles/{id}: characters of highlighted text per page
# (`?text_offset=` picks the part), rows of its figures table, and highlights
# marked in one part (statement and figure marks together).
PAGE_TEXT_CHARS = 100_000
PAGE_FIGURE_ROWS = 500
PAGE_MARKS = 2_000
