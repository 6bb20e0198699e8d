"""What identifies a person online: the IP address a connection came from, and a handle on a social network or a
login (« @julie_martin75 », « pseudo : jmartin75 »). The CNIL counts both as personal data.

- IPv4: four numbers up to 255, with its port if it has one. With a number of three digits the shape is enough;
  « 10.0.0.1 » could be a numbered paragraph, so it needs a word about networks.
- IPv6: eight groups, or fewer around « :: », with a group of three or more hexadecimal digits (« 14:30:00 » is a
  time).
- A handle: « @ » opening a word, not inside an e-mail address; a login after « pseudo », « login », « user », « id »,
  « nom d'utilisateur », « identifiant de connexion » or « compte Instagram / Facebook… », or said later in the
  sentence after « identifiant » (« son identifiant sur le portail famille c'est m.diallo93 »).
- A password or an access code after « mot de passe », « mdp », « pwd », « code d'accès », « code secret »,
  « code PIN », « code confidentiel », « code d'activation », and the account it opens in up to four words: the
  word after a colon or « = », unless it is a verb or a function word (« mot de passe : doit-il passer par… »); the
  word after « est », « c'est », « changé en » or right after the cue when it holds a digit or a sign (« mdp
  soleil2024 », « comme mot de passe Marseille13! », « code confidentiel 4821 »; « mot de passe oublié » is a
  forgotten password, not one)."""

from __future__ import annotations

import ipaddress

import regex
from presidio_analyzer import Pattern

from redaction.recognizers.base import CASE_INSENSITIVE, END, START, FrPatternRecognizer
from redaction.recognizers.french_words import FrenchWords

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_WIDE_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d)"
_PORT = r"(?::\d{1,5})?"
"""« 192.168.1.25:8080 »: the port goes with the address."""
_NOT_MORE = r"(?!\.?\d)"
_HEX = r"[0-9a-f]{1,4}"
_IPV4 = rf"{START}(?:{_OCTET}\.){{3}}{_OCTET}{_PORT}{_NOT_MORE}"
_HAS_WIDE_OCTET = rf"(?=[\d.]*{_WIDE_OCTET}(?!\d))"


class FrIpAddressRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("IPv4 à trois chiffres", _HAS_WIDE_OCTET + _IPV4, 0.5),
        Pattern("IPv4", _IPV4, 0.3),
        Pattern("IPv6", rf"{START}(?:{_HEX}:){{7}}{_HEX}{END}", 0.5),
        Pattern(
            "IPv6 abrégée",
            rf"{START}(?=[0-9a-f:]*[0-9a-f]{{3}})(?:{_HEX}(?::{_HEX}){{0,6}})?::(?:{_HEX}(?::{_HEX}){{0,6}})?{END}",
            0.5,
        ),
    ]
    CONTEXT = ["ip", "adresse", "connexion", "connecté", "serveur", "routeur", "box", "réseau", "journal", "logs"]

    ENTITY = "ADRESSE_IP"
    FLAGS = CASE_INSENSITIVE

    def invalidate_result(self, pattern_text: str) -> bool:
        """A machine's address for itself (the loopback « 127.0.0.1 », « ::1 », the unspecified « 0.0.0.0 ») is the
        same on every computer and names no one: the server's log line « page and API on http://127.0.0.1:7860 »
        read « http://<ADRESSE_IP_1> », and a maintainer could not tell where it listened."""
        address = pattern_text.rsplit(":", 1)[0] if pattern_text.count(":") == 1 else pattern_text
        try:
            parsed = ipaddress.ip_address(address)
        except ValueError:
            return False
        return parsed.is_loopback or parsed.is_unspecified


_PLATFORMS = r"(?:instagram|insta|facebook|fb|tiktok|snapchat|snap|twitter|linkedin|youtube|twitch|discord|telegram)"
_LOGIN_CUE = (
    rf"(?:pseudo(?:nyme)?|login|user(?:name)?|\bid\b|nom d['’]utilisateur|identifiant de connexion|compte {_PLATFORMS}"
    rf"|{_PLATFORMS})"
)
_LOGIN = r"[\w][\w.-]*\d[\w.-]*|[\w]+[._][\w.]*[\w]"
"""A login has a digit or a dot or underscore inside: « jmartin75 », « julie.martin », « julie_m »; a plain word
after « pseudo » (« pseudo et mot de passe ») is a word."""
_LOGIN_LATER = r"(?:[^.?!\n]|\.(?=\w)){0,60}?(?:c['’]est|est|:|=)\s*"
"""« son identifiant sur le portail famille de la mairie c'est m.diallo93 », « login L'Identité Numérique La Poste :
m.camara93 », « identifiant caf.fr : 9876543 »: the account (a dot inside a word ends no sentence), then the login."""

_SERVICE_NAME = (
    r"(?:\s+(?!(?:de\s+)?(?:l['’]\s*)?(?:article|cerfa|loi|d[ée]cret|formulaire))(?:de\s+|d['’]\s*)?[\w.'’-]{2,20}){1,2}?"
)
"""« identifiant FranceConnect jdurand1975 », « login impots.gouv m.camara93 »: the service, then the login."""


class FrOnlineHandleRecognizer(FrPatternRecognizer):
    PATTERNS = [
        Pattern("Handle @", r"(?<![\w.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])(?!\.\w)", 0.5),
        Pattern("Login après un mot qui l'annonce", rf"(?<=\b{_LOGIN_CUE}\s*(?::|est|=)?\s*)(?:{_LOGIN}){END}", 0.5),
        Pattern("Identifiant dit plus loin", rf"(?<=\b(?:identifiant|login){_LOGIN_LATER})(?:{_LOGIN}){END}", 0.5),
        Pattern("Identifiant après le service",
                rf"(?<=\b(?:identifiant|login){_SERVICE_NAME}\s+)(?:{_LOGIN}){END}", 0.5),
    ]

    ENTITY = "IDENTIFIANT_EN_LIGNE"
    FLAGS = CASE_INSENSITIVE


_SECRET_CUE = (
    r"(?:mot de passe|mdp|password|passwd|pwd|code d['’]acc[èe]s|code secret|code pin|code confidentiel"
    r"|code d['’]activation)"
)
_SERVICE = r"(?:\s+(?!est\b|était\b|c['’]est\b)[\w.'’()-]+){0,4}?"
"""The account it opens, named between the cue and the secret (« mot de passe FranceConnect est… », « code d'accès
de mon compte Ameli : … », « code d'activation (reçu par courrier) est… »)."""
_HAS_SIGN = r"(?=[^\s,;]*(?:\d|_|[^\w\s.,;!?'’]))"
"""A secret written after « est » holds a digit or a sign: « Julie1985! », « 4821 »."""
_HAS_DIGIT_OR_SYMBOL = r"(?=\w)(?=[^\s,;]*(?:\d|[_!#$%&*+=@^~]))"
"""A secret written right after its cue starts with a letter or a digit and holds a digit or a symbol: « mdp
soleil2024 », « code PIN 1234 »; not « mot de passe France-Connect », « mdp (oublié) »."""
_CHANGED_TO = (
    r"\s+(?:a\s+été\s+)?(?:chang[ée]|modifi[ée]|remplac[ée]|r[ée]initialis[ée]|mis|d[ée]fini)\s+(?:en|par|à)\s+"
)
"""« mot de passe changé en Az3rty!! », « mot de passe a été remplacé par… »."""
_SECRET = r"[^\s,;]{3,64}(?<![.])"
"""The secret, without the full stop that ends the sentence."""
_SAID_LATER = r"[^.?!\n]{0,60}?"
"""The rest of the sentence before the secret: « Le mot de passe, c'est le nom du chien, Pacha, suivi de 33 :
Pacha33 », « il a changé son mot de passe ameli en « Sahara#2024 » »."""
_QUOTED_SECRET = r"(?<=«\s?)(?!\s)[^»\n]{3,64}?(?<!\s)(?=\s?»)"
_FRAGMENT_CUE = r"\b(?:commen[cç]\w*|finit|finissait|(?:se\s+)?termin\w*)\s+par\s+"
"""« Son mot de passe commence par Kiwi et finit par 2023# »: each fragment is part of the secret."""
_PLAIN_WORD = regex.compile(r"[\p{L}'’-]+")


class FrPasswordRecognizer(FrPatternRecognizer):
    """A plain word after « mot de passe : » is a secret unless the dictionary reads it as a verb or a function
    word: the question goes on there (« a oublié son mot de passe : doit-il passer par… »). Words in quotes that
    are all French words name a button or a page (« passer par « mot de passe oublié » »), not a secret."""

    PATTERNS = [
        Pattern("Secret après deux-points", rf"(?<=\b{_SECRET_CUE}{_SERVICE}\s*(?::|=)\s*){_SECRET}", 0.6),
        Pattern("Secret après « est »",
                rf"(?<=\b{_SECRET_CUE}{_SERVICE}\s+(?:est|était|c['’]est)\s+){_HAS_SIGN}{_SECRET}", 0.6),
        Pattern("Secret après « changé en »", rf"(?<=\b{_SECRET_CUE}{_CHANGED_TO}){_HAS_SIGN}{_SECRET}", 0.6),
        Pattern("Secret juste après le mot", rf"(?<=\b{_SECRET_CUE}\s+){_HAS_DIGIT_OR_SYMBOL}{_SECRET}", 0.6),
        Pattern("Secret plus loin après deux-points",
                rf"(?<=\b{_SECRET_CUE}{_SAID_LATER}:\s*){_HAS_DIGIT_OR_SYMBOL}{_SECRET}", 0.6),
        Pattern("Secret entre guillemets", rf"(?<=\b{_SECRET_CUE}{_SAID_LATER}){_QUOTED_SECRET}", 0.6),
        Pattern("Fragment du secret", rf"(?<=\b{_SECRET_CUE}{_SAID_LATER}{_FRAGMENT_CUE}){_SECRET}", 0.6),
    ]

    ENTITY = "MOT_DE_PASSE"
    FLAGS = CASE_INSENSITIVE

    def __init__(self, french: FrenchWords) -> None:
        self._french = french
        super().__init__()

    def validate_result(self, pattern_text: str) -> bool | None:
        if _PLAIN_WORD.fullmatch(pattern_text) and (
            self._french.is_function_word(pattern_text) or self._french.is_verb(pattern_text)
        ):
            return False
        words = pattern_text.split()
        if len(words) > 1 and all(_PLAIN_WORD.fullmatch(word) and self._french.is_common(word) for word in words):
            return False
        return None
