"""Every route declares who may use it, and anonymous visitors, viewers, officers and admins get from every endpoint
what the matrix below says.

The matrix has a row for every endpoint in app.url_map (a test fails for an endpoint without one): its URL, filled in
from a small set of objects (`world`), and what each role gets. Pages are fetched with GET. Endpoints that take only
POST, PATCH or DELETE are sent an empty form or JSON body: a role without the permission is refused, and a role with
it gets past the check (PASSES: what it then gets depends on the body). Pages send those who are not signed in to
sign in; the API answers them 401.
"""

import hashlib
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from engage.auth.services import create_token
from engage.campaigns.grouping import find_campaigns
from engage.consultations.invitations import invite
from engage.consultations.services import add_document, add_question
from engage.engagements.feeds import create_feed
from engage.evidence.common_ground import services as scg_services
from engage.extensions import db
from engage.models import (
    ApiToken,
    BodyKind,
    Campaign,
    EngagementDocument,
    MainIssue,
    Publicity,
    RegisterPublication,
    Theme,
    utcnow,
)
from engage.models.user import hash_token
from engage.notifications.services import record_event
from engage.redaction import services as redaction_services
from engage.representations.services import key_in
from engage.representations.uploads import prepare as prepare_upload
from engage.respond.services import new_draft
from engage.stakeholders.imports import create_import, save_mapping, start_import
from engage.strategy.services import create_entry
from tests.factories import (
    create_action,
    create_consultation,
    create_engagement,
    create_plan,
    create_stakeholder,
    create_user,
    create_webhook_delivery,
)

DECLARED = {"public", "view", "edit", "admin"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PEOPLE_CSV = b"first_name,last_name,email\nSam,Example,sam@example.com\n"

ROLES = ("anonymous", "viewer", "officer", "admin")
SIGN_IN = "sign in"  # a redirect to the sign-in page
PASSES = "passes"  # neither 401 nor 403 nor sent to sign in: the permission let the request through

EVERYONE = (200, 200, 200, 200)
VIEWERS = (SIGN_IN, 200, 200, 200)
EDITORS = (SIGN_IN, 403, 200, 200)
ADMINS = (SIGN_IN, 403, 403, 200)
POST_VIEWERS = (SIGN_IN, PASSES, PASSES, PASSES)
POST_EDITORS = (SIGN_IN, 403, PASSES, PASSES)
POST_ADMINS = (SIGN_IN, 403, 403, PASSES)
API_VIEWERS = (401, 200, 200, 200)
API_EDITORS = (401, 403, PASSES, PASSES)
API_ADMINS = (401, 403, 403, 200)
API_WRITE_ADMINS = (401, 403, 403, PASSES)

# endpoint: (URL, what (anonymous, viewer, officer, admin) get). URL fields name the objects `world` makes.
MATRIX: dict[str, tuple[str, tuple]] = {
    "main.index": ("/", VIEWERS),
    "main.accessibility": ("/accessibility", EVERYONE),
    "main.cookies": ("/cookies", EVERYONE),
    "main.privacy": ("/privacy", EVERYONE),
    "main.healthz": ("/healthz", EVERYONE),
    # Signed-in people are sent on from the sign-in page; signing out always ends there.
    "auth.sign_in": ("/sign-in", (200, 302, 302, 302)),
    "auth.sign_out": ("/sign-out", (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN)),
    "auth.account": ("/account", VIEWERS),
    "auth.revoke_token": ("/account/tokens/{token}/revoke", POST_VIEWERS),
    "auth.change_password": ("/account/password", VIEWERS),
    "auth.forgot_password": ("/forgot-password", EVERYONE),
    # A link that is not a real reset link has gone; the code page needs a password accepted first.
    "auth.reset_password": ("/reset-password/not-a-real-token", (410, 410, 410, 410)),
    "auth.sign_in_code": ("/sign-in/code", (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN)),
    "auth.two_factor_set_up": ("/account/two-factor", VIEWERS),
    # Nobody in the matrix has two-factor sign-in on, so the page sends them back to their account.
    "auth.two_factor_turn_off": ("/account/two-factor/turn-off", (SIGN_IN, 302, 302, 302)),
    "admin.users": ("/admin/users", ADMINS),
    "admin.new_user": ("/admin/users/new", ADMINS),
    "admin.audit": ("/admin/audit", ADMINS),
    "admin.edit_user": ("/admin/users/{user}/edit", ADMINS),
    "admin.deactivate_user": ("/admin/users/{user}/deactivate", ADMINS),
    "admin.reactivate_user": ("/admin/users/{user}/reactivate", POST_ADMINS),
    "webhooks.index": ("/webhooks", ADMINS),
    "webhooks.new": ("/webhooks/new", ADMINS),
    "webhooks.show": ("/webhooks/{webhook}", ADMINS),
    "webhooks.delete": ("/webhooks/{webhook}/delete", ADMINS),
    "webhooks.delivery": ("/webhooks/deliveries/{webhook_delivery}", ADMINS),
    "webhooks.replay": ("/webhooks/deliveries/{webhook_delivery}/replay", POST_ADMINS),
    "admin.turn_off_two_factor": ("/admin/users/{user}/two-factor/turn-off", POST_ADMINS),
    "admin.reference_list": ("/admin/reference/body-kinds", ADMINS),
    "admin.new_reference": ("/admin/reference/strategic-matters/new", ADMINS),
    "admin.edit_reference": ("/admin/reference/body-kinds/{body_kind}/edit", ADMINS),
    "plans.index": ("/plans/", VIEWERS),
    "plans.new": ("/plans/new", ADMINS),
    "plans.new_authority": ("/plans/authorities/new", ADMINS),
    "plans.show": ("/plans/{plan}", VIEWERS),
    "plans.edit": ("/plans/{plan}/edit", EDITORS),
    "plans.stages": ("/plans/{plan}/stages", EDITORS),
    "plans.plan_csv": ("/plans/{plan}/plan.csv", VIEWERS),
    "plans.timetable_csv": ("/plans/{plan}/plan-timetable.csv", VIEWERS),
    "notifications.index": ("/notifications/plans/{plan}", VIEWERS),
    "notifications.new": ("/notifications/plans/{plan}/new", EDITORS),
    "notifications.show": ("/notifications/{notification_event}", VIEWERS),
    "notifications.send_again": ("/notifications/{notification_event}/send-again", POST_EDITORS),
    "notifications.letters": ("/notifications/{notification_event}/letters.csv", EDITORS),
    "notifications.who_asked": ("/notifications/plans/{plan}/who-asked.xlsx", EDITORS),
    "personal_data.index": ("/personal-data/?q=Pat", EDITORS),
    "personal_data.erase": ("/personal-data/respondents/{respondent}/erase", EDITORS),
    "personal_data.retention": ("/personal-data/plans/{plan}/retention", EDITORS),
    "personal_data.subject_access_file": ("/personal-data/respondents/{respondent}/subject-access.zip", EDITORS),
    "stakeholders.index": ("/stakeholders/", VIEWERS),
    "stakeholders.new": ("/stakeholders/new", EDITORS),
    "stakeholders.show": ("/stakeholders/{stakeholder}", VIEWERS),
    "stakeholders.edit": ("/stakeholders/{stakeholder}/edit", EDITORS),
    "stakeholders.erase": ("/stakeholders/{stakeholder}/erase", EDITORS),
    "stakeholders.export": ("/stakeholders/export.csv", VIEWERS),
    "stakeholders.import_upload": ("/stakeholders/import", EDITORS),
    "stakeholders.import_columns": ("/stakeholders/import/{job}/columns", EDITORS),
    "stakeholders.import_preview": ("/stakeholders/import/{job}/preview", EDITORS),
    "stakeholders.import_show": ("/stakeholders/import/{finished_job}", EDITORS),
    "stakeholders.import_progress": ("/stakeholders/import/{finished_job}/progress.json", EDITORS),
    "engagements.index": ("/engagements/", VIEWERS),
    "engagements.new": ("/engagements/new", EDITORS),
    "engagements.show": ("/engagements/{engagement}", VIEWERS),
    "engagements.edit": ("/engagements/{engagement}/edit", EDITORS),
    "engagements.held": ("/engagements/{engagement}/held", EDITORS),
    "engagements.document": ("/engagements/{engagement}/documents/{minutes}", VIEWERS),
    "engagements.add_action": ("/engagements/{engagement}/actions", POST_EDITORS),
    "engagements.stakeholder_search": ("/engagements/stakeholder-search?q=Sam", VIEWERS),
    "engagements.calendar": ("/engagements/calendar", VIEWERS),
    "engagements.export_ics": ("/engagements/export.ics", VIEWERS),
    "engagements.calendar_feeds": ("/engagements/calendar-feeds", VIEWERS),
    "engagements.revoke_calendar_feed": ("/engagements/calendar-feeds/{feed}/revoke", POST_VIEWERS),
    "engagements.feed": ("/engagements/feed/{feed_token}.ics", EVERYONE),
    "actions.index": ("/actions/", VIEWERS),
    "actions.update": ("/actions/{action}", POST_EDITORS),
    "strategy.index": ("/strategy/", VIEWERS),
    "strategy.new": ("/strategy/new", EDITORS),
    "strategy.edit": ("/strategy/{entry}/edit", EDITORS),
    "strategy.generate": ("/strategy/schedule", POST_EDITORS),
    "consultations.index": ("/consultations/", VIEWERS),
    "consultations.new": ("/consultations/new", EDITORS),
    "consultations.show": ("/consultations/{consultation}", VIEWERS),
    "consultations.edit": ("/consultations/{consultation}/edit", EDITORS),
    "consultations.parts": ("/consultations/{consultation}/parts", EDITORS),
    "consultations.preview": ("/consultations/{consultation}/preview", VIEWERS),
    "consultations.publish": ("/consultations/{consultation}/publish", POST_EDITORS),
    "consultations.documents": ("/consultations/{consultation}/documents", EDITORS),
    "consultations.remove_document": ("/consultations/{consultation}/documents/{document}/remove", POST_EDITORS),
    "consultations.questions": ("/consultations/{consultation}/questions", EDITORS),
    "consultations.remove_question": ("/consultations/{consultation}/questions/{question}/remove", POST_EDITORS),
    "consultations.invitations": ("/consultations/{consultation}/invitations", EDITORS),
    "consultations.letters": ("/consultations/{consultation}/invitations/letters.csv", VIEWERS),
    "consultations.representations": ("/consultations/{consultation}/representations", VIEWERS),
    "consultations.new_representation": ("/consultations/{consultation}/representations/new", EDITORS),
    "consultations.representation": ("/consultations/representations/{reference}", VIEWERS),
    "consultations.attachment": ("/consultations/representations/{reference}/attachments/{attachment}", VIEWERS),
    "consultations.link_stakeholder": ("/consultations/representations/{reference}/link", POST_EDITORS),
    "consultations.withdraw": ("/consultations/representations/{reference}/withdraw", EDITORS),
    "consultations.reinstate": ("/consultations/representations/{reference}/reinstate", EDITORS),
    "consultations.correct_representation": ("/consultations/representations/{reference}/correct", EDITORS),
    "consultations.upload_template": ("/consultations/{consultation}/representation-uploads/template.xlsx", EDITORS),
    "consultations.new_upload": ("/consultations/{consultation}/representation-uploads/new", EDITORS),
    "consultations.upload": ("/consultations/{consultation}/representation-uploads/{upload}", EDITORS),
    "campaigns.index": ("/consultations/{consultation}/campaigns", VIEWERS),
    "campaigns.find": ("/consultations/{consultation}/campaigns/find", POST_EDITORS),
    "campaigns.show": ("/consultations/{consultation}/campaigns/{campaign}", VIEWERS),
    "campaigns.edit": ("/consultations/{consultation}/campaigns/{campaign}/edit", EDITORS),
    "campaigns.confirm": ("/consultations/{consultation}/campaigns/{campaign}/confirm", POST_EDITORS),
    "campaigns.split": ("/consultations/{consultation}/campaigns/{campaign}/split", POST_EDITORS),
    "campaigns.merge": ("/consultations/{consultation}/campaigns/{campaign}/merge", POST_EDITORS),
    "campaigns.dissolve": ("/consultations/{consultation}/campaigns/{campaign}/dissolve", POST_EDITORS),
    # The public response pages: the same for everyone. Without a response under way in the session, the pages of
    # one send the visitor back to its start (302), and a file of one is not found.
    "respond.index": ("/consult/", EVERYONE),
    "respond.show": ("/consult/{slug}", EVERYONE),
    "respond.document": ("/consult/{slug}/documents/{document}", EVERYONE),
    "respond.preview_document": ("/consult/preview/{consultation}/documents/{document}", VIEWERS),
    "respond.about_you": ("/consult/{slug}/respond/about-you", EVERYONE),
    "respond.representation": ("/consult/{slug}/respond/representations/1", (302, 302, 302, 302)),
    "respond.remove": ("/consult/{slug}/respond/representations/1/remove", (302, 302, 302, 302)),
    "respond.attachment": ("/consult/{slug}/respond/attachments/{attachment}", (404, 404, 404, 404)),
    "respond.remove_attachment": ("/consult/{slug}/respond/attachments/{attachment}/remove", (404, 404, 404, 404)),
    "respond.check": ("/consult/{slug}/respond/check", (302, 302, 302, 302)),
    "respond.confirmation": ("/consult/{slug}/respond/confirmation", (302, 302, 302, 302)),
    "respond.another_client": ("/consult/{slug}/respond/another-client", (302, 302, 302, 302)),
    "respond.save": ("/consult/{slug}/respond/save", (302, 302, 302, 302)),
    "respond.resume": ("/consult/{slug}/respond/return/{draft_token}", (302, 302, 302, 302)),
    # "You said, we did" is public once officers publish it; the matrix's consultation has not.
    "respond.you_said_we_did": ("/consult/{slug}/you-said-we-did", (404, 404, 404, 404)),
    "themes.index": ("/themes/consultations/{consultation}", VIEWERS),
    "themes.bulk_action": ("/themes/consultations/{consultation}/bulk", POST_EDITORS),
    "themes.new_theme": ("/themes/consultations/{consultation}/themes", POST_EDITORS),
    "themes.edit_theme": ("/themes/{theme}/edit", EDITORS),
    "themes.delete_theme": ("/themes/{theme}/delete", EDITORS),
    "themes.suggestions": ("/themes/consultations/{consultation}/suggestions", VIEWERS),
    "themes.accept_suggestion": ("/themes/consultations/{consultation}/suggestions/accept", POST_EDITORS),
    "themes.find_suggestions": ("/themes/consultations/{consultation}/suggestions/find", POST_EDITORS),
    "themes.main_issues": ("/themes/consultations/{consultation}/main-issues", VIEWERS),
    "themes.publish_feedback": ("/themes/consultations/{consultation}/you-said-we-did/publish", POST_EDITORS),
    "themes.unpublish_feedback": ("/themes/consultations/{consultation}/you-said-we-did/unpublish", POST_EDITORS),
    "themes.main_issue": ("/themes/main-issues/{issue}", VIEWERS),
    "themes.unlink": ("/themes/main-issues/{issue}/unlink", POST_EDITORS),
    "themes.response": ("/themes/representations/{reference}/response", EDITORS),
    "respond.register_index": ("/consult/{slug}/representations", EVERYONE),
    "respond.register_entry": ("/consult/{slug}/representations/{reference}", EVERYONE),
    "respond.register_file": ("/consult/{slug}/representations/{reference}/files/{attachment}", EVERYONE),
    "respond.register_download": ("/consult/{slug}/representations.csv", EVERYONE),
    "redaction.queue": ("/redaction/consultations/{consultation}", VIEWERS),
    "redaction.show": ("/redaction/representations/{reference}", VIEWERS),
    "redaction.redact": ("/redaction/representations/{reference}/redact", POST_EDITORS),
    "redaction.accept": ("/redaction/representations/{reference}/suggestions", POST_EDITORS),
    "redaction.remove": ("/redaction/representations/{reference}/redactions/{redaction}/remove", POST_EDITORS),
    "redaction.review": ("/redaction/representations/{reference}/review", POST_EDITORS),
    "redaction.attachment": ("/redaction/representations/{reference}/attachments/{attachment}", EDITORS),
    "redaction.redacted_copy": ("/redaction/representations/{reference}/attachments/{attachment}/redacted", VIEWERS),
    "redaction.remove_copy": (
        "/redaction/representations/{reference}/attachments/{attachment}/redacted/remove",
        POST_EDITORS,
    ),
    "redaction.publication_page": ("/redaction/consultations/{consultation}/publication", EDITORS),
    "redaction.unpublish": ("/redaction/consultations/{consultation}/unpublish", POST_EDITORS),
    "redaction.public_export": ("/redaction/consultations/{consultation}/register.csv", VIEWERS),
    # The complete representations with contact details: not for publication, officers and admins only.
    "redaction.inspector_export": ("/redaction/consultations/{consultation}/inspector.xlsx", EDITORS),
    "evidence.index": ("/evidence/", VIEWERS),
    "evidence.dashboard.show": ("/evidence/dashboard", VIEWERS),
    "evidence.dtc.table": ("/evidence/dtc-table", VIEWERS),
    "evidence.dtc.table_file": ("/evidence/dtc-table.csv", VIEWERS),
    "evidence.dtc.matrix": ("/evidence/dtc-matrix", VIEWERS),
    "evidence.dtc.matrix_file": ("/evidence/dtc-matrix.csv", VIEWERS),
    "evidence.common_ground.index": ("/evidence/common-ground/", VIEWERS),
    "evidence.common_ground.new": ("/evidence/common-ground/new", EDITORS),
    "evidence.common_ground.show": (
        "/evidence/common-ground/{statement}",
        (SIGN_IN, 302, 302, 302),
    ),  # to its latest version
    "evidence.common_ground.new_version": (
        "/evidence/common-ground/{statement}/new-version",
        (SIGN_IN, 403, 302, 302),
    ),  # the latest version is a draft: back to it
    "evidence.common_ground.version": ("/evidence/common-ground/{statement}/versions/1", VIEWERS),
    "evidence.common_ground.download": ("/evidence/common-ground/{statement}/versions/1.docx", VIEWERS),
    "evidence.common_ground.edit": ("/evidence/common-ground/{statement}/versions/1/edit", EDITORS),
    "evidence.common_ground.matter": ("/evidence/common-ground/{statement}/versions/1/matters", EDITORS),
    "evidence.common_ground.remove_matter": (
        "/evidence/common-ground/{statement}/versions/1/matters/{matter_row}/remove",
        POST_EDITORS,
    ),
    "evidence.common_ground.party": ("/evidence/common-ground/{statement}/versions/1/parties", EDITORS),
    "evidence.common_ground.remove_party": (
        "/evidence/common-ground/{statement}/versions/1/parties/{party}/remove",
        POST_EDITORS,
    ),
    "evidence.common_ground.positions": (
        "/evidence/common-ground/{statement}/versions/1/parties/{party}/positions",
        EDITORS,
    ),
    "evidence.common_ground.signature": ("/evidence/common-ground/{statement}/versions/1/signatures", EDITORS),
    "evidence.common_ground.status": ("/evidence/common-ground/{statement}/versions/1/status", EDITORS),
    "evidence.warnings.index": ("/evidence/warnings/", VIEWERS),
    "evidence.chronology.index": ("/evidence/chronology/", VIEWERS),
    "evidence.chronology.show": ("/evidence/chronology/housing-need", VIEWERS),
    "evidence.chronology.download": ("/evidence/chronology/housing-need.docx", VIEWERS),
    "evidence.consultation_statement.show": ("/evidence/consultation-statement", VIEWERS),
    "evidence.consultation_statement.download": (
        "/evidence/consultation-statement.docx?consultation={consultation}",
        VIEWERS,
    ),
    "evidence.consultation_statement.new_issue": (
        "/evidence/consultation-statement/{consultation}/main-issues/new",
        EDITORS,
    ),
    "evidence.consultation_statement.edit_issue": (
        "/evidence/consultation-statement/main-issues/{issue}/edit",
        EDITORS,
    ),
    "evidence.consultation_statement.hearing_list": (
        "/evidence/consultation-statement/hearing-list.csv?consultation={consultation}",
        VIEWERS,
    ),
    # Contact details of those who wish to be heard: not for publication, officers and admins only.
    "evidence.consultation_statement.hearing_contacts": (
        "/evidence/consultation-statement/hearing-list-contacts.csv?consultation={consultation}",
        EDITORS,
    ),
    "evidence.consultation_statement.new_publicity": (
        "/evidence/consultation-statement/{consultation}/publicity/new",
        EDITORS,
    ),
    "evidence.consultation_statement.edit_publicity": (
        "/evidence/consultation-statement/publicity/{publicity}/edit",
        EDITORS,
    ),
    "evidence.consultation_statement.remove_publicity": (
        "/evidence/consultation-statement/publicity/{publicity}/remove",
        EDITORS,
    ),
    "evidence.summaries.index": ("/evidence/summaries", VIEWERS),
    "evidence.summaries.authority": ("/evidence/summaries/authorities/WBC", VIEWERS),
    "evidence.summaries.authority_csv": ("/evidence/summaries/authorities/WBC.csv", VIEWERS),
    "evidence.summaries.authority_file": ("/evidence/summaries/authorities/WBC.xlsx", VIEWERS),
    "evidence.summaries.stakeholder": ("/evidence/summaries/stakeholders/{stakeholder}", VIEWERS),
    "evidence.summaries.stakeholder_csv": ("/evidence/summaries/stakeholders/{stakeholder}.csv", VIEWERS),
    "evidence.summaries.stakeholder_file": ("/evidence/summaries/stakeholders/{stakeholder}.docx", VIEWERS),
    "api.openapi_document": ("/api/v1/openapi.json", EVERYONE),
    "api.list_registers": ("/api/v1/registers", API_VIEWERS),
    "api.list_authorities": ("/api/v1/authorities", API_VIEWERS),
    "api.list_strategic_matters": ("/api/v1/strategic-matters", API_VIEWERS),
    "api.create_strategic_matter": ("/api/v1/strategic-matters", API_EDITORS),
    "api.hearing_list": ("/api/v1/evidence/hearing-list?consultation={consultation}", API_VIEWERS),
    "api.list_publicity": ("/api/v1/consultations/{consultation}/publicity", API_VIEWERS),
    "api.create_publicity": ("/api/v1/consultations/{consultation}/publicity", API_EDITORS),
    "api.show_publicity": ("/api/v1/publicity/{publicity}", API_VIEWERS),
    "api.update_publicity": ("/api/v1/publicity/{publicity}", API_EDITORS),
    "api.delete_publicity": ("/api/v1/publicity/{publicity}", API_EDITORS),
    "api.list_stakeholders": ("/api/v1/stakeholders", API_VIEWERS),
    "api.create_stakeholder": ("/api/v1/stakeholders", API_EDITORS),
    "api.show_stakeholder": ("/api/v1/stakeholders/{stakeholder}", API_VIEWERS),
    "api.update_stakeholder": ("/api/v1/stakeholders/{stakeholder}", API_EDITORS),
    "api.erase_stakeholder": ("/api/v1/stakeholders/{stakeholder}", API_EDITORS),
    "api.list_engagements": ("/api/v1/engagements", API_VIEWERS),
    "api.create_engagement": ("/api/v1/engagements", API_EDITORS),
    "api.show_engagement": ("/api/v1/engagements/{engagement}", API_VIEWERS),
    "api.update_engagement": ("/api/v1/engagements/{engagement}", API_EDITORS),
    "api.list_actions": ("/api/v1/actions", API_VIEWERS),
    "api.dtc_table": ("/api/v1/evidence/dtc-table", API_VIEWERS),
    "api.list_consultations": ("/api/v1/consultations", EVERYONE),
    "api.create_consultation": ("/api/v1/consultations", API_EDITORS),
    "api.show_consultation": ("/api/v1/consultations/{consultation}", EVERYONE),
    "api.list_representations": ("/api/v1/consultations/{consultation}/representations", API_VIEWERS),
    "api.create_representation": ("/api/v1/consultations/{consultation}/representations", API_EDITORS),
    "api.show_representation": ("/api/v1/representations/{reference}", API_VIEWERS),
    "api.list_campaigns": ("/api/v1/consultations/{consultation}/campaigns", API_VIEWERS),
    "api.representation_counts": ("/api/v1/consultations/{consultation}/representation-counts", API_VIEWERS),
    "api.find_campaigns": ("/api/v1/consultations/{consultation}/campaign-grouping", API_EDITORS),
    "api.latest_grouping": ("/api/v1/consultations/{consultation}/campaign-grouping", API_VIEWERS),
    "api.show_campaign": ("/api/v1/campaigns/{campaign}", API_VIEWERS),
    "api.update_campaign": ("/api/v1/campaigns/{campaign}", API_EDITORS),
    "api.dissolve_campaign": ("/api/v1/campaigns/{campaign}", API_EDITORS),
    "api.split_campaign": ("/api/v1/campaigns/{campaign}/split", API_EDITORS),
    "api.merge_campaigns": ("/api/v1/campaigns/{campaign}/merge", API_EDITORS),
    "api.list_plans": ("/api/v1/plans", API_VIEWERS),
    "api.create_plan": ("/api/v1/plans", API_WRITE_ADMINS),
    "api.show_plan": ("/api/v1/plans/{plan}", API_VIEWERS),
    "api.update_plan": ("/api/v1/plans/{plan}", API_EDITORS),
    "api.list_stages": ("/api/v1/plans/{plan}/stages", API_VIEWERS),
    "api.update_stage": ("/api/v1/plans/{plan}/stages/reg-19", API_EDITORS),
    "api.list_webhooks": ("/api/v1/webhooks", API_ADMINS),
    "api.create_webhook": ("/api/v1/webhooks", API_WRITE_ADMINS),
    "api.delete_webhook": ("/api/v1/webhooks/{webhook}", API_WRITE_ADMINS),
    "api.list_webhook_deliveries": ("/api/v1/webhooks/{webhook}/deliveries", API_ADMINS),
    "api.replay_webhook_delivery": ("/api/v1/webhook-deliveries/{webhook_delivery}/replay", API_WRITE_ADMINS),
    "api.update_consultation": ("/api/v1/consultations/{consultation}", API_EDITORS),
    "api.publish_consultation": ("/api/v1/consultations/{consultation}/publish", API_EDITORS),
    "api.unpublish_consultation": ("/api/v1/consultations/{consultation}/unpublish", API_EDITORS),
    "api.close_consultation": ("/api/v1/consultations/{consultation}/close", API_EDITORS),
    "api.replace_parts": ("/api/v1/consultations/{consultation}/parts", API_EDITORS),
    "api.list_invitations": ("/api/v1/consultations/{consultation}/invitations", API_VIEWERS),
    "api.create_invitations": ("/api/v1/consultations/{consultation}/invitations", API_EDITORS),
    "api.show_invitation_sending": (
        "/api/v1/consultations/{consultation}/invitations/sendings/{sending}",
        API_VIEWERS,
    ),
    "api.list_strategy_entries": ("/api/v1/strategy-entries", API_VIEWERS),
    "api.create_strategy_entry": ("/api/v1/strategy-entries", API_EDITORS),
    "api.show_strategy_entry": ("/api/v1/strategy-entries/{entry}", API_VIEWERS),
    "api.update_strategy_entry": ("/api/v1/strategy-entries/{entry}", API_EDITORS),
    "api.schedule_strategy_entry": ("/api/v1/strategy-entries/{entry}/schedule", API_EDITORS),
    "api.list_statements_of_common_ground": ("/api/v1/statements-of-common-ground", API_VIEWERS),
    "api.create_statement_of_common_ground": ("/api/v1/statements-of-common-ground", API_EDITORS),
    "api.show_statement_of_common_ground": ("/api/v1/statements-of-common-ground/{statement}", API_VIEWERS),
    "api.list_scg_versions": ("/api/v1/statements-of-common-ground/{statement}/versions", API_VIEWERS),
    "api.create_scg_version": ("/api/v1/statements-of-common-ground/{statement}/versions", API_EDITORS),
    "api.show_scg_version": ("/api/v1/statements-of-common-ground/{statement}/versions/1", API_VIEWERS),
    "api.update_scg_version": ("/api/v1/statements-of-common-ground/{statement}/versions/1", API_EDITORS),
    "api.set_scg_matter": (
        "/api/v1/statements-of-common-ground/{statement}/versions/1/matters/housing-need",
        API_EDITORS,
    ),
    "api.remove_scg_matter": (
        "/api/v1/statements-of-common-ground/{statement}/versions/1/matters/housing-need",
        API_EDITORS,
    ),
    "api.add_scg_party": ("/api/v1/statements-of-common-ground/{statement}/versions/1/parties", API_EDITORS),
    "api.remove_scg_party": (
        "/api/v1/statements-of-common-ground/{statement}/versions/1/parties/{party}",
        API_EDITORS,
    ),
    "api.set_scg_positions": (
        "/api/v1/statements-of-common-ground/{statement}/versions/1/parties/{party}/positions",
        API_EDITORS,
    ),
    "api.sign_scg_version": ("/api/v1/statements-of-common-ground/{statement}/versions/1/signatures", API_EDITORS),
    "api.change_scg_status": ("/api/v1/statements-of-common-ground/{statement}/versions/1/status", API_EDITORS),
    "api.list_main_issues": ("/api/v1/consultations/{consultation}/main-issues", API_VIEWERS),
    "api.create_main_issue": ("/api/v1/consultations/{consultation}/main-issues", API_EDITORS),
    "api.show_main_issue": ("/api/v1/main-issues/{issue}", API_VIEWERS),
    "api.update_main_issue": ("/api/v1/main-issues/{issue}", API_EDITORS),
    "api.list_themes": ("/api/v1/consultations/{consultation}/themes", API_VIEWERS),
    "api.create_theme": ("/api/v1/consultations/{consultation}/themes", API_EDITORS),
    "api.rename_theme": ("/api/v1/themes/{theme}", API_EDITORS),
    "api.delete_theme": ("/api/v1/themes/{theme}", API_EDITORS),
    "api.tag_representations": ("/api/v1/consultations/{consultation}/tags", API_EDITORS),
    "api.link_main_issue": ("/api/v1/main-issues/{issue}/representations", API_EDITORS),
    "api.consultation_progress": ("/api/v1/consultations/{consultation}/progress", API_VIEWERS),
    "api.suggested_themes": ("/api/v1/consultations/{consultation}/suggested-themes", API_VIEWERS),
    "api.find_suggested_themes": ("/api/v1/consultations/{consultation}/suggested-themes", API_EDITORS),
    "api.respond_to_representation": ("/api/v1/representations/{reference}/response", API_EDITORS),
    "api.show_feedback": ("/api/v1/consultations/{consultation}/you-said-we-did", API_VIEWERS),
    "api.publish_feedback": ("/api/v1/consultations/{consultation}/you-said-we-did/publish", API_EDITORS),
    "api.unpublish_feedback": ("/api/v1/consultations/{consultation}/you-said-we-did/unpublish", API_EDITORS),
    "api.consultation_statement": ("/api/v1/evidence/consultation-statement?consultation={consultation}", API_VIEWERS),
    "api.dtc_matrix": ("/api/v1/evidence/dtc-matrix", API_VIEWERS),
    "api.list_chronology": ("/api/v1/evidence/chronology", API_VIEWERS),
    "api.show_chronology": ("/api/v1/evidence/chronology/housing-need", API_VIEWERS),
    "api.create_stakeholder_import": ("/api/v1/stakeholder-imports", API_EDITORS),
    "api.show_stakeholder_import": ("/api/v1/stakeholder-imports/{job}", API_EDITORS),
    "api.update_stakeholder_import": ("/api/v1/stakeholder-imports/{job}", API_EDITORS),
    "api.start_stakeholder_import": ("/api/v1/stakeholder-imports/{job}/start", API_EDITORS),
    "api.update_action": ("/api/v1/actions/{action}", API_EDITORS),
    "api.schedule_strategy": ("/api/v1/strategy-entries/schedule", API_EDITORS),
    "api.link_representation_stakeholder": ("/api/v1/representations/{reference}/stakeholder", API_EDITORS),
    "api.list_consultation_documents": ("/api/v1/consultations/{consultation}/documents", API_VIEWERS),
    "api.add_consultation_document": ("/api/v1/consultations/{consultation}/documents", API_EDITORS),
    "api.remove_consultation_document": (
        "/api/v1/consultations/{consultation}/documents/{document}",
        API_EDITORS,
    ),
    "api.list_consultation_questions": ("/api/v1/consultations/{consultation}/questions", API_VIEWERS),
    "api.add_consultation_question": ("/api/v1/consultations/{consultation}/questions", API_EDITORS),
    "api.remove_consultation_question": (
        "/api/v1/consultations/{consultation}/questions/{question}",
        API_EDITORS,
    ),
    "api.add_engagement_document": ("/api/v1/engagements/{engagement}/documents", API_EDITORS),
    "api.add_engagement_action": ("/api/v1/engagements/{engagement}/actions", API_EDITORS),
    "api.summary_overview": ("/api/v1/evidence/summaries", API_VIEWERS),
    "api.authority_summary": ("/api/v1/evidence/summaries/authorities/WBC", API_VIEWERS),
    "api.stakeholder_summary": ("/api/v1/evidence/summaries/stakeholders/{stakeholder}", API_VIEWERS),
    "api.dashboard": ("/api/v1/evidence/dashboard", API_VIEWERS),
    "api.list_audit_events": ("/api/v1/audit-events", API_ADMINS),
    "api.list_users": ("/api/v1/users", API_ADMINS),
    "api.create_user": ("/api/v1/users", API_WRITE_ADMINS),
    "api.show_user": ("/api/v1/users/{user}", API_ADMINS),
    "api.update_user": ("/api/v1/users/{user}", API_WRITE_ADMINS),
    "api.deactivate_user": ("/api/v1/users/{user}/deactivate", API_WRITE_ADMINS),
    "api.reactivate_user": ("/api/v1/users/{user}/reactivate", API_WRITE_ADMINS),
    "api.turn_off_two_factor": ("/api/v1/users/{user}/two-factor/turn-off", API_WRITE_ADMINS),
    "api.list_tokens": ("/api/v1/tokens", API_VIEWERS),
    "api.revoke_token": ("/api/v1/tokens/{token}", (401, PASSES, PASSES, PASSES)),
    "api.list_notification_events": ("/api/v1/plans/{plan}/notification-events", API_VIEWERS),
    "api.record_notification_event": ("/api/v1/plans/{plan}/notification-events", API_EDITORS),
    "api.show_notification_event": ("/api/v1/notification-events/{notification_event}", API_VIEWERS),
    "api.list_notifications": ("/api/v1/notification-events/{notification_event}/notifications", API_VIEWERS),
    "api.send_notifications_again": ("/api/v1/notification-events/{notification_event}/send-again", API_EDITORS),
    "api.show_retention": ("/api/v1/plans/{plan}/retention", API_VIEWERS),
    "api.update_retention": ("/api/v1/plans/{plan}/retention", API_EDITORS),
    "api.find_respondents": ("/api/v1/respondents?q=Pat", API_EDITORS),
    "api.erase_respondent": ("/api/v1/respondents/{respondent}/erase", API_EDITORS),
    "api.respondent_subject_access": ("/api/v1/respondents/{respondent}/subject-access", API_EDITORS),
    "api.withdraw_representation": ("/api/v1/representations/{reference}/withdraw", API_EDITORS),
    "api.reinstate_representation": ("/api/v1/representations/{reference}/reinstate", API_EDITORS),
    "api.update_representation": ("/api/v1/representations/{reference}", API_EDITORS),
    "api.show_redactions": ("/api/v1/representations/{reference}/redactions", API_VIEWERS),
    "api.add_redaction": ("/api/v1/representations/{reference}/redactions", API_EDITORS),
    "api.remove_redaction": ("/api/v1/representations/{reference}/redactions/{redaction}", API_EDITORS),
    "api.accept_suggestions": ("/api/v1/representations/{reference}/suggestions/accept", API_EDITORS),
    "api.review_redactions": ("/api/v1/representations/{reference}/redaction-review", API_EDITORS),
    "api.replace_attachment": (
        "/api/v1/representations/{reference}/attachments/{attachment}/redacted-copy",
        API_EDITORS,
    ),
    "api.show_register": ("/api/v1/consultations/{consultation}/register", API_VIEWERS),
    "api.publish_register": ("/api/v1/consultations/{consultation}/register/publish", API_EDITORS),
    "api.unpublish_register": ("/api/v1/consultations/{consultation}/register/unpublish", API_EDITORS),
    "api.list_register": ("/api/v1/consultations/{consultation}/register/representations", EVERYONE),
    "api.create_representation_upload": ("/api/v1/consultations/{consultation}/representation-uploads", API_EDITORS),
}


def test_every_route_declares_its_permission(app):
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if getattr(view, "permission", None) not in DECLARED:
            missing.append(rule.endpoint)
    assert missing == []


@pytest.fixture
def world(officer_client):
    """One of everything a URL can name; the officer owns what is personal (an import, a calendar feed, a token)."""
    officer = officer_client.user
    plan = create_plan()
    stakeholder = create_stakeholder()
    engagement = create_engagement(stakeholders=[stakeholder.id])
    minutes = EngagementDocument(
        engagement=engagement,
        filename="minutes.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
        content=PDF,
    )
    db.session.add(minutes)
    db.session.commit()
    feed, feed_token = create_feed(officer)
    consultation = create_consultation()
    document = add_document(
        consultation,
        {
            "title": "The plan",
            "kind": "file",
            "filename": "plan.pdf",
            "content_type": "application/pdf",
            "content": PDF,
        },
    )
    question = add_question(consultation, {"text": "Do you agree with the spatial strategy?"})
    person = {"first_name": "Pat", "last_name": "Letter", "address": "1 High Street, Watford"}
    item = {"part": "Policy SP1", "nature": "object", "comment": "Too many homes."}
    respondent = key_in(
        consultation, person, None, item, channel="post", received_at=utcnow(), upload=("letter.pdf", PDF)
    )
    representation = respondent.representations[0]
    find_campaigns(consultation)
    campaign = Campaign(
        consultation=consultation, name="Save the fields", template_text="Save the fields.", status="confirmed"
    )
    db.session.add(campaign)
    db.session.flush()
    representation.campaign_id = campaign.id
    issue = MainIssue(consultation=consultation, title="Housing numbers")
    db.session.add(issue)
    theme = Theme(consultation=consultation, name="Traffic")
    db.session.add(theme)
    publicity = Publicity(
        consultation=consultation, method="exhibition", description="Town hall", starts_on=utcnow().date()
    )
    db.session.add(publicity)
    draft = new_draft(consultation)
    db.session.commit()
    statement = scg_services.create_statement({"title": "Housing need across the area", "lead_authority": "WBC"})
    matter = scg_services.set_matter(statement.latest, {"matter": "housing-need", "position_status": "agreed"})
    party = scg_services.add_party(statement.latest, {"authority": "WBC", "matters": ["housing-need"]})
    job, finished_job = (create_import("people.csv", PEOPLE_CSV, user=officer) for _ in range(2))
    for each in (job, finished_job):
        save_mapping(each, each.params["mapping"])
    start_import(finished_job)
    entry = create_entry(
        {
            "title": "Members' forum",
            "register": "members-forum",
            "mechanism": "members-forum-meeting",
            "cadence": "one-off",
            "starts_on": utcnow().date(),
            "level": "member",
            "lead_authority": "WBC",
        }
    )
    sending = invite(consultation, [], [stakeholder.id], "email", user=officer)
    token = create_token(officer, "matrix")
    delivery = create_webhook_delivery()
    agent = {"first_name": "Ann", "last_name": "Agent", "email": "ann@agents.example"}
    clients = b"First name,Last name,Part of the plan,Comments\nCara,Client,Policy SP1,Too many homes.\n"
    upload = prepare_upload(consultation, agent, "email", utcnow(), "clients.csv", clients, user=officer)
    redaction = redaction_services.add_redaction(representation, "comment", 0, 3, "third-party")
    redaction_services.replace_attachment(representation.attachments[0], ("redacted.pdf", PDF), "signature")
    db.session.add(RegisterPublication(consultation_id=consultation.id, published_at=utcnow()))
    db.session.commit()
    notification_event = record_event(plan, {"event": "submission", "occurred_on": utcnow().date()})
    return {
        "plan": plan.id,
        "body_kind": db.session.scalar(select(BodyKind.id).limit(1)),
        "stakeholder": stakeholder.id,
        "engagement": engagement.id,
        "minutes": minutes.id,
        "action": create_action(engagement).id,
        "feed": feed.id,
        "feed_token": feed_token,
        "consultation": consultation.id,
        "campaign": campaign.id,
        "slug": consultation.slug,
        "document": document.id,
        "question": question.id,
        "reference": representation.reference,
        "attachment": representation.attachments[0].id,
        "issue": issue.id,
        "theme": theme.id,
        "publicity": publicity.id,
        "draft_token": draft.token,
        "statement": statement.id,
        "matter_row": matter.id,
        "party": party.id,
        "job": job.id,
        "finished_job": finished_job.id,
        "entry": entry.id,
        "sending": sending.id,
        "token": db.session.scalar(select(ApiToken.id).where(ApiToken.token_hash == hash_token(token))),
        "user": create_user(email="colleague@example.gov.uk").id,
        "webhook": delivery.subscription_id,
        "webhook_delivery": delivery.id,
        "redaction": redaction.id,
        "notification_event": notification_event.id,
        "upload": upload.id,
        "respondent": respondent.id,
    }


@pytest.fixture
def visitors(app, client, viewer_client, officer_client, admin_client):
    """Each role's client for pages and, for the API, a client that sends the role's bearer token."""
    found = [(client, app.test_client())]
    for page_client in (viewer_client, officer_client, admin_client):
        api_client = app.test_client()
        api_client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {create_token(page_client.user, 'matrix')}"
        found.append((page_client, api_client))
    return found


def _method(app, endpoint: str) -> str:
    [rule] = [rule for rule in app.url_map.iter_rules() if rule.endpoint == endpoint]
    return "GET" if "GET" in rule.methods else sorted(rule.methods - {"HEAD", "OPTIONS"})[0]


def _outcome(response, expected):
    """The response in the matrix's words: SIGN_IN, PASSES (when that is what is expected) or the status code."""
    if response.status_code == 302 and urlsplit(response.headers["Location"]).path == "/sign-in":
        return SIGN_IN
    if expected == PASSES and response.status_code not in (401, 403):
        return PASSES
    return response.status_code


def _send(visitor, method: str, url: str):
    page_client, api_client = visitor
    if url.startswith("/api/"):
        return api_client.open(url, method=method, json={} if method != "GET" else None)
    return page_client.open(url, method=method, data={} if method != "GET" else None)


def test_every_endpoint_has_a_row_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert sorted(endpoints - MATRIX.keys()) == [], "Add a row to MATRIX for each of these endpoints"
    assert sorted(MATRIX.keys() - endpoints) == [], "These endpoints are gone: take their rows out of MATRIX"


@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_each_role_gets_from_the_endpoint_what_the_matrix_says(app, world, visitors, endpoint):
    template, expected = MATRIX[endpoint]
    url = template.format(**world)
    method = _method(app, endpoint)
    assert app.url_map.bind("localhost").match(urlsplit(url).path, method=method)[0] == endpoint

    got = tuple(_outcome(_send(each, method, url), wanted) for each, wanted in zip(visitors, expected, strict=True))

    assert got == expected, f"{method} {url} as {ROLES}"
