"""The French analyzer shared by the BM25 index and the queries."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’`]", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "’": "'"})

_STOP_WORDS_TEXT = """
a à afin ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient aurais aurait
auras aurez auriez aurions aurons auront aussi autre autres aux auxquelles auxquels avaient avais avait
avant avec avez aviez avions avoir avons ayant ayez ayons c ça car ce ceci cela celle celles celui ces cet
cette ceux chaque ci comme comment d dans de des desquelles desquels dont du duquel elle elles en encore
es est et etaient etais etait etant ete etes etiez etions etre eu eue eues eurent eus eusse eussent
eusses eussiez eussions eut eux fait faut fois furent fus fusse fussent fusses fussiez fussions fut ici il
ils j je jusqu l la laquelle le lequel les lesquelles lesquels leur leurs lors lui m ma mais me meme memes
mes moi mon n ne ni nos notre nous on ont ou où par parce pas peu peut peuvent plus pour pourquoi qu quand
que quel quelle quelles quels qui quoi s sa sans se sera serai seraient serais serait seras serez seriez
serions serons seront ses si sien soi soient sois soit sommes son sont sous soyez soyons suis sur t ta te
tes toi ton tous tout toute toutes tres tu un une unes uns vers via vos votre vous y
"""


def fold(text: str) -> str:
    """Lower-case, ligatures expanded, accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


STOP_WORDS = frozenset(fold(_STOP_WORDS_TEXT).split())
_STEMMER = Stemmer.Stemmer("french")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    """Folded words, elisions split off, stop words kept."""
    return _TOKEN.findall(fold(_ELISION.sub(" ", text)))


def analyze(text: str) -> list[str]:
    """The index terms of a text: folded, elisions and stop words removed, Snowball-stemmed."""
    return [_stem(word) for word in words(text) if word not in STOP_WORDS]
