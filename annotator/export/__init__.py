"""Labeled data out: the project's own JSONL and the formats of Prodigy, doccano, Label Studio
and CoNLL, written from the rows ``store.exports.rows()`` streams.

``writer.export_file`` / ``writer.export_split`` are the entry points; ``own`` builds the own
format's records (also read back by ``annotator.labels_import``) and ``external`` the others.
This package imports nothing heavy, so the store can use its record type.
"""
