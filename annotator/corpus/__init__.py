"""Reading article files (txt, html, jsonl) and importing them into a project."""
