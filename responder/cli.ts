// `npm run respond -- --dry-run <event.json>`: prints, as a JSON array on stdout, exactly the
// actions the Lambda would take for the event. It reads the same RESPONDER_* environment variables
// as the Lambda (settings.ts), makes no AWS call and never acts: --dry-run is required so that the
// command line says so. Exit codes: 0 planned, 2 bad input (usage, unreadable or malformed event,
// bad setting), with one line on stderr.

import * as fs from "node:fs";
import { InputError } from "./input-error";
import { planResponse } from "./planner";
import { plannerSettingsFrom } from "./settings";

const USAGE = "usage: npm run respond -- --dry-run <event.json>";

function eventFile(args: readonly string[]): string {
    const files = args.filter((arg) => arg !== "--dry-run");
    const unknown = files.filter((arg) => arg.startsWith("-"));
    if (unknown.length > 0) {
        throw new InputError(`unknown option ${unknown[0]}; ${USAGE}`);
    }
    if (!args.includes("--dry-run")) {
        throw new InputError(`--dry-run is required (the CLI only plans, it never acts); ${USAGE}`);
    }
    if (files.length !== 1) {
        throw new InputError(`expected one event file, got ${files.length}; ${USAGE}`);
    }
    return files[0];
}

function readEvent(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new InputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
        return JSON.parse(text) as unknown;
    } catch (error) {
        throw new InputError(`${file}: expected a JSON event: ${error instanceof Error ? error.message : String(error)}`);
    }
}

function main(args: readonly string[]): number {
    try {
        const event = readEvent(eventFile(args));
        const actions = planResponse(event, plannerSettingsFrom(process.env), new Date());
        process.stdout.write(`${JSON.stringify(actions, null, 2)}\n`);
        return 0;
    } catch (error) {
        if (error instanceof InputError) {
            process.stderr.write(`error: ${error.message.replace(/\s*\n\s*/g, " ")}\n`);
            return 2;
        }
        throw error;
    }
}

process.exitCode = main(process.argv.slice(2));
