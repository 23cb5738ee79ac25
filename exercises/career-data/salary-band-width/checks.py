"""Public checks for career-data.salary-band-width (students see these)."""

import math

import careerdata
from coursegrader.helpers import expect_series, expect_str


def check_widths_on_course_data(band_width):
    """On careerdata's table the widths match high - low for closed bands, and the open band is nan."""
    bands = careerdata.load_salary_bands()
    expected = {}
    for row in bands.itertuples():
        width = math.nan if row.open_upper else float(row.salary_high_usd - row.salary_low_usd)
        expected[str(row.level)] = width
    expect_series(band_width(bands.copy()), expected, what="band_width(bands)",
                  hint="Open bands (open_upper is True) have no stated top: their width is nan.")


def check_widest_closed_band(widest_closed_band):
    """On careerdata's table the widest closed band is the closed one with the largest high - low."""
    bands = careerdata.load_salary_bands()
    closed = bands[~bands["open_upper"].astype(bool)]
    widths = (closed["salary_high_usd"] - closed["salary_low_usd"]).astype(float).to_numpy()
    expected = str(closed["level"].iloc[int(widths.argmax())])
    expect_str(widest_closed_band(bands.copy()), expected, what="widest_closed_band(bands)",
               hint="Skip the open bands: their width is unknown.")
