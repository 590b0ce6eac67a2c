// Workflow commands written by actions/toolkit itself (@actions/core), for
// tests/test_actions_log.py: reads a JSON list of {kind, message, properties} on standard
// input and prints each as core.error/warning/notice/startGroup would in a GitHub action.
import * as core from "@actions/core";

let input = "";
for await (const chunk of process.stdin) input += chunk;
for (const c of JSON.parse(input)) {
  if (c.kind === "group") core.startGroup(c.message);
  else core[c.kind](c.message, c.properties);
}
