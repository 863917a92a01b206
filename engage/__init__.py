"""Engage: engagement and consultation evidence for a joint strategic plan."""

import os

from flask import Flask

from engage.config import BASE_DIR, CONFIGS


def create_app(config_name: str | None = None, **overrides) -> Flask:
    config_name = config_name or os.environ.get("ENGAGE_CONFIG") or os.environ.get("FLASK_ENV") or "development"
    config = CONFIGS[config_name]
    if hasattr(config, "check"):
        config.check()

    app = Flask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(BASE_DIR / "instance"),
    )
    app.config.from_object(config)
    app.config.update(overrides)
    os.makedirs(app.instance_path, exist_ok=True)

    from engage import setup

    setup.register_proxy_fix(app)
    setup.register_extensions(app)
    setup.register_security_headers(app)
    setup.register_templates(app)
    setup.register_converters(app)
    setup.register_input_guards(app)
    setup.register_blueprints(app)
    setup.register_errors(app)
    setup.register_commands(app)
    setup.register_outbox(app)
    return app
