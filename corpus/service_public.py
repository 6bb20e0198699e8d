"""Service-public.fr "vosdroits" publications (DILA schema 3.3) → `Document`.

Two inputs, one tree shape: the npm package's xml-js JSON trees are turned into `ElementTree` elements
shaped exactly like the official XML files parsed here (prefixed names such as `dc:title`, whitespace-only
text dropped as xml-js does), and one parser reads that tree.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from corpus.model import AUDIENCES, SOURCE_SERVICE_PUBLIC, Document, Section
from corpus.text import clean

FICHE_ID = re.compile(r"F\d+")
FICHE_FILE = re.compile(r"F\d+\.(json|xml)")
"""A fiche's file in the npm package (JSON) or the DILA archive (XML)."""
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LEGIFRANCE = re.compile(r"https?://(?:www\.)?legifrance\.gouv\.fr/\S+")
_URL_AUDIENCE = {"particuliers": "particuliers", "professionnels": "professionnels-entreprises",
                 "associations": "associations"}

_INLINE_TAGS = frozenset({
    "LienInterne", "LienIntra", "LienExterne", "Valeur", "MiseEnEvidence", "Expression", "Exposant", "Indice",
    "Citation", "Variable", "TermeEtranger",
})
_GLUED_TAGS = frozenset({"Exposant", "Indice"})
_NOTE_LABELS = {"ANoter": "À noter", "ASavoir": "À savoir", "Attention": "Attention", "Rappel": "Rappel"}
_SKIPPED_BLOCKS = frozenset({"Titre", "Condition", "TitreAlternatif", "Image", "Source", "PivotLocal",
                             "RessourceWeb", "Colonne"})
_TRANSPARENT_BLOCKS = frozenset({"Texte", "Introduction", "FragmentConditionne", "ContenuIllustre", "Contenu"})
_SECTION_TAGS = frozenset({"Chapitre", "SousChapitre"})


# ---- the one tree shape ----------------------------------------------------------------------------------

def element_from_xmljs(node: dict[str, Any]) -> ET.Element:
    """An xml-js element node (`{"type": "element", "name", "attributes", "children"}`) as an Element."""
    element = ET.Element(node["name"], {key: str(value) for key, value in (node.get("attributes") or {}).items()})
    last: ET.Element | None = None
    for child in node.get("children") or ():
        kind = child.get("type")
        if kind in ("text", "cdata"):
            text = child.get(kind) or ""
            if last is None:
                element.text = (element.text or "") + text
            else:
                last.tail = (last.tail or "") + text
        elif kind == "element":
            last = element_from_xmljs(child)
            element.append(last)
    return element


def publication_from_xmljs(tree: dict[str, Any]) -> ET.Element:
    """The root element of an npm-package file (`{"id": ..., "children": [root]}`)."""
    roots = [child for child in tree.get("children") or () if child.get("type") == "element"]
    if len(roots) != 1:
        raise ValueError(f"expected one root element, found {len(roots)}")
    return element_from_xmljs(roots[0])


def publication_from_xml(data: bytes) -> ET.Element:
    """Parse an official XML file into the same tree shape as `publication_from_xmljs`."""
    prefixes: dict[str, str] = {}
    root: ET.Element | None = None
    for event, item in ET.iterparse(io.BytesIO(data), events=("start-ns", "start")):
        if event == "start-ns":
            prefix, uri = item
            prefixes[uri] = prefix
        elif root is None:
            root = item
    if root is None:
        raise ValueError("empty XML document")
    for element in root.iter():
        element.tag = _prefixed(element.tag, prefixes)
        if any(key.startswith("{") for key in element.attrib):
            element.attrib = {_prefixed(key, prefixes): value for key, value in element.attrib.items()}
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    for uri, prefix in prefixes.items():
        root.set(f"xmlns:{prefix}" if prefix else "xmlns", uri)
    return root


def _prefixed(name: str, prefixes: dict[str, str]) -> str:
    if not name.startswith("{"):
        return name
    uri, local = name[1:].split("}", 1)
    prefix = prefixes.get(uri, "")
    return f"{prefix}:{local}" if prefix else local


def xmljs_to_xml(tree: dict[str, Any]) -> bytes:
    """Serialise an npm-package JSON tree back to the XML it was converted from."""
    root = publication_from_xmljs(tree)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)


# ---- rendering ---------------------------------------------------------------------------------------------

def inline_text(element: ET.Element) -> str:
    """An element's running text: links as their text, adjacent inline elements kept apart by a space."""
    parts: list[str] = [element.text or ""]
    previous_was_element = False
    for child in element:
        piece = "" if child.tag == "Image" else inline_text(child)
        if previous_was_element and child.tag not in _GLUED_TAGS and piece and not parts[-1][-1:].isspace():
            parts.append(" ")
        parts.append(piece)
        parts.append(child.tail or "")
        previous_was_element = not child.tail
    return "".join(parts)


def heading_of(element: ET.Element) -> str:
    titre = element.find("Titre")
    return clean(inline_text(titre)) if titre is not None else ""


def render_blocks(container: ET.Element) -> list[str]:
    """The block content of `container` as text lines (lists `- item`, tables `col: val; col: val`)."""
    lines: list[str] = []
    for child in container:
        lines.extend(render_block(child))
    return lines


def render_block(element: ET.Element) -> list[str]:
    tag = element.tag
    if tag in _SKIPPED_BLOCKS:
        return []
    if tag == "Paragraphe":
        text = clean(inline_text(element))
        return [text] if text else []
    if tag == "Liste":
        return _render_list(element)
    if tag == "Tableau":
        return _render_table(element)
    if tag in _NOTE_LABELS:
        return _render_note(element)
    if tag == "OuSAdresser":
        return _labelled("Où s'adresser", element)
    if tag == "ServiceEnLigne":
        return _labelled(element.get("type") or "Service en ligne", element)
    if tag == "BlocCas":
        return [line for cas in element.findall("Cas") for line in _render_titled(cas)]
    if tag in _SECTION_TAGS or tag == "Cas":
        return _render_titled(element)
    if tag in _TRANSPARENT_BLOCKS:
        return render_blocks(element)
    if tag in _INLINE_TAGS:
        text = clean(inline_text(element))
        return [text] if text else []
    return render_blocks(element)


def _render_titled(element: ET.Element) -> list[str]:
    heading = heading_of(element)
    body = render_blocks(element)
    return ([f"{heading} :"] if heading else []) + body


def _render_list(liste: ET.Element) -> list[str]:
    numbered = liste.get("type") == "numero"
    lines: list[str] = []
    for number, item in enumerate(liste.findall("Item"), start=1):
        marker = f"{number}." if numbered else "-"
        item_lines = render_blocks(item)
        if not item_lines:
            continue
        lines.append(f"{marker} {item_lines[0]}")
        lines.extend(f"  {line}" for line in item_lines[1:])
    return lines


def _render_table(tableau: ET.Element) -> list[str]:
    lines: list[str] = []
    title = heading_of(tableau)
    if title:
        lines.append(f"{title} :")
    headers: list[str] = []
    for row in tableau.findall("Rangée"):
        cells = [clean(" ".join(render_blocks(cell))) for cell in row.findall("Cellule")]
        if row.get("type") == "header":
            headers = cells
            continue
        labelled = [f"{headers[i]}: {cell}" if i < len(headers) and headers[i] else cell
                    for i, cell in enumerate(cells) if cell]
        if labelled:
            lines.append("; ".join(labelled))
    if headers and len(lines) == (1 if title else 0):
        lines.append("; ".join(cell for cell in headers if cell))
    return lines


def _render_note(note: ET.Element) -> list[str]:
    label = heading_of(note) or _NOTE_LABELS[note.tag]
    body = render_blocks(note)
    if not body:
        return []
    return [f"{label} : {body[0]}", *body[1:]]


def _labelled(label: str, element: ET.Element) -> list[str]:
    title = heading_of(element)
    cerfa = element.get("numerocerfa")
    if cerfa:
        title = f"{title} (cerfa n°{cerfa})"
    details = render_blocks(element)
    return [f"{label} : {title}", *details] if title else details


# ---- sections ----------------------------------------------------------------------------------------------

def _sections_of(container: ET.Element, path: tuple[str, ...]) -> Iterator[Section]:
    """Own block text as sections, each Chapitre/SousChapitre/Cas as sections of their own, in order."""
    pending: list[str] = []

    def flush() -> Iterator[Section]:
        if pending:
            yield Section(path, "\n".join(pending))
            pending.clear()

    for child in container:
        if child.tag in _SECTION_TAGS or child.tag == "Situation":
            yield from flush()
            yield from _sections_of(child, path + _heading_step(child))
        elif child.tag == "BlocCas":
            yield from flush()
            for cas in child.findall("Cas"):
                yield from _sections_of(cas, path + _heading_step(cas))
        elif child.tag in ("Texte", "Introduction"):
            yield from flush()
            yield from _sections_of(child, path)
        else:
            pending.extend(render_block(child))
    yield from flush()


def _heading_step(element: ET.Element) -> tuple[str, ...]:
    heading = heading_of(element)
    return (heading,) if heading else ()


def _reference_sections(publication: ET.Element) -> Iterator[Section]:
    links = [f"- {text}" for text in (_external_link(element) for element in publication.findall("LienExterneCommente"))
             if text]
    if links:
        yield Section(("Liens utiles",), "\n".join(links))
    groups = (
        ("Où s'adresser", "OuSAdresser"),
        ("Services en ligne et formulaires", "ServiceEnLigne"),
        ("Textes de référence", "Reference"),
    )
    for heading, tag in groups:
        lines: list[str] = []
        for element in publication.findall(tag):
            title = heading_of(element)
            if not title:
                continue
            complement = clean(element.findtext("Complement") or "")
            kind = element.get("type") if tag == "ServiceEnLigne" else ""
            cerfa = element.get("numerocerfa")
            line = f"{kind} : {title}" if kind else title
            line += f" (cerfa n°{cerfa})" if cerfa else ""
            line += f" — {complement}" if complement else ""
            lines.append(f"- {line}")
        if lines:
            yield Section((heading,), "\n".join(lines))


def _external_link(element: ET.Element) -> str:
    link = element.find("LienExterne")
    title = clean(inline_text(link)) if link is not None else ""
    comment = clean(" ".join(inline_text(part) for part in element.findall("Commentaire")))
    return f"{title} — {comment}" if title and comment else title


# ---- documents ---------------------------------------------------------------------------------------------

def parse_publication(publication: ET.Element, folder_audience: str = "") -> Document | None:
    """A Document for an F-fiche; None for other publications (dossiers N…, resources R…) and for fiches
    without any text (the interactive "Recherche guidée" ones)."""
    fiche_id = publication.get("ID") or ""
    if publication.tag != "Publication" or not FICHE_ID.fullmatch(fiche_id):
        return None
    title = clean(publication.findtext("dc:title") or "")
    if not title:
        raise ValueError(f"{fiche_id}: dc:title manquant")
    audience = _audiences(publication, folder_audience)
    sections = [section for section in _body_sections(publication) if section.text]
    if not sections:
        return None
    return Document(
        id=fiche_id,
        source=SOURCE_SERVICE_PUBLIC,
        title=title,
        url=publication.get("spUrl") or _fallback_url(fiche_id, audience),
        sections=tuple(sections),
        audience=audience,
        breadcrumb=tuple(clean(inline_text(level)) for level in publication.iterfind("FilDAriane/Niveau")),
        updated=parse_dc_date(publication.findtext("dc:date") or ""),
        references=_references(publication),
        part_headings=_part_headings(publication),
    )


_SITUATION_TITLE = re.compile(
    r"^(?:vous|si|s'ils?|lorsque?|en cas|en l'absence|avec|sans|avant|après|à partir|entre|pour (?:un|une|les?|la|l')|"
    r"dans le cas)\b|\d",
    re.IGNORECASE,
)
"""A title that states a situation (« Vous êtes un professionnel », « En cas de litige », « Lorsque le responsable
est identifié », « Avec le PTZ », « Avant 53 ans »): some fiches title their cases as Chapitre."""


def _part_headings(publication: ET.Element) -> tuple[str, ...]:
    """The titles of the fiche's Chapitre and SousChapitre (its parts), less any also used by a Cas or a Situation (the
    cases it sets side by side) or worded as a situation."""
    parts = {heading_of(element) for tag in _SECTION_TAGS for element in publication.iter(tag)}
    cases = {heading_of(element) for tag in ("Cas", "Situation") for element in publication.iter(tag)}
    return tuple(sorted(title for title in parts - cases if title and not _SITUATION_TITLE.search(title)))


def _body_sections(publication: ET.Element) -> Iterator[Section]:
    for child in publication:
        if child.tag == "Introduction":
            yield from _sections_of(child, ())
        elif child.tag == "ListeSituations":
            for situation in child.findall("Situation"):
                yield from _sections_of(situation, _heading_step(situation))
        elif child.tag == "Texte":
            yield from _sections_of(child, ())
    yield from _reference_sections(publication)


def _audiences(publication: ET.Element, folder_audience: str) -> tuple[str, ...]:
    found = {clean(element.text or "").lower() for element in publication.findall("Audience")}
    if folder_audience:
        found.add(folder_audience.lower())
    return tuple(audience for audience in AUDIENCES if audience in found)


def _fallback_url(fiche_id: str, audience: tuple[str, ...]) -> str:
    path = _URL_AUDIENCE[audience[0]] if audience else "particuliers"
    return f"https://www.service-public.fr/{path}/vosdroits/{fiche_id}"


def parse_dc_date(value: str) -> date | None:
    """`modified 2019-07-11` (or a bare ISO date) → date."""
    match = _DATE.search(value)
    if not match:
        return None
    year, month, day = (int(group) for group in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _references(publication: ET.Element) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for link in publication.iter("LienInterne"):
        target = link.get("LienPublication") or ""
        if target:
            found[target] = None
    for url in _LEGIFRANCE.findall(publication.findtext("dc:source") or ""):
        found[url.rstrip(",")] = None
    for reference in publication.findall("Reference"):
        url = reference.get("URL") or ""
        if _LEGIFRANCE.fullmatch(url):
            found[url] = None
    return tuple(found)


def merge_documents(first: Document, other: Document) -> Document:
    """The same fiche found under several audience folders: one Document, audiences merged."""
    audience = tuple(a for a in AUDIENCES if a in set(first.audience) | set(other.audience))
    return Document(**{**first.__dict__, "audience": audience})


def merge_by_id(documents: Iterable[Document]) -> dict[str, Document]:
    merged: dict[str, Document] = {}
    for document in documents:
        known = merged.get(document.id)
        merged[document.id] = merge_documents(known, document) if known else document
    return merged
