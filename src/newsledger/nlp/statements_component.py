"""The spaCy component "newsledger_statements": runs `extract_statements` and
stores the result on `doc._.statements` as plain dicts (picklable, so
multiprocess `nlp.pipe` can carry it).

Registered on import of this module:

    import newsledger.nlp.statements_component  # noqa: F401
    nlp.add_pipe("newsledger_statements")
    doc._.statements  # [{"kind": "direct", "content": {"start": .., "end": .., "text": ..}, ...}]

The article title, when known, can be passed in `doc.user_data["title"]`; it
helps decide who an unnamed "he" is.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsledger.extract import ArticleFacts
from newsledger.extract.statements.find import extract_statements
from newsledger.models import to_dict

__all__ = ["COMPONENT_NAME", "statements_component"]

COMPONENT_NAME = "newsledger_statements"

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)


@Language.component(
    COMPONENT_NAME,
    requires=["token.pos", "token.dep", "token.lemma", "doc.sents", "doc.ents"],
    assigns=["doc._.statements"],
)
def statements_component(doc: Doc) -> Doc:
    """Compute the statements, then annotate the Doc with them as plain data."""
    statements = extract_statements(doc, title=ArticleFacts.of_doc(doc).title)
    doc._.statements = [to_dict(statement) for statement in statements]
    return doc
