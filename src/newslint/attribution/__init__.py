"""Attributed speech: does a sentence report what a source said, and who is the source?

Rules use this to tell the reporter's voice from a source's: "The plan may fail, Smith
said" carries Smith's hedge, not the reporter's. Recognised forms:

* subject + reporting verb: "Smith said", "the ministry said in a statement",
  "officials told reporters", "she wrote", "Tom Hardy, who voted against it, said",
  "Sen. Dan Evans (R-Wash.) said";
* inverted: "..., said Smith", "..., said the minister", "Said Comey, ...";
* trailing: "..., the plan's backers said." (any noun will do there);
* "according to X", unless X is a plan or a rule ("according to plan");
* passive hearsay: "it is believed", "is said to", "it has been suggested", "reportedly",
  "was accused of" (always vague);
* a bare "said", "says", "say" or "told" whose subject is out of reach ("An official
  welcomed the plan and said ..."), or a headline's "Says" ("Trump Says He Will Win");
* a speaker's stance or verdict: "the governor criticized the plan", "the union opposes
  the deal", "the mayor called on residents to", "a spokesman declined to comment" (not
  a mind the reporter reads: "Lee wants to cut taxes" needs a source of its own);
* figures that speak for whoever gathered them: "polls show", "the survey found";
* headlines: title-case verbs ("Governor Slams Lawmakers") and a source before a colon
  ("Ortiz: The recount may change the result").

The package is split by job: `lexicon` reads the cue words from
`newslint/lexicon/attribution.yaml`, `sources` reads the phrase that names a speaker and
tells a vague one, `finders` holds the finders that put them together. A desk's config
may add words to the lexicon (`attribution: {extend: cues.yaml}`, issue 19): `cues_for`
gives the finders of such a lexicon, `find_attribution` and the rest are the shipped ones.
"""

from __future__ import annotations

import importlib
from typing import Any

# The rule kinds first: `newslint.checks.base` reads `sources`, which reads
# `newslint.checks.prefilter`; imported in this order, each finds the other complete.
from newslint.checks import prefilter  # noqa: F401

# Read from their modules when first asked for: a run that only builds rules (a config's
# cue lexicon, a check answered from the cache) never compiles the finders' expressions.
_EXPORTED_FROM = {
    "Cues": "finders",
    "cues_for": "finders",
    "find_attribution": "finders",
    "find_hearsay": "finders",
    "may_attribute_inside": "finders",
    "VAGUE_SOURCE_WORDS": "sources",
    "is_vague_source": "sources",
}

__all__ = sorted(_EXPORTED_FROM)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTED_FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTED_FROM[name]}"), name)
