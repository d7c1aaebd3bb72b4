"""The per-article analysis: one spaCy pass, then every extractor, to plain data.

`analyse_articles` is the one function that ingest, the local workers and the
Dask scale-out all map over articles, so every path gives identical results.
No spaCy object leaves this module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence

from newsledger.extract import run
from newsledger.extract.context import doc_sentences, doc_text, remember_text
from newsledger.learned.displacement_kind import decide_displacement
from newsledger.learned.figure_kind import decide_figures
from newsledger.learned.incident_counts import decide_summary
from newsledger.models import Analysis, Article, Figure, Reject, Span, Statement
from newsledger.nlp.memory import LongZone
from newsledger.nlp.pipeline import load_pipeline
from newsledger.settings import setting

__all__ = [
    "PIPE_BATCH_SIZE",
    "analyse_articles",
    "analyse_batch",
    "analyse_doc",
    "analyse_stream",
    "too_long",
    "warm_up",
]

# Docs per `nlp.pipe` minibatch. The parse of a doc does not depend on the batch
# it is in (checked: identical tags, heads, entities and lemmas for 1, 8, 32, 128
# and 1000), and speed hardly changes above 8, so a small batch keeps memory low.
PIPE_BATCH_SIZE = 32


# Between the headline and the body in the parsed text: a paragraph break, and a
# full stop when the headline has no closing punctuation, so that the parser ends
# the headline's sentence there instead of running it into the lede.
HEADLINE_BREAK = "\n\n"
HEADLINE_END = (".", "!", "?", ":")
# The first words of a definite single-victim mention ("he", "she", "the victim").
DEFINITE_WORDS = frozenset({"he", "she", "the"})


def parsed_text(article: Article) -> str:
    """What is parsed for an article: its headline, a paragraph break, its body.

    Headlines carry the toll of an incident most often ("Two killed in ..."),
    so the main-incident summary reads them; statements and figures are kept
    only from the body, with offsets into `Article.text`.
    """
    title = (article.title or "").strip()
    if not title:
        return article.text
    stop = "" if title.endswith(HEADLINE_END) else "."
    return f"{title}{stop}{HEADLINE_BREAK}{article.text}"


def candidate_analysis(doc, article: Article) -> Analysis:
    """What the rules read in one parsed article, before any learned decision, with
    offsets into the parsed text (headline included): the training data's view."""
    remember_text(doc, parsed_text(article))
    return run(doc, article)


def body_offset(doc, article: Article) -> int:
    """Where the body starts in the parsed text (0 without a headline)."""
    return len(doc_text(doc)) - len(article.text)


def analyse_doc(doc, article: Article) -> Analysis:
    """Run every extractor over one parsed article (`doc` = nlp(parsed_text(article))),
    then the learned decisions their settings choose: the main incident's counts
    (incident_decision, `learned.incident_counts`), each figure's category
    (figure_decision, `learned.figure_kind`) and each plain count's displacement
    term (displacement_decision, `learned.displacement_kind`).
    Statements and figures keep body offsets."""
    analysis = candidate_analysis(doc, article)
    statements, figures, summary = analysis.statements, analysis.figures, analysis.summary
    if setting("incident_decision") == "learned":
        summary = decide_summary(doc, figures, summary)
    if setting("figure_decision") == "learned":
        figures = decide_figures(doc, figures)
    if setting("displacement_decision") == "learned":
        figures = decide_displacement(doc, figures)
    start = body_offset(doc, article)
    headline_sentences = 0
    if start:
        # Sentences wholly inside the headline; one that runs on into the body counts
        # as the body's first, as it would without a headline.
        headline_sentences = sum(1 for sentence in doc_sentences(doc) if sentence.end_char <= start)
        statements = _body_statements(statements, start, headline_sentences)
    stored = [start <= f.span.start and not _definite_victim(doc, f) for f in figures]
    figures = _body_figures(figures, stored, start, headline_sentences)
    return Analysis(article_id=article.id, statements=statements, figures=figures, summary=summary)


def _shift(span: Span | None, offset: int) -> Span | None:
    return None if span is None else Span(span.start - offset, span.end - offset, span.text)


def _body_statements(
    statements: list[Statement], body_start: int, headline_sentences: int
) -> list[Statement]:
    return [
        dataclasses.replace(
            statement,
            content=_shift(statement.content, body_start),
            cue=_shift(statement.cue, body_start),
            speaker_mention=_shift(statement.speaker_mention, body_start),
            sentence_index=statement.sentence_index - headline_sentences,
        )
        for statement in statements
        if statement.content.start >= body_start
        and all(
            span is None or span.start >= body_start
            for span in (statement.cue, statement.speaker_mention)
        )
    ]


def _definite_victim(doc, figure: Figure) -> bool:
    """A victim named by a pronoun or a definite noun ("he died", "the victim was shot"):
    one person for the main-incident summary, but no count for the ledger (a figure
    is a number phrase; see eval/gold/GUIDELINES.md section 1)."""
    words = figure.span.text.split()
    if not words or words[0].lower() not in DEFINITE_WORDS:
        return False
    span = doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    return span is not None and not any(token.like_num for token in span)


def _body_figures(
    figures: list[Figure], stored: list[bool], body_start: int, headline_sentences: int
) -> list[Figure]:
    """The figures to store (`stored`), in body offsets; part_of re-indexed."""
    kept = [index for index, keep in enumerate(stored) if keep]
    new_index = {old: new for new, old in enumerate(kept)}
    body: list[Figure] = []
    for old in kept:
        figure = figures[old]
        mention = figure.source_mention
        body.append(
            dataclasses.replace(
                figure,
                span=_shift(figure.span, body_start),
                # A source named only in the headline stays the source; its span does not.
                source_mention=_shift(mention, body_start)
                if mention is not None and mention.start >= body_start
                else None,
                sentence_index=figure.sentence_index - headline_sentences,
                part_of=new_index.get(figure.part_of) if figure.part_of is not None else None,
            )
        )
    return body


def analyse_articles(
    articles: Iterable[Article], nlp=None, *, batch_size: int = PIPE_BATCH_SIZE
) -> Iterator[tuple[Article, Analysis]]:
    """Parse articles in batches and yield each with its analysis, in input order."""
    nlp = nlp if nlp is not None else load_pipeline()
    pairs = ((parsed_text(article), article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, analyse_doc(doc, article)


def analyse_batch(
    articles: Iterable[Article],
    nlp=None,
    *,
    batch_size: int = PIPE_BATCH_SIZE,
    zone: LongZone | None = None,
    max_chars: int | None = None,
) -> list[Analysis | Reject]:
    """The analysis of each article, or a Reject for one the analysis fails on.

    The list is aligned with `articles` (see `analyse_stream` for how a failing
    article is found and what is too long to analyse). This is what ingest, the
    local workers and the Dask batch all call.

    No Doc outlives this call, so the strings the batch adds to the shared
    vocabulary can be freed: by a zone of this call alone, or, when the caller
    owns the pipeline for analysis, by its `zone` held across batches
    (nlp/memory.py). Either way a long run's memory stays flat.
    """
    articles = list(articles)
    nlp = nlp if nlp is not None else load_pipeline()
    if zone is None:
        zone = LongZone(nlp, articles=0, warm=False)  # opens now, closes as this batch ends
    with zone.batch(len(articles)):
        outcomes = analyse_stream(articles, nlp, batch_size=batch_size, max_chars=max_chars)
        return [outcome for _, outcome in outcomes]


# An article of own words naming a place and a count: analysing it once builds every
# table and index the extractors load on first use (the gazetteer's index takes about
# a second), so no real article pays for them within its time budget.
WARM_UP_TEXT = "Two people were killed in Kharkiv on Monday, officials said."


def warm_up(nlp=None) -> None:
    """Build the gazetteer's index and, with `nlp`, analyse WARM_UP_TEXT once: what a
    worker does before its first timed article. Without `nlp` (a caller's pipeline,
    which must see only the caller's texts) only the index is built."""
    from newsledger.extract.figures.gazetteer import candidates

    candidates(WARM_UP_TEXT.split()[5])  # "Kharkiv": builds the index once per process
    if nlp is None:
        return
    from newsledger.article import make_article
    from newsledger.models import Origin

    article = make_article(
        title=None, date_raw="2022-03-01", url=None, text=WARM_UP_TEXT, origin=Origin("warm-up", "")
    )
    analyse_doc(nlp(parsed_text(article)), article)


def too_long(article: Article, max_chars: int) -> Reject | None:
    """A Reject naming the limit when the article's parsed text is over `max_chars`."""
    length = len(parsed_text(article))
    if length <= max_chars:
        return None
    reason = (
        f"text too long to analyse: {length:,} characters (headline and body), over the "
        f"limit of {max_chars:,} (setting max_text_chars, NEWSLEDGER_MAX_TEXT_CHARS)"
    )
    return Reject(article.origin, reason, article.title or "")


def analyse_stream(
    articles: Sequence[Article],
    nlp,
    *,
    batch_size: int = PIPE_BATCH_SIZE,
    one_at_a_time: bool = False,
    max_chars: int | None = None,
) -> Iterator[tuple[int, Analysis | Reject]]:
    """(position, Analysis or Reject) for each of `articles`, in order, as each is done.

    An article over `max_chars` (default: the max_text_chars setting) is a Reject
    before any parse: spaCy's memory grows with a text's length, and its own
    limit (nlp.max_length) would fail with a bare E088. When the batch's parse or
    an extractor fails, the articles from the one it failed on are analysed
    alone: the one at fault becomes a Reject with the reason, and the others
    come out as they would have (the parse of a doc does not depend on its
    batch). `one_at_a_time` parses each article alone from the start, so a
    caller timing each result times that article alone.
    """
    if max_chars is None:
        max_chars = int(setting("max_text_chars"))
    too_long_at = {}
    for position, article in enumerate(articles):
        reject = too_long(article, max_chars)
        if reject is not None:
            too_long_at[position] = reject
    todo = [position for position in range(len(articles)) if position not in too_long_at]
    position = 0  # the next position to yield: results come out in input order
    if not one_at_a_time:
        batch = [articles[index] for index in todo]
        try:
            for done, (_, analysis) in enumerate(
                analyse_articles(batch, nlp, batch_size=batch_size)
            ):
                while position < todo[done]:
                    yield position, too_long_at[position]
                    position += 1
                yield position, analysis
                position += 1
        except Exception:  # noqa: BLE001 - find the article at fault, keep the others
            pass
    for index in range(position, len(articles)):
        if index in too_long_at:
            yield index, too_long_at[index]
        else:
            yield index, _analyse_alone(articles[index], nlp)


def _analyse_alone(article: Article, nlp) -> Analysis | Reject:
    try:
        return next(analysis for _, analysis in analyse_articles([article], nlp))
    except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
        reason = f"analysis failed: {type(exc).__name__}: {exc}"
        return Reject(article.origin, reason, article.title or "")
