"""Admins edit reference data: strategic matters, registers, categories and kinds of body (statutory and current
names); slugs are fixed once made."""

from sqlalchemy import select

from engage.extensions import db
from engage.models import BodyKind, Register, StrategicMatter
from tests.pages import error_summary, get_page, parse, post_form


def test_each_list_shows_its_rows(admin_client):
    page = get_page(admin_client, "admin.reference_list", kind="body-kinds")

    text = page.get_text(" ", strip=True)
    assert "The Highways Agency" in text and "National Highways" in text


def test_an_admin_adds_a_strategic_matter(admin_client):
    response = post_form(
        admin_client, "admin.new_reference", {"slug": "digital", "name": "Digital infrastructure"},
        {"kind": "strategic-matters"},
    )  # fmt: skip

    assert response.status_code == 302
    assert db.session.scalar(select(StrategicMatter.name).where(StrategicMatter.slug == "digital"))


def test_a_taken_slug_and_a_missing_name_are_said_next_to_the_fields(admin_client):
    response = post_form(
        admin_client, "admin.new_reference", {"slug": "green-belt", "name": ""}, {"kind": "strategic-matters"}
    )

    page = parse(response)
    assert error_summary(page) == ["There is already a strategic matter with the slug ‘green-belt’", "Enter the name"]
    assert page.select_one("input[name=slug]")["value"] == "green-belt"


def test_a_kind_of_body_keeps_its_statutory_name_when_renamed(admin_client):
    kind = db.session.scalar(select(BodyKind).where(BodyKind.slug == "national-highways"))
    category = kind.category.slug

    response = post_form(
        admin_client,
        "admin.edit_reference",
        {"category": category, "statutory_name": kind.statutory_name, "current_name": "National Highways Ltd"},
        {"kind": "body-kinds", "item_id": kind.id},
    )

    assert response.status_code == 302
    db.session.expire_all()
    kind = db.session.get(BodyKind, kind.id)
    assert (kind.statutory_name, kind.current_name) == ("The Highways Agency", "National Highways Ltd")


def test_editing_a_register_never_changes_its_slug(admin_client):
    register = db.session.scalar(select(Register).where(Register.slug == "mps"))

    post_form(
        admin_client, "admin.edit_reference", {"slug": "changed", "name": "Members of Parliament", "description": ""},
        {"kind": "registers", "item_id": register.id},
    )  # fmt: skip

    db.session.expire_all()
    assert db.session.get(Register, register.id).slug == "mps"
    assert db.session.get(Register, register.id).name == "Members of Parliament"


def test_an_unknown_row_is_a_404(admin_client):
    get_page(admin_client, "admin.edit_reference", 404, kind="registers", item_id=2**31 - 1)
