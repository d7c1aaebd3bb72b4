"""Every user-facing setting, declared once: name, default, environment variable, help.

The CLI options and their help text come from this table, so a setting is
documented in exactly one place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["SETTINGS", "Setting", "setting"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    env: str | None
    help: str


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "newsledger.db", "NEWSLEDGER_DB", "ledger database file"),
    Setting("batch_size", 200, "NEWSLEDGER_BATCH_SIZE", "articles written per transaction"),
    Setting(
        "workers",
        _cores(),
        "NEWSLEDGER_WORKERS",
        "analysis processes, one spaCy pipeline each (default: the number of cores)",
    ),
    Setting(
        "near_duplicate_threshold",
        0.8,
        "NEWSLEDGER_NEAR_DUPLICATE_THRESHOLD",
        "estimated Jaccard similarity from which an article is flagged duplicate_of an earlier one",
    ),
    Setting(
        "analysis_time_limit",
        60.0,
        "NEWSLEDGER_ANALYSIS_TIME_LIMIT",
        "seconds one article's analysis may take; past it the article is stored as a reject "
        "and its worker process is replaced (0: no limit)",
    ),
    Setting(
        "max_text_chars",
        300_000,
        "NEWSLEDGER_MAX_TEXT_CHARS",
        "longest text analysed (headline and body, in characters); a longer article is "
        "stored as a reject that names the limit",
    ),
    Setting(
        "consolidate_every",
        30.0,
        "NEWSLEDGER_CONSOLIDATE_EVERY",
        "seconds between ledger rebuilds during a long ingest (entities, entries and "
        "conflicts then cover what was committed); the run's end always rebuilds",
    ),
    Setting(
        "figure_decision",
        "rules",
        "NEWSLEDGER_FIGURE_DECISION",
        "who gives each figure its category: rules (the default), or learned (the rules, "
        "then the model of learned/models/figure_kind.md where it is sure; see its card)",
    ),
    Setting(
        "incident_decision",
        "learned",
        "NEWSLEDGER_INCIDENT_DECISION",
        "who reads an article's main-incident killed and injured counts: learned (the "
        "default: the model of learned/models/incident_counts.md ranks the rules' "
        "candidates), or rules (the rules' own reading)",
    ),
    Setting(
        "displacement_decision",
        "rules",
        "NEWSLEDGER_DISPLACEMENT_DECISION",
        "who tells a plain count's displacement term (displaced, evacuated, homes destroyed "
        "or damaged, or none): rules (the default), or learned (the rules, then the model "
        "of learned/models/displacement_kind.md where it is sure; see its card)",
    ),
    Setting(
        "aliases",
        "",
        "NEWSLEDGER_ALIASES",
        "your own entity alias table (columns as data/aliases.tsv), read after the packaged one",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> object:
    """The value in force: the environment variable when set, else the default."""
    declared = _BY_NAME[name]
    if declared.env and os.environ.get(declared.env):
        raw = os.environ[declared.env]
        return type(declared.default)(raw) if declared.default is not None else raw
    return declared.default
