// Pulumi's published AWS policy pack, every policy mandatory, served the way the engine serves
// a pack (run-policy-pack requires this file). `npm run bench` compares it with
// zero-trust-guardrails over the same resources.
"use strict";
const { AwsGuard } = require("@pulumi/awsguard");

const pack = new AwsGuard({ all: "mandatory" });

// `{ all: "mandatory" }` travels as the pack's initial config, which the Pulumi engine merges into
// the config it sends with `configure`; the offline Analyzer client sends only the user's config.
// Setting the level on each policy makes every policy mandatory under either client.
for (const policy of pack.policies) {
    policy.enforcementLevel = "mandatory";
}
