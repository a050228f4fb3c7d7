#!/bin/sh
# Take docs/editors/neovim.png: Neovim, with the set-up docs/editors.md gives for it, showing
# newslint's diagnostics in a story and the hover over one finding.
#
#   sh docs/editors/neovim-screenshot.sh
#
# Needs nvim and tmux on PATH (Debian: apt-get install neovim tmux), newslint installed with
# its lsp extra in the Python that `newslint` runs, and Pillow for ansi_to_png.py.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'tmux kill-session -t newslint-shot 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/init.lua" <<'LUA'
vim.opt.termguicolors = false
local newslint
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "text", "markdown", "html" },
  callback = function(args)
    newslint = newslint or vim.lsp.start_client({ name = "newslint", cmd = { "newslint", "lsp" } })
    vim.lsp.buf_attach_client(args.buf, newslint)
    vim.keymap.set("n", "K", vim.lsp.buf.hover, { buffer = args.buf })
  end,
})
LUA
cat > "$work/story.md" <<'STORY'
# Council delays the budget vote

The council said on Tuesday it would delay the the vote on the budget until March.

Critics slammed the plan, which the city says will cost millions, and
sources said the mayor would cut services.

"We may have to revisit the the numbers," the mayor said.
STORY

cd "$work"
tmux new-session -d -s newslint-shot -x 124 -y 30 "nvim -u init.lua story.md"
# Wait for the diagnostics: their virtual text starts with the severity's marker.
tries=0
until tmux capture-pane -t newslint-shot -p | grep -q "doubled word"; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "no diagnostics after 30 s" >&2; exit 1; }
  sleep 0.5
done
# Hover over "slammed" (line 5): K shows the rule's docs in a floating window.
tmux send-keys -t newslint-shot "5G" "0" "8l" "K"
sleep 2
tmux capture-pane -t newslint-shot -e -p > "$work/capture.ansi"
python3 "$here/ansi_to_png.py" "$work/capture.ansi" "$here/neovim.png"
echo "wrote $here/neovim.png"
