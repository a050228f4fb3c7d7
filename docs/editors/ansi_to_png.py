#!/usr/bin/env python3
"""Render a terminal capture (`tmux capture-pane -e -p`) to a PNG, cell by cell.

    python ansi_to_png.py CAPTURE.ansi OUT.png

Needs Pillow and the DejaVu Sans Mono font (Debian: fonts-dejavu-core). Understands the
SGR escapes tmux writes: reset, bold, reverse, the 8/16 colours, 256 colours and 24-bit
colour, for foreground and background.
"""

from __future__ import annotations

import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 15
FOREGROUND, BACKGROUND = (220, 220, 220), (24, 26, 33)
BASIC = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]  # fmt: skip
_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _palette(index: int) -> tuple[int, int, int]:
    if index < 16:
        return BASIC[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[index // 36], steps[index // 6 % 6], steps[index % 6]
    grey = 8 + 10 * (index - 232)
    return grey, grey, grey


def _colour(codes: list[int], at: int) -> tuple[tuple[int, int, int], int]:
    """The colour an extended 38/48 sequence starting at `at` names, and where it ends."""
    if codes[at + 1] == 5:
        return _palette(codes[at + 2]), at + 3
    return (codes[at + 2], codes[at + 3], codes[at + 4]), at + 5


Cell = tuple[str, tuple[int, int, int], tuple[int, int, int], bool, bool]


def cells(line: str) -> list[Cell]:
    """Each character of a captured line: foreground, background, bold, underlined."""
    out: list[Cell] = []
    fg, bg, bold, reverse, underline = FOREGROUND, BACKGROUND, False, False, False
    position = 0
    for match in list(_SGR.finditer(line)) + [None]:
        end = match.start() if match else len(line)
        for char in line[position:end]:
            out.append((char, bg if reverse else fg, fg if reverse else bg, bold, underline))
        if match is None:
            break
        position = match.end()
        codes = [int(code) for code in match.group(1).split(";") if code] or [0]
        index = 0
        while index < len(codes):
            code = codes[index]
            index += 1
            if code == 0:
                fg, bg, bold, reverse, underline = FOREGROUND, BACKGROUND, False, False, False
            elif code == 1:
                bold = True
            elif code == 4:
                underline = True
            elif code == 24:
                underline = False
            elif code == 7:
                reverse = True
            elif code == 22:
                bold = False
            elif code == 27:
                reverse = False
            elif 30 <= code <= 37 or 90 <= code <= 97:
                fg = BASIC[code - 30 if code < 90 else code - 82]
            elif 40 <= code <= 47 or 100 <= code <= 107:
                bg = BASIC[code - 40 if code < 100 else code - 92]
            elif code == 39:
                fg = FOREGROUND
            elif code == 49:
                bg = BACKGROUND
            elif code in (38, 48):
                colour, index = _colour(codes, index - 1)
                fg, bg = (colour, bg) if code == 38 else (fg, colour)
    return out


def render(capture: str, destination: str) -> None:
    lines = capture.rstrip("\n").split("\n")
    regular, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
    width = round(regular.getlength("M"))
    height = SIZE + 4
    rows = [cells(line) for line in lines]
    columns = max(len(row) for row in rows)
    image = Image.new("RGB", (columns * width + 16, len(rows) * height + 16), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(rows):
        for x, (char, fg, bg, heavy, underlined) in enumerate(row):
            left, top = 8 + x * width, 8 + y * height
            if bg != BACKGROUND:
                draw.rectangle([left, top, left + width, top + height], fill=bg)
            if char != " ":
                draw.text((left, top + 1), char, font=bold if heavy else regular, fill=fg)
            if underlined:
                draw.line([left, top + height - 2, left + width, top + height - 2], fill=fg)
    image.save(destination)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        render(handle.read(), sys.argv[2])
