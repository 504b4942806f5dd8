// Program entry (package.json "main"). Pulumi (and the offline preview) calls the exported function
// and awaits its result, which becomes the stack outputs. Config is validated first, so a bad value
// stops the run before any resource is declared.
import { loadEnvironmentConfig } from "./config/load-environment-config";
import { buildEnvironment, type EnvironmentOutputs } from "./environment";

export = (): EnvironmentOutputs => buildEnvironment(loadEnvironmentConfig());
