"""The officers' page to correct a recorded representation: the keying-in form, filled with what was recorded."""

from typing import Any

from wtforms import StringField, SubmitField

from engage.common.widgets import GovSubmitInput, GovTextArea
from engage.consultations.forms import KeyInForm, split_datetime
from engage.models import Representation
from engage.representations.corrections import ITEM_FIELDS
from engage.representations.forms import AboutYouForm, item_form_data


class CorrectionForm(KeyInForm):
    """The recorded representation, to correct; why goes in the audit trail."""

    reason = StringField(
        "Why are you correcting it?",
        widget=GovTextArea(),
        description="For example, the postcode was keyed in wrongly. This is kept in the audit trail.",
    )
    submit = SubmitField("Save corrections", widget=GovSubmitInput())

    @staticmethod
    def initial(representation: Representation) -> dict[str, Any]:
        respondent = representation.respondent
        about = {"respondent": respondent.person(), "agent": respondent.agent, "is_agent": bool(respondent.agent)}
        item = {field: getattr(representation, field) for field in ITEM_FIELDS if field != "part_id"}
        item["part"] = representation.part.ref if representation.part else ""
        day, clock = split_datetime(representation.received_at)
        return {
            **AboutYouForm.data_from_draft(about),
            **item_form_data(item),
            "channel": representation.channel,
            "received_on": day,
            "received_time": clock,
        }
