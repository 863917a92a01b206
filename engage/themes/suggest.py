"""Suggested themes for representations nobody has tagged yet: their words weighed by TF-IDF and grouped by
k-means (scikit-learn), each group named by its most telling words. Officers accept a suggestion to make it a
theme and tag its representations; nothing is written until they do."""

from dataclasses import dataclass

from sqlalchemy import exists, not_, select

from engage.extensions import db
from engage.models import Representation, representation_theme
from engage.models.representation import respondent_reference

MAX_REPRESENTATIONS = 5000  # the most recent untagged ones; a few seconds at most on one core
MIN_REPRESENTATIONS = 4
MAX_THEMES = 8
NAME_WORDS = 3


@dataclass
class Suggestion:
    name: str
    terms: list[str]
    representation_ids: list[int]
    references: list[str]
    examples: list[str]  # a few of its representations' words, to judge it by


def _untagged_texts(consultation_id: int) -> list[tuple[int, str, str]]:
    tagged = exists().where(representation_theme.c.representation_id == Representation.id)
    query = (
        select(Representation.id, Representation.respondent_id, Representation.number, Representation.comment)
        .add_columns(Representation.modification)
        .where(Representation.consultation_id == consultation_id, not_(tagged))
        .order_by(Representation.id.desc())
        .limit(MAX_REPRESENTATIONS)
    )
    rows = db.session.execute(query).all()
    return [
        (
            row.id,
            f"{respondent_reference(row.respondent_id)}-{row.number}",
            f"{row.comment}\n{row.modification}".strip(),
        )
        for row in rows
        if (row.comment or "").strip()
    ]


def _name(terms: list[str]) -> str:
    return ", ".join(terms[:NAME_WORDS]).capitalize()


def suggest(consultation_id: int, max_themes: int = MAX_THEMES) -> list[Suggestion]:
    """Up to `max_themes` groups of similar untagged representations, biggest first; none when there are too few
    to group or their words have nothing in common."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = _untagged_texts(consultation_id)
    if len(rows) < MIN_REPRESENTATIONS:
        return []
    texts = [text for _, _, text in rows]
    vectoriser = TfidfVectorizer(
        stop_words="english", max_df=0.8, min_df=2 if len(rows) >= 20 else 1, sublinear_tf=True
    )
    try:
        matrix = vectoriser.fit_transform(texts)
    except ValueError:  # no words left once the common ones are taken out
        return []
    clusters = max(2, min(max_themes, len(rows) // 3, matrix.shape[1]))
    model = KMeans(n_clusters=clusters, n_init=10, random_state=0).fit(matrix)
    words = vectoriser.get_feature_names_out()
    found = []
    for number, centre in enumerate(model.cluster_centers_):
        members = [index for index, label in enumerate(model.labels_) if label == number]
        if len(members) < 2:
            continue
        terms = [str(words[i]) for i in centre.argsort()[::-1][:6] if centre[i] > 0]
        found.append(
            Suggestion(
                name=_name(terms),
                terms=terms,
                representation_ids=sorted(rows[i][0] for i in members),
                references=[rows[i][1] for i in sorted(members, key=lambda i: rows[i][0])],
                examples=[texts[i][:200] for i in members[:3]],
            )
        )
    return sorted(found, key=lambda s: -len(s.representation_ids))
