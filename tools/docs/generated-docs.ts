// Every document `npm run docs` generates, and where: the stack config reference (whole file) and
// the control catalogue's tables in docs/controls.md (between its markers). tools/docs/write-docs.ts writes
// them; tests/docs/generated-docs.test.ts fails when a committed one is out of date.

import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { ENVIRONMENT_CONFIG_KEYS } from "../../stacks/config/load-environment-config";
import { MANAGEMENT_CONFIG_KEYS } from "../../stacks/config/load-management-config";
import { environmentConfigSchema } from "../../stacks/config/environment-schema";
import { managementConfigSchema } from "../../stacks/config/management-schema";
import { PROJECT_NAMESPACE } from "../../stacks/config/stack-config-reader";
import { configSection, type ProjectDefaults, type StackKindReference } from "./config-reference";
import { withControlTables } from "./control-catalogue";

/** The repository's root. */
export const ROOT = path.join(__dirname, "..", "..");

/** One generated document: its path from the root, and its content from the current contents. */
export interface GeneratedDoc {
    readonly path: string;
    readonly render: (current: string) => string;
}

export const STACK_KINDS: readonly StackKindReference[] = [
    {
        heading: "Environment stacks",
        intro: "`Pulumi.staging.yaml`, `Pulumi.prod.yaml`: `zero-trust-aws:kind` unset or `environment` (`stacks/environment.ts`, schema `stacks/config/environment-schema.ts` and the schemas it includes).",
        schema: environmentConfigSchema,
        configKeys: ENVIRONMENT_CONFIG_KEYS,
    },
    {
        heading: "The management stack",
        intro: "`Pulumi.management.yaml`: `zero-trust-aws:kind: management` (`stacks/management.ts`, schema `stacks/config/management-schema.ts`).",
        schema: managementConfigSchema,
        configKeys: MANAGEMENT_CONFIG_KEYS,
    },
];

/** Pulumi.yaml's project-level config defaults, by full config key. */
export function projectDefaults(pulumiYaml: string): ProjectDefaults {
    const config = (parse(pulumiYaml) as { config?: Record<string, unknown> }).config ?? {};
    const defaults: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(config)) {
        if (entry !== null && typeof entry === "object" && "default" in entry) {
            defaults[name.includes(":") ? name : `${PROJECT_NAMESPACE}:${name}`] = entry.default;
        }
    }
    return defaults;
}

const CONFIG_REFERENCE_INTRO = [
    "# Stack config reference",
    "",
    "<!-- Generated from the zod schemas in stacks/config by `npm run docs`; edit the schemas' `.meta({ description })`, not this file. -->",
    "",
    "Keys live in `Pulumi.<stack>.yaml`; `Pulumi.yaml` holds project-wide defaults. The program validates the whole config before",
    "declaring any resource, and refuses a bad value with one line naming the key, the value (as JSON: a string keeps its quotes)",
    "and what was expected. A key nothing reads is refused too, not ignored: a key of the `zero-trust-aws` namespace no kind of",
    "stack reads, at any level (with the key meant when it is one or two edits away: `zero-trust-aws:netwrok` names",
    "`zero-trust-aws:network`), and a namespace that is a near miss of `zero-trust-aws`, `aws`, `pulumi`, `aws-native` or `awsx`",
    "(`asw:region`; one edit for names of up to four characters, two for longer ones). Other namespaces (`tls:`, `random:`) are",
    "other providers' and are left alone, as Pulumi leaves them; so are `aws:` keys other than near misses of `aws:region`.",
    "`__proto__`, `constructor` and `prototype` are refused as keys anywhere in a value (JavaScript would drop them).",
    "`zero-trust-aws:kind` says which stack this is: `environment` (default) or `management`.",
    "",
    "Objects are broken down into their fields (`zero-trust-aws:network.vpcCidr` is the field `vpcCidr` of the object `zero-trust-aws:network`);",
    '`[]` marks the fields of each item of a list. "Required in `x`" means required when `x` is set.',
].join("\n");

/** docs/config-reference.md, whole. */
export function configReferenceDocument(pulumiYaml: string): string {
    const defaults = projectDefaults(pulumiYaml);
    return [CONFIG_REFERENCE_INTRO, ...STACK_KINDS.map((kind) => configSection(kind, defaults))].join("\n\n") + "\n";
}

export const GENERATED_DOCS: readonly GeneratedDoc[] = [
    {
        path: "docs/config-reference.md",
        render: () => configReferenceDocument(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")),
    },
    { path: "docs/controls.md", render: (current) => withControlTables(current) },
];
