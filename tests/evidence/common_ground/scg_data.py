"""Statements of Common Ground the tests share, built through the services officers use."""

from datetime import date

from engage.evidence.common_ground import services as scg_services
from engage.evidence.common_ground import signing
from tests.factories import create_authority

TODAY = date(2026, 11, 24)
AGREED_ON = date(2026, 11, 2)
SIGNED_ON = date(2026, 11, 20)


def statement(**overrides):
    data = {"title": "Statement of Common Ground: housing", "area_description": "The five districts of SW Herts."}
    data.update(overrides)
    return scg_services.create_statement(data)


def two_party_statement(**overrides):
    """A draft on housing need and Green Belt between Dacorum and Hertsmere."""
    create_authority("DBC", "Dacorum Borough Council")
    create_authority("HBC", "Hertsmere Borough Council")
    made = statement(**overrides)
    version = made.latest
    scg_services.set_matter(version, {"matter": "housing-need", "position_status": "agreed", "narrative": "Met."})
    scg_services.set_matter(version, {"matter": "green-belt", "position_status": "ongoing"})
    for code, signatory in (("DBC", "A Leader"), ("HBC", "B Leader")):
        scg_services.add_party(version, {"authority": code, "signatory_name": signatory, "matters": ["housing-need"]})
    return made


def signed_statement():
    """Version 1 agreed and signed by its one party, Dacorum."""
    create_authority("DBC", "Dacorum Borough Council")
    made = statement()
    version = made.latest
    scg_services.set_matter(version, {"matter": "housing-need", "position_status": "agreed", "narrative": "Met."})
    scg_services.add_party(version, {"authority": "DBC", "signatory_name": "A Leader", "matters": ["housing-need"]})
    signing.change_status(version, "agreed", AGREED_ON, TODAY)
    signature = {"party": version.parties[0].id, "role": "Leader", "signed_on": SIGNED_ON}
    signing.add_signature(version, signature, TODAY)
    signing.change_status(version, "signed", SIGNED_ON, TODAY)
    return made
