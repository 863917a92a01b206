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
