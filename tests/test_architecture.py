"""Guards that keep the house in order: module sizes, private helpers, route modules and flask commands.

Each check reads a package's source with `ast` and returns what breaks its rule. The tests run every check on
engage/ and on a deliberately bad package written to a temporary folder, so no guard can pass unnoticed.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import engage

PACKAGE = Path(engage.__file__).parent
MAX_LINES = 400
# Over the limit when this guard came in, with their length then: they may shrink but not grow, and leave this
# list once they are back under the limit.
OVERSIZED = {}
ROUTE_DECORATORS = {"route", "get", "post", "put", "patch", "delete"}
COMMAND_DECORATORS = {"command", "group"}
FEATURE_GROUPS = {"evidence"}  # packages whose sub-packages are features of their own (evidence/dtc/, …)


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. engage.stakeholders.routes
    path: Path
    relative: str  # e.g. engage/stakeholders/routes.py
    tree: ast.Module

    @property
    def package(self) -> str:
        return self.name if self.path.name == "__init__.py" else self.name.rpartition(".")[0]

    @property
    def feature(self) -> str:
        """The package under the root the module belongs to (evidence/dtc/ within evidence/); itself at the top."""
        parts = Path(self.relative).parts[1:]
        if len(parts) == 1:
            return Path(parts[0]).stem
        if parts[0] in FEATURE_GROUPS and len(parts) > 2:
            return f"{parts[0]}.{parts[1]}"
        return parts[0]


def read_package(root: Path) -> dict[str, Module]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent)
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        found[name] = Module(name, path, relative.as_posix(), ast.parse(path.read_text("utf-8"), str(relative)))
    return found


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def imported_from(module: Module, node: ast.ImportFrom) -> str:
    """The absolute dotted name of what `from … import` reads from, relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    base = module.package.split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imported_modules(module: Module, modules: dict[str, Module]) -> dict[str, str]:
    """Names bound in `module` to modules of the package: local name -> dotted module name."""
    bound = {}
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules and alias.asname:
                    bound[alias.asname] = alias.name
                elif alias.name in modules:  # `import engage.x.y` binds `engage`
                    top = alias.name.partition(".")[0]
                    bound[top] = top
        elif isinstance(node, ast.ImportFrom):
            source = imported_from(module, node)
            for alias in node.names:
                if f"{source}.{alias.name}" in modules:
                    bound[alias.asname or alias.name] = f"{source}.{alias.name}"
    return bound


def module_named_by(expression: ast.expr, bound: dict[str, str], modules: dict[str, Module]) -> str | None:
    """The package module an expression such as `services` or `engage.stakeholders.services` names, if any."""
    if isinstance(expression, ast.Name):
        return bound.get(expression.id)
    if isinstance(expression, ast.Attribute):
        base = module_named_by(expression.value, bound, modules)
        if base and f"{base}.{expression.attr}" in modules:
            return f"{base}.{expression.attr}"
    return None


def long_modules(root: Path, limit: int = MAX_LINES) -> dict[str, int]:
    """Modules longer than `limit` lines, with their length."""
    lengths = {
        module.relative: len(module.path.read_text("utf-8").splitlines()) for module in read_package(root).values()
    }
    return {relative: length for relative, length in lengths.items() if length > limit}


def private_imports(root: Path) -> list[str]:
    """Places where a module takes a `_private` name from another module of the package."""
    modules = read_package(root)
    problems = []
    for module in modules.values():
        bound = imported_modules(module, modules)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ImportFrom):
                source = imported_from(module, node)
                if source.partition(".")[0] != root.name or source == module.name:
                    continue
                problems += [
                    f"{module.relative}:{node.lineno} imports {alias.name} from {source}"
                    for alias in node.names
                    if is_private(alias.name)
                ]
            elif isinstance(node, ast.Attribute) and is_private(node.attr):
                owner = module_named_by(node.value, bound, modules)
                if owner and owner != module.name:
                    problems.append(f"{module.relative}:{node.lineno} uses {owner}.{node.attr}")
    return problems


def registers_routes(module: Module) -> bool:
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_url_rule":
            return True
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(target, ast.Attribute) and target.attr in ROUTE_DECORATORS:
                    return True
    return False


def route_modules_importing_other_features(root: Path) -> list[str]:
    """Route modules that import a route module of another feature."""
    modules = read_package(root)
    routes = {name for name, module in modules.items() if registers_routes(module)}
    problems = []
    for name in sorted(routes):
        module = modules[name]
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                source = imported_from(module, node)
                targets = [source, *(f"{source}.{alias.name}" for alias in node.names)]
            else:
                continue
            problems += [
                f"{module.relative}:{node.lineno} imports {target}, the routes of {modules[target].feature}"
                for target in targets
                if target in routes and modules[target].feature != module.feature
            ]
    return problems


def commands_outside_cli(root: Path) -> list[str]:
    """Flask or click commands declared or added anywhere but the package's cli.py."""
    problems = []
    for module in read_package(root).values():
        if module.path == root / "cli.py":
            continue
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_command":
                problems.append(f"{module.relative}:{node.lineno} adds a command")
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for decorator in node.decorator_list:
                    target = decorator.func if isinstance(decorator, ast.Call) else decorator
                    if isinstance(target, ast.Attribute) and target.attr in COMMAND_DECORATORS:
                        problems.append(f"{module.relative}:{node.lineno} declares the command {node.name}")
    return problems


# The rules on engage/


def test_no_module_is_longer_than_400_lines():
    too_long = long_modules(PACKAGE)
    new = {path: length for path, length in too_long.items() if length > OVERSIZED.get(path, MAX_LINES)}
    assert new == {}, f"Split these modules (at most {MAX_LINES} lines each): {new}"


def test_the_list_of_oversized_modules_only_holds_modules_still_over_the_limit():
    too_long = long_modules(PACKAGE)
    assert sorted(path for path in OVERSIZED if path not in too_long) == [], "Remove them from OVERSIZED"


def test_no_module_imports_a_private_name_from_another_module():
    assert private_imports(PACKAGE) == []


def test_no_route_module_imports_the_routes_of_another_feature():
    assert route_modules_importing_other_features(PACKAGE) == []


def test_every_flask_command_is_registered_in_cli_py():
    assert commands_outside_cli(PACKAGE) == []


# The checks themselves, on a deliberately bad package


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root / "engage"


def test_the_size_check_names_a_module_over_the_limit(tmp_path):
    package = write(
        tmp_path,
        {"engage/__init__.py": "", "engage/short.py": "x = 1\n" * 400, "engage/things/long.py": "x = 1\n" * 401},
    )

    assert long_modules(package) == {"engage/things/long.py": 401}


@pytest.mark.parametrize(
    "source",
    [
        "from engage.things.helpers import _clean\n",
        "from engage.things.helpers import public, _clean as clean\n",
        "from .helpers import _clean\n",
        "from engage.things import helpers\nhelpers._clean('x')\n",
        "from . import helpers\nvalue = helpers._clean('x')\n",
        "import engage.things.helpers\nengage.things.helpers._clean('x')\n",
        "import engage.things.helpers as helpers\nhelpers._clean('x')\n",
    ],
)
def test_the_private_import_check_finds_a_private_name_taken_from_another_module(tmp_path, source):
    package = write(
        tmp_path,
        {
            "engage/__init__.py": "",
            "engage/things/__init__.py": "",
            "engage/things/helpers.py": "def _clean(text):\n    return text\n\ndef public():\n    pass\n",
            "engage/things/routes.py": source,
        },
    )

    [problem] = private_imports(package)

    assert problem.startswith("engage/things/routes.py:")


def test_the_private_import_check_allows_private_names_within_a_module_and_from_other_libraries(tmp_path):
    package = write(
        tmp_path,
        {
            "engage/__init__.py": "",
            "engage/helpers.py": (
                "from os import _exit\nfrom engage import models\n\n"
                "def _clean(text):\n    return text\n\nclass Form:\n    def _tidy(self):\n"
                "        return self._clean, _clean(models.__name__), models.Thing._hidden\n"
            ),
            "engage/models.py": "class Thing:\n    _hidden = 1\n",
        },
    )

    assert private_imports(package) == []


def test_the_route_check_finds_a_route_module_importing_another_features_routes(tmp_path):
    package = write(
        tmp_path,
        {
            "engage/__init__.py": "",
            "engage/stakeholders/__init__.py": "",
            "engage/stakeholders/routes.py": "from engage.stakeholders import bp\n\n@bp.get('/')\ndef index(): ...\n",
            "engage/stakeholders/forms.py": "",
            "engage/evidence/__init__.py": "",
            "engage/evidence/dtc/__init__.py": "",
            "engage/evidence/dtc/routes.py": "from engage.evidence import bp\n\n@bp.route('/dtc')\ndef dtc(): ...\n",
            "engage/evidence/scg/__init__.py": "",
            "engage/evidence/scg/routes.py": (
                "from engage.evidence import bp\nfrom engage.evidence.dtc import routes\n"
                "from engage.stakeholders import forms\n\n@bp.post('/scg')\ndef scg():\n    pass\n"
            ),
            "engage/evidence/scg/views.py": "import engage.stakeholders.routes\n",
            "engage/consultations/__init__.py": "",
            "engage/consultations/routes.py": (
                "from engage.consultations import bp\nfrom engage.stakeholders.routes import index\n"
                "from engage.consultations import intake\n\n@bp.route('/')\ndef index():\n    pass\n"
            ),
            "engage/consultations/intake.py": (
                "from engage.consultations import bp\nfrom engage.consultations.routes import index\n\n"
                "@bp.get('/new')\ndef new():\n    pass\n"
            ),
        },
    )

    problems = route_modules_importing_other_features(package)

    assert [problem.partition(":")[0] for problem in problems] == [
        "engage/consultations/routes.py",
        "engage/evidence/scg/routes.py",
    ]
    assert "engage.stakeholders.routes, the routes of stakeholders" in problems[0]
    assert "engage.evidence.dtc.routes, the routes of evidence.dtc" in problems[1]


@pytest.mark.parametrize(
    "source",
    [
        "import click\n\n@click.command('purge')\ndef purge():\n    pass\n",
        "import click\n\n@click.command\ndef purge():\n    pass\n",
        "from engage.things import bp\n\n@bp.cli.command('purge')\ndef purge():\n    pass\n",
        "def register(app):\n    @app.cli.command('purge')\n    def purge():\n        pass\n",
        "def register(app, purge):\n    app.cli.add_command(purge)\n",
        "import click\n\n@click.group()\ndef tools():\n    pass\n",
    ],
)
def test_the_command_check_finds_a_command_outside_cli_py(tmp_path, source):
    package = write(
        tmp_path,
        {
            "engage/__init__.py": "",
            "engage/cli.py": "import click\n\n@click.command('fine')\ndef fine():\n    pass\n",
            "engage/things/__init__.py": "",
            "engage/things/jobs.py": source,
        },
    )

    [problem] = commands_outside_cli(package)

    assert problem.startswith("engage/things/jobs.py:")


def test_no_template_global_or_context_processor_reaches_the_database(app):
    """Routes pass pages their data: nothing a template calls on its own may read the database."""
    import inspect
    import sys

    helpers = list(app.jinja_env.globals.values()) + list(app.jinja_env.filters.values())
    helpers += [processor for processors in app.template_context_processors.values() for processor in processors]
    modules = {getattr(helper, "__module__", None) for helper in helpers}
    ours = sorted(name for name in modules if name and name.split(".")[0] == "engage")
    assert "engage.filters" in ours
    for name in ours:
        source = inspect.getsource(sys.modules[name])
        for sign in ("db.session", "from engage.extensions import db", "queries"):
            assert sign not in source, f"{name} gives templates a helper and reads the database ({sign})"
