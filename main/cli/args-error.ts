// A mistake on the command line, said in one sentence for the user (never a stack trace).
export class ArgsError extends Error {
  override readonly name = 'ArgsError';
}
