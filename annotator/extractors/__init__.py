"""Extractors: programs that suggest statistics, anecdotes and slogans for sentences.

``base`` defines what an extractor is (name, version, labels, ``extract``) and what it returns;
``registry`` finds the built-ins and the plug-ins of other packages (entry-point group
``annotator.extractors``) and learned models (``learned:NAME``). The built-ins are pure
functions of their input, with their patterns documented beside them.
"""
