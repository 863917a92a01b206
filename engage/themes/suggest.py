"""Suggested themes for representations nobody has tagged yet: their words weighed by TF-IDF and grouped by
k-means (scikit-learn), each group named by its most telling words. Officers accept a suggestion to make it a
theme and tag its representations; nothing is written until they do.

A few hundred representations are grouped while the page loads. More than INLINE_LIMIT are grouped by a background
job (engage.jobs) an officer starts; the page and the API then show the latest job's suggestions."""

from dataclasses import asdict, dataclass

from sqlalchemy import exists, func, not_, select

from engage import jobs
from engage.extensions import db
from engage.models import Consultation, Job, Representation, representation_theme
from engage.models.representation import respondent_reference

JOB_KIND = "theme-suggestions"
INLINE_LIMIT = 1000  # untagged representations grouped while the page loads
MAX_REPRESENTATIONS = 30000  # the most recent untagged ones, in a job
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


def _untagged():
    return not_(exists().where(representation_theme.c.representation_id == Representation.id))


def untagged_count(consultation_id: int) -> int:
    query = select(func.count(Representation.id)).where(Representation.consultation_id == consultation_id)
    return db.session.scalar(query.where(_untagged(), Representation.comment != "")) or 0


def _untagged_texts(consultation_id: int, limit: int) -> list[tuple[int, str, str]]:
    query = (
        select(Representation.id, Representation.respondent_id, Representation.number, Representation.comment)
        .add_columns(Representation.modification)
        .where(Representation.consultation_id == consultation_id, _untagged())
        .order_by(Representation.id.desc())
        .limit(limit)
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


def suggest(consultation_id: int, max_themes: int = MAX_THEMES, limit: int = INLINE_LIMIT) -> list[Suggestion]:
    """Up to `max_themes` groups of similar untagged representations (the `limit` most recent), biggest first; none
    when there are too few to group or their words have nothing in common."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = _untagged_texts(consultation_id, limit)
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
    # Several starts pick the best grouping of a small set; a large one (a job) settles for fewer.
    model = KMeans(n_clusters=clusters, n_init=10 if len(rows) <= INLINE_LIMIT else 3, random_state=0).fit(matrix)
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


# Large consultations: a background job ------------------------------------------------------------------------------


@dataclass
class Found:
    """What the suggestions page shows: the suggestions, and the job they come from (None when grouped inline)."""

    suggestions: list[Suggestion]
    job: Job | None
    inline: bool


def latest_job(consultation_id: int) -> Job | None:
    query = select(Job).where(Job.kind == JOB_KIND).order_by(Job.id.desc()).limit(200)
    return next(
        (job for job in db.session.scalars(query) if job.params.get("consultation_id") == consultation_id), None
    )


def current(consultation_id: int) -> Found:
    """Grouped now when there are few untagged representations; else the latest job's suggestions, if any."""
    if untagged_count(consultation_id) <= INLINE_LIMIT:
        return Found(suggest(consultation_id), None, inline=True)
    job = latest_job(consultation_id)
    found = [Suggestion(**each) for each in (job.result or {}).get("suggestions", [])] if job else []
    return Found(found, job, inline=False)


def start_job(consultation: Consultation, user=None) -> Job:
    """Queue the grouping of the consultation's untagged representations; it runs once this commit is done."""
    job = Job(
        kind=JOB_KIND,
        user_id=getattr(user, "id", None),
        params={"consultation_id": consultation.id},
        total_rows=min(untagged_count(consultation.id), MAX_REPRESENTATIONS),
    )
    db.session.add(job)
    db.session.flush()
    jobs.enqueue_after_commit("engage.themes.suggest.run_job", job.id)
    db.session.commit()
    return job


def run_job(job_id: int) -> dict:
    """The job: group the untagged representations and keep the suggestions in the job's result. Safe to run twice."""
    job = db.session.get(Job, job_id)
    found = suggest(job.params["consultation_id"], limit=MAX_REPRESENTATIONS)
    return {"suggestions": [asdict(each) for each in found]}
