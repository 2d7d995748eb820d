/**
 * How a command ends, for the shell and the workflows. 0: nothing needs the owner but the day's
 * personal touches. 1: content or settings have problems (what they touch was held back; with
 * broken settings nothing was sent). 3: the owner must act: sending stopped (the account, TLS,
 * the server), no email could be delivered, intake failed, an unknown outcome not yet settled, a
 * permanent failure, a reopened issue, or issues that could not be opened. 75: another run holds
 * the lock on the history, and this one did nothing. (2 is a bad command line, 70 a bug.)
 */
export const EXIT = { ok: 0, problems: 1, attention: 3, locked: 75 } as const;
