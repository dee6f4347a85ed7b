/** A GC Notify-compatible server for development and tests (see README.md and docs/adr/0010). */
export { startNotifyStandIn } from './notify-stand-in.ts';
export type { NotifyStandIn, NotifyStandInOptions, InjectedFault } from './notify-stand-in.ts';
export { GUICHET_TEMPLATE_IDS, GUICHET_TEMPLATES } from './stand-in-templates.ts';
export type { StoredNotification } from './stand-in-delivery.ts';
