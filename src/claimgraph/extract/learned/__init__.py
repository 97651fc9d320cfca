"""Learned parts of the extractor, each trained on a benchmark's tuning half only (see train.py)."""
