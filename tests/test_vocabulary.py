"""One vocabulary: every closed list is a StrEnum in engage/vocab/, with its labels."""

import ast
import re
from pathlib import Path

import pytest
from flask import render_template_string

from engage.vocab import VOCABULARIES, Agreement, Level, Mechanism, NotifyEvent, WebhookEventType


def test_a_member_is_its_stored_value():
    assert Agreement.NOT_AGREED == "not-agreed"
    assert f"{Agreement.NOT_AGREED}" == "not-agreed"
    assert Agreement("n-a") is Agreement.NOT_APPLICABLE
    assert Agreement.values() == ("agreed", "not-agreed", "ongoing", "no-response", "n-a")


def test_a_label_is_looked_up_by_the_stored_value():
    assert Agreement.label_of("n-a") == "Not applicable"
    assert Level.label_of("senior-officer") == "Senior officer"


def test_a_value_outside_the_list_shows_as_it_is_or_as_the_default_given():
    assert Agreement.label_of("maybe") == "maybe"
    assert Agreement.label_of("maybe", "") == ""
    assert Agreement.label_of(None) == ""
    assert Agreement.find("maybe") is None and Agreement.find("ongoing") is Agreement.ONGOING


def test_form_options_can_say_more_than_the_label():
    assert Level.MEMBER.label == "Member"
    assert [c.label for c in Level.choices()] == ["Officer", "Senior officer", "Member (councillor)"]
    assert [c.label for c in Level.choices(short=True)][-1] == "Member"
    assert NotifyEvent.ADOPTION.option == "When the plan is adopted"


def test_form_options_start_with_the_empty_choice_and_follow_the_order_asked_for():
    options = Agreement.choices("Any", only=["n-a", "agreed"])
    assert [(c.value, c.label) for c in options] == [("", "Any"), ("n-a", "Not applicable"), ("agreed", "Agreed")]


def test_a_strategy_mechanism_knows_the_kind_of_engagement_it_plans():
    assert Mechanism.MEMBERS_FORUM_MEETING.kind == "forum"
    assert Mechanism("newsletter").kind == "email"


def test_templates_show_labels_through_the_label_filter(app):
    with app.app_context():
        text = render_template_string(
            "{{ 'in-person' | label(Channel) }}; {{ ['justified'] | map('label', SoundnessTest) | join }}"
        )
        tag = render_template_string("{{ status_tag('open').text }}")
    assert (text, tag) == ("In person; Justified", "Open")


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_member_has_a_label(vocabulary):
    assert all(member.label.strip() and member.option.strip() for member in vocabulary)


# Guards -------------------------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Webhook event types name a resource and what happened to it, each part kebab-case: "representation.created".
EVENT_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")
TEMPLATE_DICT = re.compile(r"\{([^{}]*)\}")
TEMPLATE_PAIR = re.compile(r"""['"]([a-z0-9-]+)['"]\s*:\s*['"]([^'"]*)['"]\s*(?=,|\})""")
TEMPLATE_LIST = re.compile(r"\[([^\[\]]*)\]")
TEMPLATE_TUPLE = re.compile(r"""\(\s*['"]([a-z0-9-]*)['"]\s*,\s*['"]([^'"]*)['"]\s*\)""")
# Questions that answer from a closed list in sentences of their own, not in the list's labels.
OWN_WORDING = {"engage/representations/forms.py": {"Answer"}}  # "Are you an agent…?" "No, I am responding for myself…"


def _looks_like_a_label(text) -> bool:
    """Words people read ("Not agreed", "MP briefing"), not a colour, a CSS class or a calendar keyword."""
    return isinstance(text, str) and text[:1].isupper() and not text.isupper()


def _text(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _python_maps(tree: ast.AST):
    """(value, label) pairs of each dict literal, and of each list or tuple of SelectChoice(value, label) or
    (value, label) pairs."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            yield [(_text(key), _text(value)) for key, value in zip(node.keys, node.values, strict=True) if key]
        elif isinstance(node, ast.List | ast.Tuple | ast.Set):
            pairs = []
            for item in node.elts:
                if (
                    isinstance(item, ast.Call)
                    and getattr(item.func, "id", getattr(item.func, "attr", "")) == "SelectChoice"
                ):
                    pairs.append(tuple(_text(arg) for arg in item.args[:2]))
                elif isinstance(item, ast.Tuple) and len(item.elts) == 2:
                    pairs.append(tuple(_text(element) for element in item.elts))
            yield pairs


def _template_maps(text: str):
    """Jinja dict literals {'value': 'Label', …} and lists of pairs [('value', 'Label'), …]."""
    for found in TEMPLATE_DICT.finditer(text):
        yield TEMPLATE_PAIR.findall(found.group(1))
    for found in TEMPLATE_LIST.finditer(text):
        yield TEMPLATE_TUPLE.findall(found.group(1))


def label_maps(root: Path) -> dict[str, set[str]]:
    """For each closed list of engage.vocab, the files under engage/ and templates/ that spell out its labels
    themselves: a dict, a list of choices or a template dict of two or more of its values to words."""
    found: dict[str, set[str]] = {vocabulary.__name__: set() for vocabulary in VOCABULARIES}
    sources = [(path, _python_maps(ast.parse(path.read_text()))) for path in sorted((root / "engage").rglob("*.py"))]
    sources += [(path, _template_maps(path.read_text())) for path in sorted((root / "templates").rglob("*.*"))]
    for path, maps in sources:
        for pairs in maps:
            pairs = [(value, words) for value, words in pairs if value != ""]  # not the "Any" or "Select…" choice
            if len(pairs) < 2 or not all(value and _looks_like_a_label(words) for value, words in pairs):
                continue
            for vocabulary in VOCABULARIES:
                if {value for value, _ in pairs} <= set(vocabulary.values()):
                    found[vocabulary.__name__].add(str(path.relative_to(root)))
    return found


def test_no_closed_list_has_its_labels_spelled_out_outside_the_vocabulary():
    """engage/vocab/ is where each list's labels live; a second map of them (a dict, a choices list, a template
    dict) is how the same value came to read differently on two pages."""
    found = label_maps(ROOT)
    for path, names in OWN_WORDING.items():
        for name in names:
            found[name].discard(path)
    assert {
        name: files for name, files in found.items() if {f for f in files if not f.startswith("engage/vocab/")}
    } == {}


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_stored_value_is_lowercase_kebab_case(vocabulary):
    pattern = EVENT_NAME if vocabulary is WebhookEventType else KEBAB
    assert [value for value in vocabulary.values() if not pattern.match(value)] == []
