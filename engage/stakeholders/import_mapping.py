"""Which column of an import feeds which field: the rules the columns page and the API share."""

from engage.stakeholders.imports import FIELDS, NAME_FIELDS

NEED_A_NAME = "Choose a column for the first name, last name or organisation"


def mapping_errors(columns: list[str], mapping: dict[str, str]) -> dict[str, list[str]]:
    """Messages by column: a field that is not one, a field chosen for two columns (the second is wrong), and no
    column for a name (on the first column)."""
    errors: dict[str, list[str]] = {}
    chosen: dict[str, str] = {}
    for column in columns:
        field = mapping.get(column) or ""
        if not field:
            continue
        if field not in FIELDS:
            errors.setdefault(column, []).append(f"‘{field[:50]}’ is not a field: choose one of {', '.join(FIELDS)}")
            continue
        if field in chosen:
            message = f"‘{FIELDS[field]}’ is already chosen for ‘{chosen[field]}’ – choose it once"
            errors.setdefault(column, []).append(message)
        chosen.setdefault(field, column)
    if columns and not any(name in chosen for name in NAME_FIELDS):
        errors.setdefault(columns[0], []).append(NEED_A_NAME)
    return errors
