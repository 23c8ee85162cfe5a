// Checks the JSON Schemas that `ppsaudit schema service|rules` writes with ajv (draft-07, with
// ajv-formats, so that "format": "date" is asserted), in one node process:
//   good FILE...  every file is accepted by its schema;
//   bad FILE...   every file is rejected by its schema, or is listed in the --unexpressible
//                 file with the reason a JSON Schema cannot reject it, and no listed file is
//                 rejected: so the schemas and ppsaudit's own checks cannot drift apart.
// A file whose top level has the key 'ppsaudit-rules', or under a folder named bad-rules, is a rule
// pack; any other is a service file. YAML is read as YAML 1.2's core schema reads it (as
// yaml-language-server does): dates stay text, and only true and false are booleans. (ajv-cli's
// own `-d x.yaml` reads with js-yaml's default schema, which turns 2011-09-01 into a Date, so
// every date of a good file would be "must be string": hence ajv's API, as ajv-cli pins it.)
// Exit 77 when ajv is not installed (`bash .ci/setup --tests` installs it from tests/tools/).
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

function usage() {
  console.error(
    "usage: schema_check.cjs --tools NODE_MODULES --service SCHEMA --rules SCHEMA [--unexpressible LIST] " +
      "good|bad FILE...",
  );
  process.exit(2);
}

const options = { files: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  const arg = argv[i];
  if (arg.startsWith("--")) {
    if (i + 1 >= argv.length) usage();
    options[arg.slice(2)] = argv[++i];
  } else if (options.mode === undefined) {
    options.mode = arg;
  } else {
    options.files.push(arg);
  }
}
if (!options.tools || !options.service || !options.rules || !["good", "bad"].includes(options.mode)) usage();
if (options.mode === "bad" && !options.unexpressible) usage();
if (options.files.length === 0) {
  console.error("schema_check: no files to check");
  process.exit(1);
}

let Ajv, addFormats, yaml;
try {
  // ajv and js-yaml as ajv-cli, pinned in tests/tools/package-lock.json, depends on them.
  const fromCli = createRequire(path.resolve(options.tools, "ajv-cli", "package.json"));
  Ajv = fromCli("ajv").default;
  yaml = fromCli("js-yaml");
  addFormats = createRequire(path.resolve(options.tools, "ajv-formats", "package.json"))("ajv-formats").default;
} catch (error) {
  console.log(`ajv is not installed in ${options.tools} (bash .ci/setup --tests): ${error.message}`);
  process.exit(77);
}

// Strict mode: a keyword ajv does not know, or a type it cannot apply, is an error in the schema.
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const validators = {};
for (const kind of ["service", "rules"]) {
  validators[kind] = ajv.compile(JSON.parse(fs.readFileSync(options[kind], "utf8")));
}

// The text a case runs on, as tests/scripts/expect.py makes it from "# generate:" lines: the
// last line repeated N times more, or N 'x's longer before its last character. (The padding
// of "# generate: oversize" is comments, which change no data.)
function generated(text) {
  for (const match of text.matchAll(/^# generate: (repeat-last-line|lengthen-last-line) (\d+)$/gm)) {
    const lines = text.split(/(?<=\n)/);
    const last = lines.pop();
    const count = Number(match[2]);
    if (match[1] === "repeat-last-line") {
      text = lines.join("") + last.repeat(count);
    } else {
      const body = last.replace(/\n$/, "");
      text = lines.join("") + body.slice(0, -1) + "x".repeat(count) + body.slice(-1) + "\n";
    }
  }
  return text;
}

// What the schema says of `file`: {rejected, why} or {unchecked: reason} when it is not YAML.
function check(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    return { unchecked: `cannot be read (${error.code})` };
  }
  text = generated(text);
  let data;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    return { unchecked: `is not one YAML document: ${error.message.split("\n")[0]}` };
  }
  const isPack =
    path.basename(path.dirname(path.resolve(file))) === "bad-rules" ||
    (data !== null && typeof data === "object" && !Array.isArray(data) && "ppsaudit-rules" in data);
  const validate = validators[isPack ? "rules" : "service"];
  if (validate(data)) {
    return { rejected: false, kind: isPack ? "rules" : "service" };
  }
  const why = validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
  return { rejected: true, kind: isPack ? "rules" : "service", why };
}

const failures = [];
if (options.mode === "good") {
  for (const file of options.files) {
    const result = check(file);
    if (result.unchecked) {
      failures.push(`${file} ${result.unchecked}`);
    } else if (result.rejected) {
      failures.push(`${file}: the ${result.kind} schema rejects it: ${result.why}`);
    }
  }
} else {
  // "tests/bad-input/NAME.yaml: reason", one a line; '#' starts a comment.
  const listed = new Map();
  fs.readFileSync(options.unexpressible, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (line.trim() === "" || line.startsWith("#")) return;
      const match = /^(\S+): (\S.*)$/.exec(line);
      if (!match) {
        failures.push(`${options.unexpressible}:${index + 1}: write it as 'FILE: reason'`);
      } else {
        listed.set(match[1], index + 1);
      }
    });
  const named = new Set();
  for (const file of options.files) {
    const key = path.relative(options["source-dir"] || ".", path.resolve(file));
    named.add(key);
    const result = check(file);
    const where = listed.get(key);
    if (result.rejected && where !== undefined) {
      failures.push(
        `${options.unexpressible}:${where}: ${key} is listed as beyond a JSON Schema, but the ${result.kind} ` +
          `schema rejects it (${result.why}): remove it from the list`,
      );
    } else if (!result.rejected && where === undefined) {
      failures.push(
        `${key}: ppsaudit refuses it, but the ${result.kind || "service"} schema ` +
          `${result.unchecked ? "cannot read it: it " + result.unchecked : "accepts it"}; make the schema ` +
          `reject it, or list it in ${options.unexpressible} with the reason a JSON Schema cannot`,
      );
    }
  }
  for (const [key, where] of listed) {
    if (!named.has(key)) {
      failures.push(`${options.unexpressible}:${where}: ${key} is not among the bad cases`);
    }
  }
}

for (const failure of failures) console.log(`FAIL ${failure}`);
if (failures.length > 0) {
  console.log(`${failures.length} failed of ${options.files.length} files`);
  process.exit(1);
}
console.log(`schema_check ${options.mode}: all ${options.files.length} files as they should be`);
