#!/usr/bin/env node
// The compiled CLI (npm run build compiles src/ to lib/; `prepare` does it on install).
import "../lib/cli/main.js";
