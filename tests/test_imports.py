"""The modules of the package import each other without a cycle: at module level none at all; with
the imports made inside functions too, the only one left is the index cache's (resolver loads a
cached index through store, which makes a Normalizer of it)."""

from __future__ import annotations

import ast
from pathlib import Path

import normalize

PACKAGE = Path(normalize.__file__).resolve().parent


def _imports(path: Path, name: str, in_functions: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.rsplit(".", 1)[0] if path.name != "__init__.py" else name
    out: set[str] = set()

    def walk(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if in_functions and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.With)):
                walk(node.body)
            if isinstance(node, (ast.If, ast.Try)):
                walk(node.body)
                walk(node.orelse)
                if isinstance(node, ast.Try):
                    for h in node.handlers:
                        walk(h.body)
            elif isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join([*base, node.module] if node.module else base)
                if node.module is None:
                    out.update(f"{mod}.{a.name}" for a in node.names)
                else:
                    out.add(mod)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("normalize"):
                out.add(node.module or "")
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name.startswith("normalize"))

    walk(tree.body)
    return out


def _graph(in_functions: bool = False) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if path.name == "__init__.py" else rel.parts)
        graph[name] = _imports(path, name, in_functions)
    return {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                return [*stack[stack.index(d) :], d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_the_package_imports_without_a_cycle() -> None:
    graph = _graph()
    # a submodule imports its package first: the edges to the package's __init__ are left out
    graph = {m: {d for d in deps if d != "normalize"} for m, deps in graph.items()}
    assert "normalize.rewrite_cli" in graph and "normalize.store" in graph
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


FILES_AND_COMMAND = ["cli", "rewrite_cli", "resolve_cli", "io", "csvfile", "outfile", "exitcodes", "store",
                     "indexfile", "tablefile", "version"]  # fmt: skip


def _reach(graph: dict[str, set[str]], m: str) -> set[str]:
    seen: set[str] = set()
    todo = [m]
    while todo:
        for d in graph[todo.pop()]:
            if d not in seen:
                seen.add(d)
                todo.append(d)
    return seen


def test_the_file_and_command_modules_are_on_no_cycle_even_inside_functions() -> None:
    graph = {m: {d for d in deps if d != "normalize"} for m, deps in _graph(in_functions=True).items()}
    assert "normalize.store" in graph["normalize.resolver"]  # Normalizer.load reads the cache
    graph["normalize.resolver"].discard("normalize.store")
    for short in FILES_AND_COMMAND:
        m = f"normalize.{short}"
        assert m not in _reach(graph, m), m


def test_store_and_io_need_no_resolver_or_rewrite() -> None:
    graph = _graph(in_functions=True)
    graph["normalize.store"] -= {"normalize.resolver"}  # inside functions: making a Normalizer of a file
    graph["normalize.indexfile"] -= {"normalize.resolver"}  # inside a function: the allow-list

    assert not _reach(graph, "normalize.store") & {"normalize.resolver", "normalize.io", "normalize.rewrite"}
    assert not _reach(graph, "normalize.io") & {"normalize.rewrite", "normalize.resolver", "normalize.store"}
    assert "normalize.cli" not in _reach(graph, "normalize.rewrite_cli")
