"""Benchmark harness for forter-orders (issue 7). Not part of the installed package.

Run it through ``scripts/bench`` (``scripts/bench --help``).
"""
