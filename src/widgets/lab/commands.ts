/**
 * The Lab's light use of the AWS CLI, kept out of React: formatCall for the command behind every
 * click. Loaded through cli.ts on the learner's first interaction with a lab; Tab completion is
 * completion.ts, loaded when the terminal's prompt is first focused, and running typed text is
 * terminal.ts, loaded on the first command.
 */
export { formatCall } from '../../cli/format-call.ts';
