/** Which agency this deployment is (AGENCY_CODE). */
export const AGENCY_CODE = Symbol('AGENCY_CODE');
