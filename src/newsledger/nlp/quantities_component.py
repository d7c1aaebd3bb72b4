"""The spaCy component "newsledger_quantities": runs `extract_quantities` and
stores the result on `doc._.quantities` as plain dicts (picklable, so
multiprocess `nlp.pipe` can carry it).

Registered on import of this module:

    import newsledger.nlp.quantities_component  # noqa: F401
    nlp.add_pipe("newsledger_quantities")
    doc._.quantities  # [{"value_low": 352.0, ..., "span": {"start": .., "end": .., "text": ..}}]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsledger.extract.quantities.find import extract_quantities
from newsledger.models import to_dict

__all__ = ["COMPONENT_NAME", "quantities_component"]

COMPONENT_NAME = "newsledger_quantities"

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)


@Language.component(
    COMPONENT_NAME,
    requires=["token.pos", "token.dep", "token.lemma"],
    assigns=["doc._.quantities"],
)
def quantities_component(doc: Doc) -> Doc:
    """Compute the quantities, then annotate the Doc with them as plain data."""
    quantities = extract_quantities(doc)
    doc._.quantities = [to_dict(quantity) for quantity in quantities]
    return doc
