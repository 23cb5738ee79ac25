"""Returns pandas' nullable Int64 with <NA> instead of float64 with nan."""
import pandas as pd


def band_width(bands):
    width = (bands["salary_high_usd"] - bands["salary_low_usd"]).where(~bands["open_upper"])
    width.index = pd.Index(bands["level"].astype(str), name="level")
    return width


def widest_closed_band(bands):
    return str(band_width(bands).idxmax())
