"""Vale styles run by newslint (issue 23).

Vale (vale.sh) is the prose linter most writing teams already use; its YAML styles are
the de facto standard for prose rules. This package reads a `.vale.ini` and the styles it
names, and runs their rules on newslint's own parse of Markdown, HTML and plain text, so
that a desk keeps the Vale rules it has.

The Vale checks live here rather than as newslint rule kinds: Vale's semantics (its
regular-expression templates, per-block scopes, `%s` messages, alert levels and
vocabularies) are Vale's, and bending newslint's kinds to reproduce them byte for byte
would change rules the desk already relies on. The package is imported only when a Vale
configuration is in play (where no newslint config is found, `ini` alone is, to look
for a `.vale.ini`), so `newslint check` on a story pays next to nothing for it.

- `ini`: `.vale.ini` reading and discovery.
- `styles`: a style folder's YAML rules, turned into `ValeRule`s (unsupported types and
  fields reported, never guessed).
- `checks`: Vale's check types on a block of text.
- `summary`: the text counts of Vale's summary, for `metric` rules.
- `spelling`: the `spelling` type on Hunspell dictionaries (spylls, an optional extra).
- `blocks`: Vale's scopes mapped onto newslint's parse.
- `run`: lint files as Vale would, alerts placed where Vale places them; `vale-line` output.
- `newsroom`: Vale styles inside a newslint run, beside its packs or alone.
- `suite`: Vale's own scenarios run against this package (`python -m newslint.vale.suite`).
"""
