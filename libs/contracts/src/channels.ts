/** Where an application came from: every channel goes through the same front door. */
export const CHANNELS = ['WEB', 'MOBILE', 'COUNTER', 'KIOSK', 'CALL_CENTER', 'PORTAL'] as const;
export type Channel = (typeof CHANNELS)[number];
