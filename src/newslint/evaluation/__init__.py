"""Accuracy evaluation of newslint's detectors on public, human-labelled data.

`python -m newslint.evaluation` runs every dataset adapter found under the data folder
(default `../shared/eval`) and prints a plain-text report; `--write-docs` also writes
docs/accuracy.md. The data itself is never part of this repository.

One module per dataset: `conll` (hedge cues), `reuters` (finding rate on wire copy),
`polnear` (attribution), `basil` and `babe` (loaded language), `articles` (gold-annotated
stories written for the project: hedges, sources, unsourced claims, traps). Each exposes
`evaluate(data_dir, runner, *, limit, jobs, seed) -> DatasetReport`.
"""

from __future__ import annotations

from newslint.evaluation import articles, babe, basil, conll, polnear, reuters

ADAPTERS = {module.KEY: module for module in (conll, reuters, polnear, basil, babe, articles)}

__all__ = ["ADAPTERS"]
