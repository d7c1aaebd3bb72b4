"""Glued-sentence repair: real glue is split, names with inner capitals are kept."""

from __future__ import annotations

import pytest

from newsledger.quality.glued import repair_glued


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "\"They said 'we never asked you to comeI feel shame that we came.",
            "\"They said 'we never asked you to come. I feel shame that we came.",
        ),
        (
            "the talks ended in WarsawHe said nothing more.",
            "the talks ended in Warsaw. He said nothing more.",
        ),
        ("It rained in Gdansk.The match was off.", "It rained in Gdansk. The match was off."),
        ("a report on theAzov regiment", "a report on the Azov regiment"),
        ("floods hit the valleyThe army helped", "floods hit the valley. The army helped"),
    ],
)
def test_glue_is_repaired(line: str, expected: str) -> None:
    repaired, spots = repair_glued(line)
    assert repaired == expected
    assert spots


@pytest.mark.parametrize(
    "line",
    [
        "McDonald met MacArthur and DeSantis.",
        "She bought an iPhone on eBay and paid with PayPal.",
        "LeBron posted on YouTube; O'Neill replied.",
        "BlackRock and JavaScript and macOS are names.",
        "The U.S. and U.K. agreed, e.g. on this.",
        "See www.ExampleNews.com/LiveBlog or follow @CityNewsDesk #StandTogether",
        "A plain sentence with nothing glued.",
    ],
)
def test_names_are_left_alone(line: str) -> None:
    assert repair_glued(line) == (line, [])
