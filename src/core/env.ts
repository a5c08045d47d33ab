/** The process environment, injected so that core code never reads `process.env` itself. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The clock, injected so that pure decisions and tests never depend on real time. */
export type Clock = () => Date;
