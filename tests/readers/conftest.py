"""Fixtures for reader tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_helpers import FIXTURES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
