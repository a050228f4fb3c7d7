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

Punkt also imports nltk's guards for reading and writing files (`nltk.pathsec`, which
brings in `http.client`, `ssl`, `email`, `socket` and `urllib`; `nltk.picklesec`;
`nltk.termsec`; `nltk.tabdata`) and helpers that pull in `xml.etree` and `xml.sax`
(`nltk.internals`, `nltk.tokenize.util`): about 20 ms of every start, a tenth of
checking one story, for code that runs only when Punkt loads or saves trained
parameters, which newslint never does (`newslint.nlp` builds them in memory), or in
methods newslint does not call. While `bare_nltk()` is active those
modules are deferred stand-ins: each name taken from one is a function that imports
the real module at its first call and calls the real thing, so Punkt behaves as
before if anyone does use it with files. Like the bare packages, the stand-ins leave
`sys.modules` on exit.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_BARE = ("nltk", "nltk.tokenize", "nltk.stem")
# Imported by Punkt (and the modules it imports) at the top, called only to read and
# write files, print training traces, compare frequency tables of mixed types or escape
# XML: never while splitting sentences.
_DEFERRED = (
    "nltk.pathsec",
    "nltk.picklesec",
    "nltk.termsec",
    "nltk.tabdata",
    "nltk.internals",
    "nltk.tokenize.util",
)


class _Deferred(types.ModuleType):
    """Stands in for an nltk module while Punkt is imported: a name taken from it calls
    the real module's, importing it at that first call."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        module_name = self.__name__

        def deferred(*args: Any, **kwargs: Any) -> Any:
            return getattr(_real_module(module_name), name)(*args, **kwargs)

        deferred.__name__ = deferred.__qualname__ = name
        return deferred


def _real_module(name: str) -> types.ModuleType:
    """The real module `name`, imported now (in place of its stand-in, if a call came while
    `bare_nltk()` is still active)."""
    if isinstance(sys.modules.get(name), _Deferred):
        del sys.modules[name]
    return importlib.import_module(name)


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
    installed: dict[str, types.ModuleType] = {}
    for name in _BARE:
        package = types.ModuleType(name)
        package.__path__ = [str(root.joinpath(*name.split(".")[1:]))]
        package.__spec__ = importlib.util.spec_from_loader(name, loader=None, is_package=True)
        installed[name] = package
    for name in _DEFERRED:
        if name not in sys.modules:
            installed[name] = _Deferred(name)
    sys.modules.update(installed)
    try:
        yield
    finally:
        for name, module in installed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
