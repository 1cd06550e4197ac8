"""CLI commands beyond the basics, one module per area; each adds its commands to ``cli``.

A module here does ``from annotator.cli import cli`` and decorates its commands with
``@cli.command(...)``; ``annotator.cli`` imports every module listed in ``MODULES`` at the end.
"""

MODULES = ("export", "agreement", "extract", "learn")
