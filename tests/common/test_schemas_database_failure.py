import pytest
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError

from engage.common.schemas import Output


class Named(Output):
    name: str


class LostConnection:
    @property
    def name(self):
        raise OperationalError("SELECT name", None, Exception("terminating connection due to administrator command"))


class Broken:
    @property
    def name(self):
        raise ValueError("a mistake in the code")


def test_a_lost_connection_while_reading_a_record_is_raised_as_the_database_error_it_was():
    with pytest.raises(OperationalError) as raised:
        Named.of(LostConnection())
    assert raised.value.connection_invalidated


def test_any_other_failure_while_reading_a_record_stays_a_validation_error():
    with pytest.raises(ValidationError):
        Named.of(Broken())
