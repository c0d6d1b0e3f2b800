// The waiters of `aws ec2 wait` by CLI name, with the describe operation each one polls (whose
// options are the waiter's options): all that Tab completion needs, apart from the acceptors
// and timings of waiters.ts, which only running a command needs. waiters.ts defines exactly
// these waiters (its table is typed by WaiterCliName).

export const WAITER_OPERATIONS = {
  'image-available': 'describe-images',
  'image-exists': 'describe-images',
  'instance-exists': 'describe-instances',
  'instance-running': 'describe-instances',
  'instance-stopped': 'describe-instances',
  'instance-terminated': 'describe-instances',
  'snapshot-completed': 'describe-snapshots',
  'volume-available': 'describe-volumes',
  'volume-deleted': 'describe-volumes',
  'volume-in-use': 'describe-volumes',
} as const;

export type WaiterCliName = keyof typeof WAITER_OPERATIONS;
