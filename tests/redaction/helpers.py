"""Representations with personal data in them, for the redaction tests."""

from engage.models import utcnow
from engage.representations.services import key_in
from tests.factories import create_consultation

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
REDACTED_PDF = b"%PDF-1.4\n% redacted\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PERSON = {
    "first_name": "Sam",
    "last_name": "Example",
    "organisation": "Example Residents Group",
    "email": "sam.contact@example.com",
    "phone": "01923 555 010",
    "address": "99 Contact Road, Watford",
    "postcode": "WD17 1AB",
}
COMMENT = (
    "The housing figure is not justified. Call me on 07700 900123 or write to 12 Acacia Avenue, St Albans "
    "AL1 3JE. My neighbour Jo Bloggs agrees."
)


def create_representation(consultation=None, *, comment=COMMENT, upload=None, **item):
    consultation = consultation or create_consultation()
    data = {
        "part": "Policy SP1", "nature": "object", "legally_compliant": "yes", "sound": "no",
        "dtc_compliant": "not-specified", "unsound_tests": ["justified"], "comment": comment,
        "modification": "Reduce the figure.", "wishes_to_be_heard": False, **item,
    }  # fmt: skip
    respondent = key_in(consultation, PERSON, None, data, channel="email", received_at=utcnow(), upload=upload)
    return respondent.representations[0]
