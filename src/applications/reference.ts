/** The application reference is the platform's one reference format (a person reads it over the phone). */
export { newReference, normaliseReference, REFERENCE_ALPHABET } from '../platform/reference/reference.ts';
