"""Shared fixtures: one annotator for the session, paths to shared data when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from extractor.pipeline import Annotator, default_annotator

# Property tests draw the same examples on every run, so a clean checkout is green or red for a
# reason, never by the luck of the draw; HYPOTHESIS_PROFILE=explore draws fresh ones.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    return default_annotator()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`, or skip when this checkout has no shared folder beside it."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present")
    return path
