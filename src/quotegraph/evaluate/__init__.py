"""Evaluation of quotegraph against annotated corpora."""
