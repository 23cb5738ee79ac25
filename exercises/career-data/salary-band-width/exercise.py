# %% [markdown]
# `careerdata.load_salary_bands()` gives one row per level with `salary_low_usd` and `salary_high_usd`. Read
# the `open_upper` column before you compute anything: the senior band is printed in the source as
# `$220,000 - $380,000+`, so the 380,000 figure is where the quoted range stops, not a ceiling. A width computed
# from it would look exact and mean nothing.
#
# Write two functions that take a table shaped like `load_salary_bands()`:
#
# 1. `band_width(bands)` returns a pandas Series of `float64`, indexed by `level` in the table's order,
#    holding `salary_high_usd - salary_low_usd` for each closed band and `nan` (missing) for each open band.
# 2. `widest_closed_band(bands)` returns the `level` (a `str`) of the widest closed band.
#
# Work from the columns, not from the numbers you see: the checks also use a table you have not seen.
# The salary columns are pandas' nullable `Int64`; `.astype(float)` turns their missing values into `nan`.

# %%
import careerdata

bands = careerdata.load_salary_bands()
bands[["level", "salary_low_usd", "salary_high_usd", "open_upper"]]

# %%
def band_width(bands):
    """Width (high - low) of each closed salary band in USD, nan for open bands, indexed by level."""
    ### BEGIN SOLUTION
    width = (bands["salary_high_usd"] - bands["salary_low_usd"]).astype(float)
    width = width.where(~bands["open_upper"].astype(bool))
    return width.set_axis(bands["level"].astype(str).tolist()).rename_axis("level")
    ### END SOLUTION


def widest_closed_band(bands):
    """The level of the widest closed band."""
    ### BEGIN SOLUTION
    return str(band_width(bands).idxmax())
    ### END SOLUTION


# %%
print(band_width(bands))
print("widest closed band:", widest_closed_band(bands))

# %% [markdown] tags=["solution"]
# The subtraction gives `Int64`; converting to `float` first makes the masked entries `nan` rather than
# `<NA>`. `where` keeps values where the condition holds and puts `nan` elsewhere, so open bands lose
# their made-up width; `set_axis` then labels each width with its level. `idxmax` skips `nan` by
# default, which is exactly "the widest *closed* band"; without the mask the senior band would win with
# a width that the source never states.
