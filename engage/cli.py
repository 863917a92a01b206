"""Flask commands: `flask --app wsgi <command>`."""

import click
from flask import Flask
from flask.cli import with_appcontext

from engage.extensions import db
from engage.vocab import PlanRoute, Role


def register(app: Flask) -> None:
    @app.cli.command("create-user")
    @click.argument("email")
    @click.option("--role", type=click.Choice(Role.values()), default="officer", show_default=True)
    @click.option("--authority", "authority_code", help="Authority code, e.g. WBC")
    @click.option("--password", help="Password; one is generated and printed when not given")
    @click.option("--name", default="", help="Full name")
    def create_user(email, role, authority_code, password, name):
        """Create an officer account."""
        from engage.admin.services import add_user_from_command
        from engage.common.validation import ValidationError

        try:
            user, generated = add_user_from_command(email, name, role, authority_code, password)
        except ValidationError as error:
            problems = [f"{field}: {message}" for field, messages in error.errors.items() for message in messages]
            raise click.ClickException("; ".join(problems)) from error
        click.echo(f"Created {user.email} ({user.role})")
        if not password:
            click.echo(f"Password: {generated}")

    @app.cli.command("create-token")
    @click.argument("email")
    @click.option("--name", default="Command line", help="What the token is for")
    def create_token(email, name):
        """Create an API token for a user and print it alone on the last line."""
        from engage.auth.services import create_token as create
        from engage.auth.services import find_user

        user = find_user(email)
        if user is None:
            raise click.ClickException(f"No user with the email {email}")
        click.echo(create(user, name))

    @app.cli.command("seed-reference")
    def seed_reference():
        """Load registers, legal categories and strategic matters (idempotent)."""
        from engage.seeds.reference import load_reference

        load_reference()
        click.echo("Reference data loaded")

    @app.cli.command("seed-demo")
    def seed_demo():
        """Load the demo plan, authorities, stakeholders and sign-in (idempotent)."""
        from engage.seeds.demo import DEMO_PASSWORD, DEMO_USERS, load_demo

        load_demo()
        click.echo("Demo data loaded. Sign in with:")
        for email, role, _ in DEMO_USERS:
            click.echo(f"  {email} / {DEMO_PASSWORD} ({role})")

    @app.cli.command("worker")
    @click.option("--burst", is_flag=True, help="Stop when the queue is empty")
    @click.option("--simple", is_flag=True, help="Run jobs in this process, not one forked process each (emails)")
    def worker(burst, simple):
        """Run background jobs (imports, emails) from the Redis queue named by REDIS_URL."""
        from engage.jobs import work

        try:
            work(burst=burst, simple=simple)
        except RuntimeError as error:
            raise click.ClickException(str(error)) from error

    @app.cli.command("db-ready")
    def db_ready():
        """Exit 0 when the database answers."""
        db.session.execute(db.text("SELECT 1"))
        click.echo("ok")

    app.cli.add_command(purge_drafts)
    app.cli.add_command(send_reminders)
    app.cli.add_command(setup_plan)
    app.cli.add_command(send_webhooks)
    app.cli.add_command(apply_retention)


@click.command("setup-plan")
@click.option("--name", help="Name of the plan, e.g. Watford Local Plan")
@click.option("--route", type=click.Choice(PlanRoute.values()), help="2026 or legacy (the 2012 regulations)")
@click.option("--partner", "partners", multiple=True, help="CODE=Name, or CODE if known; the lead first; repeatable")
@click.option("--slug", default="", help="Short name for web addresses; made from the name when not given")
@click.option("--reference", default="", help="Planning data reference; the slug when not given")
@click.option("--description", default="")
@click.option("--stage", "stages", multiple=True, help="slug=YYYY-MM-DD[..YYYY-MM-DD], predicted dates; repeatable")
@click.option("--no-input", is_flag=True, help="Ask nothing: missing answers are errors")
@with_appcontext
def setup_plan(name, route, partners, slug, reference, description, stages, no_input):
    """Set up a plan: its route and stages (with predicted dates) and its partner authorities, the lead first."""
    from engage.common.validation import ValidationError
    from engage.plans import first_run, queries, services
    from engage.seeds.reference import load_reference

    load_reference()
    ask = not no_input
    name = name or (click.prompt("Name of the plan") if ask else "")
    route = route or (click.prompt("Route", type=click.Choice(PlanRoute.values()), default="2026") if ask else "")
    if not partners and ask:
        partners = (click.prompt("Partner authorities, the lead first (CODE=Name, comma-separated)"),)
    try:
        known = {authority.code for authority in queries.all_authorities()}
        codes, new = first_run.parse_partners(list(partners), known)
        dates = [first_run.parse_stage(answer) for answer in stages]
        template = queries.route_template(route)
        if ask and not stages and template is not None:
            for stage_slug, question in first_run.stage_questions(template):
                answer = click.prompt(question, default="", show_default=False).strip()
                if answer:
                    dates.append(first_run.parse_stage(f"{stage_slug}={answer}"))
    except first_run.AnswerError as error:
        raise click.ClickException(str(error)) from error
    data = {"name": name, "route": route, "slug": slug, "reference": reference, "description": description}
    data |= {"partners": codes, "lead_authority": codes[0] if codes else "", "stages": dates}
    try:
        plan = services.set_up_plan(data, new)
    except ValidationError as error:
        problems = "\n".join(f"  {field}: {m}" for field, ms in error.errors.items() for m in ms)
        raise click.ClickException(f"The plan was not set up:\n{problems}") from error
    click.echo(
        f"Set up {plan.name} ({plan.slug}) on the {PlanRoute.label_of(plan.route)} with {len(plan.stages)} stages"
    )
    click.echo(f"Partners: {', '.join(a.code for a in plan.partners_lead_first)} (lead {plan.lead_authority.code})")


@click.command("purge-drafts")
@click.option(
    "--days",
    type=click.IntRange(min=0),
    default=None,
    help="Keep unsent responses this many days after their consultation closes (default DRAFT_RETENTION_DAYS, 30)",
)
@with_appcontext
def purge_drafts(days):
    """Delete online responses never sent, once their consultation has long closed, and unused files."""
    from engage.respond.cleanup import purge_drafts as purge

    purged = purge(retention_days=days)
    click.echo(purged.summary())


@click.command("send-reminders")
@with_appcontext
def send_reminders():
    """Email officers about tomorrow's engagements and overdue actions (run from cron)."""
    from engage.engagements.reminders import send_reminders as send

    job = send()
    db.session.refresh(job)
    if job.status == "done":
        result = job.result or {}
        click.echo(f"Sent {result.get('emails', 0)} reminder emails.")
    elif job.status == "failed":
        raise click.ClickException("Sending reminders failed; see the log.")
    else:
        click.echo(f"Reminders queued as job {job.id}.")


@click.command("send-webhooks")
@with_appcontext
def send_webhooks():
    """Record consultations that have closed as webhook events and send any delivery left unsent (run from cron)."""
    from engage.webhooks.services import sweep

    closed, queued = sweep()
    click.echo(f"Recorded {closed} consultation closings; queued {queued} webhook deliveries.")


@click.command("apply-retention")
@click.option("--dry-run", is_flag=True, help="Say whose personal data would be erased, and change nothing")
@with_appcontext
def apply_retention(dry_run):
    """Erase the personal data of respondents whose plan's retention period has ended (run from cron)."""
    from engage.personal_data.retention import apply_retention as apply

    for outcome in apply(dry_run=dry_run):
        click.echo(outcome.summary(dry_run))
        for reference in outcome.references[:50] if dry_run else ():
            click.echo(f"  {reference}")
