"""Closed lists of campaigns: groups of near-identical representations."""

from engage.vocab.base import Vocabulary


class CampaignStatus(Vocabulary):
    """A group the grouping job found is suggested until an officer confirms it is a campaign."""

    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
