// Claims: what each text says happened, and when (see extract.ts).
export { extractClaims, type Claim, type ClaimInput, type DateRole } from './extract';
export { sameParticipant, type Participant, type ParticipantKind } from './participants';
export type { EventClass } from './eventWords';
