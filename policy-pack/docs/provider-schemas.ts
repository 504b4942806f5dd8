// The resource types of the pinned provider SDKs (@pulumi/aws, @pulumi/aws-native) and the
// top-level properties each one takes, read from the SDKs' own type definitions with the
// TypeScript compiler API (parsing only, no type check). The pack never loads a provider SDK; this
// is for the tools that check the pack against them: the test that proves every property name the
// pack reads, and the README's "Not yet covered" report. `npm run docs` and the tests run from the
// project root, whose dependencies pin both SDKs.

import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export type Provider = "aws" | "aws-native";

export const PROVIDERS: readonly Provider[] = ["aws", "aws-native"];

export interface ProviderResource {
    /** The type token, `aws:ec2/instance:Instance`. */
    type: string;
    provider: Provider;
    /** The SDK module (folder) that declares it, `ec2`. */
    module: string;
    /** Its declaration file (`<module>/<resource>.d.ts`). */
    declarations: string;
}

const REGISTRATION = /static __pulumiType = '([^']+)'/;

/** The provider a type token belongs to (undefined for other providers). */
export function providerOf(type: string): Provider | undefined {
    return type.startsWith("aws-native:") ? "aws-native" : type.startsWith("aws:") ? "aws" : undefined;
}

/**
 * The top-level property names of the named interfaces in a declaration file's text. Only each
 * interface's own text is parsed (the generated files close it with a `}` in column 0): the class
 * documentation before it is most of the file, and parsing it would double the time.
 */
export function interfaceProperties(text: string, interfaces: readonly string[]): Set<string> {
    const names = new Set<string>();
    for (const name of interfaces) {
        const start = text.indexOf(`export interface ${name} {`);
        const end = text.indexOf("\n}", start);
        if (start < 0 || end < 0) {
            continue;
        }
        const source = ts.createSourceFile(`${name}.d.ts`, text.slice(start, end + 2), ts.ScriptTarget.Latest, false);
        for (const statement of source.statements.filter(ts.isInterfaceDeclaration)) {
            for (const member of statement.members) {
                if (ts.isPropertySignature(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
                    names.add(member.name.text);
                }
            }
        }
    }
    return names;
}

function resourcesOf(provider: Provider): ProviderResource[] {
    const root = path.dirname(require.resolve(`@pulumi/${provider}/package.json`));
    const found: ProviderResource[] = [];
    for (const file of fs.readdirSync(root, { recursive: true, encoding: "utf8" })) {
        if (!file.endsWith(".js") || file.split(path.sep).includes("node_modules")) {
            continue;
        }
        const type = REGISTRATION.exec(fs.readFileSync(path.join(root, file), "utf8"))?.[1];
        if (type !== undefined) {
            const module = path.dirname(file).split(path.sep).join("/");
            found.push({ type, provider, module, declarations: path.join(root, file.replace(/\.js$/, ".d.ts")) });
        }
    }
    return found;
}

let resources: ReadonlyMap<string, ProviderResource> | undefined;
const properties = new Map<string, Properties>();

/** Every resource type both SDKs register, by type token (read once per process). */
export function providerResources(): ReadonlyMap<string, ProviderResource> {
    resources ??= new Map(PROVIDERS.flatMap(resourcesOf).map((resource) => [resource.type, resource] as const));
    return resources;
}

/** A resource class's outputs: the generated `readonly <name>: pulumi.Output<…>` members. */
const OUTPUT_MEMBER = /^ {4}readonly (\w+): pulumi\.Output</gm;

interface Properties {
    /** What a program writes or imports: the `<Name>Args` and `<Name>State` interfaces. */
    inputs: ReadonlySet<string>;
    /** What a policy may read: the inputs, the class's outputs (a stack policy sees outputs, such as aws-native's `groupId`), and `id`, which every custom resource has. */
    readable: ReadonlySet<string>;
}

function propertiesOf(type: string): Properties | undefined {
    const resource = providerResources().get(type);
    if (resource === undefined) {
        return undefined;
    }
    let found = properties.get(type);
    if (found === undefined) {
        const name = type.slice(type.lastIndexOf(":") + 1);
        const text = fs.readFileSync(resource.declarations, "utf8");
        const inputs = interfaceProperties(text, [`${name}Args`, `${name}State`]);
        const outputs = [...text.matchAll(OUTPUT_MEMBER)].map(([, output]) => output);
        found = { inputs, readable: new Set([...inputs, ...outputs, "id"]) };
        properties.set(type, found);
    }
    return found;
}

/** The top-level input properties of a type, parsed on first use; undefined when the SDKs register no such type. */
export function resourceInputs(type: string): ReadonlySet<string> | undefined {
    return propertiesOf(type)?.inputs;
}

/** Every top-level property a policy may read of a type: inputs, outputs and `id`; undefined when the SDKs register no such type. */
export function resourceProperties(type: string): ReadonlySet<string> | undefined {
    return propertiesOf(type)?.readable;
}
