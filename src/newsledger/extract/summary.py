"""PLACEHOLDER until issue 4 lands: the main-incident summary is not computed yet."""

from __future__ import annotations


def summarise_incident(figures):
    return None
