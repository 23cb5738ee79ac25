"""Hidden checks for career-data.salary-band-width (instructors only; never shipped to students)."""

import math

import pandas as pd

from coursegrader.helpers import expect_series, expect_str


def check_another_table(band_width, widest_closed_band):
    """Works on a different table with two open bands and a different widest band."""
    levels = ["intern", "junior", "staff", "principal"]
    bands = pd.DataFrame({
        "level": pd.Categorical(levels, categories=levels, ordered=True),
        "title": [f"{level.title()} engineer" for level in levels],
        "experience_min_years": pd.array([0, 1, 6, 10], dtype="Int64"),
        "experience_max_years": pd.array([1, 3, pd.NA, pd.NA], dtype="Int64"),
        "salary_low_usd": pd.array([30000, 50000, 250000, 300000], dtype="Int64"),
        "salary_high_usd": pd.array([50000, 95000, 400000, 320000], dtype="Int64"),
        "open_upper": pd.array([False, False, True, True], dtype="boolean"),
        "source_id": pd.array(["made-up"] * 4, dtype="string"),
    })
    expect_series(band_width(bands.copy()), {"intern": 20000.0, "junior": 45000.0, "staff": math.nan,
                                             "principal": math.nan}, what="band_width on another table")
    expect_str(widest_closed_band(bands.copy()), "junior", what="widest_closed_band on another table")
