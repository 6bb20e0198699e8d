"""A question naming what the texts do not know is refused, not answered with the nearest fiche."""
from __future__ import annotations

from functools import cache

import pytest

from assistant.grammar import parse
from assistant.key_terms import a_detail_of_the_story, held, unattested_complements, unheld_rare_terms
from assistant.verify import content_words
from indexing.lexical import LexicalIndex
from tests.corpus_fixtures import fixture_document, fixture_documents

CDD_TEXT = " ".join(s.text for s in fixture_document("F40").sections)


def _frequency(corpus: dict[str, int]):
    return lambda term: corpus.get(term, 0)


def test_an_invented_aid_named_with_real_words_is_not_held() -> None:
    corpus = {term: 50 for term in content_words(CDD_TEXT)}
    question = "Quel est le montant de l'indemnité de téléportation à la fin d'un CDD ?"
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000) == content_words("téléportation")


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le montant de l'indemnité de fin de contrat d'un CDD ?",
        "Quelle indemnité touche-t-on à la fin d'un CDD ?",
        "Quel est le montant de l'indemité de fin de contrat ?",
        "<PERSONNE_1> a-t-il droit à l'indemnité de fin de CDD ? Virement sur <IBAN_1>",
        "Mon CDD se termine : la prime de précarité est-elle due ?",
    ],
)
def test_the_words_of_a_real_question_are_held_or_common(question: str) -> None:
    common = {term: 900 for term in content_words("prime termine virement")}
    corpus = {term: 50 for term in content_words(CDD_TEXT)} | common
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000) == []


@pytest.mark.parametrize(
    "question",
    [
        "Je travaille de 8h30 à 17h30 en CDD : ai-je droit à une indemnité de fin de contrat ?",
        "Payé 151h67 par mois en CDD, quelle indemnité de fin de contrat ?",
        "Mon CDD en 3x8 se termine le 31/12 : quelle indemnité de fin de contrat ?",
        "Mon 13ème CDD se termine : quelle indemnité de fin de contrat ?",
    ],
)
def test_a_time_or_a_count_written_with_letters_is_no_key_term(question: str) -> None:
    """« 8h30 », « 151h67 », « 13ème » say how much or when, not what: the texts write « 35 heures »."""
    corpus = {term: 50 for term in content_words(CDD_TEXT)} | {term: 900 for term in content_words("termine")}
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000) == []
    assert unheld_rare_terms(question.replace("CDD", "CDD de téléportation", 1), [CDD_TEXT], _frequency(corpus),
                             10_000) == content_words("téléportation")


@pytest.mark.parametrize(
    ("question", "unheld"),
    [
        ("Bonjour, je reçois Mme <PERSONNE_1> qui veut savoir si son CDD donne droit à l'indemnité de fin de contrat",
         ""),
        ("Monsieur <PERSONNE_1> souhaite savoir si sa fille en CDD a droit à l'indemnité de fin de contrat", ""),
        ("Un salarié reconnu par la MDPH a-t-il droit à l'indemnité de fin de contrat de son CDD ?", ""),
        ("Un salarié reconnu par la MDPX a-t-il droit à l'indemnité de fin de contrat de son CDD ?", "MDPX"),
    ],
)
def test_the_agents_framing_and_known_acronyms_are_no_key_terms(question: str, unheld: str) -> None:
    """Who asks (« Bonjour », « Monsieur X souhaite savoir », « sa fille ») and a public-service acronym the texts
    spell out (« MDPH ») are no sign of an invented thing; an unknown acronym still is."""
    corpus = {term: 50 for term in content_words(CDD_TEXT)} | {term: 900 for term in content_words("donne reconnu")}
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000) == content_words(unheld)


@pytest.mark.parametrize(
    ("word", "family"),
    [("hôtel", "hôtelier"), ("indemité", "indemnité"), ("démision", "démission"), ("licencier", "licenciement")],
)
def test_a_term_is_held_by_its_family_or_a_one_letter_slip(word: str, family: str) -> None:
    assert held(content_words(word)[0], set(content_words(family)))


def test_a_short_stem_is_not_a_family() -> None:
    assert not held("rsa", {"rsai"}) and not held("cdd", {"cdi"})


@pytest.mark.parametrize(("word", "base"), [("écolier", "école"), ("lycéen", "lycée"), ("haineux", "haine"),
                                            ("haineuse", "haine")])
def test_a_person_or_quality_made_from_a_short_noun_is_held_by_it(word: str, base: str) -> None:
    """« Un écolier a-t-il le droit de se servir de son portable ? » was refused beside the fiche « Peut-on
    utiliser son téléphone portable à l'école primaire ? »: the stems « ecoli » and « ecol » are too short for a
    family by prefix alone."""
    assert held(content_words(word)[0], set(content_words(base)))


@pytest.mark.parametrize(("word", "other"), [("chien", "chi"), ("ecolo", "ecol"), ("haies", "hai"), ("mairie", "mair")])
def test_a_short_stem_with_another_ending_is_not_its_family(word: str, other: str) -> None:
    assert not held(word, {other})


def test_only_the_words_that_name_a_thing_count_when_the_tagger_says_which() -> None:
    corpus = {term: 50 for term in content_words(CDD_TEXT)}
    question = "Mon CDD se termine, que dois-je faire pour la téléportation ?"
    found = unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000)
    assert content_words("dois")[0] in found
    named = unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000,
                              naming_words=lambda text: ["CDD", "téléportation"])
    assert named == content_words("téléportation")


PERMIT = fixture_document("F13609")
PERMIT_TEXT = " ".join([PERMIT.title, *(s.text for s in PERMIT.sections)])


@cache
def _fixture_passages() -> LexicalIndex:
    """Every section of the real fixture documents, as the index holds passages."""
    sections = [(f"{d.id}-{n}", s.text) for d in fixture_documents() for n, s in enumerate(d.sections)]
    return LexicalIndex.build([key for key, _ in sections], [text for _, text in sections])


def _complements(question: str) -> list[str]:
    return unattested_complements(question, [PERMIT_TEXT], _fixture_passages().association,
                                  lambda text: parse(text).complements)


@pytest.mark.parametrize(
    ("question", "complement"),
    [
        ("Comment payer le permis de conduire pour voyager dans le temps ?", "temps"),
        ("Comment payer le permis de conduire pour voyager sur la lune ?", "lune"),
    ],
)
def test_a_real_permit_with_a_complement_the_texts_never_join_to_it_is_unknown(question: str, complement: str) -> None:
    passages = _fixture_passages()
    term = content_words(complement)
    assert term[0] not in unheld_rare_terms(question, [PERMIT_TEXT], passages.document_frequency, len(passages.ids))
    assert _complements(question) == term


def test_a_real_complement_the_permit_fiche_does_not_hold_but_the_texts_join_to_its_word_is_known() -> None:
    question = "Peut-on payer le permis de conduire en cas de licenciement ?"
    assert not held(content_words("licenciement")[0], set(content_words(PERMIT_TEXT)))
    assert _complements(question) == []


@pytest.mark.parametrize(
    "question",
    [
        "Comment payer le permis de conduire en cas de chômage ?",
        "Peut-on payer le permis de conduire avec son salaire d'apprenti ?",
        "Peut-on payer le permis de conduire avec le compte personnel de formation ?",
    ],
)
def test_the_complements_of_real_permit_questions_are_held(question: str) -> None:
    assert _complements(question) == []


@pytest.mark.parametrize(
    ("question", "unheld"),
    [
        ("Je vote pour ma mère : quelle indemnité de fin de contrat pour mon CDD ?", ""),
        ("Mon fils de 17 ans a fini son CDD, et sa grand-mère demande : quelle indemnité de fin de contrat ?", ""),
        ("Ma belle-sœur et mes parents me demandent si mon CDD donne une indemnité de fin de contrat", ""),
        ("Au bout de combien de mois de CDD a-t-on droit à l'indemnité de fin de contrat ?", ""),
        ("Du coup, en fait, mon CDD donne-t-il une indemnité de fin de contrat ?", ""),
        ("Ma boîte me doit-elle l'indemnité de fin de contrat de mon CDD ? Mon patron dit non, la sécu aussi", ""),
        ("Pour ma licorne, quelle indemnité de fin de contrat de CDD ?", "licorne"),
    ],
)
def test_relatives_phrases_that_name_nothing_and_everyday_names_are_no_key_terms(question: str, unheld: str) -> None:
    """« ma mère » says for whom (and would be the stem of « la mer »), « au bout de » says when, « ma boîte » and
    « la sécu » are what the texts call the employer and the Sécurité sociale; a thing the texts do not know is
    still unheld beside them."""
    common = {term: 900 for term in content_words("vote fini demande donne dit")}
    corpus = {term: 50 for term in content_words(CDD_TEXT)} | common
    found = unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000,
                              naming_words=lambda text: [w for w in text.split() if len(w) > 3])
    assert found == content_words(unheld)


@pytest.mark.parametrize(
    ("question", "complement"),
    [
        ("On peut payer le permis de conduire sur combien de temps ?", ""),
        ("Comment payer le permis de conduire de ma mère ?", ""),
        ("Je paie le permis de conduire pour ma mère, comment faire ?", ""),
        ("Comment payer le permis de conduire pour mon fils ?", ""),
        ("On peut payer le permis de conduire sur combien de temps pour voyager dans le temps ?", "temps"),
    ],
)
def test_what_a_question_counts_or_whom_it_is_for_is_no_complement(question: str, complement: str) -> None:
    """« Combien de temps » asks a duration: « temps » hangs on nothing; « ma mère » and « mon fils » are whom the
    question is for, and their stems are those of « la mer » and « les fils »; a complement the texts never join to
    its word is still one."""
    assert _complements(question) == content_words(complement)


@pytest.mark.parametrize(
    ("question", "unheld"),
    [
        ("J'habite à Villeurbanne : quelle indemnité de fin de contrat pour mon CDD ?", ""),
        ("J'habite Villeurbanne : quelle indemnité de fin de contrat pour mon CDD ?", ""),
        ("Je suis née à Casablanca et mon CDD se termine : quelle indemnité de fin de contrat ?", ""),
        ("Née au Maroc, je réside dans les Yvelines : mon CDD donne-t-il une indemnité de fin de contrat ?", ""),
        ("Nous vivons à Saint-Étienne-du-Rouvray : quelle indemnité de fin de contrat pour un CDD ?", ""),
        ("Je travaille à Montpellier en CDD : quelle indemnité de fin de contrat ?", ""),
        ("Mon père, installé en Haute-Savoie, finit son CDD : quelle indemnité de fin de contrat ?", ""),
        ("J'habite à Villeurbanne : quelle indemnité de téléportation pour mon CDD ?", "téléportation"),
        ("Quelle indemnité de fin de contrat pour mon CDD à Villeurbanne ?", "Villeurbanne"),
        ("Je vis sur Pandora : quelle indemnité de fin de contrat pour mon CDD ?", "Pandora"),
    ],
)
def test_where_the_asker_lives_was_born_or_works_is_no_key_term(question: str, unheld: str) -> None:
    """The texts are written for every commune and never name one: « j'habite à Villeurbanne » says where the
    asker lives, not what the texts must hold. A place the question asks about, a thing it names, or a place
    brought in otherwise (« sur Pandora ») is still unheld."""
    common = {term: 900 for term in content_words("habite nee reside vivons travaille installe finit termine donne")}
    corpus = {term: 50 for term in content_words(CDD_TEXT)} | common
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000) == content_words(unheld)


def _naming(text: str) -> frozenset[str]:
    return parse(text).naming


@pytest.mark.parametrize(
    ("question", "unknown", "detail"),
    [
        ("Je fais les vendanges tous les ans en septembre chez un viticulteur. À la fin du contrat, j'ai droit à la "
         "prime de précarité comme en CDD ?", "viticulteur", True),
        ("Je suis aide à domicile chez une dame âgée qui fume toute la journée dans son salon. Elle en a le droit "
         "alors que c'est mon lieu de travail ?", "salon", True),
        ("parent d'un enfant allergique à l'arachide : qui peut demander la mise en place du PAI à l'école ?",
         "arachide", True),
        ("Comment obtenir le passeport gastronomique délivré par la mairie ?", "gastronomique", False),
        ("Comment demander la carte vitale pour mon chien ?", "chien", False),
        ("Quelles sont les conditions du congé d'hibernation dans le secteur privé ?", "hibernation", False),
        ("Quel est le tarif de l'abonnement annuel au bureau des réclamations cosmiques ?", "abonnement cosmiques",
         False),
        ("J'ai percuté un sanglier hier soir sur la départementale, je suis assuré au tiers : remboursé ?",
         "sanglier soir", False),
    ],
)
def test_one_unknown_word_among_many_named_is_a_detail_of_the_story(question: str, unknown: str, detail: bool) -> None:
    assert a_detail_of_the_story(question, content_words(unknown), _naming) is detail


@pytest.mark.parametrize(
    ("question", "unheld"),
    [
        ("Mon CDD finit jeudi soir : ai-je droit à l'indemnité de fin de contrat ?", ""),
        ("Je pèse 47 kilos et mon CDD est fini : ai-je droit à l'indemnité de fin de contrat ?", ""),
        ("Mon CDD est fini, le patron me doit quelque chose ?", ""),
        ("Mon CDD est fini, le patron me doit une indemnité de téléportation ?", "téléportation"),
    ],
)
def test_when_the_story_happened_and_how_much_it_weighed_are_no_key_terms(question: str, unheld: str) -> None:
    corpus = {term: 50 for term in content_words(CDD_TEXT)}
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000) == content_words(unheld)


@pytest.mark.parametrize(
    ("question", "unknown", "detail"),
    [
        ("Mon fils en fauteuil est en 5e dans un collège ordinaire. Il ne peut pas prendre le car scolaire, alors je "
         "l'emmène tous les jours en voiture. À qui je dois m'adresser pour me faire rembourser ces trajets ?",
         "fauteuil voiture", True),
        ("Mon neveu ivoirien de 17 ans vit chez nous en France depuis 2 ans. Est-ce qu'il lui faut un titre de séjour "
         "alors qu'il est encore mineur ?", "ivoirien", True),
        ("J'ai pris 3 mois de suspension de permis pour un gros excès de vitesse. Pour la visite médicale avant de le "
         "récupérer, je peux aller voir mon médecin de famille ?", "gros", True),
        ("J'ai entendu parler de l'allocation de téléportation. Comment la demander ?", "téléportation", False),
        ("Mon fils veut le permis de soucoupe volante. Quel est l'âge minimum pour le permis de soucoupe ?",
         "soucoupe", False),
        ("Ma fille a 16 ans. Comment obtenir le passeport gastronomique pour elle ?", "gastronomique", False),
    ],
)
def test_an_unknown_word_told_only_before_a_question_that_names_what_it_asks_is_a_detail(
    question: str, unknown: str, detail: bool
) -> None:
    assert a_detail_of_the_story(question, content_words(unknown), _naming) is detail


@pytest.mark.parametrize(
    "details",
    [
        "Mon email est <EMAIL_1>, ", "Courriel : <EMAIL_1>. ", "Mon IBAN <IBAN_1>, ",
        "Son numéro fiscal est le <NUMERO_FISCAL_1> ; ", "Numéro allocataire <NUMERO_ALLOCATAIRE_1>, ",
        "Mon identifiant <IDENTIFIANT_EN_LIGNE_1> et ",
    ],
)
def test_the_words_naming_a_masked_value_are_no_key_terms(details: str) -> None:
    """The value proves the thing exists: « email » or « IBAN », which the texts on a CDD never name, say what the
    person's details are, not what is asked. Before a preposition the word is no name of the value."""
    corpus = {term: 50 for term in content_words(CDD_TEXT)}
    question = details + "quelle est l'indemnité de fin de CDD ?"
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000) == []
    assert unheld_rare_terms(question.replace("CDD", "CDD de téléportation", 1), [CDD_TEXT], _frequency(corpus),
                             10_000) == content_words("téléportation")
    for invented in ("Le passeport gastronomique de <PERSONNE_1> ouvre-t-il droit à l'indemnité de fin de CDD ?",
                     "J'ai reçu un passeport gastronomique via <EMAIL_1> : ouvre-t-il droit à l'indemnité de CDD ?"):
        assert set(unheld_rare_terms(invented, [CDD_TEXT], _frequency(corpus), 10_000)) >= set(
            content_words("gastronomique"))


ABROAD_TEXT = ("Le RSA n'est pas versé si vous séjournez à l'étranger plus de 3 mois. Un séjour hors de France de "
               "moins de 3 mois ne suspend pas le versement.")


@pytest.mark.parametrize(
    ("question", "unheld"),
    [
        ("Je pars deux mois voir ma famille au Maroc, mon RSA continue d'être versé ?", ""),
        ("Je vis 8 mois par an au Portugal, je garde le RSA ?", ""),
        ("Je pars en Algérie pour 4 mois, le RSA est-il suspendu ?", ""),
        ("Je pars sur la planète Mars pour 4 mois, le RSA est-il suspendu ?", "planète"),
    ],
)
def test_a_country_is_held_by_texts_that_speak_of_abroad(question: str, unheld: str) -> None:
    """« Maroc », « Portugal » are what the RSA fiche calls « à l'étranger »; a planet is not a country. The
    nouns are the tagger's; « famille » is common in the corpus."""
    corpus = {term: 50 for term in content_words(ABROAD_TEXT)} | {term: 900 for term in content_words("famille")}
    assert unheld_rare_terms(question, [ABROAD_TEXT], _frequency(corpus), 10_000,
                             naming_words=lambda text: parse(text).naming) == content_words(unheld)


def test_a_country_is_unheld_by_texts_that_never_leave_france() -> None:
    corpus = {term: 50 for term in content_words(CDD_TEXT)}
    question = "Quelle indemnité de fin de contrat pour un CDD au Maroc ?"
    assert unheld_rare_terms(question, [CDD_TEXT], _frequency(corpus), 10_000,
                             naming_words=lambda text: parse(text).naming) == content_words("Maroc")
