"""newslint imports the nltk modules it needs without nltk's package __init__, and
leaves nltk whole for anyone who imports it afterwards."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import newslint
assert newslint.lint_text("The deal may close. Talks continued.", profile="all"), "no findings"
from newslint.readability import score
score("The council met on Monday. It voted.")  # textstat, which imports nltk
assert "nltk" not in sys.modules, "nltk's package was left half-imported"
assert "nltk.tokenize.punkt" in sys.modules and "nltk.stem.porter" in sys.modules
import nltk
assert hasattr(nltk, "word_tokenize") and hasattr(nltk, "data"), "nltk is not the real package"
print("ok")
"""


def test_nltk_is_whole_after_newslint_used_its_parts():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


def test_nothing_is_done_when_nltk_is_already_imported():
    script = "import nltk, newslint\nassert newslint.lint_text('It may rain.')\nimport sys\nassert sys.modules['nltk'] is nltk\nprint('ok')"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


DEFERRED_SCRIPT = """
import pathlib, shutil, sys, tempfile
import newslint
assert newslint.lint_text("The deal may close. Talks continued.", profile="all"), "no findings"
# Splitting sentences never needed nltk's file guards, nor the network modules they import.
for name in ("nltk.pathsec", "nltk.picklesec", "http.client", "ssl", "xml.sax.saxutils"):
    assert name not in sys.modules, name + " was imported"
# But Punkt still writes its parameters through the real guards and encoder.
from nltk.tokenize.punkt import PunktParameters, save_punkt_params
params = PunktParameters()
params.abbrev_types = {"gov", "sen"}
saved = save_punkt_params(params)  # a private staging folder, as nltk's guard allows
try:
    written = (pathlib.Path(saved) / "abbrev_types.txt").read_text(encoding="utf-8")
    assert set(written.split()) == {"gov", "sen"}, written
finally:
    shutil.rmtree(saved, ignore_errors=True)
# And the guard is nltk's own: a folder it does not allow is refused.
try:
    save_punkt_params(params, tempfile.mkdtemp())
except PermissionError:
    pass
else:
    raise AssertionError("nltk's path guard did not run")
assert type(sys.modules["nltk.pathsec"]).__name__ == "module", "the stand-in was left in place"
print("ok")
"""


def test_punkt_is_imported_without_its_file_guards_which_still_work_when_called():
    run = subprocess.run([sys.executable, "-c", DEFERRED_SCRIPT], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
