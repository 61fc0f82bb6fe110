#!/usr/bin/env bash
# Mutation testing over the domain with mutmut, in a throw-away copy of the checkout.
#
#   scripts/mutation.sh [FOLDER...]     folders under src/coopwizard (default: io guide sheet render)
#
# Environment: MUTANTS (name patterns, to run only those), JOBS (parallel mutants, default 1: the machine is shared), PYTHON (default .venv/bin/python,
# which needs `pip install -e '.[mutation]'`), TESTS (pytest paths, default: the whole suite). The pty tests
# and the long Hypothesis runs (fuzz, any_text) are left out: each mutant would spend half a minute in them.
# Prints mutmut's results and the score; writes nothing in the checkout. Too slow for .ci/run: run it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
python="${PYTHON:-$root/.venv/bin/python}"
jobs="${JOBS:-1}"
folders=("$@")
[[ ${#folders[@]} -gt 0 ]] || folders=(io guide sheet render)

"$python" -c "import mutmut" 2>/dev/null || {
  echo "error: mutmut is not installed for $python; run: $python -m pip install -e '.[mutation]'" >&2
  exit 2
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The files git knows (committed or not, ignored ones left out): the copy is the checkout as it is.
git ls-files -z --cached --others --exclude-standard | (cd "$root" && xargs -0 cp --parents -t "$work")
cd "$work"

only=""
for folder in "${folders[@]}"; do
  [[ -d "src/coopwizard/$folder" ]] || { echo "error: no folder src/coopwizard/$folder" >&2; exit 2; }
  only+="    src/coopwizard/$folder/*"$'\n'
done
# mutmut 3 leaves every decorated function unmutated. A registration decorator on a module-level
# function (`@rule("name")`: a call of a bare name) is moved, in this copy only, to an assignment
# after the function (`f = rule("name")(f)`), which registers the same function: the rules of
# audit/rules.py get mutated. Other decorators (functools caches, properties) are kept as they are.
for folder in "${folders[@]}"; do
  "$python" - "src/coopwizard/$folder" <<'PY'
import ast, pathlib, sys

for path in pathlib.Path(sys.argv[1]).rglob("*.py"):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    moves = []
    for node in ast.parse("".join(lines)).body:
        decorators = getattr(node, "decorator_list", [])
        if isinstance(node, ast.FunctionDef) and decorators and all(
            isinstance(d, ast.Call) and isinstance(d.func, ast.Name) for d in decorators
        ):
            moves.append(node)
    for node in reversed(moves):  # from the bottom, so that earlier line numbers hold
        applied = node.name
        for decorator in reversed(node.decorator_list):
            applied = f"{ast.get_source_segment(''.join(lines), decorator)}({applied})"
        lines[node.end_lineno : node.end_lineno] = [f"{node.name} = {applied}\n"]
        first = node.decorator_list[0].lineno - 1
        del lines[first : node.lineno - 1]
    if moves:
        path.write_text("".join(lines), encoding="utf-8")
PY
done
selection=""
if [[ -n "${TESTS:-}" ]]; then
  selection="pytest_add_cli_args_test_selection ="$'\n'
  for test in $TESTS; do selection+="    $test"$'\n'; done
fi
# setup.cfg, not pyproject.toml: the checkout's pyproject has no [tool.mutmut], so mutmut reads this.
cat > setup.cfg <<CFG
[mutmut]
source_paths = src/coopwizard
only_mutate =
${only}also_copy =
    checklists
    docs
pytest_add_cli_args =
    -p
    no:cacheprovider
    -x
    -q
    -m
    not pty
    -k
    not fuzz and not any_text
${selection}
CFG

export HYPOTHESIS_STORAGE_DIRECTORY="$work/.hypothesis" PYTHONDONTWRITEBYTECODE=1
status=0
# MUTANTS: mutant name patterns to run only those (e.g. "coopwizard.io.textio.*"), as mutmut takes them.
# shellcheck disable=SC2086
"$python" -m mutmut run --max-children "$jobs" ${MUTANTS:-} || status=$?
"$python" -m mutmut results --all true > "$work/results.txt" 2>&1 || "$python" -m mutmut results > "$work/results.txt" 2>&1 || true
echo "== mutants not killed"
grep -vE ": (killed|not checked)$" "$work/results.txt" || true
killed=$(grep -cE ": killed$" "$work/results.txt" || true)
total=$(grep -E ": [a-z ]+$" "$work/results.txt" | grep -cvE ": not checked$" || true)
echo "== score: $killed killed of $total mutants ($(( total ? 100 * killed / total : 0 ))%) in ${folders[*]}"
if [[ -n "${KEEP:-}" ]]; then
  mkdir -p "$KEEP" && cp -r "$work/mutants" "$work/results.txt" "$KEEP/" && echo "kept in $KEEP"
fi
exit "$status"
