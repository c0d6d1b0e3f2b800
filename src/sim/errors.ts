// Every failure inside an action is thrown as a SimError and turned into an Ec2Error by execute(),
// so actions read top-down without threading results through every helper.
import type { Ec2Error } from './types.ts';

export class SimError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
  toEc2Error(): Ec2Error {
    return { Code: this.code, Message: this.message };
  }
}

export function fail(code: string, message: string): never {
  throw new SimError(code, message);
}

export function missingParameter(name: string): never {
  return fail('MissingParameter', `The request must contain the parameter ${name}`);
}

export function invalidValue(name: string, value: unknown, reason?: string): never {
  const shown = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return fail('InvalidParameterValue', `Invalid value '${shown}' for ${name}.${reason ? ` ${reason}` : ''}`);
}
