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
