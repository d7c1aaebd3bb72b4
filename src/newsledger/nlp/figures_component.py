"""The spaCy component "newsledger_figures": runs `extract_quantities` (unless
"newsledger_quantities" already ran), reuses `doc._.statements` when
"newsledger_statements" ran, then the figures (`extract.run`), and stores the figures on
`doc._.figures` as plain dicts (picklable, so multiprocess `nlp.pipe` can carry them).

Registered on import of this module:

    import newsledger.nlp.figures_component  # noqa: F401
    nlp.add_pipe("newsledger_figures")
    doc._.figures  # [{"value_low": 352.0, "category": "killed", "source": ..., ...}]

The reference date for relative dates comes from `doc.user_data["reference_date"]`
(ISO) and `doc.user_data["reference_is_suggested"]` when set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsledger.extract import ArticleFacts, run
from newsledger.extract.quantities.find import extract_quantities
from newsledger.models import Quantity, Span, Statement, to_dict

__all__ = ["COMPONENT_NAME", "figures_component"]

COMPONENT_NAME = "newsledger_figures"

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)


def _span(data: dict | None) -> Span | None:
    return Span(**data) if data else None


def _quantities(doc: Doc) -> list[Quantity]:
    stored = doc._.quantities if Doc.has_extension("quantities") else None
    if stored is None:
        return extract_quantities(doc)
    return [Quantity(**{**item, "span": Span(**item["span"])}) for item in stored]


def _statements(doc: Doc) -> list[Statement]:
    stored = doc._.statements if Doc.has_extension("statements") else None
    statements = []
    for item in stored or []:
        fields = dict(item)
        for key in ("content", "cue", "speaker_mention"):
            fields[key] = _span(fields.get(key))
        statements.append(Statement(**fields))
    return statements


@Language.component(
    COMPONENT_NAME,
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.figures"],
)
def figures_component(doc: Doc) -> Doc:
    """Compute the figures, then annotate the Doc with them as plain data."""
    facts = ArticleFacts.of_doc(doc)
    analysis = run(doc, facts, statements=_statements(doc), quantities=_quantities(doc))
    doc._.figures = [to_dict(figure) for figure in analysis.figures]
    return doc
