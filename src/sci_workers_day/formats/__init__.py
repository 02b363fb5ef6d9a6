"""File formats: each module reads (and writes) one format and says which suffixes it takes."""
