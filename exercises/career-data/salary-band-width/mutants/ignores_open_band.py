"""Treats the open band's last quoted figure as a ceiling."""
import pandas as pd


def band_width(bands):
    width = (bands["salary_high_usd"] - bands["salary_low_usd"]).astype(float)
    width.index = pd.Index(bands["level"].astype(str), name="level")
    return width


def widest_closed_band(bands):
    return str(band_width(bands).idxmax())
