"""A JSON Schema validator for the keywords doc/report.schema.json uses
(draft 2020-12): type, const, enum, properties, required,
additionalProperties, items, prefixItems, minItems, minimum, anyOf, allOf,
if/then/else and local $ref. Python standard library only, since Debian 12's
python3-jsonschema is not among the test dependencies; a schema keyword it
does not know is an error, so the schema cannot silently ask for more than
is checked.

    python3 jsonschema_lite.py SCHEMA FILE...   exit 0 when every FILE is valid
"""
import json
import sys

ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs", "$comment"}
KNOWN = ANNOTATIONS | {"type", "const", "enum", "properties", "required",
                       "additionalProperties", "items", "prefixItems", "minItems", "minimum",
                       "anyOf", "allOf", "if", "then", "else", "$ref"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def same(a, b):
    """JSON equality: 1 and true differ, 1 and 1.0 do not."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


class Validator:
    def __init__(self, schema):
        self.root = schema

    def resolve(self, ref):
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported: {ref}")
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def errors(self, value, schema, where="$"):
        """Every way value fails schema, as 'path: message' strings."""
        if schema is True:
            return []
        if schema is False:
            return [f"{where}: no value is allowed here"]
        unknown = set(schema) - KNOWN
        if unknown:
            raise ValueError(f"schema keyword(s) not supported: {sorted(unknown)}")
        out = []
        if "$ref" in schema:
            out += self.errors(value, self.resolve(schema["$ref"]), where)
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(TYPES[t](value) for t in types):
                return out + [f"{where}: expected {' or '.join(types)}, got {json.dumps(value)[:60]}"]
        if "const" in schema and not same(value, schema["const"]):
            out.append(f"{where}: must be {json.dumps(schema['const'])}")
        if "enum" in schema and not any(same(value, e) for e in schema["enum"]):
            out.append(f"{where}: {json.dumps(value)[:60]} is not one of {schema['enum']}")
        if "minimum" in schema and TYPES["number"](value) and value < schema["minimum"]:
            out.append(f"{where}: {value} is below {schema['minimum']}")
        if isinstance(value, dict):
            out += self.object_errors(value, schema, where)
        if isinstance(value, list):
            out += self.array_errors(value, schema, where)
        for sub in schema.get("allOf", []):
            out += self.errors(value, sub, where)
        if "anyOf" in schema:
            tries = [self.errors(value, sub, where) for sub in schema["anyOf"]]
            if all(tries):
                out.append(f"{where}: matches none of anyOf ({min(tries, key=len)[0]})")
        if "if" in schema:
            branch = "then" if not self.errors(value, schema["if"], where) else "else"
            if branch in schema:
                out += self.errors(value, schema[branch], where)
        return out

    def object_errors(self, value, schema, where):
        out = [f"{where}: missing required '{k}'" for k in schema.get("required", [])
               if k not in value]
        props = schema.get("properties", {})
        for k, v in value.items():
            if k in props:
                out += self.errors(v, props[k], f"{where}.{k}")
            elif "additionalProperties" in schema:
                out += self.errors(v, schema["additionalProperties"], f"{where}.{k}")
        return out

    def array_errors(self, value, schema, where):
        out = []
        if len(value) < schema.get("minItems", 0):
            out.append(f"{where}: fewer than {schema['minItems']} items")
        prefix = schema.get("prefixItems", [])
        for i, v in enumerate(value):
            sub = prefix[i] if i < len(prefix) else schema.get("items", True)
            out += self.errors(v, sub, f"{where}[{i}]")
        return out


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        v = Validator(json.load(f))
    bad = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            errs = v.errors(json.load(f), v.root)
        for e in errs[:20]:
            print(f"{path}: {e}")
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
