"""The browser UI and JSON API (``quotegraph serve``): a thin adapter over
:mod:`quotegraph.store` that imports no NLP code."""

from .app import create_app

__all__ = ["create_app"]
