// Expected outputs come from the AWS CLI user guide ("Setting the output format") where it shows
// them, and otherwise from the algorithms of awscli/formatter.py, text.py and table.py.
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { formatJson, formatTable, formatText } from '../../src/cli/format.ts';
import { pythonIsoformat } from '../../src/cli/run.ts';

// The describe-volumes response used by the AWS CLI user guide's output-format examples.
const VOLUMES = {
  Volumes: [
    {
      AvailabilityZone: 'us-west-2a',
      Attachments: [
        {
          AttachTime: '2013-09-17T00:55:03.000Z',
          InstanceId: 'i-a071c394',
          VolumeId: 'vol-e11a5288',
          State: 'attached',
          DeleteOnTermination: true,
          Device: '/dev/sda1',
        },
      ],
      VolumeType: 'standard',
      VolumeId: 'vol-e11a5288',
      State: 'in-use',
      SnapshotId: 'snap-f23ec1c8',
      CreateTime: '2013-09-17T00:55:03.000Z',
      Size: 30,
    },
    {
      AvailabilityZone: 'us-west-2a',
      Attachments: [
        {
          AttachTime: '2013-09-18T20:26:16.000Z',
          InstanceId: 'i-4b41a37c',
          VolumeId: 'vol-2e410a47',
          State: 'attached',
          DeleteOnTermination: true,
          Device: '/dev/sda1',
        },
      ],
      VolumeType: 'standard',
      VolumeId: 'vol-2e410a47',
      State: 'in-use',
      SnapshotId: 'snap-708e8348',
      CreateTime: '2013-09-18T20:26:15.000Z',
      Size: 8,
    },
  ],
};

describe('json', () => {
  it('is indented by 4 spaces and ends with a newline', () => {
    expect(formatJson({ SnapshotId: 'snap-1', Tags: [], Progress: '' })).toBe(
      '{\n    "SnapshotId": "snap-1",\n    "Tags": [],\n    "Progress": ""\n}\n',
    );
  });

  it('prints nothing for an empty response and null for an empty query result', () => {
    expect(formatJson({})).toBe('');
    expect(formatJson(null)).toBe('null\n');
    expect(formatJson([])).toBe('[]\n');
  });

  it('keeps non-ASCII text as is (ensure_ascii=False)', () => {
    expect(formatJson({ Description: 'sauvegarde été' })).toBe('{\n    "Description": "sauvegarde été"\n}\n');
  });
});

describe('text', () => {
  it('matches the user guide: one row per item, list key upper-cased, scalars in key order', () => {
    expect(formatText(VOLUMES)).toBe(
      [
        'VOLUMES\tus-west-2a\t2013-09-17T00:55:03.000Z\t30\tsnap-f23ec1c8\tin-use\tvol-e11a5288\tstandard',
        'ATTACHMENTS\t2013-09-17T00:55:03.000Z\tTrue\t/dev/sda1\ti-a071c394\tattached\tvol-e11a5288',
        'VOLUMES\tus-west-2a\t2013-09-18T20:26:15.000Z\t8\tsnap-708e8348\tin-use\tvol-2e410a47\tstandard',
        'ATTACHMENTS\t2013-09-18T20:26:16.000Z\tTrue\t/dev/sda1\ti-4b41a37c\tattached\tvol-2e410a47',
        '',
      ].join('\n'),
    );
  });

  it('--query results: lists of lists become tab-separated rows, scalars one per line', () => {
    const rows = jmespath.search(VOLUMES, 'Volumes[*].[VolumeId, Size]');
    expect(formatText(rows)).toBe('vol-e11a5288\t30\nvol-2e410a47\t8\n');
    expect(formatText(jmespath.search(VOLUMES, 'Volumes[*].VolumeId'))).toBe('vol-e11a5288\tvol-2e410a47\n');
    expect(formatText(jmespath.search(VOLUMES, 'Volumes[0].Size'))).toBe('30\n');
    expect(formatText(null)).toBe('None\n');
  });

  it('a top-level scalar member prints on its own row without a prefix', () => {
    expect(formatText({ ImageId: 'ami-1' })).toBe('ami-1\n');
    expect(formatText({ Return: true, DeleteSnapshotResults: [{ SnapshotId: 'snap-1', ReturnCode: 'success' }] })).toBe(
      'True\nDELETESNAPSHOTRESULTS\tsuccess\tsnap-1\n',
    );
  });
});

describe('table', () => {
  it('matches the user guide example for a --query with a multi-select hash', () => {
    const data = jmespath.search(VOLUMES, 'Volumes[*].{ID:VolumeId,InstanceId:Attachments[0].InstanceId,AZ:AvailabilityZone,Size:Size}');
    expect(formatTable('DescribeVolumes', data)).toBe(
      [
        '------------------------------------------------------',
        '|                   DescribeVolumes                  |',
        '+------------+----------------+--------------+-------+',
        '|     AZ     |      ID        | InstanceId   | Size  |',
        '+------------+----------------+--------------+-------+',
        '|  us-west-2a|  vol-e11a5288  |  i-a071c394  |  30   |',
        '|  us-west-2a|  vol-2e410a47  |  i-4b41a37c  |  8    |',
        '+------------+----------------+--------------+-------+',
        '',
      ].join('\n'),
    );
  });

  it('nests sections for lists and structures, one bar per level', () => {
    const out = formatTable('CreateSnapshot', { SnapshotId: 'snap-1', State: 'pending', Tags: [{ Key: 'Name', Value: 'db' }] });
    expect(out).toBe(
      [
        '---------------------------',
        '|     CreateSnapshot      |',
        '+-------------+-----------+',
        '| SnapshotId  |   State   |',
        '+-------------+-----------+',
        '|  snap-1     |  pending  |',
        '+-------------+-----------+',
        '||         Tags          ||',
        '|+----------+------------+|',
        '||    Key   |   Value    ||',
        '|+----------+------------+|',
        '||  Name    |  db        ||',
        '|+----------+------------+|',
        '',
      ].join('\n'),
    );
  });

  it('turns single-row sections into two columns when wider than 80 columns', () => {
    const wide = { Description: 'x'.repeat(40), SnapshotId: 'snap-0123456789abcdef0', VolumeId: 'vol-0123456789abcdef0' };
    const lines = formatTable('CreateSnapshot', wide).split('\n');
    expect(lines[3]).toMatch(/^\|  Description\s+\|  x{40}\s+\|$/);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });

  it('prints nothing for an empty response', () => {
    expect(formatTable('DeleteSnapshot', {})).toBe('');
  });
});

describe('timestamps', () => {
  it("are printed in Python's isoformat, as AWS CLI v2 does", () => {
    expect(pythonIsoformat('2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00+00:00');
    expect(pythonIsoformat('2026-01-01T00:00:05.250Z')).toBe('2026-01-01T00:00:05.250000+00:00');
    expect(pythonIsoformat('not a time')).toBe('not a time');
  });
});
