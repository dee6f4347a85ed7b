// One of the intake benchmark's client processes (`--processes N`): see intake-clients.ts.
import { serveAsChild } from './intake-clients.ts';

serveAsChild();
