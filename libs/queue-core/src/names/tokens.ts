/** DI token of the process's pino `Logger`. */
export const LOGGER = Symbol('jobq:logger');

/** DI token of the {@link ProcessRole} of this process. */
export const PROCESS_ROLE = Symbol('jobq:process-role');

/** Which jobq app this process is; decides connection behaviour. */
export type ProcessRole = 'api' | 'worker' | 'dashboard' | 'tool';
