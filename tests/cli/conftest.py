"""Fixtures for the CLI tests; the helpers themselves are in cli_helpers.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_helpers import Run, invoke


@pytest.fixture
def cli() -> Callable[..., Run]:
    return invoke


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"
