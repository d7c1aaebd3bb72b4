"""The validation folds: the documented formula, one group in one fold, scores per fold."""

from __future__ import annotations

import hashlib
import json
import math

import pytest

from newsledger.errors import EvalError
from newsledger.eval.folds import (
    FOLDS,
    FoldScores,
    fold_of,
    fold_rows,
    fold_scores,
    folds_of,
    mean_scores,
)
from newsledger.eval.gate import load_floors


@pytest.mark.parametrize(
    ("group_id", "digest_head", "fold"),
    [
        # sha1 hex digest's first 8 digits, as an integer, mod 5
        ("newsquant-0000", "0910c652", 0x0910C652 % 5),
        ("idetect-007", "4a56cf04", 0x4A56CF04 % 5),
        ("502747", "5dbc964d", 0x5DBC964D % 5),
    ],
)
def test_fold_is_the_documented_formula(group_id, digest_head, fold):
    assert hashlib.sha1(group_id.encode()).hexdigest()[:8] == digest_head
    assert fold_of(group_id) == fold


def test_fold_formula_on_many_ids():
    for n in range(500):
        group_id = f"article-{n}"
        expected = int(hashlib.sha1(group_id.encode()).hexdigest()[:8], 16) % 5
        assert fold_of(group_id) == expected
    assert {fold_of(f"article-{n}") for n in range(500)} == set(range(FOLDS))


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_displacement_rows_sharing_a_split_key_share_a_fold(tmp_path):
    records = [
        {"id": f"idetect-{n:03}", "split_key": f"idetect-{n // 3 * 3:03}"} for n in range(60)
    ]
    folds = folds_of(_write(tmp_path / "d.jsonl", records), "displacement")
    for record in records:
        assert folds[record["id"]] == fold_of(record["split_key"])


def test_casualty_articles_of_one_incident_share_a_fold(tmp_path):
    records = [{"id": f"doc{n}", "incident": {"id": str(1000 + n // 4)}} for n in range(80)]
    folds = folds_of(_write(tmp_path / "c.jsonl", records), "casualties")
    by_incident: dict[str, set[int]] = {}
    for record in records:
        by_incident.setdefault(record["incident"]["id"], set()).add(folds[record["id"]])
    assert all(len(found) == 1 for found in by_incident.values())
    assert len({fold for found in by_incident.values() for fold in found}) > 1


def test_quantities_sentences_are_their_own_group(tmp_path):
    records = [{"id": f"newsquant-{n:04}"} for n in range(10)]
    folds = folds_of(_write(tmp_path / "q.jsonl", records), "quantities")
    assert folds == {r["id"]: fold_of(r["id"]) for r in records}


def test_unknown_set_is_an_eval_error(tmp_path):
    with pytest.raises(EvalError, match="no fold rule"):
        folds_of(_write(tmp_path / "x.jsonl", [{"id": "a"}]), "horoscopes")


def test_scores_per_fold_and_mean():
    fold_by_id = {"a": 0, "b": 0, "c": 1, "d": 2, "e": 3, "f": 4}
    hits = {"a": 1.0, "b": 0.0, "c": 1.0, "d": 1.0, "e": 0.0, "f": 1.0}
    per_fold = fold_scores(
        fold_by_id, lambda ids: {"acc": sum(hits[i] for i in ids) / len(list(ids))}
    )
    assert per_fold[0] == FoldScores(0, 2, {"acc": 0.5})
    assert [f.items for f in per_fold] == [2, 1, 1, 1, 1]
    assert mean_scores(per_fold) == {"acc": pytest.approx((0.5 + 1 + 1 + 0 + 1) / 5)}
    rows = fold_rows(per_fold, ["acc"])
    assert [row["fold"] for row in rows] == [0, 1, 2, 3, 4, "mean", "sd"]


@pytest.mark.parametrize("name", ["quantities", "displacement", "casualties", "quotes"])
def test_floors_are_the_fold_mean_minus_two_standard_errors(name):
    # floor = round(mean - 2 sd / sqrt 5, 3) over the 5 folds; mean and sd are pinned
    # rounded to 0.001, so the rule is checked to within that rounding.
    pinned = load_floors(name)
    mean, sd = pinned["folds"]["mean"], pinned["folds"]["sd"]
    assert "two standard errors" in pinned["note"] and "dev-fit" in pinned["note"]
    for metric, floor in pinned["floors"].items():
        assert floor == pytest.approx(mean[metric] - 2 * sd[metric] / math.sqrt(FOLDS), abs=0.002)
        assert 0 < floor <= pinned["measured"][metric]
