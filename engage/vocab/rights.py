"""Closed lists of respondents' rights: how those who asked to be notified are told, and how each notice went."""

from engage.vocab.base import Vocabulary


class NotificationChannel(Vocabulary):
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"


class NotificationStatus(Vocabulary):
    PENDING = "pending", "Not sent yet"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    LISTED = "listed", "On the letter list"


class ErasedText(Vocabulary):
    """Whether erasing a respondent keeps what their representations say."""

    KEEP = "keep", "Keep", "Keep what they wrote: it is the record the plan is examined on, and redactions stay"
    DELETE = "delete", "Delete", "Delete what they wrote and any redacted copies too: only the counts are kept"
