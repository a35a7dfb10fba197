"""The ``quotegraph`` command line, a thin adapter over the engine, the store and the web app:
``main`` (extract, demo, train; :mod:`.commands`), ``eval`` and the accuracy gate
(:mod:`.eval`, :mod:`.gate`), the store's commands (:mod:`.store`), ``serve``
(:mod:`.web`), and the messages they share (:mod:`.output`)."""

from .commands import main

__all__ = ["main"]
