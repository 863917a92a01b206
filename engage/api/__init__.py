"""The JSON API v1 at /api/v1: thin views over the same services the pages call. The contract is shared/API.md.

To add endpoints, write a module per resource (like engage/api/stakeholders.py) and import it at the bottom:
1. Declare the resource once, as pydantic models in the feature's schemas.py (engage/<feature>/schemas.py, on the
   bases in engage/common/schemas.py): an Output model for what the API answers with, an Input model for a body.
2. Views on `bp`, one function per method (its name becomes the operationId), each decorated with
   @require_permission(VIEW | EDIT | ADMIN) or @public; writes add @idempotent (from engage.api.idempotency)
   beneath the permission, so an Idempotency-Key header replays the first answer.
3. Reading (engage.api.http): `parse_json_body(SomethingInput)` checks the body against the Input model before the
   service sees it (the messages for wrong types are in http.MESSAGES); `find_or_404(Model, id)`; `query_arg(name)`;
   `page_args()`.
4. Answering: `paginated_response(select(...) or Page, Something)` for lists; `jsonify(Something.serialise(obj))`
   (201 for a create) for one.
5. Errors: raise `Problem(status, detail, errors)`; a service's ValidationError becomes a 422 with its errors;
   abort(404) and the like become problem+json through engage/errors.py.
6. Document with `spec.document(tag=..., paths=...)` at the bottom of the module (paths relative to /api/v1),
   naming the models with `spec.json_body(Model)`, `spec.responds(Model)` and `spec.page_of(Model)`: their component
   schemas are generated from them. engage/api/openapi.py fills in operationId, security, path parameters,
   Idempotency-Key and the problem responses. tests/api/test_openapi.py fails for any route left undocumented.
7. A file comes as multipart/form-data in the field `file` (engage/api/stakeholder_imports.py): read it with
   engage.representations.attachments.read_upload and document a `multipart/form-data` request body.
8. Leave @idempotent off only when the service queues a job after its commit (the job must see the committed rows:
   inviting by email, starting an import); say so in the view and the document.
Tests: tests/api/conftest.py has `viewer_api`, `officer_api`, `admin_api` (bearer-token clients),
`assert_matches(openapi, response, "/path/{id}", "get")` (the status is documented and the body fits its schema) and
`assert_matches_schema(response, "Stakeholder")` (the body fits that component of the served document).
"""

from flask import Blueprint

from engage.common.validation import ValidationError

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from engage.api import http  # noqa: E402

bp.register_error_handler(http.Problem, http.handle_problem)
bp.register_error_handler(ValidationError, http.handle_validation_error)

# One module per resource; each registers its views on `bp` and documents them with engage.api.spec.
from engage.api import openapi  # noqa: E402, F401, I001
from engage.api import reference  # noqa: E402, F401
from engage.api import stakeholders  # noqa: E402, F401
from engage.api import dtc  # noqa: E402, F401
from engage.api import consultations  # noqa: E402, F401
from engage.api import engagements  # noqa: E402, F401
from engage.api import plans  # noqa: E402, F401
from engage.api import webhooks  # noqa: E402, F401
from engage.api import consultation_content  # noqa: E402, F401
from engage.api import invitations  # noqa: E402, F401
from engage.api import representation_changes  # noqa: E402, F401
from engage.api import strategy  # noqa: E402, F401
from engage.api import common_ground  # noqa: E402, F401
from engage.api import consultation_statement  # noqa: E402, F401
from engage.api import stakeholder_imports  # noqa: E402, F401
from engage.api import summaries  # noqa: E402, F401
from engage.api import audit  # noqa: E402, F401
from engage.api import tokens  # noqa: E402, F401
from engage.api import publicity  # noqa: E402, F401
from engage.api import hearing_list  # noqa: E402, F401
from engage.api import users  # noqa: E402, F401
from engage.api import chronology  # noqa: E402, F401
from engage.api import notifications  # noqa: E402, F401
from engage.api import themes  # noqa: E402, F401
from engage.api import redaction  # noqa: E402, F401
from engage.api import campaigns  # noqa: E402, F401
from engage.api import personal_data  # noqa: E402, F401
from engage.api import representation_uploads  # noqa: E402, F401
