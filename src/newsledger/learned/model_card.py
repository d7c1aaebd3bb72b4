"""The model card written beside a shipped model by `newsledger train`."""

from __future__ import annotations

from collections import Counter

from newsledger.learned.fitting import mean
from newsledger.learned.training import today

__all__ = ["card_text", "displacement_card_text", "incident_card_text"]


def _r(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _fold_table(report) -> list[str]:
    lines = [
        "| fold | model P | model R | model F1 | rules P | rules R | rules F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for model, rules in zip(report.folds, report.rules, strict=True):
        lines.append(
            f"| {model.fold} | {_r(model.precision)} | {_r(model.recall)} | {_r(model.f1)} "
            f"| {_r(rules.precision)} | {_r(rules.recall)} | {_r(rules.f1)} |"
        )
    cells = []
    for runs in (report.folds, report.rules):
        for name in ("precision", "recall", "f1"):
            cells.append(_r(mean([getattr(f, name) for f in runs])))
    lines.append("| mean | " + " | ".join(cells) + " |")
    return lines


def card_text(report, data, model) -> str:
    """Markdown: what the model decides, its data, features, figures and date."""
    labels = Counter(example.label for example in data.examples)
    grid = ", ".join(f"C={c} t={t}: {_r(f1)}" for c, t, f1 in report.grid)
    lines = [
        f"# Model card: {model.name}",
        "",
        "**Decides**: for every figure candidate the rules produce, except displacement and",
        "housing figures, its category (killed, injured, casualties, missing, detained) or",
        "`other`. The model's category is taken when its probability is at least the",
        "threshold; otherwise the rules' category stands (`learned/figure_kind.py`).",
        "",
        f"**Trained**: {today()} by `newsledger train` (`make train`); scikit-learn",
        "LogisticRegression (multinomial, lbfgs), one-hot features through a DictVectorizer;",
        f"C = {report.c}, threshold = {report.threshold}; {len(model.weights)} features with",
        "non-zero weight. Applied in plain Python from the JSON beside this card.",
        "",
        f"**Data**: the train part of the real-news gold (`eval/gold`, {report.articles} articles;",
        "texts from `../shared/data/corpus`): every figure candidate of an article body,",
        "labelled with the category of the gold figure it overlaps, or `other`.",
        f"{report.examples} candidates: "
        + ", ".join(f"{label} {count}" for label, count in sorted(labels.items()))
        + f"; {sum(data.gold_figures.values())} gold figures. The validation part is never read.",
        "",
        "**Features** (`learned/features.py`): the rules' category, counted unit, unit,",
        "qualifier, status, source kind; whether a group, source, place, part-of were found;",
        "the number's magnitude, range, year-likeness; the parse: the number's dependency,",
        "the word it hangs on and its part of speech, the counted noun, the words before and",
        "after, pronoun / determiner / digit spans, table-like and quoted sentences.",
        "",
        "**Cross-validated figures** (grouped by article, fold = sha1(id) % 5; the train",
        "part holds folds 2, 3 and 4): casualty-figure precision, recall, F1 as",
        "`newsledger eval realnews` counts them (a figure is right when its category is),",
        "on the candidates of the held-out fold:",
        "",
        *_fold_table(report),
        "",
        f"Grid (mean fold F1): {grid}.",
        "",
        f"**Limits**: {sum(data.gold_figures.values())} gold figures is little; most weight goes"
        " to removing candidates the",
        "rules call casualties (pronouns, ages, measures, table cells). Figures the rules",
        "never propose cannot be recovered. It decides only with the setting",
        "`NEWSLEDGER_FIGURE_DECISION=learned`: on the real-news validation part it has not",
        "yet beaten the rules (figures in the README's evaluation section), so the rules",
        "decide by default.",
        "",
    ]
    return "\n".join(lines)


_SET_NAMES = {
    "casualties": "casualties (SemEval-2018 Task 5 dev half: US local gun-violence news, GVA "
    "incident totals; group = GVA incident)",
    "victim_counts": "victim_counts (WAD dev half: one- to five-sentence atrocity event "
    "descriptions; group = event)",
}


def incident_card_text(report) -> str:
    """Markdown card of the main-incident counts model (`learned/train_incidents.py`)."""
    rows = [
        f"| {name} | {report.cross_validated[name]:.3f} | {report.rules.get(name, 0.0):.3f} |"
        for name in sorted(report.cross_validated)
    ]
    grid = ", ".join(f"C={c}: {score:.3f}" for c, score in report.grid)
    data = "; ".join(f"{_SET_NAMES.get(name, name)}: {n} texts" for name, n in report.sets.items())
    lines = [
        "# Model card: incident_counts",
        "",
        "**Decides**: the main incident's killed and injured counts of an article. The rules",
        "(`extract/incident/`) propose candidates per side: every count stated for it, sums",
        "of counts, those shot less the killed, the rules' own reading, zero and one",
        "(`extract/incident/candidates.py`); the model scores each candidate's probability of",
        "being the count and the highest wins (`learned/incident_counts.py`). A side the model",
        "reads as zero stays unknown unless the rules read zero too. Setting",
        "`NEWSLEDGER_INCIDENT_DECISION=rules` restores the rules' reading.",
        "",
        f"**Trained**: {today()} by `newsledger train` (`make train`); scikit-learn",
        f"LogisticRegression (lbfgs), C = {report.c}, over one-hot and count features through a",
        f"DictVectorizer; {report.features} features with non-zero weight, applied in plain",
        "Python from the JSON beside this card.",
        "",
        f"**Data**: {data}. Each text is built and parsed as ingest does; every candidate",
        f"becomes one example, labelled by whether its value is the gold count ({report.examples}",
        "examples). A side with no gold number gives none.",
        "",
        "**Features**: the candidate's value bucket; whether and how often the value is stated,",
        "in which sentence first, with which category and qualifier, as a number or a word,",
        "as part of another count, over a period, with a source; largest, smallest or first",
        "stated; the rules' cues (incidental numbers, negation, part counts, counts of others);",
        "whether the rules chose it or gave none, sums, shot less killed, equal to the other",
        "side; a lede that says someone died; each crossed with the text kind (a brief of up",
        "to three sentences or an article).",
        "",
        "**Cross-validated figures** (5 folds grouped by incident or event, fold =",
        "int(sha1(group)[:8], 16) % 5; exact accuracy of the side's count, through the code",
        "that decides at ingest). The rules' column is their reading on the same texts; the",
        "rules were tuned on these dev halves, so it is a dev-fit figure, not a held-out one:",
        "",
        "| set.side | model (cross-validated) | rules (dev-fit) |",
        "|---|---|---|",
        *rows,
        "",
        f"Grid (mean cross-validated accuracy): {grid}.",
        "",
        "**Limits**: candidates the figures never state (a count read from a victim list, an",
        "'assassinated' that implies one death) cannot be picked beyond zero and one; GVA",
        "totals sometimes count victims the article does not mention. Real-news articles",
        "(long, several incidents) are not in the training data.",
    ]
    return "\n".join(lines) + "\n"


def displacement_card_text(report) -> str:
    """Markdown card of the displacement decision (`learned/train_displacement.py`)."""
    grid = ", ".join(f"C={c} t={t}: {score:.3f} / {news:.3f}" for c, t, score, news in report.grid)
    labels = ", ".join(f"{label} {n}" for label, n in report.labels.items())
    lines = [
        "# Model card: displacement_kind",
        "",
        "**Decides**: for every plain count (no unit) the rules call displaced, evacuated,",
        "housing_destroyed, housing_damaged or other, which of those it is. The model's",
        "category is taken when its probability is at least the threshold; otherwise the",
        "rules' category stands (`learned/displacement_kind.py`). Counts the rules call",
        "killed, injured, missing or detained are never touched. Off by default: the",
        "setting `NEWSLEDGER_DISPLACEMENT_DECISION=learned` turns it on (see Limits).",
        "",
        f"**Trained**: {today()} by `newsledger train` (`make train`); scikit-learn",
        f"LogisticRegression (multinomial, lbfgs), C = {report.c}, threshold =",
        f"{report.threshold}; {report.features} features with non-zero weight, applied in",
        "plain Python from the JSON beside this card.",
        "",
        "**Data**: the displacement dev half (`../shared/eval/displacement/dev.jsonl`, IDMC and",
        f"IDETECT excerpts: {report.excerpts} distinct excerpts, {report.rows} facts); every",
        "decided count of an excerpt is labelled with the term of the fact whose figure it",
        "states (a range by its upper end), else `other`. And the decided counts of the",
        f"real-news gold's train part ({report.news} candidates), labelled with their gold",
        f"category when it is a displacement one, else `other`. Labels: {labels}. An excerpt",
        "holds one annotated fact, so a second real displacement count in it reads `other`.",
        "",
        "**Features** (`learned/displacement_features.py`): the figure cues of",
        "`learned/features.py` (the rules' category, counted noun, parse, neighbours), the",
        "figure's verb, its objects and prepositional objects, passive voice, and the content",
        "words within six tokens.",
        "",
        "**Cross-validated figures** (5 folds grouped by split_key or article, fold =",
        "int(sha1(group)[:8], 16) % 5; C and threshold chosen on the first):",
        "",
        "| measure | model (cross-validated) | rules (dev-fit) |",
        "|---|---|---|",
        f"| displacement figure+term accuracy | {report.cross_validated:.3f} "
        f"| {report.rules:.3f} |",
        f"| real-news candidates' category right | {report.news_cross_validated:.3f} "
        f"| {report.news_rules:.3f} |",
        "",
        f"Grid (displacement / real-news): {grid}.",
        "",
        "**Limits**: trained on the displacement excerpts alone, the model reached 0.806",
        "cross-validated there (rules 0.787) but on the real-news train part it changed nine",
        "figures, eight wrongly: '1.37 million people have fled Ukraine' to other, troops,",
        "personnel, party members and soldiers lost to displaced. With real news in its data",
        "it no longer beats the rules, so the rules decide by default. Counts the rules never",
        "propose (numbers glued to words in PDF text, 'lakh', spaced thousands) cannot be",
        "recovered.",
    ]
    return "\n".join(lines) + "\n"
