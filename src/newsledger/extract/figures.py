"""PLACEHOLDER until issue 4 lands: figure semantics return nothing yet."""

from __future__ import annotations


def extract_figures(doc, quantities, statements, *, reference_date=None, reference_is_suggested=False):
    return []
