"""Bundled data: the GB/T 2260 region table."""
