"""Shared fixtures: the pipeline (built once), the corpus and the optional ../shared folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Speed is measured in `make bench`, never in tests: hypothesis's per-example deadline would fail a
# fuzz test whose first example compiles patterns on a loaded machine.
settings.register_profile("claimtrace", deadline=None)
settings.load_profile("claimtrace")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "articles"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "safe_city_partnerships.txt"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def annotate_text(nlp):
    """Annotate one text (with an optional publication date) and return its Annotated result."""
    from pipeline.nlp import annotate

    def run(text: str, published: str | None = None):
        return next(annotate(nlp, [(text, published)]))

    return run


@pytest.fixture(scope="session")
def corpus_run_dir(tmp_path_factory):
    """The folder of the bundled corpus run once through the command line (Parquet tables)."""
    from pipeline.cli import main

    out = tmp_path_factory.mktemp("corpus_out")
    assert main(["run", str(CORPUS), "--out", str(out), "--format", "parquet", "--no-progress"]) == 0
    return out


@pytest.fixture(scope="session")
def corpus_run(corpus_run_dir):
    """The bundled corpus run's three tables."""
    from pipeline.tables import read_table

    return {name: read_table(corpus_run_dir, name) for name in ("documents", "mentions", "claims")}
