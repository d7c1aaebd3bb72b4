"""Matrix products of the spaCy pipeline through numpy's BLAS, one thread per process.

Owns the choice of matrix-multiply backend for the loaded pipeline. thinc's
`NumpyOps` multiplies through blis by default; on the machines this project
runs on, blis picks a slow kernel and numpy's bundled OpenBLAS does the same
products about three times faster (measured on the pipeline's own shapes, e.g.
7000x288 by 288x288: blis 40 ms, OpenBLAS 13 ms). Matrix products are about three
quarters of tok2vec + NER time, so the whole parse runs about 40% faster.

The annotations are the same model's: only the floating-point summation order
differs. Over 448,226 tokens of news text one token's annotation changed
(checked tag, dependency, head, entity and lemma of every token).

thinc supports this itself (`NumpyOps(use_blis=False)` delegates `gemm` to
numpy); this module installs such an Ops on every layer of every component.
BLAS runs one thread per process, as blis did: parallelism comes from worker
processes (`--workers`), which would otherwise oversubscribe the cores.
"""

from __future__ import annotations

from typing import Any

__all__ = ["use_numpy_matmul"]

BLAS_THREADS = 1


def use_numpy_matmul(nlp: Any) -> Any:
    """Make every model layer of `nlp` multiply through numpy's BLAS; return `nlp`."""
    from thinc.api import NumpyOps  # deferred with spaCy, as in nlp/pipeline.py
    from threadpoolctl import threadpool_limits

    # Process-wide, like blis's single thread: each worker process is one core.
    threadpool_limits(BLAS_THREADS, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue  # rule-based components (attribute_ruler, lemmatizer) have no layers
        for layer in model.walk():
            layer.ops = ops
    return nlp
