#!/usr/bin/env python3
"""scenarios/schema.json judged by a real JSON Schema validator (python3-jsonschema).

- The schema is a valid draft 2020-12 schema.
- Every library scenario (scenarios/*.yaml) passes: the schema never refuses a valid file.
- Every file of the broken corpus (tests/scenarios/broken/*.yaml) is refused, by the YAML
  parser or by the schema, unless its header says why a schema cannot see its mistake:
      # schema: cannot-see: REASON
  (a platform fact, another file, --set, an order between two values...). Such a file must
  then pass the schema, so that a mark left on a file the schema has learnt to refuse is
  noticed and removed.

- Given the rongou executable, the schema and the loader agree on the range of every
  number in the library scenarios and in tests/scenarios/every-number.yaml (every numeric
  key the library leaves out): each numeric value is replaced by probe values (through
  `rongou validate --set`, and in the parsed file for the schema) and both must accept or
  both refuse it.

Usage: schema_check.py REPOSITORY_ROOT [RONGOU]. Exit 0 when all hold; 1 with every failure
listed.
"""
import json
import copy
import math
import pathlib
import subprocess
import sys

import jsonschema
import yaml

CANNOT_SEE = "# schema: cannot-see: "


def main(root: pathlib.Path, rongou) -> int:
    schema = json.loads((root / "scenarios" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = []

    def problems(instance):
        return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in validator.iter_errors(instance)]

    library = sorted((root / "scenarios").glob("*.yaml"))
    for path in library:
        found = problems(yaml.safe_load(path.read_text(encoding="utf-8")))
        if found:
            failures.append(f"{path.name}: a library scenario is refused by the schema:\n  " + "\n  ".join(found))

    broken = sorted((root / "tests" / "scenarios" / "broken").glob("*.yaml"))
    refused = unseen = 0
    for path in broken:
        text = path.read_text(encoding="utf-8")
        marked = any(line.startswith(CANNOT_SEE) for line in text.splitlines())
        try:
            found = problems(yaml.safe_load(text))
            parsed = True
        except yaml.YAMLError as e:
            found, parsed = [f"malformed YAML: {e}".splitlines()[0]], False
        if marked:
            unseen += 1
            if found:
                failures.append(f"{path.name}: marked cannot-see, but "
                                + ("it is not YAML" if not parsed else "the schema refuses it: " + found[0])
                                + " (remove the mark)")
        elif found:
            refused += 1
        else:
            failures.append(f"{path.name}: the schema accepts a broken scenario (refuse it in "
                            f"scenarios/schema.json, or mark it '{CANNOT_SEE}REASON')")

    # A valid scenario with every numeric key the library leaves out.
    every_number = root / "tests" / "scenarios" / "every-number.yaml"
    found = problems(yaml.safe_load(every_number.read_text(encoding="utf-8")))
    if found:
        failures.append(f"{every_number.name}: refused by the schema:\n  " + "\n  ".join(found))

    probed = 0
    if rongou is not None:
        seen = set()  # key patterns (list items as *) already probed in an earlier scenario
        for path in library + [every_number]:
            probed += check_ranges(validator, rongou, path, seen, failures)

    print(f"{len(library)} library scenarios pass; {refused} broken files refused, "
          f"{unseen} marked as beyond a schema; {probed} numbers probed; {len(failures)} failure(s)")
    for f in failures:
        print("FAIL", f)
    if len(library) == 0 or refused == 0 or (rongou is not None and probed == 0):
        print("FAIL nothing checked: wrong repository root?")
        return 1
    return 1 if failures else 0


# Around every bound a scenario key has: below and at zero, fractions, whole numbers either
# side of the documented maxima, and far beyond.
PROBES = [-1.0, -0.001, 0.0, 0.005, 0.01, 0.5, 1.0, 23.999, 24.0, 40.0, 40.5, 100.0, 100.5, 200.0, 201.0,
          336.0, 337.0, 365.0, 366.0, 1000.0, 1001.0, 8760.0, 8761.0, 10000.0, 10001.0, 36500.0, 36501.0,
          100000.0, 100001.0, 876000.0, 876001.0, 1.0e6, 1.0e6 + 1, 1.0e7, 1.0e7 + 1, 1.0e9, 1.0e9 + 1,
          2.0 ** 53, 1.0e300]

# Loader messages that refuse a value for its type or range (not for its relation to another).
RANGE_MESSAGES = ("out of range", "must not be negative", "expected a number", "expected a finite number",
                  "expected a whole number", "needs a mean above 0")
SCHEMA_KEYWORDS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "type", "oneOf", "anyOf"}


def numeric_leaves(node, path=()):
    if isinstance(node, bool):
        return
    if isinstance(node, (int, float)):
        yield path
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from numeric_leaves(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from numeric_leaves(v, path + (i,))


def dotted(path):
    return ".".join(str(p) for p in path)


def schema_refusals(validator, instance):
    refused = set()

    def visit(error):
        if error.validator in SCHEMA_KEYWORDS:
            refused.add(dotted(error.absolute_path))
        for sub in error.context or []:
            visit(sub)

    for error in validator.iter_errors(instance):
        visit(error)
    return refused


def loader_refusals(rongou, path, assignments):
    args = [rongou, "validate", str(path)]
    for key, text in assignments:
        args += ["--set", f"{key}={text}"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120)
    refused = set()
    for line in (out.stdout + out.stderr).splitlines():
        # FILE:LINE:COL: KEY.PATH: MESSAGE or --set K=V: KEY.PATH: MESSAGE
        parts = line.split(": ")
        if len(parts) >= 3 and any(m in ": ".join(parts[2:]) for m in RANGE_MESSAGES):
            refused.add(parts[1])
    return refused


def pattern(path):
    return ".".join("*" if isinstance(p, int) else p for p in path)


def check_ranges(validator, rongou, path, seen, failures):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    leaves = list(numeric_leaves(document))
    patterns = {pattern(leaf) for leaf in leaves}
    if patterns <= seen:
        return 0  # nothing a scenario probed before does not cover
    seen |= patterns
    if loader_refusals(rongou, path, []) or subprocess.run([rongou, "validate", str(path)],
                                                           capture_output=True).returncode != 0:
        failures.append(f"{path.name}: refused by rongou validate as it is")
        return 0
    for probe in PROBES:
        instance = copy.deepcopy(document)
        for leaf in leaves:
            at = instance
            for step in leaf[:-1]:
                at = at[step]
            at[leaf[-1]] = int(probe) if probe == math.floor(probe) and abs(probe) < 2 ** 63 else probe
        by_schema = schema_refusals(validator, instance)
        by_loader = loader_refusals(rongou, path, [(dotted(leaf), repr(probe)) for leaf in leaves])
        for leaf in leaves:
            key = dotted(leaf)
            if (key in by_schema) != (key in by_loader):
                failures.append(f"{path.name}: {key} = {probe!r}: "
                                f"{'refused' if key in by_schema else 'accepted'} by the schema, "
                                f"{'refused' if key in by_loader else 'accepted'} by the loader")
    return len(leaves)


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None))
