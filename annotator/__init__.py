"""annotator: a desktop workbench for annotating statistics, anecdotes and slogans in Chinese news."""

__version__ = "0.1.0"
