"""French recognizers, one module per family; `french_recognizers()` builds a fresh set."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from redaction.recognizers.address import FrAddressRecognizer
from redaction.recognizers.bank_card import FrBankCardRecognizer
from redaction.recognizers.benefits import FrBenefitsNumberRecognizer, FrFranceTravailIdRecognizer
from redaction.recognizers.birth_date import FrBirthDateRecognizer, FrBirthPlaceRecognizer
from redaction.recognizers.business import FrBusinessNumberRecognizer
from redaction.recognizers.case_numbers import FrCaseNumberRecognizer
from redaction.recognizers.email import FrEmailRecognizer
from redaction.recognizers.file_names import FrFileNameRecognizer
from redaction.recognizers.french_words import french_words
from redaction.recognizers.given_names import FrGivenNameRecognizer, insee_names, name_key
from redaction.recognizers.iban import FrIbanRecognizer
from redaction.recognizers.identity_documents import (
    FrDrivingLicenceRecognizer,
    FrForeignerNumberRecognizer,
    FrIdentityCardRecognizer,
    FrPassportRecognizer,
)
from redaction.recognizers.nir import FrNirRecognizer
from redaction.recognizers.online import FrIpAddressRecognizer, FrOnlineHandleRecognizer, FrPasswordRecognizer
from redaction.recognizers.partial_numbers import (
    FrPartialCardRecognizer,
    FrPartialIbanRecognizer,
    FrPartialTaxNumberRecognizer,
)
from redaction.recognizers.person import FrPersonRecognizer
from redaction.recognizers.phone import FrPhoneRecognizer, FrSpokenPhoneRecognizer
from redaction.recognizers.scripts import FrForeignScriptNameRecognizer
from redaction.recognizers.spoken_identifiers import FrSpokenIdentifierRecognizer
from redaction.recognizers.tables import FrTableRecognizer
from redaction.recognizers.tax import FrTaxNumberRecognizer
from redaction.recognizers.vehicle import FrLicencePlateRecognizer

RECOGNIZER_CLASSES: tuple[type[EntityRecognizer], ...] = (
    FrEmailRecognizer,
    FrPhoneRecognizer,
    FrSpokenPhoneRecognizer,
    FrSpokenIdentifierRecognizer,
    FrNirRecognizer,
    FrIbanRecognizer,
    FrTaxNumberRecognizer,
    FrBenefitsNumberRecognizer,
    FrFranceTravailIdRecognizer,
    FrPassportRecognizer,
    FrIdentityCardRecognizer,
    FrDrivingLicenceRecognizer,
    FrForeignerNumberRecognizer,
    FrLicencePlateRecognizer,
    FrAddressRecognizer,
    FrBirthDateRecognizer,
    FrBirthPlaceRecognizer,
    FrBankCardRecognizer,
    FrBusinessNumberRecognizer,
    FrIpAddressRecognizer,
    FrOnlineHandleRecognizer,
    FrCaseNumberRecognizer,
    FrTableRecognizer,
    FrForeignScriptNameRecognizer,
    FrPartialCardRecognizer,
    FrPartialTaxNumberRecognizer,
    FrPartialIbanRecognizer,
)


def french_recognizers(spacy_model: str) -> list[EntityRecognizer]:
    """The person and password recognizers read the French dictionary of `spacy_model` to tell names and secrets
    from words."""
    others = [recognizer_class() for recognizer_class in RECOGNIZER_CLASSES]
    french = french_words(spacy_model)
    names = insee_names()
    def is_given_name(word: str) -> bool:
        return name_key(word) in names.given

    return [FrPersonRecognizer(french, is_given_name), FrGivenNameRecognizer(french, names),
            FrPasswordRecognizer(french), FrFileNameRecognizer(french, is_given_name), *others]
