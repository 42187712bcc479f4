/** Receives one progress line of the engine setup (the CLI prints them on stderr). */
export type Log = (line: string) => void;
