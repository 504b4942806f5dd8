// Exemptions: the `exemptions` setting every policy accepts (schema.ts), matching (match.ts), the
// one function that applies them and records what took effect (apply.ts, ledger.ts), the advisory
// that lists it (in-use.ts), and the wrapper that gives every policy of the pack the setting (wrap.ts).

import { Policies } from "@pulumi/policy";
import { exemptionsInUse } from "./in-use";

export { exemptionsInUse };
export { withExemption, withExemptions } from "./wrap";

/** Goes last in the pack: it reports what the policies before it exempted. */
export const exemptionPolicies: Policies = [exemptionsInUse];
