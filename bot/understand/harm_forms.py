"""How a word of the harm vocabularies is conjugated and glued, so that a list names a verb or a noun
once and matches the forms citizens type (bot/understand/harm_words.py, harm_frames.py).

- A Darija verb takes its person and tense as a prefix: ``n``/``t``/``y`` (I, you, he), ``ka``/``kan``
  (habit), ``gha``/``ghadi`` (future), ``bach`` (so that), ``ma … ch`` (not). A Latin or Arabic word
  of a group already continues (``nzewwer`` covers ``nzewwerha``), so only the front varies.
- In Arabizi a vowel is written ``e`` or ``a`` and a doubled consonant once or twice (``nbeddel``,
  ``nbedel``, ``nbaddal``, ``nbddl``); the article is glued (``lmoqaddem``, ``l'agent``).
- A French verb in Darija takes the same prefixes and ends in ``i`` (``nmodifi``, ``ndeclari``).
"""

from __future__ import annotations

import re

_DZ_LATIN = ("", "n", "t", "y", "kan", "kat", "kay", "ka n", "gha n", "ghan", "ghat", "ghay", "ghadi n", "bach n")
_DZ_ARABIC = ("ن", "ت", "ي", "كن", "كت", "كي", "غان", "غات", "غاي", "غادي ن", "باش ن", "تا", "ما ن")
_FR_DZ = ("n", "t", "y", "kan", "kat", "kay", "gha n", "ghan", "bach n")


def _spellings(stem: str) -> set[str]:
    """``beddel`` -> beddel, bedel, baddal, badal, beddal...: one vowel letter for another, doubled or not."""
    out = {stem, re.sub(r"(\w)\1", r"\1", stem)}
    for form in list(out):
        out.add(form.replace("e", "a"))
        out.add(form.replace("a", "e"))
        if " " not in form:  # vowels left out: wa7d, rassk, bddl
            out.add(form[0] + re.sub("e", "", form[1:]))
            out.add(form[0] + re.sub("[ea]", "", form[1:]))
    return {f for f in out if len(f) >= 3}


def dz_verb(*stems: str, bare: bool = True) -> str:
    """Darija verbs in Latin letters (the stem without person: ``zewwer``, ``beddel``, ``3ti``);
    ``bare=False`` when the stem alone is another word (``3ti`` begins ``3tini``, "give me")."""
    prefixes = _DZ_LATIN if bare else _DZ_LATIN[1:]
    return "|".join(sorted({p + f for s in stems for f in _spellings(s) for p in prefixes if len(p + f) >= 3}))


def ar_verb(*stems: str, bare: bool = True) -> str:
    """Darija or MSA verbs in Arabic letters (the stem without person: ``زور``, ``بدل``, ``عطي``)."""
    return "|".join(sorted({p + s for s in stems for p in (("",) if bare else ()) + _DZ_ARABIC}))


def fr_dz(*stems: str) -> str:
    """French verbs conjugated in Darija (``modifi``, ``declari``, ``signi``), the French forms aside."""
    return "|".join(sorted({p + s for s in stems for p in _FR_DZ}))


def al(*nouns: str) -> str:
    """Arabizi nouns with and without the glued article (``moqaddem``: lmoqaddem, l moqaddem, el...)."""
    return "|".join(sorted({p + f for n in nouns for f in _spellings(n) | {n} for p in ("", "l", "l ", "el", "l' ")}))
