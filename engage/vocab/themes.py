"""Closed lists of the work on representations after the deadline: themes, tags and main issues."""

from engage.vocab.base import Vocabulary


class SelectionScope(Vocabulary):
    """Which representations a bulk action (tagging, linking to a main issue) applies to."""

    SELECTED = "selected", "Selected", "The representations I have ticked"
    FILTERED = "filtered", "All matching", "Every representation matching the search"
    CAMPAIGN = "campaign", "Whole campaign", "Every representation in a campaign"


class TagAction(Vocabulary):
    """What a bulk action on the themes page does to the selected representations."""

    TAG = "tag", "Tag", "Add the tags"
    UNTAG = "untag", "Untag", "Remove the tags"
    LINK = "link", "Link", "Link to the main issue"
    UNLINK = "unlink", "Unlink", "Unlink from the main issue"
