"""Command line for careerdata: list the datasets, print one table, or show sources.

    python -m careerdata                  # list datasets with their titles
    python -m careerdata salary_bands     # print a table
    python -m careerdata salary_bands --describe
    python -m careerdata --sources [NAME] # all sources, or those a dataset cites
    python -m careerdata --plan python=4 linear-algebra=2 --hours-per-week 6
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

import careerdata
from careerdata._package import resource


def _parse_ratings(pairs: list[str]) -> dict[str, float]:
    ratings: dict[str, float] = {}
    for pair in pairs:
        skill, sep, value = pair.partition("=")
        if not sep:
            raise ValueError(f"Rating {pair!r} is not of the form SKILL=NUMBER, e.g. python=4.")
        try:
            ratings[skill] = float(value)
        except ValueError:
            raise ValueError(f"Rating {pair!r}: {value!r} is not a number from 0 to 5.") from None
    return ratings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m careerdata", description="The AI engineer course's career data.")
    parser.add_argument("dataset", nargs="?", help="a dataset name (see the list printed without arguments)")
    parser.add_argument("--describe", action="store_true", help="describe the dataset instead of printing it")
    parser.add_argument("--sources", action="store_true", help="print sources (of the dataset, if one is named)")
    parser.add_argument("--plan", nargs="*", metavar="SKILL=RATING", help="print a learning plan from self-ratings 0-5")
    parser.add_argument("--hours-per-week", type=float, default=6.0, help="study hours per week for --plan")
    args = parser.parse_args(argv)
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_colwidth", 60):
        try:
            if args.plan is not None:
                print(careerdata.plan(_parse_ratings(args.plan), args.hours_per_week).to_string(index=False))
            elif args.sources:
                print(careerdata.sources(args.dataset).to_string(index=False))
            elif args.dataset is None:
                for name in [*careerdata.list_datasets(), "gpu_h100_measurements"]:
                    print(f"{name:24} {resource(name).get('title', '')}")
            elif args.describe or resource(args.dataset).get("format") != "csv":
                print(careerdata.describe(args.dataset))
            else:
                print(careerdata.load(args.dataset).to_string(index=False))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
