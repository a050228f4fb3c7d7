"""Vale's own test suite run against newslint (issue 23).

Reads the Cucumber scenarios of Vale's `testdata/features/*.feature` (a copy lives in
`../shared/vale/testdata`; nothing of it is copied into the project), turns each step
into the equivalent `newslint check --format vale-line ...` command, and compares the
output with Vale's expected lines exactly.

    python -m newslint.vale.suite [--data DIR] [--write-docs docs/vale.md]

A scenario is *out of reach* when its fixtures are in a format newslint does not read
(reStructuredText, AsciiDoc, source code, ...) or its step needs a Vale feature outside
this work (`vale fix`, filters, templates, packages): it is listed, with the reason,
and not counted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

FEATURES = ("checks", "styles", "patterns", "scopes", "lint", "config")
READABLE = (".md", ".mdx", ".markdown", ".html", ".htm", ".txt")
DEFAULT_DATA = os.path.join("..", "shared", "vale", "testdata")

# `When` steps: pattern -> (folder to cd into, relative to the scenario's work folder;
# the arguments, from the step's groups). Vale's `--config` is newslint's `--vale-config`.
STEPS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r'I test "(.*)"$'), "../../fixtures/{0}", "."),
    (re.compile(r'I test patterns for "(.*)"$'), "../../fixtures/patterns", "{0}"),
    (re.compile(r'I test scope "(.*)"$'), "../../fixtures/scopes/{0}", "."),
    (re.compile(r'I apply style "(.*)"$'), "../../fixtures/styles/{0}", "."),
    (re.compile(r'I use Vocab "(.*)"$'), "../../fixtures/vocab/{0}", "."),
    (re.compile(r'I run vale "(.*)"$'), "", "{0}"),
    (re.compile(r'I assign minAlertLevel "([^\s]+)" "([^\s]+)"$'), "", "--minAlertLevel={0} {1}"),
    (re.compile(r'I lint "(.*)"$'), "../../fixtures/formats", "{0}"),
    (re.compile(r'I lint simple "(.*)"$'), "../../fixtures/formats", "--ignore-syntax {0}"),
    (re.compile(r'I lint path "(.*)"$'), "../../fixtures/formats/{0}", "."),
    (re.compile(r"I lint path with exclusions$"), "../../fixtures/folders", "."),
    (re.compile(r'I lint file "([^\s]+)" as "([^\s]+)"$'), "../../fixtures/formats", "--ext={1} {0}"),
    (re.compile(r'I lint with config "(.*)"$'), "../../fixtures/formats", "--vale-config={0} test.md"),
    (re.compile(r'I test glob "(.*)"$'), "../../fixtures/formats", "--glob={0} ."),
    (re.compile(r'I test dir glob "(.*)"$'), "../../fixtures/glob", "--glob={0} ."),
]


@dataclass
class Scenario:
    feature: str
    name: str
    files: dict[str, str] = field(default_factory=dict)
    step: str = ""
    expected: list[str] = field(default_factory=list)
    exactly: bool = True
    absent: list[str] = field(default_factory=list)  # "the output should not contain"
    status: int | None = None


@dataclass
class Outcome:
    scenario: Scenario
    result: str  # pass, fail, out of reach
    reason: str = ""


def parse_feature(path: str) -> list[Scenario]:
    """The scenarios of one `.feature` file, the Background's files given to each."""
    feature = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle]
    background: dict[str, str] = {}
    scenarios: list[Scenario] = []
    current: Scenario | None = None
    pending: tuple[str, str] | None = None  # (what, file name) awaiting a doc string
    index = 0
    while index < len(lines):
        text = lines[index].strip()
        index += 1
        if not text or text.startswith("#"):
            continue
        if text == '"""':
            body, index = _doc_string(lines, index)
            if pending and pending[0] == "file":
                (current.files if current else background)[pending[1]] = body
            elif pending and current:
                current.expected = [line.strip() for line in body.splitlines() if line.strip()]
            pending = None
            continue
        keyword, _, rest = text.partition(" ")
        if text.startswith("Scenario:"):
            current = Scenario(feature, text.split(":", 1)[1].strip(), dict(background))
            scenarios.append(current)
        elif keyword in ("Given", "And", "When", "Then") and (named := re.match(r'a file named "(.*)" with:', rest)):
            pending = ("file", named.group(1))
        elif current and keyword in ("When", "And") and rest.startswith("I "):
            current.step = rest
        elif current and (absent := re.search(r'the output should not contain "(.*)"', rest)):
            current.absent.append(absent.group(1))
            current.exactly = False
        elif current and "the output should contain" in rest:
            current.exactly = "exactly" in rest
            pending = ("output", "")
        elif current and (status := re.search(r"exit status should be (\d+)", rest)):
            current.status = int(status.group(1))
    return scenarios


def _doc_string(lines: list[str], index: int) -> tuple[str, int]:
    body = []
    while index < len(lines) and lines[index].strip() != '"""':
        body.append(lines[index].strip())
        index += 1
    return "\n".join(body), index + 1


def command(scenario: Scenario) -> tuple[str, list[str]] | None:
    for pattern, folder, args in STEPS:
        found = pattern.search(scenario.step)
        if found:
            groups = found.groups()
            return folder.format(*groups), shlex.split(args.format(*groups))
    return None


def out_of_reach(scenario: Scenario, args: list[str] | None) -> str:
    if args is None:
        return f"step not run by newslint: {scenario.step or '(none)'}"
    if not scenario.exactly and any(re.match(r"E\d{3} ", line) for line in scenario.expected):
        return "expects Vale's own error text"
    ext = next((a.split("=", 1)[1] for a in args if a.startswith("--ext=")), "")
    for line in scenario.expected:
        path = line.split(":", 1)[0]
        if not path.endswith(READABLE) and not ext.endswith(READABLE):
            return f"fixture format newslint does not read ({os.path.splitext(path)[1] or path})"
    files = [a for a in args if not a.startswith("-") and a != "."]
    if files and not any(f.endswith(READABLE) for f in files) and not any(a.startswith("--ext") for a in args):
        return f"fixture format newslint does not read ({files[0]})"
    return ""


@contextlib.contextmanager
def _work_folder(data: str, scenario: Scenario) -> Iterator[str]:
    """Aruba's layout: the scenario runs in `tmp/aruba`, two levels under a folder that
    holds `styles` and `fixtures` (here: links to the shared copy, never copies)."""
    with tempfile.TemporaryDirectory(prefix="vale-suite-") as root:
        for name in ("styles", "fixtures"):
            os.symlink(os.path.abspath(os.path.join(data, name)), os.path.join(root, name))
        work = os.path.join(root, "tmp", "aruba")
        os.makedirs(work)
        for name, body in scenario.files.items():
            with open(os.path.join(work, name), "w", encoding="utf-8") as handle:
                handle.write(body + "\n")
        yield work


def run_scenario(data: str, scenario: Scenario) -> Outcome:
    found = command(scenario)
    reason = out_of_reach(scenario, found[1] if found else None)
    if reason or found is None:
        return Outcome(scenario, "out of reach", reason)
    folder, args = found
    from typer.testing import CliRunner

    from newslint.cli import app

    with _work_folder(data, scenario) as work:
        previous = os.getcwd()
        os.chdir(os.path.normpath(os.path.join(work, folder)))
        try:
            result = CliRunner().invoke(app, ["check", "--format", "vale-line", *args])
        finally:
            os.chdir(previous)
    if result.exception and not isinstance(result.exception, SystemExit):
        return Outcome(scenario, "fail", f"crash: {type(result.exception).__name__}: {result.exception}")
    got = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    reason = _difference(scenario, got)
    if not reason and scenario.status is not None and result.exit_code != scenario.status:
        reason = f"exit status {result.exit_code}, Vale {scenario.status}"
    if reason:
        reason = _cause(scenario, got, _notes(result)) + reason
    return Outcome(scenario, "fail" if reason else "pass", reason)


# Failures whose cause is known but not visible in the output (docs/vale.md, "Where
# newslint differs from Vale"): the reason is stated, the result is not changed.
KNOWN_CAUSES = {
    "Vale.Spelling": (
        "newslint's default dictionary (the SCOWL en_US spylls ships) is not Vale's en_US-web, "
        "which holds words it lacks"
    ),
}


def _notes(result: Any) -> list[str]:
    try:
        return [line for line in str(result.stderr).splitlines() if line.strip()]
    except ValueError:  # an older Click mixes standard error into the output
        return []


def _cause(scenario: Scenario, got: list[str], notes: list[str]) -> str:
    """Why the output differs, where the run can tell: a rule newslint skipped (its
    note), or a known difference."""
    wrong = [line for line in scenario.expected if line not in got] + [
        line for line in got if line not in scenario.expected
    ]
    checks = {line.split(":")[3] for line in wrong if line.count(":") >= 4}
    for check in sorted(checks):
        style, _, rule = check.partition(".")
        for note in notes:
            skipped = note.endswith("; rule skipped")
            if skipped and (note.startswith(f"{check}:") or f"/{style}/{rule}.yml:" in note):
                return note.rsplit("/", 1)[-1].removesuffix("; rule skipped") + ", so the rule is skipped. "
        if check in KNOWN_CAUSES:
            return KNOWN_CAUSES[check] + ". "
    return ""


def _difference(scenario: Scenario, got: list[str]) -> str:
    present = [text for text in scenario.absent if any(text in line for line in got)]
    if present:
        return f"output contains {present[0]!r}"
    if not scenario.exactly:
        text = "\n".join(got)
        missing = [line for line in scenario.expected if line not in text]
        return f"missing {missing[0]!r}" if missing else ""
    if got == scenario.expected:
        return ""
    missing = [line for line in scenario.expected if line not in got]
    extra = [line for line in got if line not in scenario.expected]
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing (first: {missing[0]!r})")
    if extra:
        parts.append(f"{len(extra)} extra (first: {extra[0]!r})")
    return "; ".join(parts) or "same lines, other order"


def run_suite(data: str, features: tuple[str, ...] = FEATURES) -> list[Outcome]:
    outcomes = []
    for feature in features:
        path = os.path.join(data, "features", f"{feature}.feature")
        for scenario in parse_feature(path):
            with contextlib.redirect_stderr(io.StringIO()):
                outcomes.append(run_scenario(data, scenario))
    return outcomes


def figures(outcomes: list[Outcome], feature: str | None = None) -> tuple[int, int, int]:
    """(passing, run, total) for one feature file or all."""
    chosen = [o for o in outcomes if feature is None or o.scenario.feature == feature]
    run = [o for o in chosen if o.result != "out of reach"]
    return sum(o.result == "pass" for o in run), len(run), len(chosen)


PACKAGES = ("proselint", "write-good", "Joblint", "Readability")

INTRO = """# Vale styles in newslint

<!-- Generated by `python -m newslint.vale.suite --write-docs docs/vale.md`; do not edit. -->

newslint runs Vale styles (issue 23): a desk keeps the Vale rules it has, and can add
news awareness on top. The code is `src/newslint/vale/`; it is imported only when a Vale
configuration is in play, so `newslint check` on a story does not pay for it.

## Switching over in two lines

    pip install newslint
    newslint check --format vale-line .        # was: vale --output=line .

`.vale.ini` is found as Vale finds it (`.vale.ini`, `_vale.ini`, `vale.ini`, `.vale`,
`_vale` in the folder or above) or named with `--vale-config FILE`; Vale's
`--minAlertLevel`, `--glob` and `--ext` are accepted under those names. With
`--format vale-line` the output is `path:line:column:Style.Rule:message`, sorted by
file, line and column as `vale --sort`, and the exit code is Vale's (1 with an
error-level alert, 2 for a bad config).

In newslint's own formats (text, JSON, SARIF, ...) the Vale styles run alone where no
newslint config is: a file whose folder (or one above) holds a newslint config is
checked by that config as before; one with none above it but a `.vale.ini` is checked
by the Vale styles only, failing on an error-level alert only, as Vale does.
`--vale-config FILE` does the same for every file (with `--config` it is a usage
error: name the styles in the newslint config's `vale:` instead). Vale rules keep
their ids (`write-good.Weasel`), so `--select` and `--ignore` take a rule or a whole
style (`--ignore write-good`), here and beside newslint's packs.

To run a Vale style *beside* newslint's own packs, with newslint's report formats, add to
the newslint config:

    vale:
      config: .vale.ini
      skip_quotes: true             # words inside a quotation are the source's
      skip_attributed: false        # "may fail, Smith said" is Smith's hedge (issue 12)
      styles: {write-good: {skip_attributed: true}}
      rules: {write-good.Weasel: {skip_quotes: false}}

(`vale: .vale.ini` alone runs the styles as they are.) News awareness is opt-in, per
style or rule, the rule's setting winning: Vale styles are written for documentation,
where a quotation is the writer's own text. Suggestions become `info` findings. The
Vale findings are settled as newslint's own are, in `check`, the language server and
`lint_text` alike: the config's `vocabulary` accepts their words, and a
`<!-- newslint-disable House.Very -->` comment switches a Vale rule (or, by its name, a
whole style) off.

## What runs

- Rule types: `existence`, `substitution`, `occurrence`, `repetition`, `consistency`,
  `conditional`, `capitalization` (`$title` AP or Chicago, `$sentence`, `$lower`,
  `$upper`, a pattern; `threshold`, `indicators`, `prefix`), with the fields Vale
  documents for them: `tokens`, `raw`, `append`, `swap`, `exceptions`, `ignorecase`,
  `nonword`, `vocab`, `capitalize`, `token`, `max`, `min`, `alpha`, `either`, `first`,
  `second`, `match`, `style`, and the common `message` (with `%s`), `level`, `scope`,
  `link`, `limit`, `action` (a `replace` action quotes its replacements as Vale does;
  newslint does not apply Vale actions), `description`.
- `metric`, on Vale's document counts: headings by level, `list`, `blockquote`, `pre`,
  and the text counts of Vale's summary (paragraphs, list items and block quotes):
  `words` (twine's word pattern), `sentences`, `characters`, `long_words`, `paragraphs`.
  The Readability package's LIX runs; its syllable formulas do not (below).
- `spelling` and the built-in `Vale.Spelling`, with the optional extra
  `pip install 'newslint[vale]'` (spylls, a pure-Python Hunspell, MPL 2.0): Vale's
  tokeniser and default filters, `filters`, `custom`, `ignore` word lists, `aff`/`dic`,
  `dictionaries` looked up in `dicpath` (default `<StylesPath>/config/dictionaries`),
  `append`, and the vocabularies' accepted words. Without the extra the rules are
  skipped with a note.
- Scopes on newslint's parse of Markdown, HTML and plain text: `text`, `paragraph`,
  `sentence`, `heading` and `heading.h1`-`h6`, `list`, `blockquote`, `table`,
  `table.cell`, `alt`, `summary`, `raw`, negations (`~heading`) and conjunctions
  (`~blockquote & ~heading`). A rule runs block by block, as Vale's do.
- `.vale.ini`: `StylesPath`, `MinAlertLevel`, `Vocab` (`accept.txt`, `reject.txt`; the
  built-in `Vale.Terms` and `Vale.Avoid`), `IgnoredScopes` (`code`, `tt`, `strong`, `b`,
  `em`, `i`, `link`), `IgnoredClasses` (HTML), `[formats]`, glob sections with `BasedOnStyles`,
  `TokenIgnores`, `BlockIgnores` and `Style.Rule = YES|NO|suggestion|warning|error`;
  the built-in `Vale.Repetition`.

## What does not, and says so

A rule newslint cannot run faithfully is skipped with one line naming its file and field
(standard error); a setting it does not know is named the same way. Not run:

- `sequence`: needs Vale's part-of-speech tagger. `script`: needs the Tengo engine.
- A `metric` formula on `syllables`, `complex_words` or `polysyllabic_words` (the
  Readability package's Flesch-Kincaid, Gunning Fog, SMOG and others): Vale counts
  syllables with twine's own counter, which is not reproduced, and a formula on other
  counts would give other numbers. The `readability` type likewise.
- Vale patterns Python's `re` does not read (`\\p{L}` classes, for one) skip the rule.
- Formats other than Markdown (and MDX read as Markdown), HTML and plain text.

Vale's defaults, from its source: a rule without `level` is a `warning`, and a
`.vale.ini` without `MinAlertLevel` shows warnings and errors, not suggestions
(`core.NewConfig` sets it to 1). An alert sits where Vale puts it: Vale searches the
matched text in its line (`initialPosition`), so a repeated match lands on the first
occurrence and the duplicate is dropped, and each alert hides its text's first
occurrence in the file from the rule's later alerts (`ChkToCtx`); a match holding text
the parse decoded (an HTML entity such as `&#160;`) is not in its line as written and
sits at column 1, Vale's `guessLocation` answer.

## Where newslint differs from Vale

- Swap keys are tried longest first; Go's map order is random, and Vale's suite expects
  the longer spelling to win ("MPL 2.0" over "MPL").
- Inline code is read as a run of `*` (Vale's placeholder, as its word pattern shows), so
  a heading's length counts it and no word rule matches inside it.
- `$sentence` passes a heading's leading ordinal ("1. An important heading"), as Vale's
  suite expects, and still fails "B. An unimportant heading".
- A bare URL in Markdown or HTML prose is not linted (Vale's suite never flags a word
  inside an autolink); in plain text it is, as in Vale.
- `--ignore-syntax` reads every file as plain text, as Vale's flag does.
- The default spelling dictionary is the SCOWL en_US that spylls ships, not Vale's
  embedded en_US-web (not available offline): a word one holds and the other lacks is
  judged differently ("backtick" is flagged here, not by Vale). A dictionary a rule
  names is read as Vale reads it, as UTF-8 whatever its `SET` line says.
- `metric` splits sentences at `.`, `?` or `!` before a word that does not open in lower
  case; Vale uses a trained Punkt model, which can split differently around
  abbreviations.
"""


SPEED = """## Speed

Issue 23's target: a Vale style runs at least as fast per word as newslint's own
lexicon rules. `bench/vale.py` measures it on the same stories (the first 1,000 Reuters
stories of `../shared/eval`, or `examples/` without them):

    python bench/vale.py --stories 1000 --repeat 3 --processes

The baseline is newslint's seven `lexicon` rules from text to findings, as
`newslint check --select <them>` runs them: the analysis they read (sentences,
quotations, attribution), then the rules. Against it, each Vale style from text to
alerts, its own parse included: proselint, write-good and Joblint, read from Vale's test
data, and `newslint-lexicon`, a style the script writes into a temporary folder from
the lexicon rules' word lists (an `existence` rule per list, `substitution` for terms
with a suggestion). CPU time of the median of 3 interleaved rounds, 141,564 words, on
2 cores shared with other work; the ratio is to the baseline of the same run. *Whole
runs* time `newslint check --no-cache -j 1` over the stories' folder (`--select` for
the baseline, `--vale-config` and `--format vale-line` for a style), start-up included.

| contender | µs a word | ratio | whole runs, ratio | before this work, ratio (main at a43d69b, another run) |
| --- | --- | --- | --- | --- |
| newslint lexicon rules (baseline) | 5.17 | 1.00 | 1.00 (30.0 µs a word) | 1.00 |
| newslint's rules alone, story analysed | 0.87 | 0.17 | - | 0.17 |
| `newslint-lexicon` (same word lists) | 1.98 | 0.38 | 0.35 | 1.76 |
| proselint | 3.55 | 0.69 | 0.59 | 3.86 |
| write-good | 3.86 | 0.75 | 0.75 | 2.94 |
| Joblint | 2.02 | 0.39 | 0.36 | 1.80 |

Every style meets the target. What the table does not hide: newslint's lexicon rules
alone, on a story already analysed, cost a sixth of the baseline; the same word lists
as a Vale style cost about twice that, since the style parses and cuts the text itself
(and, not news-aware by default, flags quotations and attributed sentences too: 365
alerts against 47 findings).

How (the alerts are the same as before, checked on the suite and on the stories):
Python's `re` tries every alternative of a word list `\\b(?:a|b|...)\\b` at every
character, where Vale's Go engine does not. So a file's text is read once for the
literals of each rule's tokens (`checks.FileText`), and a rule runs narrowed to the
tokens whose literals the file holds (`checks.Alternation`): a token that cannot match
anywhere in the file never wins the alternation, so the narrower pattern finds what the
whole one does. A rule none of whose tokens can match is not run; the document counts
are made only for a `metric` rule; sentences are cut in linear time (the pattern they
were cut with is quadratic in the distance to a "1.5" or "U.S."). `--profile NAME`
prints where one contender's time goes.
"""


def docs(outcomes: list[Outcome], packages: str = "") -> str:
    out = [
        INTRO,
        SPEED,
        "## Vale's test suite",
        "",
        "Vale's own scenarios (`../shared/vale/testdata/features`) run with",
        "`newslint check --format vale-line ARGS` in place of",
        "`vale --output=line --sort --normalize --relative --no-global ARGS`, output compared",
        "line for line (standard output only: newslint's notes on skipped rules go to standard",
        "error). *Out of reach* scenarios need a format newslint does not read or a Vale",
        "feature outside this work; they are not counted.",
        "",
        "| feature | passing | run | out of reach |",
        "| --- | --- | --- | --- |",
    ]
    features = sorted({o.scenario.feature for o in outcomes}, key=FEATURES.index)
    for feature in features:
        passing, run, total = figures(outcomes, feature)
        out.append(f"| {feature}.feature | {passing} | {run} | {total - run} |")
    passing, run, total = figures(outcomes)
    share = f"{100 * passing / run:.0f}%" if run else "-"
    out.append(f"| **all** | **{passing}** ({share}) | **{run}** | **{total - run}** |")
    for feature in features:
        out += ["", f"## {feature}.feature", "", "| scenario | result | reason |", "| --- | --- | --- |"]
        for outcome in outcomes:
            if outcome.scenario.feature == feature:
                reason = outcome.reason.replace("|", "\\|").replace("\n", " ")
                out.append(f"| {outcome.scenario.name} | {outcome.result} | {reason} |")
    if packages:
        out += ["", packages.rstrip("\n")]
    return "\n".join(out) + "\n"


def packages_table(data: str, files: list[str]) -> str:
    """The published packages of Vale's testdata run on newslint's own examples."""
    from newslint.vale.ini import Section, ValeConfig, glob_pattern
    from newslint.vale.run import ValeRun

    header = " | ".join(os.path.basename(f) for f in files)
    out = [
        "## Published Vale packages on newslint's examples",
        "",
        "Alerts per file at every level, suggestions included (skipped rules: those of a",
        "type newslint does not run).",
        "",
        f"| package | rules run | rules skipped | {header} |",
        "| --- | --- | --- |" + " --- |" * len(files),
    ]
    for name in PACKAGES:
        notes: list[str] = []
        config = ValeConfig(
            path=f"<{name}>", root=data, styles_path=os.path.join(data, "styles"), min_alert_level="suggestion"
        )
        config.sections.append(Section("*", glob_pattern("*"), styles=[name]))
        run = ValeRun(config, warn=notes.append)
        counts = []
        for file in files:
            with open(file, encoding="utf-8") as handle:
                source = handle.read()
            counts.append(str(len(run.lint(file, file, source, "text"))))
        out.append(f"| {name} | {len(run.style(name))} | {len(notes)} | {' | '.join(counts)} |")
    return "\n".join(out) + "\n"


def example_files(repo: str) -> list[str]:
    seed = os.path.join(repo, "tests", "fixtures", "articles", "valdoria-sarentia-cooperation.txt")
    examples = sorted(
        os.path.join(repo, "examples", name)
        for name in os.listdir(os.path.join(repo, "examples"))
        if name.endswith(".txt")
    )
    return [seed, *examples]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newslint.vale.suite", description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="Vale's testdata folder")
    parser.add_argument("--write-docs", metavar="FILE", help="write the scenario table to this Markdown file")
    options = parser.parse_args(argv)
    if not os.path.isdir(os.path.join(options.data, "features")):
        print(f"newslint: no Vale testdata at {options.data}", file=sys.stderr)
        return 2
    outcomes = run_suite(options.data)
    for outcome in outcomes:
        print(f"{outcome.scenario.feature}: {outcome.scenario.name}: {outcome.result} {outcome.reason}".rstrip())
    passing, run, total = figures(outcomes)
    print(f"{passing}/{run} run scenarios pass ({total - run} out of reach)")
    if options.write_docs:
        repo = os.path.dirname(os.path.dirname(os.path.abspath(options.write_docs)))
        table = packages_table(options.data, example_files(repo))
        with open(options.write_docs, "w", encoding="utf-8") as handle:
            handle.write(docs(outcomes, table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
