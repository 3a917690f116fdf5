// The package ships no types: its one function answers whether a password is on its list.
declare module 'fxa-common-password-list' {
  export function test(password: string): boolean;
}
