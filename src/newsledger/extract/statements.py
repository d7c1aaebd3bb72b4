"""PLACEHOLDER until issue 3 lands: statement extraction returns nothing yet."""

from __future__ import annotations


def extract_statements(doc, *, title=None):
    return []
