"""Writing to the ledger: one batch of analysed articles and rejects in one transaction.

An article whose id is already stored is skipped together with its analysis,
so nothing accepted earlier ever changes and a re-run adds nothing twice.
Rejects are keyed by (path, record, reason) and upserted. The caller (the
Store) owns the transaction; these functions only issue the statements.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence

from newsledger.errors import StoreError
from newsledger.models import Analysis, Article, Figure, Reject, Span, Statement, to_dict
from newsledger.quality.near_duplicates import Signature, article_signature

__all__ = ["write_batch"]

_INSERT_ARTICLE = """
    INSERT INTO articles (id, seq, url, title, published, published_raw, outlet, text,
                          source_path, source_record, analysed, summary)
    VALUES (:id, :seq, :url, :title, :published, :published_raw, :outlet, :text,
            :source_path, :source_record, :analysed, :summary)
    ON CONFLICT (id) DO NOTHING
"""
_INSERT_FLAG = """
    INSERT INTO flags (article_id, idx, kind, detail, suggested) VALUES (?, ?, ?, ?, ?)
"""
_INSERT_FTS = "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)"
_INSERT_STATEMENT = """
    INSERT INTO statements (article_id, idx, kind, content_text, content_start, content_end,
        cue_text, cue_start, cue_end, cue_lemma, speaker_mention_text, speaker_mention_start,
        speaker_mention_end, speaker, speaker_kind, stance, sentence_index, confidence)
    VALUES (:article_id, :idx, :kind, :content_text, :content_start, :content_end,
        :cue_text, :cue_start, :cue_end, :cue_lemma, :speaker_mention_text,
        :speaker_mention_start, :speaker_mention_end, :speaker, :speaker_kind, :stance,
        :sentence_index, :confidence)
"""
_INSERT_FIGURE = """
    INSERT INTO figures (article_id, idx, value_low, value_high, qualifier, unit, category,
        count_unit, group_name, place, as_of, period, as_of_note, source, source_mention_text,
        source_mention_start, source_mention_end, source_kind, status, span_text, span_start,
        span_end, sentence, sentence_index, part_of, place_name, place_region, place_country,
        place_lat, place_lon, place_precision, background)
    VALUES (:article_id, :idx, :value_low, :value_high, :qualifier, :unit, :category,
        :count_unit, :group_name, :place, :as_of, :period, :as_of_note, :source,
        :source_mention_text, :source_mention_start, :source_mention_end, :source_kind,
        :status, :span_text, :span_start, :span_end, :sentence, :sentence_index, :part_of,
        :place_name, :place_region, :place_country, :place_lat, :place_lon, :place_precision,
        :background)
"""
_INSERT_SIGNATURE = "INSERT INTO near_duplicate_signatures (article_seq, hashvalues) VALUES (?, ?)"
_INSERT_BAND = "INSERT INTO near_duplicate_bands (hash, article_seq, band) VALUES (?, ?, ?)"
_UPSERT_REJECT = """
    INSERT INTO rejects (source_path, source_record, reason, excerpt) VALUES (?, ?, ?, ?)
    ON CONFLICT (source_path, source_record, reason) DO UPDATE SET excerpt = excluded.excerpt
"""


def _span_columns(prefix: str, span: Span | None) -> dict[str, object]:
    return {
        f"{prefix}_text": span.text if span else None,
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
    }


def _article_row(article: Article, seq: int, analysis: Analysis | None) -> dict[str, object]:
    summary = analysis.summary if analysis is not None else None
    return {
        "id": article.id,
        "seq": seq,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "published_raw": article.published_raw,
        "outlet": article.outlet,
        "text": article.text,
        "source_path": article.origin.path,
        "source_record": article.origin.record,
        "analysed": int(analysis is not None),
        "summary": json.dumps(to_dict(summary)) if summary is not None else None,
    }


def _statement_row(article_id: str, idx: int, statement: Statement) -> dict[str, object]:
    return {
        "article_id": article_id,
        "idx": idx,
        "kind": statement.kind,
        **_span_columns("content", statement.content),
        **_span_columns("cue", statement.cue),
        "cue_lemma": statement.cue_lemma,
        **_span_columns("speaker_mention", statement.speaker_mention),
        "speaker": statement.speaker,
        "speaker_kind": statement.speaker_kind,
        "stance": statement.stance,
        "sentence_index": statement.sentence_index,
        "confidence": statement.confidence,
    }


def _figure_row(article_id: str, idx: int, figure: Figure) -> dict[str, object]:
    return {
        "article_id": article_id,
        "idx": idx,
        "value_low": figure.value_low,
        "value_high": figure.value_high,
        "qualifier": figure.qualifier,
        "unit": figure.unit,
        "category": figure.category,
        "count_unit": figure.count_unit,
        "group_name": figure.group,
        "place": figure.place,
        "as_of": figure.as_of,
        "period": figure.period,
        "as_of_note": figure.as_of_note,
        "source": figure.source,
        **_span_columns("source_mention", figure.source_mention),
        "source_kind": figure.source_kind,
        "status": figure.status,
        **_span_columns("span", figure.span),
        "sentence": figure.sentence,
        "sentence_index": figure.sentence_index,
        "part_of": figure.part_of,
        "place_name": figure.place_name,
        "place_region": figure.place_region,
        "place_country": figure.place_country,
        "place_lat": figure.place_lat,
        "place_lon": figure.place_lon,
        "place_precision": figure.place_precision,
        "background": int(figure.background),
    }


def _write_article(
    connection: sqlite3.Connection,
    article: Article,
    analysis: Analysis | None,
    seq: int,
    signature: Signature | None,
) -> bool:
    """Insert one article with everything that hangs off it; False when the id was stored."""
    if analysis is not None and analysis.article_id != article.id:
        raise StoreError(f"analysis for {analysis.article_id!r} paired with article {article.id!r}")
    inserted = connection.execute(_INSERT_ARTICLE, _article_row(article, seq, analysis))
    if inserted.rowcount == 0:
        return False
    connection.executemany(
        _INSERT_FLAG,
        [(article.id, i, f.kind, f.detail, f.suggested) for i, f in enumerate(article.flags)],
    )
    connection.execute(_INSERT_FTS, (seq, article.title or "", article.text))
    if analysis is not None:
        connection.executemany(
            _INSERT_STATEMENT,
            [_statement_row(article.id, i, s) for i, s in enumerate(analysis.statements)],
        )
        connection.executemany(
            _INSERT_FIGURE,
            [_figure_row(article.id, i, f) for i, f in enumerate(analysis.figures)],
        )
    if signature is not None:
        connection.execute(_INSERT_SIGNATURE, (seq, signature.to_bytes()))
        connection.executemany(
            _INSERT_BAND,
            [(band_hash, seq, band) for band, band_hash in signature.band_hashes()],
        )
    return True


def write_batch(
    connection: sqlite3.Connection,
    results: Sequence[tuple[Article, Analysis | None]],
    rejects: Sequence[Reject],
    signatures: Mapping[str, Signature] | None = None,
) -> int:
    """Write inside the caller's transaction; return how many articles were new.

    `signatures` are the near-duplicate signatures the linker already computed;
    any article without one gets it computed here, so every stored article can
    be found by later near-duplicate lookups whoever wrote it.
    """
    next_seq = connection.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
    written = 0
    for article, analysis in results:
        if signatures is not None and article.id in signatures:
            signature = signatures[article.id]
        else:
            signature = article_signature(article)
        if _write_article(connection, article, analysis, next_seq, signature):
            next_seq += 1
            written += 1
    connection.executemany(
        _UPSERT_REJECT,
        [(r.origin.path, r.origin.record, r.reason, r.excerpt) for r in rejects],
    )
    return written
