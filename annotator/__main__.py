"""`python -m annotator` runs the same CLI as the `annotator` script."""

from annotator.cli import cli

if __name__ == "__main__":
    cli()
