"""Authorities: the partner councils and the neighbours, counties and others they work with."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from engage.extensions import db


class Authority(db.Model):
    __tablename__ = "authority"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="partner")  # engage.vocab.AuthorityKind
    organisation: Mapped[str] = mapped_column(String(64), default="")  # planning data code, e.g. local-authority:WAT

    def __repr__(self) -> str:
        return f"<Authority {self.code}>"
