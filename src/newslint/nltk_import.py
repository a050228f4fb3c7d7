"""Import the few nltk modules newslint uses without running nltk's package `__init__`.

`import nltk` imports most of nltk (corpora readers, parsers, translation metrics): about
0.4 s, a third of newslint's start-up, for a pre-commit hook that checks one story.
newslint needs Punkt (`nltk.tokenize.punkt`, which itself needs only
`nltk.probability` and `nltk.tokenize.api`) and the Porter stemmer (`nltk.stem.porter`),
and textstat merely runs `import nltk` to reach its downloader, which newslint never lets
it call (`newslint.syllables`).

While `bare_nltk()` is active, `nltk`, `nltk.tokenize` and `nltk.stem` are bare package objects with
the real `__path__`, so their submodules import normally but the packages' `__init__`
files do not run. On exit the bare packages are removed from `sys.modules` again, so
a program that imports nltk afterwards gets the real, complete package (which reuses
the submodules already loaded). If nltk is already imported, nothing is done.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
import types
from collections.abc import Iterator
from pathlib import Path

_BARE = ("nltk", "nltk.tokenize", "nltk.stem")


@contextlib.contextmanager
def bare_nltk() -> Iterator[None]:
    if "nltk" in sys.modules:
        yield
        return
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        yield  # not installed: the import inside will fail with the usual message
        return
    root = Path(next(iter(spec.submodule_search_locations)))
    installed = []
    for name in _BARE:
        package = types.ModuleType(name)
        package.__path__ = [str(root.joinpath(*name.split(".")[1:]))]
        package.__spec__ = importlib.util.spec_from_loader(name, loader=None, is_package=True)
        sys.modules[name] = package
        installed.append(package)
    try:
        yield
    finally:
        for name, package in zip(_BARE, installed):
            if sys.modules.get(name) is package:
                del sys.modules[name]
