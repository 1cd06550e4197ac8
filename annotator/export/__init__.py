"""Labeled data out: the project's own JSONL and the formats of Prodigy, doccano, Label Studio
and CoNLL, written from the rows ``store.exports.rows()`` streams.

``writer.export_file`` / ``writer.export_split`` are the entry points; ``own`` writes and reads
the own format (read back by ``annotator.labels_import``, ``evaluate --predictions``) and
``external`` writes the others. The row type, ``records.ExportRow``, belongs to the core, so the
store does not import this package.
"""
