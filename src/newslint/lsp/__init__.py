"""`newslint lsp`: findings under the words as the reporter types, in any editor that speaks
the Language Server Protocol (issue 21).

An extra (`python -m pip install ".[lsp]"` from a checkout): only `newslint lsp` imports pygls and lsprotocol,
so `newslint check` starts as fast without them. The modules, by job:

- `positions`: character offsets ↔ LSP line/character positions (UTF-16 by default);
- `documents`: the open documents' text, edited as the client reports changes;
- `checking`: one document's findings, with its config found as `check` finds it;
- `diagnostics`, `actions`, `hover`, `stats`: what the editor is sent;
- `server`: the pygls server that ties them together, debounced per document.
"""
