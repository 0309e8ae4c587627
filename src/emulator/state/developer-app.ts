/** The public (OAuth) app the emulator hosts, with the credentials its developer would hold. */
export interface DeveloperApp {
  appId: number;
  clientId: string;
  clientSecret: string;
  developerApiKey: string;
}
