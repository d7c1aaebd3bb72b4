"""The word tables quantity extraction reads: number words, scales, vague amounts,
qualifiers, change verbs, units and the words that mark a number as not a count.

Everything here is data, so a reviewer can audit the choices in one place and a
rule change does not need a code change. Keys are lower-case; multi-word keys are
tuples of lower-case spaCy token texts.

Vague amounts ("dozens", "hundreds") become ranges, never point guesses. The
ranges below follow one reading of English usage, stated per row:

- a plural of a round number ("hundreds", "thousands", "millions") means at least
  two of that unit and fewer than ten of it: "hundreds" is 200-999. "Hundreds" is
  not said of 120 people ("more than a hundred" is), and 1,000 or more would be
  "thousands".
- "tens of thousands" / "hundreds of thousands" apply the same reading to the
  multiplied unit: 20,000-99,999 and 200,000-999,999.
- "dozens" is two dozen up to just under a hundred (24-99); "scores" (a score is
  twenty) is two score up to just under a hundred (40-99).
- "a couple" is 2-3 (speakers use it loosely for "two or three"); "a few" 2-5;
  "a handful" 2-5 (what one hand counts); "several" 3-9 (more than a couple,
  fewer than ten, the usual dictionary reading).

NewsQuant's annotators wrote the round plurals differently, as the order of
magnitude: "millions" = (1,000,000, 10,000,000), "tens of thousands" =
(10,000, 100,000). `VAGUE_MAGNITUDE` keeps that convention for the scorer only;
the ledger uses `VAGUE_AMOUNTS`.
"""

from __future__ import annotations

__all__ = [
    "AGE_WORDS",
    "CHANGE_DOWN_LEMMAS",
    "CHANGE_UP_LEMMAS",
    "CURRENCY_CODES",
    "CURRENCY_SYMBOLS",
    "FOLLOWING_QUALIFIERS",
    "FRACTION_DENOMINATORS",
    "MONTHS",
    "NUMBER_WORDS",
    "PRECEDING_QUALIFIERS",
    "QUALIFIER_CHANGE",
    "RATE_UNITS",
    "SCALE_SUFFIXES",
    "SCALE_WORDS",
    "TIME_MARKERS",
    "UNITS",
    "VAGUE_AMOUNTS",
    "VAGUE_MAGNITUDE",
]

# Cardinal number words below a hundred ("twenty-one" is "twenty" "-" "one").
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

# Multipliers written as words after a number ("1.5 million", "four hundred", "a dozen").
SCALE_WORDS: dict[str, float] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip

# Multipliers abbreviated and usually glued to the digits ("2bn", "$13.6M", "25k").
# "m" is ambiguous with metres; quantities.py decides from the context.
SCALE_SUFFIXES: dict[str, float] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "b": 1_000_000_000,
    "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}  # fmt: skip

# Fractions written as words ("a third of", "two-thirds of", "half the", "one in five"):
# the denominator word -> its value. A fraction is a quantity with the unit "fraction".
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip

# Vague amounts for the ledger: (low, high), reasoning in the module docstring.
VAGUE_AMOUNTS: dict[tuple[str, ...], tuple[float, float]] = {
    ("a", "couple", "of"): (2, 3),
    ("a", "few"): (2, 5),
    ("a", "handful", "of"): (2, 5),
    ("several",): (3, 9),
    ("dozens",): (24, 99),
    ("scores",): (40, 99),
    ("tens",): (20, 99),
    ("hundreds",): (200, 999),
    ("thousands",): (2_000, 9_999),
    ("tens", "of", "thousands"): (20_000, 99_999),
    ("hundreds", "of", "thousands"): (200_000, 999_999),
    ("millions",): (2_000_000, 9_999_999),
    ("tens", "of", "millions"): (20_000_000, 99_999_999),
    ("hundreds", "of", "millions"): (200_000_000, 999_999_999),
    ("billions",): (2_000_000_000, 9_999_999_999),
}

# NewsQuant's convention for the round plurals (scorer only): the order of magnitude.
VAGUE_MAGNITUDE: dict[tuple[str, ...], tuple[float, float]] = {
    ("tens",): (10, 100),
    ("hundreds",): (100, 1_000),
    ("thousands",): (1_000, 10_000),
    ("tens", "of", "thousands"): (10_000, 100_000),
    ("hundreds", "of", "thousands"): (100_000, 1_000_000),
    ("millions",): (1_000_000, 10_000_000),
    ("tens", "of", "millions"): (10_000_000, 100_000_000),
    ("hundreds", "of", "millions"): (100_000_000, 1_000_000_000),
    ("billions",): (1_000_000_000, 10_000_000_000),
}

# Words before a number that bound or soften it -> qualifier.
PRECEDING_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("well", "over"): "more_than",
    ("just", "over"): "more_than",
    ("above",): "more_than",
    ("in", "excess", "of"): "more_than",
    ("upwards", "of"): "more_than",
    ("up", "to"): "at_most",
    ("at", "most"): "at_most",
    ("no", "more", "than"): "at_most",
    ("not", "more", "than"): "at_most",
    ("a", "maximum", "of"): "at_most",
    ("as", "many", "as"): "at_most",
    ("as", "much", "as"): "at_most",
    ("fewer", "than"): "fewer_than",
    ("less", "than"): "fewer_than",
    ("under",): "fewer_than",
    ("just", "under"): "fewer_than",
    ("below",): "fewer_than",
    ("lower", "than"): "fewer_than",
    ("nearly",): "about",
    ("almost",): "about",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("approx",): "about",
    ("approx.",): "about",
    ("roughly",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("circa",): "about",
    ("close", "to"): "about",
    ("barely",): "about",
    ("~",): "about",
}

# Words after a number that bound it ("500 or more", "100-plus").
FOLLOWING_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least",
    ("or", "so"): "about",
    ("plus",): "more_than",
    ("-", "plus"): "more_than",
    ("or", "fewer"): "at_most",
    ("or", "less"): "at_most",
}

# NewsQuant's `change` for each qualifier (increases/decreases come from verbs).
QUALIFIER_CHANGE: dict[str, str] = {
    "exact": "=",
    "range": "=",
    "about": "~",
    "at_least": ">",
    "more_than": ">",
    "at_most": "<",
    "fewer_than": "<",
}

# Verb/adverb lemmas that make the number after them an increase or a decrease.
CHANGE_UP_LEMMAS: frozenset[str] = frozenset(
    [
        "rise",
        "rose",
        "climb",
        "gain",
        "jump",
        "increase",
        "surge",
        "soar",
        "rally",
        "advance",
        "up",
        "add",
        "hike",
        "raise",
        "boost",
        "grow",
        "spike",
        "leap",
    ]
)
CHANGE_DOWN_LEMMAS: frozenset[str] = frozenset(
    [
        "fall",
        "fell",
        "drop",
        "decline",
        "decrease",
        "lose",
        "slide",
        "slip",
        "plunge",
        "tumble",
        "sink",
        "ease",
        "shed",
        "down",
        "dip",
        "cut",
        "reduce",
        "lower",
        "shrink",
        "slump",
        "plummet",
        "sag",
        "retreat",
        "crash",
    ]
)

MONTHS: frozenset[str] = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "jan.",
        "feb",
        "feb.",
        "mar",
        "mar.",
        "apr",
        "apr.",
        "jun",
        "jun.",
        "jul",
        "jul.",
        "aug",
        "aug.",
        "sep",
        "sep.",
        "sept",
        "sept.",
        "oct",
        "oct.",
        "nov",
        "nov.",
        "dec",
        "dec.",
    ]
)

# Tokens after a number that make it a clock time.
TIME_MARKERS: frozenset[str] = frozenset(
    [
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "a.m",
        "p.m",
        "gmt",
        "utc",
        "edt",
        "est",
        "pdt",
        "pst",
        "cet",
        "bst",
        "cst",
        "cdt",
        "mdt",
        "hrs",
        "o'clock",
    ]
)

# "a 34-year-old", "aged 12", "30 years old": the number is an age.
AGE_WORDS: frozenset[str] = frozenset({"old", "aged", "age"})

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollar", "us$": "dollar", "$us": "dollar", "usd": "dollar", "us": "dollar",
    "a$": "australian dollar", "au$": "australian dollar", "aud": "australian dollar",
    "c$": "canadian dollar", "ca$": "canadian dollar", "cad": "canadian dollar",
    "nz$": "new zealand dollar", "hk$": "hong kong dollar", "s$": "singapore dollar",
    "£": "pound sterling", "gbp": "pound sterling", "€": "euro", "eur": "euro",
    "¥": "japanese yen", "y=": "japanese yen", "jpy": "japanese yen", "yen": "japanese yen",
    "rmb": "chinese yuan", "cny": "chinese yuan", "rm": "malaysian ringgit",
    "₹": "indian rupee", "rs": "indian rupee", "inr": "indian rupee",
    "₽": "russian ruble", "rub": "russian ruble", "₴": "ukrainian hryvnia",
    "uah": "ukrainian hryvnia", "chf": "swiss franc", "₪": "israeli new shekel",
}  # fmt: skip

# Currency codes that may come before or after the digits ("USD10m", "100 EUR").
CURRENCY_CODES: frozenset[str] = frozenset(
    {"usd", "aud", "cad", "gbp", "eur", "jpy", "cny", "inr", "rub", "uah", "chf"}
)

# Units after a number: surface (lower-case, tokens) -> NewsQuant-style normalised name.
UNITS: dict[tuple[str, ...], str] = {
    # percentages and points
    ("%",): "percentage", ("percent",): "percentage", ("per", "cent"): "percentage",
    ("pc",): "percentage", ("pct",): "percentage", ("percent", "-", "owned"): "percentage",
    ("percentage", "points"): "percentage point", ("percentage", "point"): "percentage point",
    ("basis", "points"): "basis point", ("basis", "point"): "basis point",
    ("bps",): "basis point", ("bp",): "basis point", ("points",): "point", ("point",): "point",
    ("pts",): "point", ("p",): "point",
    # currencies written as words
    ("dollars",): "dollar", ("dollar",): "dollar", ("cents",): "cent", ("cent",): "cent",
    ("australian", "dollars"): "australian dollar", ("canadian", "dollars"): "canadian dollar",
    ("us", "dollars"): "dollar", ("u.s.", "dollars"): "dollar",
    ("euros",): "euro", ("euro",): "euro", ("yuan",): "chinese yuan",
    ("chinese", "yuan"): "chinese yuan", ("renminbi",): "chinese yuan", ("yen",): "japanese yen",
    ("shekels",): "shekel", ("shekel",): "shekel", ("rupees",): "indian rupee",
    ("roubles",): "russian ruble", ("rubles",): "russian ruble",
    ("hryvnias",): "ukrainian hryvnia", ("hryvnia",): "ukrainian hryvnia",
    ("danish", "crowns"): "danish krone", ("kroner",): "danish krone",
    ("crowns",): "krone", ("francs",): "swiss franc", ("pence",): "penny",
    ("sterling",): "pound sterling", ("€",): "euro", ("eur",): "euro", ("jpy",): "japanese yen",
    ("jpy=",): "japanese yen", ("usd",): "dollar", ("gbp",): "pound sterling",
    # length and area
    ("km",): "kilometre", ("kilometres",): "kilometre", ("kilometers",): "kilometre",
    ("kilometre",): "kilometre", ("kilometer",): "kilometre",
    ("m",): "metre", ("metres",): "metre", ("meters",): "metre", ("metre",): "metre",
    ("meter",): "metre", ("cm",): "centimetre", ("centimetres",): "centimetre",
    ("centimeters",): "centimetre", ("mm",): "millimetre", ("millimetres",): "millimetre",
    ("millimeters",): "millimetre", ("millimeter",): "millimetre",
    ("μm",): "micrometre", ("µm",): "micrometre", ("microns",): "micrometre",
    ("nm",): "nanometre", ("nanometers",): "nanometre", ("nanometer",): "nanometre",
    ("miles",): "mile", ("mile",): "mile", ("mi",): "mile", ("yards",): "yard",
    ("yard",): "yard", ("yd",): "yard", ("feet",): "foot", ("foot",): "foot", ("ft",): "foot",
    ("'",): "foot", ("inches",): "inch", ("inch",): "inch", ("in.",): "inch", ('"',): "inch",
    ("square", "miles"): "square mile", ("square", "mile"): "square mile",
    ("sq", "miles"): "square mile", ("square", "kilometres"): "square kilometre",
    ("square", "kilometers"): "square kilometre", ("sq", "km"): "square kilometre",
    ("km2",): "square kilometre", ("square", "metres"): "square metre",
    ("square", "meters"): "square metre", ("sq", "m"): "square metre",
    ("sqm",): "square metre", ("square", "feet"): "square foot",
    ("square", "foot"): "square foot", ("sq", "ft"): "square foot", ("acres",): "acre",
    ("acre",): "acre", ("hectares",): "hectare", ("hectare",): "hectare", ("ha",): "hectare",
    # mass and volume
    ("kg",): "kilogram", ("kilograms",): "kilogram", ("kilos",): "kilogram",
    ("g",): "gram", ("grams",): "gram", ("mg",): "milligram", ("milligrams",): "milligram",
    ("tonnes",): "metric ton", ("tonne",): "metric ton", ("tons",): "ton", ("ton",): "ton",
    ("pounds",): "pound-mass", ("lbs",): "pound-mass", ("lb",): "pound-mass",
    ("ounces",): "ounce", ("ounce",): "ounce", ("oz",): "ounce",
    ("litres",): "litre", ("liters",): "litre", ("litre",): "litre", ("liter",): "litre",
    ("l",): "litre", ("ml",): "millilitre", ("gallons",): "gallon", ("gallon",): "gallon",
    ("barrels",): "barrel", ("barrel",): "barrel", ("pints",): "pint", ("pint",): "pint",
    ("quarts",): "quart", ("quart",): "quart", ("cc",): "cubic centimetre",
    # speed, frequency, energy, data
    ("mph",): "mile per hour", ("m.p.h.",): "mile per hour", ("m.p.h",): "mile per hour",
    ("miles", "per", "hour"): "mile per hour", ("miles", "an", "hour"): "mile per hour",
    ("km", "/", "h"): "kilometre per hour", ("km/h",): "kilometre per hour",
    ("kph",): "kilometre per hour", ("kmh",): "kilometre per hour",
    ("kilometres", "per", "hour"): "kilometre per hour",
    ("kilometers", "per", "hour"): "kilometre per hour",
    ("metres", "per", "second"): "metre per second",
    ("meters", "per", "second"): "metre per second",
    ("m", "/", "s"): "metre per second", ("knots",): "knot", ("kt",): "knot",
    ("mpg",): "mile per gallon", ("rpm",): "revolutions per minute",
    ("hz",): "hertz", ("khz",): "kilohertz", ("mhz",): "megahertz", ("ghz",): "gigahertz",
    ("w",): "watt", ("watts",): "watt", ("kw",): "kilowatt", ("kilowatts",): "kilowatt",
    ("mw",): "megawatt", ("megawatts",): "megawatt", ("gw",): "gigawatt",
    ("gigawatts",): "gigawatt", ("kwh",): "kilowatt hour", ("mwh",): "megawatt hour",
    ("gwh",): "gigawatt hour", ("twh",): "terawatt hour", ("v",): "volt", ("volts",): "volt",
    ("hp",): "horsepower", ("horsepower",): "horsepower", ("bhp",): "brake horsepower",
    ("pound", "-", "feet"): "pound-foot", ("lb", "-", "ft"): "pound-foot",
    ("calories",): "calorie", ("kcal",): "kilocalorie",
    ("gb",): "gigabyte", ("mb",): "megabyte", ("tb",): "terabyte", ("kb",): "kilobyte",
    ("mbps",): "megabit per second", ("gbps",): "gigabit per second",
    ("decibels",): "decibel", ("db",): "decibel", ("ppm",): "part per million",
    ("parts", "per", "million"): "part per million", ("ppb",): "parts-per-billion",
    ("parts", "per", "billion"): "parts-per-billion", ("gpa",): "gigapascal",
    ("gigapascals",): "gigapascal", ("mpa",): "megapascal", ("ksi",): "kilopound per square inch",
    ("psi",): "pound per square inch",
    # temperature and angle
    ("degrees", "fahrenheit"): "fahrenheit", ("degrees", "celsius"): "celsius",
    ("degrees", "centigrade"): "celsius", ("°f",): "fahrenheit", ("°c",): "celsius",
    ("degf",): "fahrenheit", ("degc",): "celsius", ("fahrenheit",): "fahrenheit",
    ("celsius",): "celsius", ("f",): "fahrenheit", ("c",): "celsius",
    ("degrees",): "degree", ("degree",): "degree", ("°",): "degree", ("deg",): "degree",
    ("deg", "c"): "celsius", ("deg", "f"): "fahrenheit", ("sq",): "square metre",
    # durations (an age is "year of age", decided in quantities.py)
    ("years",): "year", ("year",): "year", ("yrs",): "year", ("months",): "month",
    ("month",): "month", ("weeks",): "week", ("week",): "week", ("days",): "day",
    ("day",): "day", ("hours",): "hour", ("hour",): "hour", ("hrs",): "hour",
    ("minutes",): "minute", ("minute",): "minute", ("mins",): "minute",
    ("seconds",): "second", ("second",): "second", ("secs",): "second",
    ("decades",): "decade", ("decade",): "decade", ("centuries",): "century",
    ("times",): "count",
}  # fmt: skip

# Second halves of rates: "$21.25 per square foot", "800,000 barrels a day".
RATE_UNITS: dict[tuple[str, ...], str] = {
    ("day",): "day", ("week",): "week", ("month",): "month", ("year",): "year",
    ("hour",): "hour", ("minute",): "minute", ("second",): "second",
    ("annum",): "year", ("share",): "share", ("barrel",): "barrel",
    ("gallon",): "gallon", ("litre",): "litre", ("liter",): "litre",
    ("square", "foot"): "square foot", ("square", "metre"): "square metre",
    ("kilogram",): "kilogram", ("kg",): "kilogram", ("tonne",): "metric ton",
    ("person",): "person", ("head",): "head", ("night",): "night",
}  # fmt: skip
