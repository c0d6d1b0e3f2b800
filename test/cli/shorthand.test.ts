// Expected values follow awscli/shorthand.py (the grammar, its backtracking and its messages).
import { describe, expect, it } from 'vitest';
import { pythonInt } from '../../src/cli/python.ts';
import { ShorthandParser, applyShape } from '../../src/cli/shorthand.ts';
import { BlockDeviceMappings, Filters, LaunchPermissionModifications, Placement } from '../../src/cli/shapes.ts';

const parse = (s: string) => new ShorthandParser().parse(s);

describe('ShorthandParser', () => {
  it.each([
    ['a=b', { a: 'b' }],
    ['a=b,c', { a: ['b', 'c'] }],
    ['a=b,c=d', { a: 'b', c: 'd' }],
    ['a=b,c,d=e', { a: ['b', 'c'], d: 'e' }],
    ['a=b,c=d,e', { a: 'b', c: ['d', 'e'] }],
    ['a=b\\,c', { a: 'b,c' }],
    ['a=[b,c]', { a: ['b', 'c'] }],
    ['a=[]', { a: [] }],
    ['a={b=c,d=[e,f]}', { a: { b: 'c', d: ['e', 'f'] } }],
    ['a="b,c"', { a: 'b,c' }],
    ["a='x=y'", { a: 'x=y' }],
    ['a=', { a: '' }],
    ['Key=Name,Value=My Server', { Key: 'Name', Value: 'My Server' }],
    ['a=b ,c=d', { a: 'b', c: 'd' }],
    ['Name=tag:Name,Values=web', { Name: 'tag:Name', Values: 'web' }],
    ['Add=[{Group=all}]', { Add: [{ Group: 'all' }] }],
  ])('%s', (input, expected) => {
    expect(parse(input)).toEqual(expected);
  });

  it.each([
    ['a', "Expected: '=', received: 'EOF' for input:\na\n ^"],
    ['a==b', "Expected: ',', received: '=' for input:\na==b\n  ^"],
    ['a=[b', "Expected: ',', received: 'EOF' for input:\na=[b\n    ^"],
    ['a={b=c', "Expected: ',', received: 'EOF' for input:\na={b=c\n      ^"],
    [
      'a=b,a=c',
      'Second instance of key "a" encountered for input:\na=b,a=c\n    ^\nThis is often because there is a preceeding "," instead of a space.',
    ],
  ])('reports %s as the CLI does', (input, message) => {
    expect(() => parse(input)).toThrow(message);
  });
});

describe('applyShape (BackCompatVisitor)', () => {
  it('types integers and booleans per the model and wraps lone values in lists', () => {
    const parsed = parse('DeviceName=/dev/sdf,Ebs={VolumeSize=8,DeleteOnTermination=false,VolumeType=gp3}');
    expect(applyShape(parsed, BlockDeviceMappings.type === 'list' ? BlockDeviceMappings.member : BlockDeviceMappings)).toEqual({
      DeviceName: '/dev/sdf',
      Ebs: { VolumeSize: 8, DeleteOnTermination: false, VolumeType: 'gp3' },
    });
    expect(applyShape(parse('Name=status,Values=available'), Filters.type === 'list' ? Filters.member : Filters)).toEqual({
      Name: 'status',
      Values: ['available'],
    });
    expect(applyShape(parse('AvailabilityZone=us-east-1b,PartitionNumber=2'), Placement)).toEqual({
      AvailabilityZone: 'us-east-1b',
      PartitionNumber: 2,
    });
  });

  it('leaves a boolean that is not true/false as a string, for validation to report', () => {
    const member = BlockDeviceMappings.type === 'list' ? BlockDeviceMappings.member : BlockDeviceMappings;
    expect(applyShape(parse('Ebs={DeleteOnTermination=yes}'), member)).toEqual({ Ebs: { DeleteOnTermination: 'yes' } });
  });

  it('keeps lists of structures as written', () => {
    expect(applyShape(parse('Add=[{Group=all},{UserId=123456789012}]'), LaunchPermissionModifications)).toEqual({
      Add: [{ Group: 'all' }, { UserId: '123456789012' }],
    });
  });

  it("converts integers with Python's int() rules", () => {
    expect(pythonInt(' 42 ')).toBe(42);
    expect(pythonInt('-1_000')).toBe(-1000);
    expect(() => pythonInt('8GB')).toThrow("invalid literal for int() with base 10: '8GB'");
  });
});
