"""The version of the package (one place, read by the package and by the index files it writes)."""

__version__ = "0.1.0"
