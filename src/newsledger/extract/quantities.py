"""PLACEHOLDER until issue 4 lands: quantity extraction returns nothing yet."""

from __future__ import annotations


def extract_quantities(doc):
    return []
