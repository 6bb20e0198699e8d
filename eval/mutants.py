"""Mutation test of the verifier: every sentence it keeps of a faithful planted draft, changed one fact at a time
(a number, a unit, a party, a bound, a time side, a denial, an exclusive word, an audience, a yes/no). A mutant
whose changed sentence is still kept is a hole to read: most are wrong rules, a few say the same thing in other
words (« ne peut dépasser » for « ne peut pas dépasser »), which is why the list is read, not scored.

    python -m eval.mutants [--dataset FILE.jsonl ...] [--kinds role,polarity] [--out holes.jsonl]

Slow on purpose (one verification per mutant: about ten minutes for the shipped sets on 2 cores)."""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.verify import Resemblance, resemblance_of, verify
from eval.datasets import DEFAULT_DATASETS
from eval.verify import FAITHFUL, load_drafts

NUMBER = re.compile(r"(?<![\[\dL-])\d+(?![\]\d,-])")
NEXT_NUMBER_WORD = {"deux": "trois", "trois": "quatre", "quatre": "cinq", "cinq": "six", "six": "huit",
                    "sept": "neuf", "huit": "dix", "dix": "douze", "douze": "quinze", "quinze": "vingt",
                    "trente": "quarante"}
SWAPS: dict[str, tuple[tuple[str, str], ...]] = {
    "unit": (("jours", "mois"), ("mois", "ans"), ("semaines", "mois"), ("ans", "mois"), ("heures", "jours"),
             ("€", "%"), ("%", "€"), ("ouvrables", "calendaires"), ("calendaires", "ouvrables"), ("brut", "net"),
             ("par mois", "par an"), ("par an", "par mois")),
    "role": (("employeur", "salarié"), ("salarié", "employeur"), ("salariée", "employeur"), ("bailleur", "locataire"),
             ("locataire", "bailleur"), ("propriétaire", "locataire"), ("vendeur", "acheteur"),
             ("acheteur", "vendeur"), ("mairie", "préfecture")),
    "bound": (("au moins", "au plus"), ("au plus", "au moins"), ("plus de", "moins de"), ("moins de", "plus de"),
              ("maximum", "minimum"), ("minimum", "maximum"), ("inférieur", "supérieur"), ("supérieur", "inférieur"),
              ("jusqu'à", "à partir de")),
    "time": (("avant", "après"), ("après", "avant"), ("lendemain", "jour même"), ("suivent", "précèdent"),
             ("premier", "dernier"), ("dernier", "premier")),
    "polarity": ((" peut ", " ne peut pas "), (" doit ", " ne doit pas "), (" est ", " n'est pas "),
                 (" a droit", " n'a pas droit"), (" sont ", " ne sont pas "), (" ne peut pas ", " peut "),
                 (" n'est pas ", " est "), (" ne sont pas ", " sont "), (" n'a pas ", " a "),
                 ("obligatoire", "facultatif"), ("gratuit", "payant"), ("interdit", "autorisé")),
    "exclusive": ((" est ", " est uniquement "), (" peut ", " peut seulement "), (" doit ", " doit toujours ")),
    "audience": (("secteur privé", "fonction publique"), ("fonction publique", "secteur privé"),
                 ("mineur", "majeur"), ("majeur", "mineur")),
    "yes_no": (("Oui", "Non"), ("Non", "Oui")),
}


@dataclass(frozen=True)
class Hole:
    draft_id: str
    kind: str
    sentence: str
    quote: str


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def mutants(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text with one fact changed), for each place a change applies."""
    for match in NUMBER.finditer(text):
        yield "number", _replace(text, match.start(), match.end(), str(int(match.group()) + 1))
    for match in re.finditer(rf"\b(?:{'|'.join(NEXT_NUMBER_WORD)})\b", text):
        yield "number", _replace(text, match.start(), match.end(), NEXT_NUMBER_WORD[match.group()])
    for kind, pairs in SWAPS.items():
        for old, new in pairs:
            before, after = r"(?<!\w)" if old[0].isalnum() else "", r"(?!\w)" if old[-1].isalnum() else ""
            pattern = before + re.escape(old) + after
            for match in re.finditer(pattern, text):
                yield kind, _replace(text, match.start(), match.end(), new)


def holes(paths: Sequence[Path], resemblance: Resemblance | None, kinds: set[str] | None = None) -> Iterator[Hole]:
    """The mutants of the faithful drafts whose changed sentence the verifier still keeps."""
    for path in paths:
        for draft in load_drafts(path):
            if draft.label != FAITHFUL:
                continue
            passages = list(draft.passages)
            original = {v.sentence for v in verify(draft.draft, passages, resemblance, draft.question).verdicts}
            for kind, text in dict.fromkeys(mutants(draft.draft)):
                if kinds and kind not in kinds:
                    continue
                for verdict in verify(text, passages, resemblance, draft.question).verdicts:
                    if verdict.supported and verdict.sentence not in original:
                        yield Hole(draft.id, kind, verdict.sentence, verdict.quote)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", action="append", type=Path, help="planted drafts (default: every shipped set)")
    parser.add_argument("--kinds", help=f"comma-separated, among: number, {', '.join(SWAPS)}")
    parser.add_argument("--out", type=Path, help="write the holes as JSON lines here")
    args = parser.parse_args(argv)
    from guichet.config import load_settings
    from indexing.embeddings import Embedder

    paths = args.dataset or [path for name, path in DEFAULT_DATASETS.items() if name.startswith("verify-drafts")]
    kinds = set(args.kinds.split(",")) if args.kinds else None
    found = list(holes(paths, resemblance_of(Embedder(load_settings())), kinds))
    lines = [json.dumps(asdict(hole), ensure_ascii=False) for hole in found]
    if args.out:
        args.out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    else:
        print("\n".join(lines))
    print(f"{len(found)} mutants kept: {dict(Counter(hole.kind for hole in found))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
