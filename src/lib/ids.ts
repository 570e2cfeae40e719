import { uuidv7 } from 'uuidv7';

/** Time-ordered UUID v7, generated in code: PostgreSQL 15 has no uuidv7(). */
export const newId = (): string => uuidv7();
