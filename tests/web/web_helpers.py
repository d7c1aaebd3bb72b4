"""Helpers shared by the dashboard tests (a unique module name: see DEVELOPERS.md)."""

from __future__ import annotations


def ledger_entry(source: str, as_of: str | None, low: float | None, high: float | None = None):
    """A ledger entry as `Store.ledger()` gives it, with one citation, for chart tests."""
    return {
        "source": source,
        "as_of": as_of,
        "value_low": low,
        "value_high": high if high is not None else low,
        "qualifier": "exact",
        "citations": [
            {"article_id": f"a-{source}-{as_of}", "outlet": "example.org", "start": 4, "end": 7}
        ],
    }
