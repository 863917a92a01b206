"""Closed lists of redaction: which text of a representation a redaction is in, and why it was made."""

from engage.vocab.base import Vocabulary


class RedactedField(Vocabulary):
    """The free texts of a representation an officer can redact."""

    COMMENT = "comment", "Representation"
    MODIFICATION = "modification", "Modification sought"
    HEARD_REASON = "heard-reason", "Why they wish to be heard"


class RedactionReason(Vocabulary):
    """Why personal data (or worse) is kept out of what is published."""

    CONTACT_DETAILS = "contact-details", "Contact details (email, phone, address or postcode)"
    THIRD_PARTY = "third-party", "Personal data about someone else"
    SPECIAL_CATEGORY = "special-category", "Special category data (such as health)"
    SIGNATURE = "signature", "Signature"
    DEFAMATORY = "defamatory", "Offensive or defamatory content"


class ReviewState(Vocabulary):
    """Where a representation is in the officers' redaction review."""

    TO_REVIEW = "to-review", "To review"
    FLAGGED = "flagged", "Flagged"
    REVIEWED = "reviewed", "Reviewed"
