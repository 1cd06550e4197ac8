"""What the menus and keys do, one module per area; ``gui/actions.py`` wires each action to one
of these functions, which take the main window (and the action's argument).

- ``annotate``: moving between sentences and articles, labels, spans, Enter, undo;
- ``display``: view toggles, language, annotator, help;
- ``projects``: the File menu and the background jobs it starts;
- ``review_learning``: review mode, the agreement dashboard, retraining and the learning curve.

The rules they apply are in the core (``annotator.edits``, ``annotator.workbench``,
``annotator.learn.active``, ``annotator.review.dashboard``); these functions only wire them to
widgets. Their strings are translated in the ``MainWindow`` context, where they were written.
"""
