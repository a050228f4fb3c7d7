"""Where Vale's config is: the `.vale.ini` a run in a folder uses, found as Vale finds it.

Outside the `newslint.vale` package on purpose: every `check` looks for a `.vale.ini`
where no newslint config is (issue 23), and a run that finds none should import no Vale
code (`tests/cli/test_parallel.py`).
"""

from __future__ import annotations

import os

# Vale looks for these names, in this order, in the folder and its parents.
CONFIG_NAMES = (".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale")


def find_config(start: str) -> str | None:
    """The config Vale would use for a run started in `start`: the nearest of
    `CONFIG_NAMES` in the folder or its parents (Vale's `--no-global` search)."""
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
