"""The `newslint` console script, before anything else is imported.

Importing the command line (typer, click) takes a good share of a short run, and a
Ctrl-C or SIGTERM in that time gave a traceback, or killed newslint without its one
line (issue 20). So the signals are handled first: until a command starts, when there
is nothing yet to clean up, a signal ends the run at once with 130 or 143 and one line;
the command then handles them its own way (`newslint.interrupts.handled`).
"""

from __future__ import annotations

from newslint import interrupts


def main() -> None:
    interrupts.exit_at_once()
    from newslint.cli import main as run

    run()
