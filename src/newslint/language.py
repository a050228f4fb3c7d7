"""Is this story in English? Every rule newslint ships is written for English, so a
Spanish or French story used to pass with "0 findings" (issue 20). This module makes
the cheap, offline guess that lets newslint say so instead.

The guess counts function words: the few dozen short words (articles, prepositions,
pronouns, auxiliaries) that make up a third or more of any running text in its
language, whatever the subject. A story is called another language when that
language's function words far outnumber English's. Words English text uses too ("in",
"is", "on", "as", and "non" of "non-farm", "over", "car", "war") are left out of the
other languages' lists, so English copy full of foreign names ("Banco de la Nación",
"Van der Berg") still counts as English. Short texts (headlines, captions, tables) are not judged: under
`MINIMUM_WORDS` words, one quoted phrase could tip the count.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newslint.model import Document, Finding, Severity

LANGUAGE_RULE = "newslint.language"  # newslint's own check, selected and ignored like a rule
LANGUAGE_SEVERITY = Severity.WARNING
MINIMUM_WORDS = 40
# Another language wins only with at least this share of the words as its function
# words, and this many times English's: English news runs at 35–50% of its own.
MINIMUM_SHARE = 0.15
MARGIN = 3.0

ENGLISH = frozenset(
    "the of and to in is that for it with was on by at he be this from have are or an they which "
    "but not had has his were their said been its would will who there more after also than we when "
    "about i you she her them what up out if so can all into could should our these those one a as".split()
)

_FUNCTION_WORDS = {
    "Spanish": "el la los las de del que y en un una por con para es se lo su al como más pero sus le "
    "ya fue este ha porque esta entre cuando muy sin sobre también hasta hay donde quien desde todo "
    "nos durante todos uno les ni contra otros ese eso ante ellos esto antes algunos qué unos yo otro "
    "otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo "
    "según dijo está son han ser",
    "French": "le la les de des du et en un une que qui dans pour pas par sur au aux ne se ce il "
    "elle ils est sont été avec plus mais ou son sa ses leur leurs cette ces nous vous être avoir "
    "fait comme tout tous aussi été très sans sous entre après avant depuis lors dont où car donc "
    "ont était selon",
    "German": "der die das und den dem des ist nicht ein eine einer einem einen zu mit sich auf "
    "für von auch es sie er im dass wird werden wurde nach bei aus noch wie nur oder aber vor zur "
    "zum sind hat haben war um über kein keine schon wenn sein seine ihre ihr wir sagte",
    "Italian": "il lo la gli le di del della dei delle che e è un una per con non si da dal dalla "
    "nel nella nei sono ha ma come anche più al alla ai alle questo questa suo sua loro essere "
    "stato stata tra fra dopo quando ancora già molto senza hanno era ci sul sulla",
    "Portuguese": "o os da das do dos que e um uma para com não em no na nos nas por mais foi ao "
    "aos pelo pela ele ela isso também são está seu sua já quando muito entre depois sem mesmo "
    "ter seus quem esse eles essa nem suas meu às minha pelos qual lhe deles este dele disse",
    "Dutch": "de het een en van in op dat die niet is te met voor zijn er aan ook als bij door "
    "maar om dan nog naar uit wordt worden werd heeft hebben was zij ze wij hij haar hun deze dit "
    "over tot al wel geen meer zo toen omdat",
}
# English words, not function words of English, that other languages' lists hold:
# "non-farm payrolls", "offered 0.40 over", "the war", "a car".
_ALSO_ENGLISH = frozenset("no me car plus son come era non con sin do war hat den door over dan al ha".split())
# Each language's list, less the words English text uses too.
FUNCTION_WORDS = {
    language: frozenset(words.split()) - ENGLISH - _ALSO_ENGLISH for language, words in _FUNCTION_WORDS.items()
}

_WORD = re.compile(r"\b[^\W\d_]+\b")


@dataclass(frozen=True)
class Guess:
    language: str  # the language the story reads as, e.g. "Spanish"
    words: int  # words counted in the story
    hits: int  # of them, that language's function words
    english_hits: int  # of them, English function words


def guess_language(text: str) -> Guess | None:
    """The language `text` reads as when that is clearly not English; None for English,
    for text too short to judge (under MINIMUM_WORDS words) and for text with too few
    function words of any language (tables, lists of names)."""
    counts = Counter(map(str.lower, _WORD.findall(text)))
    words = counts.total()
    if words < MINIMUM_WORDS:
        return None

    def count_of(vocabulary: frozenset[str]) -> int:
        return sum(counts[word] for word in vocabulary & counts.keys())

    english = count_of(ENGLISH)
    if words - english < MARGIN * english:
        return None  # no other vocabulary (disjoint from ENGLISH) can hold enough: the test below fails too
    language, hits = max(
        ((name, count_of(vocabulary)) for name, vocabulary in FUNCTION_WORDS.items()), key=lambda pair: pair[1]
    )
    if hits < MINIMUM_SHARE * words or hits < MARGIN * english:
        return None
    return Guess(language, words, hits, english)


def language_finding(document: Document) -> Finding | None:
    """One warning for a story that reads as another language, on its first word, or
    None. Judged on the analysis text, where markup and front matter are blanked out."""
    guess = guess_language(document.text)
    if guess is None:
        return None
    first = _WORD.search(document.text)
    assert first is not None  # a guess needs words
    paragraph = next((p.index for p in document.paragraphs if p.start <= first.start() < p.end), 1)
    return Finding(
        rule=LANGUAGE_RULE,
        severity=LANGUAGE_SEVERITY,
        message=(
            f"this story reads as {guess.language}, not English ({guess.hits} of its {guess.words} words are "
            f"common {guess.language} words): newslint's rules are written for English and check little here"
        ),
        start=first.start(),
        end=first.end(),
        paragraph=paragraph,
        text=first.group(),
    )
