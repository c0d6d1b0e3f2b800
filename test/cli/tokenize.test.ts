import { describe, expect, it } from 'vitest';
import { splitScript, tokenize } from '../../src/cli/tokenize.ts';

describe('splitScript', () => {
  it('skips blank lines and # comments and numbers commands by their first line', () => {
    const script = '# setup\n\naws ec2 describe-volumes\n   # indented comment\nsim storage\n';
    expect(splitScript(script)).toEqual([
      { text: 'aws ec2 describe-volumes', line: 3 },
      { text: 'sim storage', line: 5 },
    ]);
  });

  it('joins lines ending in a backslash, as pasted from the AWS documentation', () => {
    const script = [
      'aws ec2 create-snapshot \\',
      '    --volume-id vol-0123456789abcdef0 \\',
      '    --description "Daily backup"',
      'aws ec2 describe-snapshots',
    ].join('\n');
    expect(splitScript(script)).toEqual([
      { text: 'aws ec2 create-snapshot --volume-id vol-0123456789abcdef0 --description "Daily backup"', line: 1 },
      { text: 'aws ec2 describe-snapshots', line: 4 },
    ]);
  });

  it('forgives blanks after the backslash and CRLF line ends', () => {
    expect(splitScript('aws ec2 describe-volumes \\  \r\n  --volume-ids vol-1\r\n')).toEqual([
      { text: 'aws ec2 describe-volumes --volume-ids vol-1', line: 1 },
    ]);
  });

  it('keeps a quoted JSON value that spans several lines in one command', () => {
    const script = [
      "aws ec2 run-instances --image-id ami-1 --block-device-mappings '[",
      '  {"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 4}}',
      "]'",
      'sim storage',
    ].join('\n');
    const commands = splitScript(script);
    expect(commands).toHaveLength(2);
    const words = tokenize(commands[0]?.text ?? '');
    expect(words.ok && JSON.parse(words.words.at(-1) ?? '')).toEqual([{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 4 } }]);
  });

  it('a backslash continuation inside double quotes joins the text without a space', () => {
    const [command] = splitScript('sim write i-1 /a "one\\\ntwo"');
    expect(tokenize(command?.text ?? '')).toEqual({ ok: true, words: ['sim', 'write', 'i-1', '/a', 'onetwo'] });
  });

  it('a quote left open at the end of the input becomes one command that reports it', () => {
    const commands = splitScript('aws ec2 create-snapshot --description "oops\nsim storage');
    expect(commands).toHaveLength(1);
    expect(tokenize(commands[0]?.text ?? '')).toEqual({ ok: false, message: 'unterminated double-quoted string' });
  });
});

describe('tokenize', () => {
  it('splits words like a POSIX shell', () => {
    expect(tokenize(`aws ec2 create-tags --resources i-1 --tags 'Key=Name,Value=web server' "Key=env,Value=\\"prod\\""`)).toEqual({
      ok: true,
      words: ['aws', 'ec2', 'create-tags', '--resources', 'i-1', '--tags', 'Key=Name,Value=web server', 'Key=env,Value="prod"'],
    });
  });

  it('keeps backslashes of single-quoted parts, whatever follows in the same word', () => {
    expect(tokenize(String.raw`x 'a\\b'"c" "d\"e\\f\g" e\ f $'tab\there'`)).toEqual({
      ok: true,
      words: ['x', String.raw`a\\bc`, String.raw`d"e\f\g`, 'e f', 'tab\there'],
    });
  });

  it('drops a trailing comment but keeps # inside words and quotes', () => {
    expect(tokenize('sim write i-1 /a "#1 of 2" # note')).toEqual({ ok: true, words: ['sim', 'write', 'i-1', '/a', '#1 of 2'] });
    expect(tokenize('sim write i-1 /a x#y')).toEqual({ ok: true, words: ['sim', 'write', 'i-1', '/a', 'x#y'] });
  });

  it.each([
    ['aws ec2 describe-volumes | grep vol', 'pipes'],
    ['aws ec2 describe-volumes > out.json', 'redirections'],
    ['aws ec2 describe-volumes; sim storage', 'command lists'],
    ['aws ec2 describe-volumes && sim storage', 'background jobs'],
    ['aws ec2 create-snapshot --volume-id "$(cat id)"', 'command substitution ($(...)) inside a command'],
    ['aws ec2 create-snapshot --volume-id `cat id`', 'command substitution (`...`)'],
    ['aws ec2 create-snapshot --description "`date`"', 'command substitution (`...`)'],
    ['sim advance $((60 * 5))', 'arithmetic'],
    ['aws ec2 describe-volumes --region $1', 'special shell parameter $1'],
    ['sim write i-1 /a "$?"', 'special shell parameter $?'],
    ['aws ec2 create-snapshot --volume-id ${VOLUME:-vol-1}', 'parameter expansions'],
  ])('refuses shell features the simulator does not have: %s', (line, feature) => {
    const result = tokenize(line);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(feature);
  });

  it('allows those characters inside single quotes', () => {
    expect(tokenize("aws ec2 describe-volumes --query 'Volumes[?Size > `8`] | [0]'")).toEqual({
      ok: true,
      words: ['aws', 'ec2', 'describe-volumes', '--query', 'Volumes[?Size > `8`] | [0]'],
    });
  });
});
