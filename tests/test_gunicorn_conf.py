"""gunicorn.conf.py: the settings production and the benchmarks run with."""

import json
import runpy
import subprocess
import sys

from engage import create_app
from engage.config import BASE_DIR
from engage.extensions import db
from engage.setup import compile_templates


def test_the_app_is_preloaded_into_several_sync_workers():
    settings = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
    assert settings["preload_app"] is True
    assert settings["worker_class"] == "sync" and settings["workers"] >= 2


def test_loading_the_app_opens_no_database_connection_to_share_with_forked_workers(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'preload.sqlite'}")
    with app.app_context():
        assert (db.engine.pool.checkedin(), db.engine.pool.checkedout()) == (0, 0)


def test_every_template_compiles_into_the_cache_before_workers_fork(app):
    app.jinja_env.cache.clear()
    count = compile_templates(app)
    assert count > 100 and len(app.jinja_env.cache) == count


def test_the_master_freezes_the_loaded_app_out_of_the_garbage_collectors_reach(app):
    import gc
    from types import SimpleNamespace

    settings = runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))
    server = SimpleNamespace(app=SimpleNamespace(callable=app), log=SimpleNamespace(info=lambda *args: None))
    gc.unfreeze()
    try:
        settings["when_ready"](server)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_app_loads_without_its_slow_libraries_and_the_master_imports_them_before_forking():
    script = """
import json, runpy, sys
from types import SimpleNamespace
from engage import create_app
app = create_app("testing")
settings = runpy.run_path("gunicorn.conf.py")
deferred = settings["DEFERRED_IMPORTS"]
loaded_by_the_app = [name for name in deferred if name in sys.modules]
settings["when_ready"](SimpleNamespace(app=SimpleNamespace(callable=app), log=SimpleNamespace(info=print)))
print(json.dumps([loaded_by_the_app, [name for name in deferred if name not in sys.modules]]))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, capture_output=True, text=True, check=True, timeout=120
    )
    loaded_by_the_app, missing_after_when_ready = json.loads(result.stdout.splitlines()[-1])
    assert loaded_by_the_app == []
    assert missing_after_when_ready == []
