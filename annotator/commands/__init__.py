"""The CLI commands, one module per area; each lists its commands in ``COMMANDS``.

``annotator.cli`` builds the click group and adds every module's ``COMMANDS`` to it. The
modules here import their shared options and helpers from ``options`` and never import
``annotator.cli``.
"""
