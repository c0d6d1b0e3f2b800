// Help pages in the layout of the AWS CLI's rendered man pages (NAME, DESCRIPTION, SYNOPSIS,
// OPTIONS, OUTPUT), generated from the operation table, the waiter table and the sim commands,
// so every operation has help and none can drift from what the parser accepts. The words come
// from docs.ts, which loads with this module (only for a help command, in a browser).
import { OPERATION_DOCS, SIM_COMMAND_DOCS, type OperationDoc } from './docs.ts';
import type { OperationDef, OptionDef } from './operations.ts';
import { SIM_COMMANDS, simUsage } from './simcommands.ts';
import { WAITERS, waiterDescription, type WaiterDef } from './waiters.ts';

const WIDTH = 79;

function wrap(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && pad.length + line.length + 1 + word.length > WIDTH) {
        lines.push(pad + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line === '' ? '' : pad + line);
  }
  return lines.join('\n');
}

function header(title: string): string {
  const t = `${title.toUpperCase()}()`;
  return `${t}${' '.repeat(Math.max(1, WIDTH - 1 - t.length * 2))}${t}\n\n`;
}

function section(name: string, body: string): string {
  return `${name}\n${body}\n\n`;
}

function synopsisLine(o: OptionDef): string {
  const value = o.shape.type === 'boolean' ? '' : ' <value>';
  const form = o.negative !== undefined ? `--${o.name} | --${o.negative}` : `--${o.name}${value}`;
  return o.required ? form : `[${form}]`;
}

const GLOBAL_OPTIONS_HELP = [
  ['--region (string)', 'The Region to use: us-east-1 (default) or eu-west-1, the two Regions of the simulated account.'],
  ['--output (string)', 'The formatting style for command output: json (default), text or table.'],
  ['--query (string)', 'A JMESPath query to use in filtering the response data.'],
  ['--no-paginate, --no-cli-pager, --color', 'Accepted for compatibility; the simulator neither pages nor colours output.'],
] as const;

function globalOptions(): string {
  return GLOBAL_OPTIONS_HELP.map(([name, doc]) => `       ${name}\n${wrap(doc, 10)}`).join('\n\n');
}

/** The words of an operation's help; a missing doc is a bug that docs.test.ts reports. */
function docOf(op: OperationDef): OperationDoc {
  return OPERATION_DOCS[op.name] ?? { summary: '', options: {}, output: [] };
}

export function operationHelp(op: OperationDef, doc: OperationDoc = docOf(op)): string {
  const synopsis = [`            ${op.name}`, ...op.options.map((o) => `          ${synopsisLine(o)}`)].join('\n');
  const options = op.options
    .map((o) => {
      const name = o.negative !== undefined ? `--${o.name} | --${o.negative}` : `--${o.name}`;
      const type = o.custom === 'count' ? 'string' : o.shape.type;
      const req = o.required ? ' [required]' : '';
      return `       ${name} (${type})${req}\n${wrap(doc.options[o.name] ?? '', 10)}`;
    })
    .join('\n\n');
  const output = doc.output.length === 0
    ? '       None'
    : doc.output.map((k) => `       ${k}`).join('\n');
  return (
    header(op.name) +
    section('NAME', `       ${op.name} -`) +
    section('DESCRIPTION', wrap(doc.summary, 7)) +
    section('SYNOPSIS', synopsis) +
    section('OPTIONS', options) +
    section('GLOBAL OPTIONS', globalOptions()) +
    section('OUTPUT', output)
  ).trimEnd() + '\n';
}

export function serviceHelp(operations: readonly OperationDef[]): string {
  const commands = [...operations.map((o) => o.name), 'wait'].sort().map((n) => `       o ${n}`).join('\n\n');
  return (
    header('ec2') +
    section('NAME', '       ec2 -') +
    section(
      'DESCRIPTION',
      wrap(
        'Amazon Elastic Compute Cloud, as simulated by AMI & Snapshot Lab: instances, EBS volumes, EBS snapshots ' +
          'and AMIs in one account with the Regions us-east-1 and eu-west-1. Commands return at once; only aws ec2 ' +
          'wait and sim advance move the simulated clock.',
        7,
      ),
    ) +
    section('AVAILABLE COMMANDS', commands)
  ).trimEnd() + '\n';
}

export function waitHelp(): string {
  const list = WAITERS.map((w) => `       o ${w.cliName}`).join('\n\n');
  return (
    header('wait') +
    section('NAME', '       wait -') +
    section(
      'DESCRIPTION',
      wrap('Wait until a particular condition is satisfied. Each subcommand polls an API until the listed requirement ' +
        'is met.', 7),
    ) +
    section('AVAILABLE COMMANDS', list)
  ).trimEnd() + '\n';
}

export function waiterHelp(w: WaiterDef, describe: OperationDef): string {
  return operationHelp({ ...describe, name: w.cliName }, { ...docOf(describe), summary: waiterDescription(w), output: [] });
}

/** `help` and `aws help`: what this terminal runs. */
export function topHelp(packages: readonly string[]): string {
  return (
    header('aws') +
    section('NAME', '       aws -') +
    section(
      'DESCRIPTION',
      wrap(
        'This terminal runs AWS CLI v2 commands against a simulated AWS account (aws ec2 ...), and a few ' +
          'simulator-only commands (sim ...). Output and errors are what AWS CLI v2 prints. Type aws ec2 help for ' +
          'the list of EC2 commands, and aws ec2 <command> help for the options of one of them.',
        7,
      ),
    ) +
    section('SYNOPSIS', '          aws [options] ec2 <command> [parameters]\n          sim <command> [arguments]') +
    section('AVAILABLE SERVICES', '       o ec2') +
    section(
      'SHELL VARIABLES',
      wrap(
        'NAME=value sets a variable, and NAME=$(command) keeps what one aws or sim command prints (use --output ' +
          'text), for example ID=$(aws ec2 run-instances ... --query \'Instances[0].InstanceId\' --output text). Later ' +
          'lines use $NAME or ${NAME}, outside single quotes. A variable that is not set is an error. Pipes, ' +
          '&&, ;, redirections, $? and $((...)) are not available.',
        7,
      ),
    ) +
    simCommandsSection(packages)
  ).trimEnd() + '\n';
}

function simCommandsSection(packages: readonly string[]): string {
  const commands = SIM_COMMANDS.map((c) => {
    const doc = SIM_COMMAND_DOCS[c.name];
    return `       ${simUsage(c)}\n${wrap(doc?.summary ?? '', 10)}\n${wrap(`Prints ${doc?.outputShape ?? ''}.`, 10)}`;
  }).join('\n\n');
  const pkgs = packages.length === 0 ? '       (none)' : wrap(packages.join(', '), 7);
  return section('SIMULATOR COMMANDS', commands) + section('PACKAGES FOR SIM INSTALL', pkgs);
}

export function simHelp(packages: readonly string[]): string {
  return (header('sim') + simCommandsSection(packages)).trimEnd() + '\n';
}
