/** Types of find-browser.cjs. */
export declare const BROWSER_VARIABLES: readonly string[];
export declare const REQUIRE_VARIABLE: string;
export type BrowserSearch = { path: string; from: string } | { path: null; reason: string };
export declare function browserCandidates(platform: string, env: Record<string, string | undefined>): string[];
export declare function isExecutable(file: string): boolean;
export declare function findBrowser(options?: {
  env?: Record<string, string | undefined>;
  platform?: string;
  candidates?: string[];
  isExecutable?: (file: string) => boolean;
}): BrowserSearch;
export declare function skipLine(reason: string): string;
