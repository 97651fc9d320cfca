"""claimgraph: an evidence-backed graph of attributed claims about armed groups, built from news reports.

It reports what sources *say*; it never turns an allegation into a fact.
"""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "claimgraph-extract/0.44"
