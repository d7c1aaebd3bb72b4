"""Every shipped model loads from the package alone: no scikit-learn, no data, no network."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

# Each shipped model and classes it must decide between.
SHIPPED = {
    "figure_kind": {"killed", "other"},
    "incident_counts": {"count", "not"},
    "displacement_kind": {"displaced", "evacuated", "other"},
}


@pytest.mark.parametrize(("name", "classes"), sorted(SHIPPED.items()))
def test_a_shipped_model_loads_without_scikit_learn(name, classes):
    code = (
        "import sys; from newsledger.learned.linear import load_model; "
        f"m = load_model({name!r}); "
        f"assert set({sorted(classes)!r}) <= set(m.classes); "
        "assert len(m.weights) > 10; "
        "assert not any(module.startswith('sklearn') for module in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_a_shipped_model_has_its_card(name):
    models = resources.files("newsledger.learned").joinpath("models")
    data = json.loads(models.joinpath(f"{name}.json").read_text(encoding="utf-8"))
    card = models.joinpath(f"{name}.md").read_text(encoding="utf-8")
    assert data["card"]["see"] == f"{name}.md"
    assert f"# Model card: {name}" in card and "ross-validated" in card
