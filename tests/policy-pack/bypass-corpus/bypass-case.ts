// One entry of the bypass corpus: resources an attacker (or a careless author) wrote to get past the
// pack, and their compliant twin. The corpus is kept in the tests so that a closed bypass stays
// closed and its size can be quoted: how many tries, how many passed that must fail.

import type { PolicyResource } from "../harness";

export interface BypassCase {
    /** What was tried, in a few words (the test's title). */
    readonly title: string;
    /** The policy that must refuse the violating resources and accept the compliant ones. */
    readonly policy: string;
    /**
     * The resources, as the engine hands them to a stack policy (link them with `dependsOnVia`).
     * For a resource policy each resource is checked on its own; the case is caught when any is refused.
     */
    readonly violating: () => PolicyResource[];
    /** The same intent written so that it complies: no resource may be refused. */
    readonly compliant: () => PolicyResource[];
    /** Policy config, when the case needs a setting. */
    readonly config?: object;
}
