"""The data files of careerdata (CSV tables, datapackage.json, measurements), read with importlib.resources.

A package of its own so that setuptools ships it as package data without warning; it holds no code.
"""
