"""``python -m quotegraph``: the same command line as the ``quotegraph`` console script."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="quotegraph")
