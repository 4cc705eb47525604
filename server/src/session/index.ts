// The server's session: state over the files on disk (see session.ts for how the parts fit).
export { Session } from './session';
